"""The store surface the rest of kg relies on (ingest, graph, API, exports).

A small protocol so a second backend (a remote SPARQL endpoint) can stand in
for the embedded one without touching its callers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, Protocol

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat

Term = NamedNode | BlankNode | Literal
Subject = NamedNode | BlankNode
GraphName = NamedNode | BlankNode | DefaultGraph


class Store(Protocol):
    """An RDF dataset holding one named graph per article."""

    def has_article(self, article_id: str) -> bool:
        """True when an article with this content hash is stored."""
        ...

    def add(self, article_id: str, quads: Iterable[Quad]) -> bool:
        """Stores all of an article's quads in one transaction; False if it was already there."""
        ...

    def retract(self, article_id: str) -> bool:
        """Drops the article's graph; False if no such article."""
        ...

    def article_ids(self) -> list[str]:
        """Content hashes of the stored articles, sorted."""
        ...

    def query(self, sparql: str, substitutions: Mapping[str, Term] | None = None) -> Any:
        """A SPARQL query over the union of the graphs, with bound variables."""
        ...

    def quads(
        self,
        subject: Subject | None = None,
        predicate: NamedNode | None = None,
        obj: Term | None = None,
        graph: GraphName | None = None,
    ) -> Iterator[Quad]:
        """Quads matching a pattern (None matches anything)."""
        ...

    def dump(self, out: IO[bytes], fmt: RdfFormat, graph: GraphName | None = None) -> None:
        """Writes the dataset (or one graph) in an RDF format."""
        ...

    def close(self) -> None:
        """Releases the store (and its writer lock)."""
        ...
