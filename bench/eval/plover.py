"""PLOVER gold-standard records: human-coded (source, event, target) sentences.

Not conflict-specific (edited news sentences from the CAMEO manual), which
is the point: they test whether kg's patterns generalise beyond the wars
they were written for. Event categories become kg relations:

    ASSAULT, FIGHT, COERCE -> targets        SUPPORT, AID -> backs
    COOPERATE, AGREE       -> alliedWith (lenient: backs or alliedWith, either way)

Each actor text ("Burundian militiamen") matches the kg entity whose name,
alias or demonym occurs in it. Sentences of other categories (THREATEN,
PROTEST...) have no gold here but still count against a kg relation they
make up between their coded actors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.eval.pipeline import Engine, Text, entities, evenly, predictions
from bench.eval.score import Case, GoldEntity, GoldRelation, Row, rows_from, score_cases
from bench.eval.split import scored

FOLDER = "plover-gsr"
DEFAULT_LIMIT = 322
EVENTS = {
    "ASSAULT": "targets",
    "FIGHT": "targets",
    "COERCE": "targets",
    "SUPPORT": "backs",
    "AID": "backs",
    "COOPERATE": "alliedWith (lenient)",
    "AGREE": "alliedWith (lenient)",
}
LABELS = {
    "targets": frozenset({"targets"}),
    "backs": frozenset({"backs"}),
    "alliedWith (lenient)": frozenset({"alliedWith", "backs"}),
}


def read_records(folder: Path) -> list[dict[str, Any]]:
    with (folder / "PLOVER_GSR_CAMEO.json").open(encoding="utf-8") as handle:
        records = json.load(handle)
    return [r for r in records if r.get("text") and r.get("event") != "DOCUMENT"]


def actors(value: Any) -> list[str]:
    """Actor texts of a ``source``/``target`` field (a list of dicts, or empty)."""
    if not isinstance(value, list):
        return []
    return [a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText")]


def to_case(record: dict[str, Any], engine: Engine) -> Case:
    sources = [engine.entity(a) for a in actors(record.get("source"))]
    targets = [engine.entity(a) for a in actors(record.get("target"))]
    label = EVENTS.get(record["event"])
    gold: list[GoldRelation] = []
    if label:
        symmetric = label.startswith("alliedWith")
        pairs = _pairs(sources, targets) if targets else _pairs(sources, sources)
        for s, t in pairs:
            either_way = symmetric or not targets
            gold.append(GoldRelation(label, s, t, LABELS[label], either_way))
    return Case(record["id"], tuple(gold), (), tuple(sources + targets))


def evaluate(data_dir: Path, engine: Engine, limit: int | None = None) -> list[Row]:
    """Rows of the results table; ``limit`` caps the texts read (None: DEFAULT_LIMIT)."""
    limit = DEFAULT_LIMIT if limit is None else limit
    records = [r for r in read_records(data_dir / FOLDER) if scored("plover", r["id"])]
    records = evenly(records, limit)
    texts = [Text(r["id"], r["text"]) for r in records]
    results = engine.extract(texts, "plover")
    cases = [to_case(r, engine) for r in records]
    tallies = score_cases(
        cases, LABELS, predictions(results), entities(results), engine.named(texts)
    )
    return rows_from("plover", tallies, {"targets": f"{len(records)} sentences"})


def _pairs(
    first: list[GoldEntity], second: list[GoldEntity]
) -> list[tuple[GoldEntity, GoldEntity]]:
    """Distinct (a, b) pairs; for compound actors ("X and Y agreed") each unordered pair once."""
    pairs = []
    for i, a in enumerate(first):
        for j, b in enumerate(second):
            if first is second and j <= i:
                continue
            if not (a.keys & b.keys):
                pairs.append((a, b))
    return pairs
