"""Selections: which part of the graph an export (or an embed) covers.

A ``Selection`` is the whole graph, or one actor's alliance or opposition
subgraph to a depth, narrowed by a date window and a minimum confidence. It
picks *edges* of the projection, with the same rules as the graph views
(``kg.graph.views.Scope``: an edge is in a window when its span of evidence
overlaps it; confidence is the edge's). An exported edge keeps all of its
evidence.

For RDF exports the selected edges become a ``SelectedStore``: a read-only
view of the store holding, in each article graph that supports a selected
edge, exactly the quads of its statements (rdf:Statement nodes with their
evidence), the asserted triples of the selected edges, the descriptions of
the entities those statements name and the article node. It offers the
store methods kg's RDF writers call, so Turtle, TriG, N-Triples, N-Quads
and JSON-LD of a selection come from the same native serializers as the
whole graph and stay valid against the SHACL shapes. TriG and N-Quads of a
selection stream from the store (only the selected IRIs are held); writers
that first run a query (merged Turtle, N-Triples, JSON-LD) get an in-memory
copy of the selection, never of the whole store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx
import pyoxigraph as ox

from kg.errors import ConfigError
from kg.rdf.iri import article_iri
from kg.rdf.vocab import KG_NS, PREFIXES

__all__ = [
    "MAX_DEPTH",
    "VIEWS",
    "SelectedEdge",
    "SelectedStore",
    "Selection",
    "SelectionError",
    "select_edges",
    "selected_store",
    "selection_from_params",
]

#: view name -> sign of the ties it keeps (None: every tie, geography included)
VIEWS: dict[str, int | None] = {"alliance": 1, "opposition": -1, "all": None}
MAX_DEPTH = 6
#: most actors an actor-centred selection keeps (as ``kg graph allies --limit``)
DEFAULT_LIMIT = 500
MAX_LIMIT = 100_000


class SelectionError(ConfigError):
    """A selection parameter is malformed; ``param`` names it (the API answers 400)."""

    def __init__(self, param: str, problem: str) -> None:
        super().__init__(f"{param}: {problem}")
        self.param = param
        self.problem = problem


@dataclass(frozen=True)
class Selection:
    """Which edges to export; the default is the whole graph."""

    actor: str | None = None
    view: str = "all"
    depth: int = 1
    since: dt.date | None = None
    until: dt.date | None = None
    min_confidence: float = 0.0
    limit: int = DEFAULT_LIMIT

    @property
    def is_whole(self) -> bool:
        """True when nothing is filtered out (exports can stream the store as it is)."""
        return (
            self.actor is None
            and self.view == "all"
            and self.since is None
            and self.until is None
            and self.min_confidence <= 0.0
        )

    def admits(self, data: Mapping[str, Any]) -> bool:
        """Whether an edge (projection attributes) passes the view, window and confidence."""
        sign = VIEWS[self.view]
        if sign is not None and data["sign"] != sign:
            return False
        if data.get("confidence", 1.0) < self.min_confidence:
            return False
        if self.since is not None or self.until is not None:
            first, last = data.get("first_seen"), data.get("last_seen")
            if first is None or last is None:
                return False
            if self.since is not None and last < self.since:
                return False
            if self.until is not None and first > self.until:
                return False
        return True


def selection_from_params(params: Mapping[str, str | None]) -> Selection:
    """A ``Selection`` from string parameters (query string or CLI), checking each one.

    Known keys: actor, view, depth, since, until, min_confidence. A bad value
    raises ``SelectionError`` naming the parameter.
    """
    actor = (params.get("actor") or "").strip() or None
    view = (params.get("view") or "").strip() or ("alliance" if actor else "all")
    if view not in VIEWS:
        raise SelectionError("view", f"unknown view {view!r}; use one of {', '.join(VIEWS)}")
    depth = _int_param(params, "depth", 1)
    if not 1 <= depth <= MAX_DEPTH:
        raise SelectionError("depth", f"must be between 1 and {MAX_DEPTH}, not {depth}")
    if params.get("depth") not in (None, "") and actor is None:
        raise SelectionError("depth", "only applies with actor=")
    limit = _int_param(params, "limit", DEFAULT_LIMIT)
    if not 1 <= limit <= MAX_LIMIT:
        raise SelectionError("limit", f"must be between 1 and {MAX_LIMIT}, not {limit}")
    since = _date_param(params, "since")
    until = _date_param(params, "until")
    if since and until and since > until:
        raise SelectionError("since", f"{since} is after until ({until})")
    raw_conf = params.get("min_confidence")
    min_confidence = 0.0
    if raw_conf not in (None, ""):
        try:
            min_confidence = float(str(raw_conf))
        except ValueError:
            raise SelectionError("min_confidence", f"not a number: {raw_conf!r}") from None
        if not 0.0 <= min_confidence <= 1.0:
            raise SelectionError("min_confidence", f"must be between 0 and 1, not {raw_conf}")
    return Selection(actor, view, depth, since, until, min_confidence, limit)


def _int_param(params: Mapping[str, str | None], name: str, default: int) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(str(raw))
    except ValueError:
        raise SelectionError(name, f"not a whole number: {raw!r}") from None


def _date_param(params: Mapping[str, str | None], name: str) -> dt.date | None:
    raw = params.get(name)
    if raw in (None, ""):
        return None
    text = str(raw)
    try:
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 1 if name == "since" else 12, 1 if name == "since" else 31)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise SelectionError(name, f"not a date (YYYY-MM-DD or YYYY): {raw!r}") from None


# ---------------------------------------------------------------- edges


@dataclass(frozen=True)
class SelectedEdge:
    """One projected edge in a selection, with its attributes as the projection has them."""

    source: str
    target: str
    relation: str
    data: Mapping[str, Any]


def select_edges(projection: Any, selection: Selection) -> list[SelectedEdge]:
    """The edges of the projection a selection covers, in a stable order.

    With an actor the answer is exactly what ``kg graph allies`` /
    ``opponents`` answer (``kg.graph.neighbourhood``): the actors within
    ``depth`` admitted hops (places left out, at most ``limit``, strongest
    first) and every admitted tie among them.
    """
    graph: nx.MultiDiGraph = projection.graph
    if selection.actor is None:
        edges = (
            SelectedEdge(u, v, k, d)
            for u, v, k, d in graph.edges(keys=True, data=True)
            if selection.admits(d)
        )
        return sorted(edges, key=_edge_order)
    from kg.graph.neighbourhood import neighbourhood
    from kg.graph.views import scope_of

    scope = scope_of(
        VIEWS[selection.view], selection.since, selection.until, selection.min_confidence
    )
    found = neighbourhood(projection, selection.actor, scope, selection.depth, selection.limit)
    chosen = [
        SelectedEdge(e.subject, e.object, e.relation, graph[e.subject][e.object][e.relation])
        for e in found.edges
    ]
    return sorted(chosen, key=_edge_order)


def _edge_order(edge: SelectedEdge) -> tuple[str, str, str]:
    return edge.source, edge.relation, edge.target


def selected_nodes(edges: Iterable[SelectedEdge], actor: str | None = None) -> list[str]:
    """Node keys touched by the edges (plus the actor, so a lone actor still shows), sorted."""
    nodes = {n for e in edges for n in (e.source, e.target)}
    if actor is not None:
        nodes.add(actor)
    return sorted(nodes)


# ---------------------------------------------------------------- RDF view

_RDF = PREFIXES["rdf"]
_DESCRIPTION = frozenset(
    {
        _RDF + "type",
        PREFIXES["rdfs"] + "label",
        PREFIXES["skos"] + "altLabel",
        PREFIXES["owl"] + "sameAs",
        KG_NS + "genericGroupOf",
    }
)
_ALL = "all"
_ENTITY = "entity"


class SelectedStore:
    """A read-only view of a store restricted to the quads of selected edges.

    ``plan`` maps each article graph to the subjects kept in it: ``"all"``
    (statements, the article node) or ``"entity"`` (description triples, and
    relation triples only for the selected ``edge_triples``).
    """

    def __init__(
        self,
        store: Any,
        plan: dict[ox.NamedNode, dict[ox.NamedNode, str]],
        edge_triples: set[tuple[str, str, str]],
    ) -> None:
        self._store = store
        self._plan = plan
        self._edge_triples = edge_triples
        self._memory: ox.Store | None = None

    def named_graphs(self) -> list[ox.NamedNode]:
        return sorted(self._plan, key=str)

    def query(self, sparql: str, substitutions: Mapping[str, Any] | None = None) -> Any:
        """SPARQL over the selection, on an in-memory copy made at the first query.

        The writers only ask small questions (which subjects); the copy costs
        the size of the selection, not of the store.
        """
        if self._memory is None:
            self._memory = ox.Store()
            self._memory.extend(self.quads())
        bound = {ox.Variable(k.lstrip("?$")): v for k, v in (substitutions or {}).items()}
        return self._memory.query(sparql, use_default_graph_as_union=True, substitutions=bound)

    def _keep(self, quad: ox.Quad, kind: str) -> bool:
        if kind == _ALL:
            return True
        predicate = quad.predicate.value
        if predicate in _DESCRIPTION:
            return True
        return (_value(quad.subject), predicate, _value(quad.object)) in self._edge_triples

    def quads(
        self,
        subject: Any = None,
        predicate: ox.NamedNode | None = None,
        obj: Any = None,
        graph: Any = None,
    ) -> Iterator[ox.Quad]:
        if isinstance(graph, ox.DefaultGraph):
            return
        graphs = [graph] if graph is not None else self.named_graphs()
        for g in graphs:
            kept = self._plan.get(g)
            if not kept:
                continue
            if subject is not None:
                pairs: Iterable[tuple[ox.NamedNode, str]] = (
                    [(subject, kept[subject])] if subject in kept else []
                )
            else:
                pairs = sorted(kept.items(), key=lambda item: item[0].value)
            for s, kind in pairs:
                for quad in self._store.quads(s, predicate, obj, g):
                    if self._keep(quad, kind):
                        yield quad


def _value(term: Any) -> str:
    return str(term.value) if isinstance(term, ox.NamedNode | ox.Literal) else str(term)


def selected_store(
    store: Any, projection: Any, edges: Iterable[SelectedEdge], base: str
) -> SelectedStore:
    """The RDF view of a set of projection edges (see the module docstring)."""
    graph = projection.graph
    plan: dict[ox.NamedNode, dict[ox.NamedNode, str]] = {}
    edge_triples: set[tuple[str, str, str]] = set()

    def iri_of(key: str) -> str:
        node = graph.nodes.get(key) if key in graph else None
        if node and node.get("iri"):
            return str(node["iri"])
        from kg.rdf.iri import entity_iri

        return entity_iri(base, key)

    for edge in edges:
        subject_iri, object_iri = iri_of(edge.source), iri_of(edge.target)
        edge_triples.add((subject_iri, KG_NS + edge.relation, object_iri))
        if edge.relation == "alliedWith":  # symmetric: stored with the smaller key first
            edge_triples.add((object_iri, KG_NS + edge.relation, subject_iri))
        statement_ids = (*edge.data.get("statements", ()), *edge.data.get("negations", ()))
        for statement in statement_ids:
            mention = projection.mention(statement)
            g = ox.NamedNode(article_iri(base, mention.article))
            kept = plan.setdefault(g, {g: _ALL})
            kept[ox.NamedNode(f"{base}statement/{statement}")] = _ALL
            for key in (mention.subject, mention.object, mention.claimed_by):
                if key:
                    kept.setdefault(ox.NamedNode(iri_of(key)), _ENTITY)
    # generic groups point at their named backer: describe it too, where the graph does
    for g, kept in plan.items():
        for s, kind in list(kept.items()):
            if kind != _ENTITY:
                continue
            for quad in store.quads(s, ox.NamedNode(KG_NS + "genericGroupOf"), None, g):
                if isinstance(quad.object, ox.NamedNode):
                    kept.setdefault(quad.object, _ENTITY)
    return SelectedStore(store, plan, edge_triples)


# ---------------------------------------------------------------- one entry point


def export_selection(
    store: Any,
    out: Any,
    fmt: str,
    selection: Selection | None = None,
    projection: Any = None,
    base: str | None = None,
) -> None:
    """Writes the selection of ``store`` in format ``fmt`` (any registered format) to ``out``.

    The whole graph streams straight from the store; a selection goes through
    the projection (built from the store when not given) and, for RDF
    formats, a ``SelectedStore``. Raises ``ConfigError`` for an unknown
    format, ``UnknownEntityError`` for an unknown actor, before writing a byte.
    """
    from kg.config import DEFAULT_BASE
    from kg.export.registry import get_format

    spec = get_format(fmt)
    selection = selection or Selection()
    base = base or getattr(projection, "base", None) or DEFAULT_BASE
    is_network = spec.target.startswith("kg.export.network:")
    if not is_network and selection.is_whole:
        spec.writer()(store, out)
        return
    if projection is None:
        from kg.graph.project import Projection

        projection = Projection.from_store(store, base)
    if selection.actor is not None:
        selection = _resolved(selection, projection.resolve(selection.actor))
    if is_network:
        spec.writer()(store, out, projection=projection, selection=selection, base=base)
        return
    edges = select_edges(projection, selection)
    spec.writer()(selected_store(store, projection, edges, base), out)


def _resolved(selection: Selection, key: str) -> Selection:
    return replace(selection, actor=key)
