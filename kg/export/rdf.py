"""RDF exports: Turtle, N-Triples and JSON-LD (graphs merged), TriG and N-Quads (per article).

pyoxigraph's native serializers write Turtle, N-Triples, TriG and N-Quads
(rdflib's Turtle writer is about 30 times slower); JSON-LD is written here,
one node object per subject, because pyoxigraph's has no ``@context``.
Output is deterministic: subjects and graphs come in IRI order, so the same
articles give byte-identical files on any run. Memory grows with the number
of distinct subjects, never with triples. Writers take any store with
``quads()`` and ``named_graphs()`` (engineer G's selections pass a view).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    RdfFormat,
    Triple,
    serialize,
)

from kg.rdf.vocab import PREFIXES
from kg.store import queries

_RDF_TYPE = PREFIXES["rdf"] + "type"
_XSD_STRING = PREFIXES["xsd"] + "string"
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def write_turtle(store: Any, out: IO[bytes]) -> None:
    serialize(streamed_triples(store), out, RdfFormat.TURTLE, prefixes=PREFIXES)


def write_ntriples(store: Any, out: IO[bytes]) -> None:
    serialize(streamed_triples(store), out, RdfFormat.N_TRIPLES)


def write_trig(store: Any, out: IO[bytes]) -> None:
    serialize(graph_quads(store), out, RdfFormat.TRIG, prefixes=PREFIXES)


def write_nquads(store: Any, out: IO[bytes]) -> None:
    serialize(graph_quads(store), out, RdfFormat.N_QUADS)


def write_jsonld(store: Any, out: IO[bytes]) -> None:
    """JSON-LD: one node object per subject, compacted with kg's prefixes in ``@context``.

    Written one subject at a time (pyoxigraph's JSON-LD writer has no
    context, so its expanded output would be hard to read).
    """
    out.write(b'{\n"@context": ')
    out.write(json.dumps(PREFIXES, ensure_ascii=False).encode())
    out.write(b',\n"@graph": [')
    first = True
    for node in _node_objects(merged_triples(store)):
        out.write(b"\n" if first else b",\n")
        out.write(json.dumps(node, ensure_ascii=False).encode())
        first = False
    out.write(b"\n]}\n")


def _node_objects(triples: Iterator[Triple]) -> Iterator[dict[str, Any]]:
    """Groups subject-ordered triples into JSON-LD node objects."""
    node: dict[str, Any] | None = None
    current = None
    for t in triples:
        if t.subject != current:
            if node is not None:
                yield node
            current = t.subject
            node = {"@id": _node_id(t.subject)}
        assert node is not None
        if t.predicate.value == _RDF_TYPE and isinstance(t.object, NamedNode):
            node.setdefault("@type", []).append(compact(t.object.value))
        else:
            node.setdefault(compact(t.predicate.value), []).append(_json_value(t.object))
    if node is not None:
        yield node


def compact(iri: str) -> str:
    """``prefix:local`` for an IRI under one of kg's prefixes, else the IRI itself."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _node_id(term: object) -> str:
    return f"_:{term.value}" if isinstance(term, BlankNode) else str(getattr(term, "value", term))


def _json_value(term: object) -> dict[str, str]:
    if isinstance(term, Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == _XSD_STRING:
            return {"@value": term.value}
        return {"@value": term.value, "@type": compact(term.datatype.value)}
    return {"@id": _node_id(term)}


#: Properties only statement nodes carry. A statement's IRI contains its article's
#: hash, so its triples live in exactly one graph and can never repeat.
_STATEMENT_ONLY = frozenset(
    NamedNode(iri)
    for iri in (
        PREFIXES["rdf"] + "subject",
        PREFIXES["rdf"] + "predicate",
        PREFIXES["rdf"] + "object",
        PREFIXES["prov"] + "wasDerivedFrom",
        *(
            PREFIXES["kg"] + name
            for name in (
                "evidence",
                "startOffset",
                "endOffset",
                "confidence",
                "claimedBy",
                "hedged",
                "negated",
                "eventDate",
                "rule",
            )
        ),
    )
)
_RDF_STATEMENT = NamedNode(PREFIXES["rdf"] + "Statement")


def streamed_triples(store: Any) -> Iterator[Triple]:
    """The union of all graphs as distinct triples, in one pass over the store.

    Graphs come in IRI order and each in the store's index order, which
    depends only on the terms, so the same articles give the same bytes.
    Only triples that can recur across articles (entity descriptions and
    asserted relations) are remembered to drop repeats; the statement
    triples, the bulk of the graph, stream through. This keeps Turtle and
    N-Triples exports near pyoxigraph's own speed with memory bounded by
    the number of entities and relations (bench/export/RESULTS.md).
    """
    seen: set[tuple[object, object, object]] = set()
    for q in graph_quads(store):
        if q.predicate not in _STATEMENT_ONLY and q.object != _RDF_STATEMENT:
            key = (q.subject, q.predicate, q.object)
            if key in seen:
                continue
            seen.add(key)
        yield Triple(q.subject, q.predicate, q.object)


def merged_triples(store: Any) -> Iterator[Triple]:
    """The union of all graphs as distinct triples, grouped by subject, subjects in IRI order.

    Within a subject the store's index order is kept: it depends only on the
    terms, so two stores holding the same quads give the same sequence.
    """
    rows = store.query(queries.DISTINCT_SUBJECTS)
    subjects = sorted((row["s"] for row in rows), key=str)
    for subject in subjects:
        seen: set[tuple[object, object]] = set()
        for q in store.quads(subject):
            pair = (q.predicate, q.object)
            if pair not in seen:
                seen.add(pair)
                yield Triple(q.subject, q.predicate, q.object)


def graph_quads(store: Any) -> Iterator[Quad]:
    """Every quad, graph by graph in IRI order, each graph in the store's index order."""
    for graph in store.named_graphs():
        yield from store.quads(graph=graph)
    yield from store.quads(graph=DefaultGraph())
