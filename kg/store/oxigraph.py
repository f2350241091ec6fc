"""The embedded, persistent store: pyoxigraph (RocksDB) with one named graph per article.

One writer process per store directory. A lock file next to the data holds
an exclusive ``flock`` for a writer (and its pid, for the error message) or a
shared one for read-only openers, so a second ``kg ingest`` fails with a
clear ``StoreError`` instead of corrupting anything. The kernel drops the
lock when a process dies, even by SIGKILL.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from pyoxigraph import Quad

from kg.errors import StoreError
from kg.rdf.vocab import KG_NS, PREFIXES
from kg.store.base import GraphName, Subject, Term

LOCK_FILE = "kg.lock"
DATA_DIR = "oxigraph"

_CONTENT_HASH = ox.NamedNode(KG_NS + "contentHash")
_GRAPH_FORMATS = (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)


class OxigraphStore:
    """kg's store over a pyoxigraph ``Store``; build it with ``open`` or ``memory``."""

    def __init__(
        self,
        store: ox.Store,
        path: Path | None = None,
        lock: int | None = None,
        read_only: bool = False,
    ) -> None:
        self._store: ox.Store | None = store
        self.path = path
        self.read_only = read_only
        self._lock = lock

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False) -> OxigraphStore:
        """Opens (creating if needed) the store in directory ``path``.

        A writer takes the directory for itself; read-only openers may share it
        with each other but not with a writer.
        """
        root = Path(path)
        if read_only and not (root / DATA_DIR).is_dir():
            raise StoreError(f"store {root} does not exist (run `kg ingest` first)")
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"store {root} cannot be created: {exc.strerror or exc}") from exc
        if not root.is_dir():
            raise StoreError(f"store {root} is not a directory")
        lock = _take_lock(root, exclusive=not read_only)
        try:
            data = str(root / DATA_DIR)
            store = ox.Store.read_only(data) if read_only else ox.Store(data)
        except OSError as exc:
            os.close(lock)
            raise StoreError(f"store {root} cannot be opened: {exc}") from exc
        return cls(store, root, lock, read_only)

    @classmethod
    def memory(cls) -> OxigraphStore:
        """A store that lives in memory only (tests, `kg extract`)."""
        return cls(ox.Store())

    def close(self) -> None:
        """Releases the database and the lock; the object is unusable afterwards."""
        if self._store is not None and not self.read_only and self.path is not None:
            with contextlib.suppress(OSError):
                self._store.flush()
        self._store = None
        if self._lock is not None:
            if not self.read_only:
                os.ftruncate(self._lock, 0)  # no stale pid for the next error message
            os.close(self._lock)
            self._lock = None

    def __enter__(self) -> OxigraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store, for bulk reads the protocol does not cover."""
        if self._store is None:
            raise StoreError(f"store {self.path or '(memory)'} is closed")
        return self._store

    # ------------------------------------------------------------ articles

    def has_article(self, article_id: str) -> bool:
        return next(self._article_quads(article_id), None) is not None

    def add(self, article_id: str, quads: Iterable[Quad]) -> bool:
        """Writes all of one article's quads in a single transaction, or nothing.

        Returns False (and writes nothing) when the article is already stored.
        Every quad must sit in one named graph, the article's.
        """
        self._check_writable()
        batch = list(quads)
        graphs = {q.graph_name for q in batch}
        if len(graphs) != 1 or not isinstance(next(iter(graphs)), ox.NamedNode):
            raise StoreError(f"article {article_id}: quads must all sit in one named graph")
        if not any(
            q.predicate == _CONTENT_HASH and q.object == ox.Literal(article_id) for q in batch
        ):
            raise StoreError(
                f"article {article_id}: its quads carry no kg:contentHash {article_id}"
            )
        if self.has_article(article_id):
            return False
        try:
            self.oxigraph.extend(batch)
        except OSError as exc:
            raise StoreError(
                f"store {self.path or '(memory)'}: cannot write article {article_id}: {exc}"
            ) from exc
        return True

    def retract(self, article_id: str) -> bool:
        """Drops the article's named graph: what only it said goes, what others also say stays."""
        self._check_writable()
        graphs = {q.graph_name for q in self._article_quads(article_id)}
        for graph in sorted(graphs, key=str):
            self.oxigraph.remove_graph(graph)
        return bool(graphs)

    def article_ids(self) -> list[str]:
        ids = {
            q.object.value
            for q in self.quads(None, _CONTENT_HASH)
            if isinstance(q.object, ox.Literal)
        }
        return sorted(ids)

    def article_graph(self, article_id: str) -> ox.NamedNode | None:
        """The named graph holding an article, or None."""
        quad = next(self._article_quads(article_id), None)
        return quad.graph_name if quad is not None else None  # type: ignore[return-value]

    def _article_quads(self, article_id: str) -> Iterator[Quad]:
        return self.quads(None, _CONTENT_HASH, ox.Literal(article_id), None)

    # ------------------------------------------------------------ reading

    def query(self, sparql: str, substitutions: Mapping[str, Term] | None = None) -> Any:
        """Runs SPARQL over the union of the article graphs; ``substitutions`` binds ?variables.

        The union is a bag: a triple two articles state matches twice, so use
        SELECT DISTINCT (or GRAPH ?g) when that matters.
        """
        bound: dict[ox.Variable, Any] = {
            ox.Variable(k.lstrip("?$")): v for k, v in (substitutions or {}).items()
        }
        try:
            try:
                return self.oxigraph.query(
                    sparql, use_default_graph_as_union=True, substitutions=bound
                )
            except RuntimeError as exc:
                # pyoxigraph binds only projected variables; others go in a trailing VALUES
                # block, written from the terms themselves (escaped by pyoxigraph, never raw text)
                if "projection" not in str(exc):
                    raise StoreError(f"SPARQL query failed: {exc}") from exc
                return self.oxigraph.query(
                    sparql + "\n" + _values_clause(bound), use_default_graph_as_union=True
                )
        except SyntaxError as exc:
            raise StoreError(f"bad SPARQL query: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"store {self.path or '(memory)'}: query failed: {exc}") from exc

    def quads(
        self,
        subject: Subject | None = None,
        predicate: ox.NamedNode | None = None,
        obj: Term | None = None,
        graph: GraphName | None = None,
    ) -> Iterator[Quad]:
        return iter(self.oxigraph.quads_for_pattern(subject, predicate, obj, graph))

    def named_graphs(self) -> list[ox.NamedNode]:
        """The article graphs, sorted by IRI."""
        return sorted(
            (g for g in self.oxigraph.named_graphs() if isinstance(g, ox.NamedNode)), key=str
        )

    def __len__(self) -> int:
        return len(self.oxigraph)

    def dump(self, out: IO[bytes], fmt: ox.RdfFormat, graph: GraphName | None = None) -> None:
        """Raw pyoxigraph dump with kg's prefixes; ``kg.export.rdf`` gives the merged, ordered exports."""
        if graph is None and fmt not in _GRAPH_FORMATS:
            raise StoreError(f"{fmt} holds one graph: name the graph, or use kg.export.rdf")
        self.oxigraph.dump(out, fmt, from_graph=graph, prefixes=PREFIXES)

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")


def _values_clause(bound: Mapping[ox.Variable, Term]) -> str:
    """``VALUES (?a ?b) { (<x> "y") }`` from pyoxigraph terms (their str() is escaped N-Triples)."""
    for term in bound.values():
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise StoreError(f"cannot bind {term!r}: only IRIs and literals can be bound")
    names = " ".join(str(v) for v in bound)
    terms = " ".join(str(t) for t in bound.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def _take_lock(root: Path, exclusive: bool) -> int:
    """flock on ``root/kg.lock``; a writer also records its pid there for others' messages."""
    lock_path = root / LOCK_FILE
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"store {root} cannot be locked: {exc.strerror or exc}") from exc
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _read_pid(fd)
        os.close(fd)
        who = f" (pid {holder})" if holder else ""
        raise StoreError(f"store {root} is in use by another kg process{who}") from None
    if exclusive:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    return fd


def _read_pid(fd: int) -> str:
    """The writer's pid recorded in the lock file, if that process still runs (else "")."""
    try:
        pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    if not pid.isdigit():
        return ""
    try:
        os.kill(int(pid), 0)  # a killed writer leaves its pid behind: do not name it
    except ProcessLookupError:
        return ""
    except PermissionError:
        pass
    return pid
