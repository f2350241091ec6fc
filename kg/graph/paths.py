"""How is A tied to B: the strongest chains of relations, each hop with its evidence.

Cost of a hop
-------------
A hop costs ``HOP_COST + -log(confidence)`` (confidence clipped to
[0.01, 0.99]). The ``-log`` part makes a path's cost minus the log of the
product of its hops' confidences, so among chains of equal length the one
most likely to be all true (if sources err independently) wins;
confidence already rises with each independent article and falls with
denials (see ``kg.graph.project``). The constant part is a prior against
long chains: every intermediary weakens an explanation however well each
link is sourced, so an extra hop must buy e-fold more probability
(``exp(-cost)`` is the chain's probability times ``exp(-hops)``). Without
it, well-sourced ties between big actors cost almost nothing and the
"strongest" path wanders through half the graph. ``1/weight`` was the
other candidate; it has no such reading and its scale grows with the
number of articles ingested.

Search
------
Ties are read either way round (Russia -backs-> Assad and Assad <-backs-
Russia both tie them); each hop reports its real direction. The best path
comes from a bidirectional Dijkstra over the projection's adjacency (no
graph copy); the next ``k - 1`` from Yen's algorithm [1]_. On big graphs a
spur search that must settle more than ``SPUR_BUDGET`` nodes is abandoned,
so an alternative that only exists far away may be missed (the best path
is always exact): it keeps ``k = 3`` queries interactive. networkx's
``shortest_simple_paths`` is Yen too, but it refuses multigraphs and would
need a simple-graph copy per query.

References
----------
.. [1] Jin Y. Yen, "Finding the K Shortest Loopless Paths in a Network",
   Management Science 17(11), 1971.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count, pairwise
from typing import Any

from kg.graph.project import Projection
from kg.graph.results import EdgeInfo, Evidence, NodeInfo, edge_info, evidence_for, node_info
from kg.graph.views import Scope, scope_of

__all__ = ["Hop", "Path", "explain", "hop_cost"]

SIGNS: dict[str, int | None] = {"positive": 1, "negative": -1, "any": None}


@dataclass(frozen=True)
class Hop:
    """One step of a path, walked from ``source`` to ``target``; ``edge`` says which way it points."""

    source: str
    target: str
    edge: EdgeInfo
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Path:
    """One chain of ties from A to B, cheapest first.

    ``strength`` is the product of the hops' confidences (the chance all
    hold); ``cost`` adds the per-hop prior used to rank paths.
    """

    nodes: tuple[NodeInfo, ...]
    hops: tuple[Hop, ...]
    cost: float
    strength: float
    sign: int


def hop_cost(data: dict[str, Any]) -> float:
    """``HOP_COST - log(confidence)``, confidence clipped to [0.01, 0.99].

    Examples
    --------
    >>> round(hop_cost({"confidence": 0.5}), 3)
    1.693
    >>> round(hop_cost({"confidence": 1.0}), 3)
    1.01
    """
    return _cost(data["confidence"])


def explain(
    P: Projection,
    a: str,
    b: str,
    sign: str = "any",
    k: int = 3,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_confidence: float = 0.0,
    evidence: int = 3,
) -> list[Path]:
    """The ``k`` strongest loopless paths between two actors (any alias), best first.

    ``sign`` is ``"positive"`` (cooperation ties only), ``"negative"``
    (hostility only) or ``"any"`` (both; geography never). Each hop carries
    up to ``evidence`` supporting sentences. An empty list means no path.

    Examples
    --------
    >>> from kg.graph.project import ArticleRecord, Mention
    >>> P = Projection()
    >>> P.add_records([ArticleRecord("a")], [], [
    ...     Mention("1", "a", "Turkey", "backs", "Ahrar_al-Sham", "Turkey arms the group.", 0.9),
    ...     Mention("2", "a", "Russia", "targets", "Ahrar_al-Sham", confidence=0.8)])
    >>> [p.nodes[-1].key for p in explain(P, "Turkey", "Russia")]
    ['Russia']
    >>> explain(P, "Turkey", "Russia", sign="positive")
    []
    """
    if sign not in SIGNS:
        raise ValueError(f"sign must be one of {', '.join(SIGNS)}, not {sign!r}")
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    source, target = P.resolve(a), P.resolve(b)
    if source == target:
        raise ValueError(f"{a!r} and {b!r} are the same actor")
    scope = scope_of(SIGNS[sign], since, until, min_confidence)
    found = _yen(_Search(P, scope), source, target, k)
    return [_path(P, nodes, edges, cost, evidence) for cost, nodes, edges in found]


class _Search:
    """Shortest-path searches of one query: the scope, and the projection's ranked ties.

    A node's ties come most confident (cheapest) first, so a search stops
    reading them once ``d + cost`` cannot beat the best path found: a hub's
    thousands of weak ties are never touched.
    """

    def __init__(self, P: Projection, scope: Scope) -> None:
        self.P = P
        self.scope = scope
        self.admits = _fast_admits(scope)

    def cost(self, u: str, v: str) -> tuple[float, tuple[str, str, str]] | None:
        """The cheapest in-scope tie between two nodes, either direction."""
        best: tuple[float, tuple[str, str, str]] | None = None
        G = self.P.graph
        for s, o in ((u, v), (v, u)):
            for rel, data in G._succ[s].get(o, {}).items():
                if self.scope.admits(data):
                    c = hop_cost(data)
                    if best is None or c < best[0]:
                        best = (c, (s, rel, o))
        return best


Found = tuple[float, list[str], list[tuple[str, str, str]]]


def _yen(search: _Search, source: str, target: str, k: int) -> list[Found]:
    first = _bidirectional(search, source, target, frozenset(), frozenset())
    if first is None:
        return []
    paths: list[Found] = [first]
    candidates: list[tuple[float, int, list[str], list[tuple[str, str, str]]]] = []
    known = {tuple(first[1])}
    tie = count()
    while len(paths) < k:
        _, nodes, edges = paths[-1]
        for j in range(len(nodes) - 1):
            root = nodes[: j + 1]
            blocked = frozenset(
                frozenset((p[1][j], p[1][j + 1])) for p in paths if p[1][: j + 1] == root
            )
            spur = _bidirectional(
                search, nodes[j], target, frozenset(root[:-1]), blocked, SPUR_BUDGET
            )
            if spur is None:
                continue
            spur_cost, spur_nodes, spur_edges = spur
            full = root[:-1] + spur_nodes
            if tuple(full) in known:
                continue
            known.add(tuple(full))
            root_cost = sum(_cost_of(search, edges[i]) for i in range(j))
            heapq.heappush(
                candidates, (root_cost + spur_cost, next(tie), full, edges[:j] + spur_edges)
            )
        if not candidates:
            break
        cost, _, full, full_edges = heapq.heappop(candidates)
        paths.append((cost, full, full_edges))
    return paths


def _cost_of(search: _Search, edge: tuple[str, str, str]) -> float:
    s, rel, o = edge
    return hop_cost(search.P.graph[s][o][rel])


def _bidirectional(
    search: _Search,
    source: str,
    target: str,
    banned_nodes: frozenset[str],
    banned_pairs: frozenset[frozenset[str]],
    budget: float = math.inf,
) -> Found | None:
    """Cheapest path avoiding some nodes and node pairs: bidirectional Dijkstra, lazily expanded.

    A settled node does not push all its neighbours: its ties are sorted
    cheapest first, so it pushes one *cursor* keyed ``d + cost`` of its next
    usable tie, and advances it when popped. A pop settles at most one node,
    and a hub with 50,000 ties costs nothing past the few the answer needs.
    The search stops when the two cursor minima add up to the best path
    found (every unsettled node is at least that far). Meetings are found
    when a tie reaches a node settled by the other side, and when a node is
    settled, by probing the other side's settled nodes (or the node's own
    ties, whichever is fewer). With a ``budget``, gives up (None) after that
    many pops.
    """
    if source in banned_nodes or target in banned_nodes:
        return None
    ranked, admits, log = search.P.ranked_ties, search.admits, math.log
    settled: list[dict[str, float]] = [{}, {}]
    parent: list[dict[str, tuple[str, tuple[str, str, str]] | None]] = [{}, {}]
    heaps: list[list[tuple[float, int, str, int]]] = [[], []]
    order = count()
    best = math.inf
    meet: tuple[str, str, tuple[str, str, str]] | None = None  # forward node, backward node, edge

    def usable(u: str, nbr: str, data: dict[str, Any]) -> bool:
        if nbr == u or nbr in banned_nodes or not admits(data):
            return False
        return not (banned_pairs and frozenset((u, nbr)) in banned_pairs)

    def push_cursor(side: int, u: str, start: int) -> None:
        ties = ranked(u, "confidence")
        done = settled[side]
        d = done[u]
        for i in range(start, len(ties)):
            confidence, nbr, _s, _rel, _o, data = ties[i]
            if nbr not in done and usable(u, nbr, data):
                c = HOP_COST - log(0.99 if confidence > 0.99 else max(confidence, 0.01))
                heapq.heappush(heaps[side], (d + c, next(order), u, i))
                return

    def settle(side: int, v: str, d: float, via: tuple[str, tuple[str, str, str]] | None) -> None:
        nonlocal best, meet
        settled[side][v] = d
        parent[side][v] = via
        other = settled[1 - side]
        if v in other and d + other[v] < best:
            best = d + other[v]
            meet = (v, v, ("", "", ""))
        # ties from v to nodes the other side settled, however costly: probe the shorter list
        ties = ranked(v, "confidence")
        if len(other) <= len(ties):
            for w, across in other.items():  # settled in increasing distance
                if d + MIN_COST + across >= best:
                    break
                if w == v or not allowed(v, w):
                    continue
                found = search.cost(v, w)
                if found is not None and d + found[0] + across < best:
                    best = d + found[0] + across
                    meet = (v, w, found[1]) if side == 0 else (w, v, found[1])
        else:
            for confidence, nbr, s, rel, o, data in ties:
                c = HOP_COST - log(0.99 if confidence > 0.99 else max(confidence, 0.01))
                if d + c >= best:
                    break
                reach = other.get(nbr)
                if reach is not None and d + c + reach < best and usable(v, nbr, data):
                    best = d + c + reach
                    meet = (v, nbr, (s, rel, o)) if side == 0 else (nbr, v, (s, rel, o))
        push_cursor(side, v, 0)

    def allowed(u: str, v: str) -> bool:
        return v not in banned_nodes and not (banned_pairs and frozenset((u, v)) in banned_pairs)

    settle(0, source, 0.0, None)
    if source != target:
        settle(1, target, 0.0, None)
    while heaps[0] and heaps[1]:
        if heaps[0][0][0] + heaps[1][0][0] >= best:
            break
        budget -= 1
        if budget < 0:
            return None
        # grow the side with fewer open cursors: on hub-heavy graphs this does far less
        # work than balancing radii, and the stopping rule holds for any order
        side = 0 if len(heaps[0]) <= len(heaps[1]) else 1
        key, _, u, i = heapq.heappop(heaps[side])
        _conf, nbr, s, rel, o, _data = ranked(u, "confidence")[i]
        push_cursor(side, u, i + 1)
        if nbr in settled[side]:
            continue
        settle(side, nbr, key, (u, (s, rel, o)))
    if meet is None:
        return None
    forward_node, backward_node, bridge = meet
    nodes: list[str] = [forward_node]
    edges: list[tuple[str, str, str]] = []
    step = parent[0][forward_node]
    while step is not None:
        nodes.append(step[0])
        edges.append(step[1])
        step = parent[0][step[0]]
    nodes.reverse()
    edges.reverse()
    if backward_node != forward_node:
        nodes.append(backward_node)
        edges.append(bridge)
    step = parent[1][backward_node]
    while step is not None:
        nodes.append(step[0])
        edges.append(step[1])
        step = parent[1][step[0]]
    return best, nodes, edges


#: most heap pops one alternative-path (spur) search may make before giving up
SPUR_BUDGET = 3000
#: the fixed part of every hop's cost (see the module docstring)
HOP_COST = 1.0
MIN_COST = HOP_COST - math.log(0.99)


def _fast_admits(scope: Scope) -> Callable[[dict[str, Any]], bool]:
    """``scope.admits``, or a bare sign test when the scope has no window or floor."""
    if scope.since is not None or scope.until is not None or scope.min_confidence > 0:
        return scope.admits
    if scope.sign is None:
        return lambda data: data["sign"] != 0
    sign = scope.sign
    return lambda data: data["sign"] == sign


def _cost(confidence: float) -> float:
    return HOP_COST - math.log(min(0.99, max(0.01, confidence)))


def _path(
    P: Projection,
    nodes: list[str],
    edges: list[tuple[str, str, str]],
    cost: float,
    evidence: int,
) -> Path:
    hops = []
    sign = 1
    for (source, target), (s, rel, o) in zip(pairwise(nodes), edges, strict=True):
        data = P.graph[s][o][rel]
        info = edge_info(s, rel, o, data)
        sign *= info.sign
        hops.append(Hop(source, target, info, evidence_for(P, info.statements, evidence)))
    return Path(
        nodes=tuple(node_info(P, n) for n in nodes),
        hops=tuple(hops),
        cost=round(cost, 6),
        strength=round(math.prod(h.edge.confidence for h in hops), 6),
        sign=sign,
    )
