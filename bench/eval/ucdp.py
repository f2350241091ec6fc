"""UCDP GED (Ukraine 2014-2023): real news headlines against the coded dyad.

Each distinct headline an event was coded from is one text; its gold is the
event's two sides (``side_a``, ``side_b``) fighting, either way round:
``targets`` strictly, or ``targets``/``opposes`` for the "conflict" row.
Headlines often name only one side ("Russians fired on Energodar"), so
recall is bounded by how often both sides appear; the notes give recall
among the headlines where kg found both entities. Headlines of fewer than
four words (bare place names) are skipped.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from bench.eval.actor_names import candidate_names, gold_entity
from bench.eval.pipeline import Engine, Text, entities, evenly, predictions
from bench.eval.score import Case, GoldRelation, Row, rows_from, score_cases
from bench.eval.split import scored

FOLDER = "ucdp-ged-ukraine-peacerep"
DEFAULT_LIMIT = 800
LABELS = {"targets": frozenset({"targets"}), "conflict": frozenset({"targets", "opposes"})}


def read_headlines(folder: Path) -> dict[str, tuple[dt.date | None, set[tuple[str, str]]]]:
    """Each distinct headline with its earliest event date and the dyads coded from it."""
    headlines: dict[str, tuple[dt.date | None, set[tuple[str, str]]]] = {}
    with (folder / "UCDP-Ukraine.utf8.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            date = parse_date(row["date_start"])
            for headline in row["source_headline"].split(";"):
                headline = headline.strip()
                if len(headline.split()) < 4:
                    continue
                old_date, dyads = headlines.setdefault(headline, (date, set()))
                dyads.add((row["side_a"], row["side_b"]))
                if date and (old_date is None or date < old_date):
                    headlines[headline] = (date, dyads)
    return headlines


def parse_date(value: str) -> dt.date | None:
    """UCDP's export writes month-first dates, with or without a time."""
    try:
        return dt.datetime.strptime(value.strip().split(" ")[0], "%m/%d/%Y").date()
    except ValueError:
        return None


def _named_dyad(dyads: set[tuple[str, str]]) -> bool:
    return any(candidate_names(a) and candidate_names(b) for a, b in dyads)


def to_case(doc_id: str, dyads: set[tuple[str, str]], engine: Engine) -> Case | None:
    gold = []
    for side_a, side_b in sorted(dyads):
        a, b = gold_entity(side_a, engine), gold_entity(side_b, engine)
        if a is None or b is None or a.keys & b.keys:
            continue
        for label, accepts in LABELS.items():
            gold.append(GoldRelation(label, a, b, accepts, either_way=True))
    return Case(doc_id, tuple(gold)) if gold else None


def evaluate(data_dir: Path, engine: Engine, limit: int | None = None) -> list[Row]:
    """Rows of the results table; ``limit`` caps the texts read (None: DEFAULT_LIMIT)."""
    limit = DEFAULT_LIMIT if limit is None else limit
    headlines = sorted(
        (
            h
            for h in read_headlines(data_dir / FOLDER).items()
            if _named_dyad(h[1][1]) and scored("ucdp", h[0])
        ),
        key=lambda h: (h[1][0] or dt.date.min, h[0]),
    )
    chosen = evenly(headlines, limit)
    texts = [Text(f"h{i}", headline, date) for i, (headline, (date, _)) in enumerate(chosen)]
    results = engine.extract(texts, "ucdp")
    cases = [
        case
        for text, (_, (_, dyads)) in zip(texts, chosen, strict=True)
        if (case := to_case(text.doc_id, dyads, engine)) is not None
    ]
    tallies = score_cases(
        cases, LABELS, predictions(results), entities(results), engine.named(texts)
    )
    return rows_from("ucdp", tallies, {"targets": f"{len(cases)} headlines"})
