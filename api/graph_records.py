"""The graph projection's answers (``kg.graph``) as the API's records.

``kg.graph`` speaks in entity keys and statement ids; the API speaks in IRIs
(what clients can dereference and pass back). One conversion, here.
"""

from __future__ import annotations

from api.relations import RelationRecord
from api.store_reads import MentionRow
from kg.graph.project import Mention, Projection
from kg.graph.results import EdgeInfo
from kg.model import RelationType
from kg.rdf.iri import article_iri, entity_iri


def mention_row(base: str, m: Mention) -> MentionRow:
    return MentionRow(
        statement=f"{base}statement/{m.id}",
        subject=entity_iri(base, m.subject),
        predicate=RelationType(m.relation),
        object=entity_iri(base, m.object),
        sentence=m.sentence,
        confidence=m.confidence,
        claimed_by=entity_iri(base, m.claimed_by) if m.claimed_by else None,
        hedged=m.hedged,
        negated=m.negated,
        event_date=m.event_date,
        article=article_iri(base, m.article),
    )


def relation_record(projection: Projection, base: str, edge: EdgeInfo) -> RelationRecord:
    """A projected edge with all its mentions (asserting first, then denials)."""
    mentions = projection.edge_mentions(edge.subject, edge.relation, edge.object)
    rows = sorted(
        (mention_row(base, m) for m in mentions),
        key=lambda r: (r.negated, -r.confidence, r.statement),
    )
    return RelationRecord(
        subject=entity_iri(base, edge.subject),
        predicate=RelationType(edge.relation),
        object=entity_iri(base, edge.object),
        confidence=edge.confidence,
        first_seen=edge.first_seen,
        last_seen=edge.last_seen,
        article_count=len(edge.articles),
        contested=edge.contested,
        mentions=tuple(rows),
        weight=edge.weight,
    )
