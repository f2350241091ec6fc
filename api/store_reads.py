"""Reads the API needs from the store, as SPARQL over the layout of docs/DESIGN.md.

Each function is one SPARQL query; those keyed by IRI take a whole batch, so
a DataLoader answers a GraphQL level with one store read. IRIs reach the query text
only through ``pyoxigraph.NamedNode`` (which validates and escapes them);
user-supplied values never do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import pyoxigraph as ox

from kg.model import EntityType, RelationType
from kg.rdf.vocab import KG_NS, PREFIXES, relation_from_iri


class QueryableStore(Protocol):
    """What these reads need from ``kg.store.oxigraph.OxigraphStore``."""

    def query(self, sparql: str, substitutions: dict[str, Any] | None = None) -> Any: ...


@dataclass(frozen=True)
class EntityRow:
    """An entity node as stored (the union over every article that names it)."""

    iri: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    wikidata: str | None
    generic: bool
    group_of: str | None


@dataclass(frozen=True)
class MentionRow:
    """One ``rdf:Statement``: one relation stated in one sentence of one article."""

    statement: str
    subject: str
    predicate: RelationType
    object: str
    sentence: str
    confidence: float
    claimed_by: str | None
    hedged: bool
    negated: bool
    event_date: dt.date | None
    article: str


@dataclass(frozen=True)
class ArticleRow:
    iri: str
    id: str
    title: str | None
    url: str | None
    published: dt.date | None
    source: str | None


_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
_ENTITY_CLASSES = " ".join(f"kg:{t.value}" for t in EntityType)

_ENTITIES = (
    _PROLOGUE
    + f"""
SELECT ?e ?label ?type ?alt ?same ?groupOf WHERE {{
  GRAPH ?g {{
    ?e rdfs:label ?label ; a ?type .
    VALUES ?type {{ {_ENTITY_CLASSES} kg:GenericGroup }}
    OPTIONAL {{ ?e skos:altLabel ?alt }}
    OPTIONAL {{ ?e owl:sameAs ?same }}
    OPTIONAL {{ ?e kg:genericGroupOf ?groupOf }}
  }}
}}"""
)

_MENTION_BODY = """
  GRAPH ?g {
    ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:evidence ?sentence ;
        kg:confidence ?conf ; kg:hedged ?hedged ; kg:negated ?negated .
    OPTIONAL { ?st kg:claimedBy ?claimed }
    OPTIONAL { ?st kg:eventDate ?date }
  }
"""

_STATEMENT_REST = """kg:evidence ?sentence ;
        kg:confidence ?conf ; kg:hedged ?hedged ; kg:negated ?negated .
    OPTIONAL { ?st kg:claimedBy ?claimed }
    OPTIONAL { ?st kg:eventDate ?date }"""

# One branch per role: binding the actor first lets the engine walk the
# rdf:subject / rdf:object index (four times faster than one UNION up front).
_MENTIONS_OF = (
    _PROLOGUE
    + """
SELECT DISTINCT ?st ?s ?p ?o ?sentence ?conf ?claimed ?hedged ?negated ?date ?g WHERE {
  VALUES ?a { %s }
  {
    GRAPH ?g {
      ?st rdf:subject ?a . BIND(?a AS ?s)
      ?st rdf:predicate ?p ; rdf:object ?o ; """
    + _STATEMENT_REST
    + """
    }
  } UNION {
    GRAPH ?g {
      ?st rdf:object ?a . BIND(?a AS ?o)
      ?st rdf:predicate ?p ; rdf:subject ?s ; """
    + _STATEMENT_REST
    + """
    }
  }
}"""
)

_ALL_MENTIONS = (
    _PROLOGUE
    + """
SELECT ?st ?s ?p ?o ?sentence ?conf ?claimed ?hedged ?negated ?date ?g WHERE {
  GRAPH ?g { ?st a rdf:Statement }
"""
    + _MENTION_BODY
    + "}"
)

_ARTICLES = (
    _PROLOGUE
    + """
SELECT ?a ?hash ?title ?date ?url ?source WHERE {
  %s
  GRAPH ?a {
    ?a a kg:Article .
    OPTIONAL { ?a kg:contentHash ?hash }
    OPTIONAL { ?a dcterms:title ?title }
    OPTIONAL { ?a dcterms:date ?date }
    OPTIONAL { ?a schema:url ?url }
    OPTIONAL { ?a dcterms:source ?source }
  }
}"""
)

_COUNTS = (
    _PROLOGUE
    + """
SELECT (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?st) AS ?mentions) WHERE {
  { GRAPH ?a { ?a a kg:Article } } UNION { GRAPH ?g { ?st a rdf:Statement } }
}"""
)


def entities(store: QueryableStore, article: str | None = None) -> list[EntityRow]:
    """Every entity in the store (or one article's graph), labels and aliases merged."""
    merged: dict[str, dict[str, Any]] = {}
    bound = {"g": ox.NamedNode(article)} if article is not None else None
    for row in store.query(_ENTITIES, bound):
        iri = row["e"].value
        rec = merged.setdefault(
            iri,
            {"name": row["label"].value, "types": set(), "aliases": set(), "wd": None, "of": None},
        )
        rec["types"].add(row["type"].value[len(KG_NS) :])
        if row["alt"] is not None:
            rec["aliases"].add(row["alt"].value)
        if row["same"] is not None:
            rec["wd"] = row["same"].value.rsplit("/", 1)[-1]
        if row["groupOf"] is not None:
            rec["of"] = row["groupOf"].value
    out = []
    for iri, rec in merged.items():
        types = [t for t in EntityType if t.value in rec["types"]]
        entity_type = types[0] if types else EntityType.ARMED_GROUP
        aliases = tuple(sorted(a for a in rec["aliases"] if a != rec["name"]))
        out.append(
            EntityRow(
                iri=iri,
                name=rec["name"],
                type=entity_type,
                aliases=aliases,
                wikidata=rec["wd"],
                generic="GenericGroup" in rec["types"],
                group_of=rec["of"],
            )
        )
    out.sort(key=lambda e: (e.name.casefold(), e.iri))
    return out


def mentions_of(store: QueryableStore, iris: Sequence[str]) -> dict[str, list[MentionRow]]:
    """For each IRI, the mentions where it is subject or object (one query for the batch)."""
    result: dict[str, list[MentionRow]] = {iri: [] for iri in iris}
    if not iris:
        return result
    values = " ".join(str(ox.NamedNode(iri)) for iri in dict.fromkeys(iris))
    for mention in _mention_rows(store.query(_MENTIONS_OF % values)):
        if mention.subject in result:
            result[mention.subject].append(mention)
        if mention.object in result and mention.object != mention.subject:
            result[mention.object].append(mention)
    for rows in result.values():
        rows.sort(key=lambda m: (m.event_date or dt.date.min, m.statement))
    return result


def all_mentions(store: QueryableStore) -> list[MentionRow]:
    """Every relation mention in the store (used to list relations with no actor given)."""
    rows = list(_mention_rows(store.query(_ALL_MENTIONS)))
    rows.sort(key=lambda m: (m.event_date or dt.date.min, m.statement))
    return rows


def articles(store: QueryableStore, iris: Sequence[str] | None = None) -> dict[str, ArticleRow]:
    """Article metadata by article IRI: the given ones, or all when ``iris`` is None."""
    if iris is not None and not iris:
        return {}
    values = ""
    if iris is not None:
        values = "VALUES ?a { " + " ".join(str(ox.NamedNode(i)) for i in dict.fromkeys(iris)) + " }"
    out: dict[str, ArticleRow] = {}
    for row in store.query(_ARTICLES % values):
        iri = row["a"].value
        out[iri] = ArticleRow(
            iri=iri,
            id=_text(row["hash"]) or iri.rsplit("/", 1)[-1],
            title=_text(row["title"]),
            url=_text(row["url"]),
            published=_date(row["date"]),
            source=_text(row["source"]),
        )
    return out


def counts(store: QueryableStore) -> tuple[int, int]:
    """(articles, relation mentions) in the store."""
    for row in store.query(_COUNTS):
        return int(row["articles"].value), int(row["mentions"].value)
    return 0, 0


def _mention_rows(solutions: Iterable[Any]) -> Iterable[MentionRow]:
    for row in solutions:
        predicate = relation_from_iri(row["p"].value)
        if predicate is None:
            continue
        yield MentionRow(
            statement=row["st"].value,
            subject=row["s"].value,
            predicate=predicate,
            object=row["o"].value,
            sentence=row["sentence"].value,
            confidence=float(row["conf"].value),
            claimed_by=row["claimed"].value if row["claimed"] is not None else None,
            hedged=row["hedged"].value == "true",
            negated=row["negated"].value == "true",
            event_date=_date(row["date"]),
            article=row["g"].value,
        )


def _text(term: Any) -> str | None:
    return None if term is None else str(term.value)


def _date(term: Any) -> dt.date | None:
    if term is None:
        return None
    try:
        return dt.date.fromisoformat(str(term.value)[:10])
    except ValueError:
        return None


def mentions_in(store: QueryableStore, article: str) -> list[MentionRow]:
    """The mentions one article (its IRI) states."""
    rows = [
        m
        for m in _mention_rows(store.query(_ALL_MENTIONS, {"g": ox.NamedNode(article)}))
        if m.article == article
    ]
    rows.sort(key=lambda m: (m.sentence, m.statement))
    return rows
