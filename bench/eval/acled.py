"""ACLED event notes: does kg find who attacked whom, as ACLED's coders did?

Each event's ``notes`` (a coder's one-to-three-sentence summary) is read
as a one-paragraph article dated with the event. Gold, from the coded
columns:

- ``targets``: actor1 -> actor2 for Battles, Explosions/Remote violence and
  Violence against civilians between two named actors; an "Armed clash"
  counts either way round. Associated actors fighting the other side are
  optional (neither required nor penalised).
- ``alliedWith/backs``: actor1 with each of its associated actors (and
  actor2 with its own), either predicate, either direction.

Catch-all actors (civilians, unidentified groups, protesters) are not gold.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.eval.actor_names import candidate_names, gold_entity
from bench.eval.pipeline import Engine, Text, entities, evenly, predictions
from bench.eval.score import Case, GoldEntity, GoldRelation, Row, Tally, rows_from, score_cases
from bench.eval.split import scored

FOLDERS = {
    "acled-2020-02": "acled-2020-02-conflict-watcher",
    "acled-2020-05": "acled-2020-05-global-rpanlilio",
    "acled-ukraine": "acled-ukraine-sample-peacerep",
}
DEFAULT_LIMIT = 800
MIN_COUNTRY_GOLD = 20  # countries with fewer gold relations get no row of their own
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
TARGETS = "targets"
ALLIED = "alliedWith/backs"
LABELS = {TARGETS: frozenset({"targets"}), ALLIED: frozenset({"alliedWith", "backs"})}


@dataclass(frozen=True)
class Event:
    """The columns of one ACLED row the harness uses."""

    event_id: str
    country: str
    date: dt.date | None
    event_type: str
    sub_event_type: str
    actor1: str
    assoc1: tuple[str, ...]
    actor2: str
    assoc2: tuple[str, ...]
    notes: str


def read_events(folder: Path) -> Iterator[Event]:
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield Event(
                    event_id=row["event_id_cnty"],
                    country=row.get("country") or "",
                    date=parse_date(row["event_date"]),
                    event_type=row["event_type"],
                    sub_event_type=row["sub_event_type"],
                    actor1=row["actor1"] or "",
                    assoc1=_split(row["assoc_actor_1"]),
                    actor2=row["actor2"] or "",
                    assoc2=_split(row["assoc_actor_2"]),
                    notes=(row["notes"] or "").strip(),
                )


def parse_date(value: str) -> dt.date | None:
    """ACLED's exports write dates as "22-Feb-20" or "10/03/2024 00:00:00" (day first)."""
    value = value.strip().split(" ")[0]
    for fmt in ("%d-%b-%y", "%d/%m/%Y", "%Y-%m-%d", "%d %B %Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def codes_relation(event: Event) -> bool:
    """Cheap pre-filter (no resolver): a violent event with two named actors on record."""
    if event.event_type not in VIOLENT or not event.notes:
        return False
    named1 = [n for n in (event.actor1, *event.assoc1) if candidate_names(n)]
    named2 = [n for n in (event.actor2, *event.assoc2) if candidate_names(n)]
    return bool(named1 and named2) or len(named1) > 1 or len(named2) > 1


def to_case(event: Event, engine: Engine) -> Case | None:
    """Gold relations of one event, or None when it codes none between named actors."""
    if event.event_type not in VIOLENT or not event.notes:
        return None
    a1, a2 = _entity(event.actor1, engine), _entity(event.actor2, engine)
    side1 = [e for e in (_entity(n, engine) for n in event.assoc1) if e]
    side2 = [e for e in (_entity(n, engine) for n in event.assoc2) if e]
    clash = event.sub_event_type == "Armed clash"
    gold: list[GoldRelation] = []
    optional: list[GoldRelation] = []
    if a1 and a2 and _distinct(a1, a2):
        gold.append(_rel(TARGETS, a1, a2, either_way=clash))
    for first in filter(None, [a1, *side1]):
        for second in filter(None, [a2, *side2]):
            if (first, second) != (a1, a2) and _distinct(first, second):
                optional.append(_rel(TARGETS, first, second, either_way=clash))
    for lead, partners in ((a1, side1), (a2, side2)):
        for partner in partners:
            if lead and _distinct(lead, partner):
                gold.append(_rel(ALLIED, lead, partner, either_way=True))
    if not gold:
        return None
    scope = tuple(e for e in (a1, a2, *side1, *side2) if e)
    return Case(event.event_id, tuple(gold), tuple(optional), scope)


def evaluate(data_dir: Path, engine: Engine, limit: int | None = None) -> list[Row]:
    """Rows of the results table; ``limit`` caps the texts read (None: DEFAULT_LIMIT)."""
    limit = DEFAULT_LIMIT if limit is None else limit
    rows: list[Row] = []
    combined: dict[str, Tally] = {label: Tally() for label in LABELS}
    by_country: dict[str, Tally] = {}
    for name, folder in FOLDERS.items():
        if not (data_dir / folder).is_dir():
            continue
        events = [
            e
            for e in read_events(data_dir / folder)
            if codes_relation(e) and scored("acled", e.event_id)
        ]
        events = evenly(events, limit)
        texts = [Text(e.event_id, e.notes, e.date) for e in events]
        results = engine.extract(texts, name)
        preds, ents, named = predictions(results), entities(results), engine.named(texts)
        cases = {e.event_id: c for e in events if (c := to_case(e, engine)) is not None}
        tallies = score_cases(list(cases.values()), LABELS, preds, ents, named)
        for label, tally in tallies.items():
            combined[label].add(tally)
        for event in events:
            if event.event_id in cases:
                one = score_cases([cases[event.event_id]], LABELS, preds, ents, named)[TARGETS]
                by_country.setdefault(event.country, Tally()).add(one)
        rows += rows_from(name, tallies, {TARGETS: f"{len(cases)} event notes"})
    if len(rows) > len(LABELS):
        rows += rows_from("acled (all)", combined, {TARGETS: "micro over the ACLED sets"})
    for country, tally in sorted(by_country.items(), key=lambda item: -item[1].gold):
        if tally.gold >= MIN_COUNTRY_GOLD:
            rows += rows_from("acled by country", {f"targets: {country}": tally})
    return rows


def _entity(name: str, engine: Engine) -> GoldEntity | None:
    return gold_entity(name, engine) if name else None


def _distinct(a: GoldEntity, b: GoldEntity) -> bool:
    return not (a.keys & b.keys)


def _rel(label: str, subject: GoldEntity, obj: GoldEntity, either_way: bool) -> GoldRelation:
    return GoldRelation(label, subject, obj, LABELS[label], either_way)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(";") if part.strip())
