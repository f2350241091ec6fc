"""Camps: blocs of actors that back each other and fight the other blocs.

Algorithm and why
-----------------
Camps are a *correlation clustering* of the signed graph: the split that
minimises frustration, i.e. the weight of positive ties across camps plus
negative ties inside camps. Unlike modularity methods (Louvain) it reads
hostility as evidence for a split rather than as a missing tie, and it
needs no number of camps up front: a new camp opens whenever an actor is
better off alone. Exact minimisation is NP-hard, so:

1. Divide: each connected component is a camp; a camp is cut in two by
   the sign of the eigenvector of the smallest eigenvalue of its signed
   Laplacian ``L = D - A`` (``D`` the absolute weighted degrees) [1]_
   whenever the cut lowers frustration, recursively (up to ``max_camps``).
   For a perfectly balanced graph the first cut is already optimal.
2. Refine: local moves (as in Louvain's first phase, with the
   correlation-clustering gain): visit actors in a seeded random order and
   move each to the neighbouring camp, or a new one, that lowers
   frustration most; repeat until no move helps.
3. Merge camps whose net tie is positive (a spectral cut can split a bloc
   that local moves cannot put back together), then refine again.

The pair weight between two actors is their positive minus their negative
tie weight (all relations, both directions); places and bases take no side
and are left out. Results are deterministic for a given ``seed``.

References
----------
.. [1] J. Kunegis et al., "Spectral Analysis of Signed Graphs for
   Clustering, Prediction and Visualization", SDM 2010.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict, deque
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import eigsh

from kg.graph.project import Projection
from kg.graph.results import EdgeInfo, NodeInfo, edge_info, node_info
from kg.graph.views import Scope, scope_of

__all__ = ["Camp", "Camps", "camps", "frustration", "signed_pairs"]

#: undirected actor pair -> net signed weight
Pairs = dict[tuple[str, str], float]


@dataclass(frozen=True)
class Camp:
    """One bloc, largest first; ``cohesion`` is the positive weight inside it."""

    members: tuple[NodeInfo, ...]
    cohesion: float


@dataclass(frozen=True)
class Camps:
    """The split, its frustration and the ties that contradict it.

    ``unaligned`` are actors with no positive tie to any camp (alone in
    their own). ``contradicting`` are cooperation ties across camps and
    hostility ties inside one.
    """

    camps: tuple[Camp, ...]
    unaligned: tuple[NodeInfo, ...]
    frustration: float
    contradicting: tuple[EdgeInfo, ...]


def camps(
    P: Projection,
    seed: int = 0,
    around: str | None = None,
    depth: int = 2,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_confidence: float = 0.0,
    max_rounds: int = 20,
    max_camps: int = 64,
) -> Camps:
    """Splits the actors (or those within ``depth`` signed hops of ``around``) into camps.

    Examples
    --------
    >>> from kg.graph.project import ArticleRecord, Mention
    >>> P = Projection()
    >>> P.add_records([ArticleRecord("a")], [], [
    ...     Mention("1", "a", "Russia", "backs", "Syria"),
    ...     Mention("2", "a", "Iran", "backs", "Syria"),
    ...     Mention("3", "a", "Turkey", "backs", "FSA"),
    ...     Mention("4", "a", "Syria", "targets", "FSA"),
    ...     Mention("5", "a", "Russia", "targets", "FSA")])
    >>> [sorted(m.key for m in c.members) for c in camps(P).camps]
    [['Iran', 'Russia', 'Syria'], ['FSA', 'Turkey']]
    """
    scope = scope_of(None, since, until, min_confidence)
    nodes = _actors(P, scope, around, depth)
    pairs = signed_pairs(P, scope, nodes)
    rng = random.Random(seed)
    assignment = _spectral_split(nodes, pairs, max_camps)
    assignment = _local_moves(nodes, pairs, assignment, rng, max_rounds)
    assignment = _merge(pairs, assignment)
    assignment = _local_moves(nodes, pairs, assignment, rng, max_rounds)
    return _report(P, scope, nodes, pairs, assignment)


def signed_pairs(P: Projection, scope: Scope, nodes: set[str] | None = None) -> Pairs:
    """Net signed weight per unordered actor pair (positive minus negative), places excluded."""
    pairs: Pairs = defaultdict(float)
    G = P.graph
    for u in nodes if nodes is not None else G:
        if P.is_place(u):
            continue
        for v, keyed in G._succ[u].items():
            if v == u or (nodes is not None and v not in nodes) or P.is_place(v):
                continue
            for data in keyed.values():
                if scope.admits(data):
                    key = (u, v) if u < v else (v, u)
                    pairs[key] += data["sign"] * data["weight"]
    return {k: w for k, w in pairs.items() if w != 0}


def frustration(pairs: Pairs, assignment: dict[str, int]) -> float:
    """Positive weight across camps plus negative weight inside camps.

    Examples
    --------
    >>> frustration({("A", "B"): 1.0, ("B", "C"): -2.0}, {"A": 0, "B": 0, "C": 0})
    2.0
    """
    total = 0.0
    for (u, v), w in pairs.items():
        same = assignment[u] == assignment[v]
        if (w > 0 and not same) or (w < 0 and same):
            total += abs(w)
    return total


def _actors(P: Projection, scope: Scope, around: str | None, depth: int) -> set[str]:
    if around is None:
        return {n for n in P.graph if not P.is_place(n)}
    start = P.resolve(around)
    seen = {start}
    frontier = [start]
    for _ in range(depth):
        nxt = []
        for u in frontier:
            for nbr, _s, _r, _o, data in P.neighbours(u):
                if nbr not in seen and scope.admits(data) and not P.is_place(nbr):
                    seen.add(nbr)
                    nxt.append(nbr)
        frontier = nxt
    return seen


def _adjacency(pairs: Pairs) -> dict[str, dict[str, float]]:
    adj: dict[str, dict[str, float]] = defaultdict(dict)
    for (u, v), w in pairs.items():
        adj[u][v] = w
        adj[v][u] = w
    return adj


def _spectral_split(nodes: set[str], pairs: Pairs, max_camps: int) -> dict[str, int]:
    """Components, then camps cut in two by the signed Laplacian while a cut lowers frustration.

    Cutting a camp into A and B changes frustration by the net weight
    between A and B (positive ties become frustrated, negative ones are
    relieved), so a cut is kept only when that net weight is negative.
    """
    adj = _adjacency(pairs)
    queue = deque(_components(sorted(nodes), adj))
    final: list[list[str]] = []
    while queue:
        group = queue.popleft()
        halves = None
        if len(group) >= 3 and len(final) + len(queue) + 1 < max_camps:
            halves = _bisect(group, adj)
        if halves is None:
            final.append(group)
        else:
            queue.extend(halves)
    return {n: camp for camp, group in enumerate(final) for n in group}


def _bisect(
    group: list[str], adj: dict[str, dict[str, float]]
) -> tuple[list[str], list[str]] | None:
    index = {n: i for i, n in enumerate(group)}
    rows, cols, vals = [], [], []
    for u in group:
        for v, w in adj[u].items():
            if v in index:
                rows.append(index[u])
                cols.append(index[v])
                vals.append(w)
    if not vals:
        return None
    A = sp.csr_matrix((vals, (rows, cols)), shape=(len(group),) * 2)
    degree = np.asarray(abs(A).sum(axis=1)).ravel()
    vector = _lowest_eigenvector(sp.diags(degree) - A)
    side = {n: vector[i] >= 0 for n, i in index.items()}
    first = [n for n in group if side[n]]
    second = [n for n in group if not side[n]]
    if not first or not second:
        return None
    cut = sum(w for u in first for v, w in adj[u].items() if v in index and not side[v])
    return (first, second) if cut < 0 else None


def _merge(pairs: Pairs, assignment: dict[str, int]) -> dict[str, int]:
    """Joins camps whose net tie is positive (strongest first) until no join lowers frustration."""
    assignment = dict(assignment)
    while True:
        between: dict[tuple[int, int], float] = defaultdict(float)
        for (u, v), w in pairs.items():
            a, b = assignment[u], assignment[v]
            if a != b:
                between[(a, b) if a < b else (b, a)] += w
        joins = sorted(((w, k) for k, w in between.items() if w > 1e-12), reverse=True)
        if not joins:
            return assignment
        target: dict[int, int] = {}
        for _, (a, b) in joins:
            if a not in target and b not in target:
                target[b] = a
                target[a] = a
        assignment = {n: target.get(c, c) for n, c in assignment.items()}


def _lowest_eigenvector(L: sp.csr_matrix) -> np.ndarray:
    n = L.shape[0]
    if n <= 400:
        _, vectors = np.linalg.eigh(L.toarray())
        return vectors[:, 0]
    # The largest eigenvector of (c I - L) is L's lowest; ARPACK converges far faster on it.
    shift = 2.0 * float(abs(L).sum(axis=1).max())
    M = sp.identity(n, format="csr") * shift - L
    start = np.random.default_rng(0).random(n)
    _, vectors = eigsh(M, k=1, which="LA", v0=start, tol=1e-4, maxiter=3000)
    return vectors[:, 0]


def _components(nodes: list[str], adj: dict[str, dict[str, float]]) -> list[list[str]]:
    seen: set[str] = set()
    out = []
    for start in nodes:
        if start in seen:
            continue
        seen.add(start)
        stack, component = [start], []
        while stack:
            u = stack.pop()
            component.append(u)
            for v in adj.get(u, {}):
                if v not in seen:
                    seen.add(v)
                    stack.append(v)
        out.append(component)
    return out


def _local_moves(
    nodes: set[str],
    pairs: Pairs,
    assignment: dict[str, int],
    rng: random.Random,
    max_rounds: int,
) -> dict[str, int]:
    """Moves actors to the camp that lowers frustration most, until none does."""
    adj = _adjacency(pairs)
    assignment = dict(assignment)
    sizes: dict[int, int] = defaultdict(int)
    for c in assignment.values():
        sizes[c] += 1
    next_camp = max(assignment.values(), default=-1) + 1
    order = sorted(n for n in nodes if adj.get(n))
    for _ in range(max_rounds):
        rng.shuffle(order)
        moved = 0
        for u in order:
            here = assignment[u]
            # pull[c]: net weight from u to camp c; staying in c costs (pos outside) + (neg inside),
            # so the best camp is the one with the largest pull, or a fresh camp (pull 0).
            pull: dict[int, float] = defaultdict(float)
            for v, w in adj[u].items():
                pull[assignment[v]] += w
            best_camp, best_pull = here, pull.get(here, 0.0)
            for c, p in pull.items():
                if p > best_pull + 1e-12:
                    best_camp, best_pull = c, p
            if best_pull < -1e-12 and sizes[here] > 1:
                best_camp, best_pull = next_camp, 0.0
                next_camp += 1
            if best_camp != here:
                sizes[here] -= 1
                sizes[best_camp] += 1
                assignment[u] = best_camp
                moved += 1
        if not moved:
            break
    return assignment


def _report(
    P: Projection,
    scope: Scope,
    nodes: set[str],
    pairs: Pairs,
    assignment: dict[str, int],
) -> Camps:
    adj = _adjacency(pairs)
    members: dict[int, list[str]] = defaultdict(list)
    for n in nodes:
        if adj.get(n):
            members[assignment[n]].append(n)
    blocs, unaligned = [], []
    for group in members.values():
        cohesion = _cohesion(group, adj)
        if len(group) == 1 and cohesion == 0:
            unaligned.append(group[0])
            continue
        blocs.append((sorted(group, key=P.name), cohesion))
    blocs.sort(key=lambda b: (-len(b[0]), -b[1], P.name(b[0][0])))
    contradicting = []
    for u in nodes:
        for v, keyed in P.graph._succ[u].items():
            if v not in nodes or v == u:
                continue
            same = assignment.get(u) == assignment.get(v)
            for rel, data in keyed.items():
                if scope.admits(data) and ((data["sign"] > 0) != same):
                    contradicting.append(edge_info(u, rel, v, data))
    contradicting.sort(key=lambda e: (-e.weight, e.subject, e.object))
    return Camps(
        camps=tuple(
            Camp(tuple(node_info(P, n) for n in group), round(cohesion, 6))
            for group, cohesion in blocs
        ),
        unaligned=tuple(node_info(P, n) for n in sorted(unaligned, key=P.name)),
        frustration=round(frustration(pairs, assignment), 6),
        contradicting=tuple(contradicting),
    )


def _cohesion(group: list[str], adj: dict[str, dict[str, float]]) -> float:
    members = set(group)
    return sum(w for u in group for v, w in adj[u].items() if v in members and w > 0) / 2
