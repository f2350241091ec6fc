"""Contested relations: ties some articles assert and others deny, with both sides' evidence.

The projection keeps denials (negated mentions) next to assertions, per
article; an edge is ``contested`` when at least one article asserts it and
one denies it. Its confidence is already lowered by the denials (see
``kg.graph.project``); here a researcher sees who says what.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kg.graph.project import Projection
from kg.graph.results import EdgeInfo, Evidence, edge_info, evidence_for
from kg.graph.views import scope_of

__all__ = ["Contested", "contested"]


@dataclass(frozen=True)
class Contested:
    """One contested tie: the sentences for it and the sentences against it."""

    edge: EdgeInfo
    asserted: tuple[Evidence, ...]
    denied: tuple[Evidence, ...]


def contested(
    P: Projection,
    actor: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_confidence: float = 0.0,
    evidence: int = 3,
) -> list[Contested]:
    """Contested ties (of ``actor`` when given), most asserted first.

    Examples
    --------
    >>> from kg.graph.project import ArticleRecord, Mention
    >>> P = Projection()
    >>> P.add_records([ArticleRecord("a"), ArticleRecord("b")], [], [
    ...     Mention("1", "a", "UAE", "backs", "RSF", "The UAE flew arms to the RSF.", 0.8),
    ...     Mention("2", "b", "UAE", "backs", "RSF", "The UAE denied arming the RSF.", 0.8, negated=True)])
    >>> [(c.edge.subject, len(c.asserted), len(c.denied)) for c in contested(P)]
    [('UAE', 1, 1)]
    """
    scope = scope_of(None, since, until, min_confidence)
    focus = P.resolve(actor) if actor is not None else None
    found = []
    for u, v, rel, data in P.contested_edges():
        if focus is not None and focus not in (u, v):
            continue
        if not scope.with_sign(data["sign"]).admits(data):  # geography can be contested too
            continue
        found.append(
            Contested(
                edge=edge_info(u, rel, v, data),
                asserted=evidence_for(P, data["statements"], evidence),
                denied=evidence_for(P, data["negations"], evidence),
            )
        )
    found.sort(key=lambda c: (-c.edge.weight, c.edge.subject, c.edge.object))
    return found
