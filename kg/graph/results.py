"""The plain, frozen records graph questions answer with (no networkx objects leak out)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kg.graph.project import Projection

__all__ = ["EdgeInfo", "Evidence", "NodeInfo", "edge_info", "evidence_for", "node_info"]


@dataclass(frozen=True)
class NodeInfo:
    """An entity node: its key, display name, type and known names."""

    key: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True)
class EdgeInfo:
    """One projected relation with the ids of the mentions for and against it."""

    subject: str
    relation: str
    object: str
    sign: int
    weight: float
    confidence: float
    first_seen: dt.date | None
    last_seen: dt.date | None
    articles: tuple[str, ...]
    statements: tuple[str, ...]
    negations: tuple[str, ...] = ()
    contested: bool = False


@dataclass(frozen=True)
class Evidence:
    """One sentence that states (or denies) a relation, and where it comes from."""

    statement: str
    article: str
    sentence: str
    confidence: float
    hedged: bool
    negated: bool
    claimed_by: str | None
    event_date: dt.date | None
    title: str | None
    source: str | None
    url: str | None


def node_info(P: Projection, key: str) -> NodeInfo:
    data = P.graph.nodes[key]
    return NodeInfo(key, data["name"], data["type"], data["aliases"], data["wikidata"])


def edge_info(subject: str, relation: str, obj: str, data: dict[str, Any]) -> EdgeInfo:
    return EdgeInfo(
        subject=subject,
        relation=relation,
        object=obj,
        sign=data["sign"],
        weight=data["weight"],
        confidence=data["confidence"],
        first_seen=data["first_seen"],
        last_seen=data["last_seen"],
        articles=data["articles"],
        statements=data["statements"],
        negations=data["negations"],
        contested=data["contested"],
    )


def evidence_for(
    P: Projection, statement_ids: tuple[str, ...], limit: int | None = None
) -> tuple[Evidence, ...]:
    """The sentences behind statement ids, strongest first (at most ``limit``)."""
    mentions = sorted(
        (P.mention(s) for s in statement_ids),
        key=lambda m: (-m.strength, m.event_date or dt.date.max, m.id),
    )
    out = []
    for m in mentions[:limit]:
        article = P.article(m.article)
        out.append(
            Evidence(
                statement=m.id,
                article=m.article,
                sentence=m.sentence,
                confidence=m.confidence,
                hedged=m.hedged,
                negated=m.negated,
                claimed_by=m.claimed_by,
                event_date=m.event_date,
                title=article.title,
                source=article.source,
                url=article.url,
            )
        )
    return tuple(out)
