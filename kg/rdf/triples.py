"""``Extraction`` -> quads, following the RDF layout in docs/DESIGN.md.

Pure and deterministic: the same extraction and base always give the same
list of quads in the same order, with no duplicates. Everything lands in the
article's named graph, so retracting the article is dropping one graph.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import replace
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad

from kg.model import Article, Entity, EntityType, Extraction, RelationMention, RelationType
from kg.rdf.iri import article_iri, entity_iri, statement_iri
from kg.rdf.vocab import DCTERMS, KG_NS, PREFIXES, PROV, SCHEMA, WD

_RDF = PREFIXES["rdf"]
_RDFS = PREFIXES["rdfs"]
_XSD = PREFIXES["xsd"]
_SKOS = PREFIXES["skos"]
_OWL = PREFIXES["owl"]

RDF_TYPE = NamedNode(_RDF + "type")
RDF_STATEMENT = NamedNode(_RDF + "Statement")
RDF_SUBJECT = NamedNode(_RDF + "subject")
RDF_PREDICATE = NamedNode(_RDF + "predicate")
RDF_OBJECT = NamedNode(_RDF + "object")
RDFS_LABEL = NamedNode(_RDFS + "label")
SKOS_ALT_LABEL = NamedNode(_SKOS + "altLabel")
OWL_SAME_AS = NamedNode(_OWL + "sameAs")
XSD_DATE = NamedNode(_XSD + "date")
XSD_DECIMAL = NamedNode(_XSD + "decimal")
XSD_BOOLEAN = NamedNode(_XSD + "boolean")
XSD_INTEGER = NamedNode(_XSD + "integer")
DC_TITLE = NamedNode(str(DCTERMS) + "title")
DC_DATE = NamedNode(str(DCTERMS) + "date")
DC_SOURCE = NamedNode(str(DCTERMS) + "source")
SCHEMA_URL = NamedNode(str(SCHEMA) + "url")
PROV_DERIVED = NamedNode(str(PROV) + "wasDerivedFrom")


def kg_term(local_name: str) -> NamedNode:
    """``kg:local_name`` as a pyoxigraph node."""
    return NamedNode(KG_NS + local_name)


KG_ARTICLE = kg_term("Article")
KG_GENERIC_GROUP = kg_term("GenericGroup")
KG_GENERIC_GROUP_OF = kg_term("genericGroupOf")
KG_CONTENT_HASH = kg_term("contentHash")
KG_EVIDENCE = kg_term("evidence")
KG_START = kg_term("startOffset")
KG_END = kg_term("endOffset")
KG_CONFIDENCE = kg_term("confidence")
KG_CLAIMED_BY = kg_term("claimedBy")
KG_HEDGED = kg_term("hedged")
KG_NEGATED = kg_term("negated")
KG_EVENT_DATE = kg_term("eventDate")
KG_RULE = kg_term("rule")

#: one triple before it is put in the article's graph
Triple3 = tuple[NamedNode, NamedNode, NamedNode | Literal]

_TRUE = Literal("true", datatype=XSD_BOOLEAN)
_FALSE = Literal("false", datatype=XSD_BOOLEAN)

#: characters a URL keeps as they are; anything else (spaces, quotes, braces) is percent-encoded
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def extraction_quads(extraction: Extraction, base: str) -> list[Quad]:
    """All quads one article yields, in its named graph, in a fixed order, without duplicates."""
    graph = NamedNode(article_iri(base, extraction.article.id))
    triples = [
        *_article_triples(extraction.article, graph),
        *(
            t
            for e in sorted(extraction.entities, key=lambda e: e.key)
            for t in _entity_triples(e, base)
        ),
        *_relation_triples(extraction, base, graph),
    ]
    unique = dict.fromkeys(triples)
    return [Quad(s, p, o, graph) for s, p, o in unique]


def canonical_mention(mention: RelationMention) -> RelationMention:
    """The mention as written: a symmetric relation gets the smaller key as subject."""
    if mention.predicate.symmetric and mention.object < mention.subject:
        return replace(mention, subject=mention.object, object=mention.subject)
    return mention


def decimal_literal(value: float) -> Literal:
    """A confidence as ``xsd:decimal`` with three decimals, clamped to [0, 1]."""
    return Literal(f"{min(1.0, max(0.0, value)):.3f}", datatype=XSD_DECIMAL)


def date_literal(value: dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD_DATE)


def _article_triples(article: Article, node: NamedNode) -> Iterator[Triple3]:
    yield node, RDF_TYPE, KG_ARTICLE
    if article.title:
        yield node, DC_TITLE, Literal(article.title)
    if article.published:
        yield node, DC_DATE, date_literal(article.published)
    yield node, DC_SOURCE, Literal(article.source)
    if article.url:
        yield node, SCHEMA_URL, NamedNode(quote(article.url, safe=_URL_SAFE))
    yield node, KG_CONTENT_HASH, Literal(article.id)


def _entity_triples(entity: Entity, base: str) -> Iterator[Triple3]:
    node = NamedNode(entity_iri(base, entity.key))
    if entity.group_of:
        yield node, RDF_TYPE, KG_GENERIC_GROUP
    yield node, RDF_TYPE, kg_term(EntityType(entity.type).value)
    yield node, RDFS_LABEL, Literal(entity.name)
    for alias in sorted(set(entity.aliases)):
        if alias and alias != entity.name:
            yield node, SKOS_ALT_LABEL, Literal(alias)
    if entity.wikidata:
        yield node, OWL_SAME_AS, NamedNode(str(WD) + entity.wikidata)
    if entity.group_of:
        yield node, KG_GENERIC_GROUP_OF, NamedNode(entity_iri(base, entity.group_of))


def _relation_triples(extraction: Extraction, base: str, graph: NamedNode) -> Iterator[Triple3]:
    article = extraction.article
    asserted: list[Triple3] = []
    for group in _statement_groups(extraction.relations):
        m = group[0]
        subject = NamedNode(entity_iri(base, m.subject))
        predicate = kg_term(RelationType(m.predicate).value)
        obj = NamedNode(entity_iri(base, m.object))
        node = NamedNode(
            statement_iri(
                base, article.id, m.subject, m.predicate, m.object, m.start, m.end, m.negated
            )
        )
        yield node, RDF_TYPE, RDF_STATEMENT
        yield node, RDF_SUBJECT, subject
        yield node, RDF_PREDICATE, predicate
        yield node, RDF_OBJECT, obj
        yield node, KG_EVIDENCE, Literal(m.sentence)
        yield node, KG_START, Literal(str(m.start), datatype=XSD_INTEGER)
        yield node, KG_END, Literal(str(m.end), datatype=XSD_INTEGER)
        yield node, KG_CONFIDENCE, decimal_literal(m.confidence)
        for claimant in sorted({g.claimed_by for g in group if g.claimed_by}):
            yield node, KG_CLAIMED_BY, NamedNode(entity_iri(base, claimant))
        yield node, KG_HEDGED, _TRUE if m.hedged else _FALSE
        yield node, KG_NEGATED, _TRUE if m.negated else _FALSE
        event_date = m.event_date or article.published
        if event_date:
            yield node, KG_EVENT_DATE, date_literal(event_date)
        if m.rule:
            yield node, KG_RULE, Literal(m.rule)
        yield node, PROV_DERIVED, graph
        if not m.negated:
            asserted.append((subject, predicate, obj))
    yield from asserted


def _statement_groups(mentions: Iterable[RelationMention]) -> list[list[RelationMention]]:
    """Mentions grouped by statement identity (same sentence, subject, relation,
    object, and whether it is asserted or denied).

    One statement node stands for the group. Its single-valued properties
    come from the strongest mention (higher confidence first); every
    claimant of the group is kept ("Syrian and Russian officials accused
    ..." has two).
    """
    groups: dict[tuple[int, int, str, str, str, bool], list[RelationMention]] = {}
    for m in map(canonical_mention, mentions):
        key = (m.start, m.end, m.subject, m.predicate.value, m.object, m.negated)
        groups.setdefault(key, []).append(m)
    return [sorted(groups[key], key=_strength) for key in sorted(groups)]


def _strength(m: RelationMention) -> tuple[bool, float, bool, str, str, str]:
    """Sort key: the mention a statement node should describe comes first."""
    date = m.event_date.isoformat() if m.event_date else ""
    return (m.negated, -round(m.confidence, 3), m.hedged, m.claimed_by or "", m.rule, date)
