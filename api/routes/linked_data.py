"""Linked data: every entity IRI under the configured base dereferences.

``GET /id/<key>`` answers on the IRI itself, by content negotiation (one URL,
``Vary: Accept``): Turtle, N-Triples or JSON-LD give the entity's own
triples (type, label, aliases, sameAs) plus every statement about it with its
evidence and the metadata of the articles they came from; HTML gives a
readable page. ``?format=ttl|nt|jsonld|html`` overrides Accept for links.
An unknown key is a 404 in the negotiated type.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from kg.model import RELATION_SIGN, RelationType
from kg.rdf.vocab import DCTERMS, KG_NS, PREFIXES, SCHEMA, WD, relation_from_iri

RDF_NS = PREFIXES["rdf"]
RDFS_NS = PREFIXES["rdfs"]
_TYPE = ox.NamedNode(RDF_NS + "type")
_LABEL = ox.NamedNode(RDFS_NS + "label")
_ALT = ox.NamedNode(PREFIXES["skos"] + "altLabel")
_SAME = ox.NamedNode(PREFIXES["owl"] + "sameAs")
_SUBJ = ox.NamedNode(RDF_NS + "subject")
_OBJ = ox.NamedNode(RDF_NS + "object")
_DERIVED = ox.NamedNode(PREFIXES["prov"] + "wasDerivedFrom")
_CLAIMED = ox.NamedNode(KG_NS + "claimedBy")
_GROUP_OF = ox.NamedNode(KG_NS + "genericGroupOf")
_ARTICLE_PROPS = {
    str(DCTERMS.title),
    str(DCTERMS.date),
    str(DCTERMS.source),
    str(SCHEMA.url),
    KG_NS + "contentHash",
    RDF_NS + "type",
}

RDF_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
OFFERED = ["text/turtle", "text/html", "application/n-triples", "application/ld+json"]
FORMAT_ALIASES = {
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "html": "text/html",
}
TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent.parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)


# ---------------------------------------------------------------- negotiation


def _parse_accept(accept: str) -> list[tuple[str, float, int]]:
    ranges = []
    for index, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        q = 1.0
        for param in pieces[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((media, q, index))
    return ranges


def best_media_type(
    accept: str | None, offered: list[str], forced: str | None = None
) -> str | None:
    """The offered type the Accept header prefers (RFC 9110 q-values and wildcards).

    Ties go to the earlier entry of ``offered``; None when nothing offered is
    acceptable. ``forced`` (from a ``?format=``) wins when offered.
    """
    if forced is not None:
        return forced if forced in offered else None
    ranges = _parse_accept(accept or "*/*") or [("*/*", 1.0, 0)]
    best: tuple[float, int, int] | None = None
    choice = None
    for position, media in enumerate(offered):
        main = media.split("/")[0]
        quality = None
        specificity = -1
        for pattern, q, _ in ranges:
            if pattern == media:
                spec = 2
            elif pattern == f"{main}/*":
                spec = 1
            elif pattern == "*/*":
                spec = 0
            else:
                continue
            if spec > specificity:
                specificity, quality = spec, q
        if quality is None or quality <= 0:
            continue
        rank = (quality, -position, 0)
        if best is None or rank > best:
            best, choice = rank, media
    return choice


# ---------------------------------------------------------------- entity reads


@dataclass(frozen=True)
class Evidence:
    sentence: str
    confidence: float | None
    hedged: bool
    negated: bool
    claimed_by: str | None
    claimed_by_label: str | None
    event_date: str | None
    article_iri: str
    article_title: str | None
    article_url: str | None
    article_date: str | None
    statement: str


@dataclass
class RelationView:
    """One (subject, relation, other) tie of the page's entity, with its mentions."""

    predicate: str
    outgoing: bool
    other_iri: str
    other_label: str
    sign: int
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def asserted(self) -> bool:
        return any(not e.negated for e in self.evidence)


@dataclass(frozen=True)
class EntityPage:
    iri: str
    key: str
    label: str
    aliases: tuple[str, ...]
    types: tuple[str, ...]
    wikidata: str | None
    group_of: tuple[tuple[str, str], ...]
    relations: tuple[RelationView, ...]
    triples: int


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def entity_triples(store: ox.Store, iri: str) -> list[ox.Triple]:
    """The entity's triples (all graphs merged), its statements with evidence, and their articles.

    Empty when no graph mentions the entity as a subject.
    """
    node = ox.NamedNode(iri)
    seen: set[ox.Triple] = set()
    out: list[ox.Triple] = []

    def add(quads: Iterable[ox.Quad]) -> None:
        for q in quads:
            t = ox.Triple(q.subject, q.predicate, q.object)
            if t not in seen:
                seen.add(t)
                out.append(t)

    add(store.quads_for_pattern(node, None, None, None))
    if not out:
        return []
    # direct relation triples pointing at the entity
    add(
        q
        for q in store.quads_for_pattern(None, None, node, None)
        if relation_from_iri(q.predicate.value) is not None
    )
    articles: set[ox.NamedNode] = set()
    statements = {q.subject for q in store.quads_for_pattern(None, _SUBJ, node, None)}
    statements |= {q.subject for q in store.quads_for_pattern(None, _OBJ, node, None)}
    for statement in sorted(statements, key=str):
        quads = list(store.quads_for_pattern(statement, None, None, None))
        add(quads)
        articles |= {
            q.object
            for q in quads
            if q.predicate == _DERIVED and isinstance(q.object, ox.NamedNode)
        }
    for article in sorted(articles, key=str):
        add(
            q
            for q in store.quads_for_pattern(article, None, None, article)
            if q.predicate.value in _ARTICLE_PROPS
        )
    return sorted(out, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _first_literal(store: ox.Store, subject: ox.NamedNode, predicate: ox.NamedNode) -> str | None:
    values = sorted(q.object.value for q in store.quads_for_pattern(subject, predicate, None, None))
    return values[0] if values else None


def _label(store: ox.Store, iri: str, cache: dict[str, str]) -> str:
    if iri not in cache:
        cache[iri] = _first_literal(store, ox.NamedNode(iri), _LABEL) or _local(iri)
    return cache[iri]


def _as_bool(term: Any) -> bool:
    return term is not None and term.value in ("true", "1")


def entity_page(store: ox.Store, iri: str, key: str) -> EntityPage | None:
    """Everything the HTML page shows, read from the quads about one entity."""
    node = ox.NamedNode(iri)
    own = list(store.quads_for_pattern(node, None, None, None))
    if not own:
        return None
    labels: dict[str, str] = {}
    label = min((q.object.value for q in own if q.predicate == _LABEL), default=key)
    labels[iri] = label
    aliases = tuple(sorted({q.object.value for q in own if q.predicate == _ALT} - {label}))
    types = tuple(sorted({_local(q.object.value) for q in own if q.predicate == _TYPE}))
    wikidata = next(
        (
            q.object.value
            for q in own
            if q.predicate == _SAME and q.object.value.startswith(str(WD))
        ),
        None,
    )
    group_of = tuple(
        sorted(
            {
                (q.object.value, _label(store, q.object.value, labels))
                for q in own
                if q.predicate == _GROUP_OF
            }
        )
    )
    relations: dict[tuple[str, bool, str], RelationView] = {}
    article_cache: dict[str, tuple[str | None, str | None, str | None]] = {}
    for position, outgoing in ((_SUBJ, True), (_OBJ, False)):
        for q in store.quads_for_pattern(None, position, node, None):
            st = q.subject
            props: dict[str, Any] = {}
            for sq in store.quads_for_pattern(st, None, None, q.graph_name):
                props.setdefault(sq.predicate.value, sq.object)
            pred = props.get(RDF_NS + "predicate")
            other = props.get(RDF_NS + ("object" if outgoing else "subject"))
            if pred is None or other is None:
                continue
            relation = relation_from_iri(pred.value)
            if relation is None:
                continue
            article = props.get(_DERIVED.value)
            article_iri = article.value if article is not None else q.graph_name.value
            if article_iri not in article_cache:
                anode = ox.NamedNode(article_iri)
                article_cache[article_iri] = (
                    _first_literal(store, anode, ox.NamedNode(str(DCTERMS.title))),
                    _first_literal(store, anode, ox.NamedNode(str(SCHEMA.url))),
                    _first_literal(store, anode, ox.NamedNode(str(DCTERMS.date))),
                )
            title, url, date = article_cache[article_iri]
            claimed = props.get(_CLAIMED.value)
            confidence = props.get(KG_NS + "confidence")
            event = props.get(KG_NS + "eventDate")
            view_key = (relation.value, outgoing, other.value)
            if view_key not in relations:
                relations[view_key] = RelationView(
                    predicate=relation.value,
                    outgoing=outgoing,
                    other_iri=other.value,
                    other_label=_label(store, other.value, labels),
                    sign=RELATION_SIGN[RelationType(relation.value)],
                )
            relations[view_key].evidence.append(
                Evidence(
                    sentence=props[KG_NS + "evidence"].value if KG_NS + "evidence" in props else "",
                    confidence=float(confidence.value) if confidence is not None else None,
                    hedged=_as_bool(props.get(KG_NS + "hedged")),
                    negated=_as_bool(props.get(KG_NS + "negated")),
                    claimed_by=claimed.value if claimed is not None else None,
                    claimed_by_label=_label(store, claimed.value, labels) if claimed else None,
                    event_date=event.value if event is not None else None,
                    article_iri=article_iri,
                    article_title=title,
                    article_url=url if url and url.startswith(("http://", "https://")) else None,
                    article_date=date,
                    statement=st.value,
                )
            )
    ordered = sorted(
        relations.values(),
        key=lambda r: (not r.outgoing, r.predicate, r.other_label.lower(), r.other_iri),
    )
    for r in ordered:
        r.evidence.sort(key=lambda e: (e.event_date or "", e.article_iri, e.statement))
    return EntityPage(
        iri=iri,
        key=key,
        label=label,
        aliases=aliases,
        types=types,
        wikidata=wikidata,
        group_of=group_of,
        relations=tuple(ordered),
        triples=len(own),
    )


# ---------------------------------------------------------------- endpoint


def _base(request: Request) -> str:
    return str(request.app.state.kg.settings.base)


def _store(request: Request) -> ox.Store:
    from api.routes.sparql import raw_store

    return raw_store(request.app.state.kg.store)


def local_path(request: Request, iri: str) -> str | None:
    """The path on this server that dereferences an IRI minted under the base, else None."""
    base = _base(request)
    if not iri.startswith(base):
        return None
    return "/" + iri[len(base) :]


def _serialize(triples: Iterable[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    if fmt == ox.RdfFormat.JSON_LD:
        # expanded node objects under a context that declares kg's prefixes (as /export does)
        body = ox.serialize(triples, None, fmt)
        return b'{"@context": ' + json.dumps(PREFIXES).encode() + b', "@graph": ' + body + b"}\n"
    return ox.serialize(triples, None, fmt, prefixes=PREFIXES)


async def entity(request: Request) -> Response:
    key = request.path_params["key"]
    fmt = request.query_params.get("format")
    if fmt is not None and fmt not in FORMAT_ALIASES:
        return PlainTextResponse(
            f"format: unknown value {fmt!r}; use one of {', '.join(FORMAT_ALIASES)}\n",
            status_code=400,
        )
    media = best_media_type(
        request.headers.get("accept"), OFFERED, FORMAT_ALIASES.get(fmt) if fmt else None
    )
    headers = {"Vary": "Accept"}
    if media is None:
        return PlainTextResponse(
            f"cannot answer in any type of Accept: {request.headers.get('accept')!r}; "
            f"offered: {', '.join(OFFERED)}\n",
            status_code=406,
            headers=headers,
        )
    from kg.rdf.iri import entity_iri

    base = _base(request)
    iri = entity_iri(base, key)
    store = _store(request)
    if media == "text/html":
        page = entity_page(store, iri, key)
        if page is None:
            return _not_found_html(key, iri, headers)
        return HTMLResponse(_render_entity(request, page), headers=headers)
    triples = entity_triples(store, iri)
    if not triples:
        return PlainTextResponse(
            f"no entity {key!r}: nothing is known about <{iri}>\n", status_code=404, headers=headers
        )
    return Response(_serialize(triples, RDF_TYPES[media]), media_type=media, headers=headers)


def _render_entity(request: Request, page: EntityPage) -> str:
    from api.routes.embed import entity_embed_query, iframe_snippet

    query = entity_embed_query(page.label)
    origin = str(request.base_url).rstrip("/")
    return TEMPLATES.get_template("entity.html").render(
        page=page,
        path=lambda iri: local_path(request, iri),
        embed_path="/embed?" + query,
        snippet_path="/embed/snippet?" + query,
        svg_path="/embed.svg?" + query,
        snippet=iframe_snippet(f"{origin}/embed?{query}", f"kg: {page.label} alliance graph"),
        self_path="/id/" + quote(page.key, safe=""),
    )


def _not_found_html(key: str, iri: str, headers: dict[str, str]) -> HTMLResponse:
    body = TEMPLATES.get_template("entity.html").render(page=None, missing_key=key, missing_iri=iri)
    return HTMLResponse(body, status_code=404, headers=headers)


routes: list[BaseRoute] = [Route("/id/{key}", entity, methods=["GET", "HEAD"], name="entity")]
