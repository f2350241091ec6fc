"""Relation mentions -> relations (one per subject, predicate, object), with filters.

Pure functions over ``MentionRow``s, so the rules (what counts, how
confidence adds up) are testable without a store. Confidence is computed as
``kg.graph.project`` weighs an edge (noisy-OR over articles of hedge- and
claim-discounted mentions, lowered by denials), but over the mentions the
filters admit. A negated mention is kept as evidence and marks the relation
contested, but never makes a relation exist.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from api.store_reads import MentionRow
from kg.graph.project import CLAIMED_FACTOR, DENIAL_FACTOR, HEDGED_FACTOR
from kg.model import RelationType


@dataclass(frozen=True)
class RelationFilter:
    """Which mentions count. Dates bound the mention's event date (inclusive)."""

    since: dt.date | None = None
    until: dt.date | None = None
    min_confidence: float | None = None
    include_claimed: bool = True
    include_hedged: bool = True
    types: frozenset[RelationType] | None = None

    def admits(self, m: MentionRow) -> bool:
        if self.types is not None and m.predicate not in self.types:
            return False
        if (self.since or self.until) and m.event_date is None:
            return False
        if self.since and m.event_date and m.event_date < self.since:
            return False
        if self.until and m.event_date and m.event_date > self.until:
            return False
        if not self.include_claimed and m.claimed_by is not None:
            return False
        return self.include_hedged or not m.hedged


@dataclass(frozen=True)
class RelationRecord:
    subject: str
    predicate: RelationType
    object: str
    confidence: float
    first_seen: dt.date | None
    last_seen: dt.date | None
    article_count: int
    contested: bool
    mentions: tuple[MentionRow, ...]
    weight: float = 0.0


class Role(Enum):
    """Where the actor stands in the relations an ``Actor`` field lists."""

    SUBJECT = "subject"
    OBJECT = "object"
    EITHER = "either"


#: Actor field -> (predicate, the actor's role in it)
ACTOR_FIELDS: dict[str, tuple[RelationType, Role]] = {
    "backers": (RelationType.BACKS, Role.OBJECT),
    "backs": (RelationType.BACKS, Role.SUBJECT),
    "targets": (RelationType.TARGETS, Role.SUBJECT),
    "targeted_by": (RelationType.TARGETS, Role.OBJECT),
    "allies": (RelationType.ALLIED_WITH, Role.EITHER),
    "opponents": (RelationType.OPPOSES, Role.EITHER),
    "bases": (RelationType.BASED_AT, Role.SUBJECT),
    "leaders": (RelationType.LEADS, Role.OBJECT),
    "members": (RelationType.PART_OF, Role.OBJECT),
    "part_of": (RelationType.PART_OF, Role.SUBJECT),
    "leads": (RelationType.LEADS, Role.SUBJECT),
    "located_in": (RelationType.LOCATED_IN, Role.SUBJECT),
    "based_here": (RelationType.BASED_AT, Role.OBJECT),
}


def aggregate(mentions: Iterable[MentionRow], flt: RelationFilter) -> list[RelationRecord]:
    """Group admitted mentions by (s, p, o); keep groups with a non-negated mention."""
    groups: dict[tuple[str, RelationType, str], list[MentionRow]] = {}
    for m in mentions:
        if flt.admits(m):
            groups.setdefault((m.subject, m.predicate, m.object), []).append(m)
    out = []
    for (s, p, o), group in groups.items():
        record = _record(s, p, o, group)
        if record is None:
            continue
        if flt.min_confidence is not None and record.confidence < flt.min_confidence:
            continue
        out.append(record)
    out.sort(key=lambda r: (-r.confidence, -r.article_count, r.subject, r.predicate, r.object))
    return out


def for_actor(
    actor_iri: str, mentions: Iterable[MentionRow], field: str, flt: RelationFilter
) -> list[RelationRecord]:
    """The relations an ``Actor`` field (``backers``, ``targets``...) lists for this actor."""
    predicate, role = ACTOR_FIELDS[field]
    chosen = [
        m
        for m in mentions
        if m.predicate is predicate
        and (
            (role is Role.SUBJECT and m.subject == actor_iri)
            or (role is Role.OBJECT and m.object == actor_iri)
            or (role is Role.EITHER and actor_iri in (m.subject, m.object))
        )
    ]
    return aggregate(chosen, flt)


def _record(s: str, p: RelationType, o: str, group: list[MentionRow]) -> RelationRecord | None:
    """One relation from its mentions, scored like the graph projection scores its edge."""
    support: dict[str, float] = {}
    denial: dict[str, float] = {}
    for m in group:
        side = denial if m.negated else support
        side[m.article] = max(side.get(m.article, 0.0), strength(m))
    if not support:
        return None
    supported = 1.0 - math.prod(1.0 - min(v, 1.0) for v in support.values())
    denied = 1.0 - math.prod(1.0 - min(v, 1.0) for v in denial.values())
    dates = sorted(m.event_date for m in group if not m.negated and m.event_date is not None)
    return RelationRecord(
        subject=s,
        predicate=p,
        object=o,
        confidence=round(supported * (1.0 - DENIAL_FACTOR * denied), 3),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        article_count=len(support),
        contested=bool(denial),
        mentions=tuple(sorted(group, key=lambda m: (m.negated, -m.confidence, m.statement))),
        weight=round(sum(support.values()), 6),
    )


def strength(m: MentionRow) -> float:
    """A mention's confidence, discounted for hedging and for being only someone's claim."""
    value = m.confidence
    if m.hedged:
        value *= HEDGED_FACTOR
    if m.claimed_by:
        value *= CLAIMED_FACTOR
    return value
