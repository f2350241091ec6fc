"""Dstl re3d: expert span annotations of Syria/Iraq documents, scored per document.

re3d relations become kg's:

    FightingAgainst -> targets or opposes     AlliesOf -> alliedWith or backs
    BelongsTo       -> partOf                 InChargeOf -> leads
    CoLocated       -> locatedIn or basedAt

An annotated span ("President Bashar al-Assad's forces") matches a kg
entity when kg's resolver gives the whole span the entity's key or finds
the entity's name or alias inside it. Two readings are reported:

- strict: direction as annotated; only names before the span's first
  preposition count ("fighters in Syria" is not Syria);
- lenient: either direction; any known name in the span counts.

re3d does not annotate every relation a document states, so a kg relation
counts against precision only between two spans the annotators related in
some way (any relation type); the others are reported as unscored.

``IsSynonymOf`` pairs test the resolver: do both surface forms get one key?
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.eval.pipeline import Engine, Text, entities, evenly, predictions
from bench.eval.score import Case, GoldRelation, Row, Tally, rows_from, score_cases
from bench.eval.split import scored

FOLDER = "re3d"
DEFAULT_LIMIT = 98
MIN_CONFIDENCE = 0.5
ACTORS = {"Organisation", "Person", "Nationality"}
MAPPING: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {
    # re3d type: (kg predicates, source entity types, target entity types)
    "FightingAgainst": (
        frozenset({"targets", "opposes"}),
        frozenset(ACTORS | {"MilitaryPlatform"}),
        frozenset(ACTORS | {"Location"}),
    ),
    "AlliesOf": (frozenset({"alliedWith", "backs"}), frozenset(ACTORS), frozenset(ACTORS)),
    "BelongsTo": (frozenset({"partOf"}), frozenset({"Organisation", "Person"}), frozenset(ACTORS)),
    "InChargeOf": (
        frozenset({"leads"}),
        frozenset({"Organisation", "Person"}),
        frozenset({"Organisation", "Person"}),
    ),
    "CoLocated": (
        frozenset({"locatedIn", "basedAt"}),
        frozenset(ACTORS | {"Location", "MilitaryPlatform"}),
        frozenset({"Location"}),
    ),
}
SYMMETRIC = {"AlliesOf"}
LABELS = {
    f"{kind}{suffix}": predicates
    for kind, (predicates, _, _) in MAPPING.items()
    for suffix in ("", " (lenient)")
}


@dataclass(frozen=True)
class Span:
    text: str
    type: str


@dataclass(frozen=True)
class Annotated:
    """One re3d relation between two annotated spans."""

    kind: str
    source: Span
    target: Span
    confidence: float


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str
    text: str
    spans: tuple[Span, ...]
    relations: tuple[Annotated, ...]


def read_documents(folder: Path) -> Iterator[Document]:
    for subset in sorted(p for p in folder.iterdir() if p.is_dir()):
        docs = _json_lines(subset / "documents.json")
        spans: dict[tuple[str, int, int], Span] = {}
        for e in _json_lines(subset / "entities.json"):
            spans[(e["documentId"], e["begin"], e["end"])] = Span(e["value"], e["type"])
        relations: dict[str, list[Annotated]] = {}
        for r in _json_lines(subset / "relations.json"):
            doc = r["documentId"]
            source = spans.get((doc, r["sourceBegin"], r["sourceEnd"]), Span(r["source"], ""))
            target = spans.get((doc, r["targetBegin"], r["targetEnd"]), Span(r["target"], ""))
            relations.setdefault(doc, []).append(
                Annotated(r["type"], source, target, float(r.get("confidence") or 0))
            )
        for d in docs:
            doc_spans = tuple(s for (doc, _, _), s in spans.items() if doc == d["_id"])
            yield Document(
                d["_id"],
                d.get("title") or "",
                d["text"],
                doc_spans,
                tuple(relations.get(d["_id"], [])),
            )


def to_case(doc: Document, engine: Engine) -> Case:
    """Both readings of a document's relations as one case (labels keep them apart)."""
    gold: list[GoldRelation] = []
    for rel in doc.relations:
        if rel.kind not in MAPPING or rel.confidence < MIN_CONFIDENCE:
            continue
        predicates, source_types, target_types = MAPPING[rel.kind]
        if rel.source.type not in source_types or rel.target.type not in target_types:
            continue
        strict_s = engine.entity(rel.source.text, head_only=True)
        strict_t = engine.entity(rel.target.text, head_only=True)
        if strict_s.keys & strict_t.keys:
            continue
        gold.append(GoldRelation(rel.kind, strict_s, strict_t, predicates, rel.kind in SYMMETRIC))
        gold.append(
            GoldRelation(
                f"{rel.kind} (lenient)",
                engine.entity(rel.source.text),
                engine.entity(rel.target.text),
                predicates,
                either_way=True,
            )
        )
    pairs = tuple(
        (engine.entity(rel.source.text), engine.entity(rel.target.text))
        for rel in doc.relations
        if rel.kind != "IsSynonymOf"
    )
    return Case(doc.doc_id, tuple(gold), pairs=pairs)


def synonyms(docs: list[Document], engine: Engine) -> Tally:
    """IsSynonymOf pairs between actor or place spans whose resolver keys agree."""
    tally = Tally()
    for doc in docs:
        for rel in doc.relations:
            if rel.kind != "IsSynonymOf" or rel.source.type not in ACTORS | {"Location"}:
                continue
            if rel.source.text.strip().lower() == rel.target.text.strip().lower():
                continue
            tally.gold += 1
            tally.found += engine.key(rel.source.text) == engine.key(rel.target.text)
    return tally


def evaluate(data_dir: Path, engine: Engine, limit: int | None = None) -> list[Row]:
    """Rows of the results table; ``limit`` caps the texts read (None: DEFAULT_LIMIT)."""
    limit = DEFAULT_LIMIT if limit is None else limit
    docs = [d for d in read_documents(data_dir / FOLDER) if scored("re3d", d.doc_id)]
    docs = evenly(docs, limit)
    results = engine.extract([Text(d.doc_id, d.text, None, d.title) for d in docs], "re3d")
    cases = [to_case(d, engine) for d in docs]
    tallies = score_cases(cases, LABELS, predictions(results), entities(results))
    rows = rows_from("re3d", tallies, {"FightingAgainst": f"{len(docs)} documents"})
    rows += rows_from(
        "re3d",
        {"IsSynonymOf (resolver)": synonyms(docs, engine)},
        {"IsSynonymOf (resolver)": "R = share of synonym pairs given one key"},
    )
    return rows


def _json_lines(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
