"""Allies and opponents: the positive or negative subgraph around one actor.

A level-by-level BFS over the projection's adjacency (both edge
directions, read in place): level ``d`` gathers the unseen neighbours of the
nodes kept at level ``d - 1``, ranks them by the weight of their strongest
tie into the kept set, and keeps the best until ``limit`` nodes in all.
Only kept nodes are expanded, so a query costs the degrees of at most
``limit`` nodes however large the graph is (``ego_graph`` would copy it).
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass
from operator import itemgetter

from kg.graph.project import Projection
from kg.graph.results import EdgeInfo, NodeInfo, edge_info, node_info
from kg.graph.views import Scope, scope_of

__all__ = ["Neighbour", "Neighbourhood", "allies", "neighbourhood", "opponents"]


@dataclass(frozen=True)
class Neighbour:
    """A node of the neighbourhood: how far, through whom, and how strongly tied."""

    node: NodeInfo
    depth: int
    via: str
    strength: float


@dataclass(frozen=True)
class Neighbourhood:
    """The answer to "who are X's allies/opponents": ranked nodes and the ties among them.

    ``edges`` holds the tie that brought each node in, then the strongest
    other ties among the nodes, at most ``max_edges`` (default ``4 * limit``).
    """

    centre: NodeInfo
    sign: int
    depth: int
    nodes: tuple[Neighbour, ...]
    edges: tuple[EdgeInfo, ...]
    truncated: bool


def allies(
    P: Projection,
    actor: str,
    depth: int = 1,
    limit: int = 50,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_confidence: float = 0.0,
) -> Neighbourhood:
    """Actors tied to ``actor`` by cooperation (backs, alliedWith, partOf, leads), either way.

    Examples
    --------
    >>> from kg.graph.project import ArticleRecord, EntityRecord, Mention
    >>> P = Projection()
    >>> P.add_records([ArticleRecord("a")], [], [
    ...     Mention("1", "a", "Iran", "backs", "Hezbollah", confidence=0.9),
    ...     Mention("2", "a", "Iran", "backs", "Houthis", confidence=0.6),
    ...     Mention("3", "a", "Israel", "targets", "Hezbollah")])
    >>> [n.node.key for n in allies(P, "Iran").nodes]
    ['Hezbollah', 'Houthis']
    """
    return neighbourhood(P, actor, scope_of(1, since, until, min_confidence), depth, limit)


def opponents(
    P: Projection,
    actor: str,
    depth: int = 1,
    limit: int = 50,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_confidence: float = 0.0,
) -> Neighbourhood:
    """Actors tied to ``actor`` by hostility (targets, opposes), either way; places left out."""
    return neighbourhood(P, actor, scope_of(-1, since, until, min_confidence), depth, limit)


def neighbourhood(
    P: Projection,
    actor: str,
    scope: Scope,
    depth: int = 1,
    limit: int = 50,
    include_places: bool = False,
    max_edges: int | None = None,
) -> Neighbourhood:
    """The ``scope`` subgraph within ``depth`` hops of ``actor`` (any alias), ranked by weight."""
    if depth < 1:
        raise ValueError(f"depth must be at least 1, not {depth}")
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    centre = P.resolve(actor)
    kept: dict[str, Neighbour] = {}
    seen = {centre}
    frontier = [centre]
    tree: list[tuple[str, str, str]] = []  # the tie that brought each node in
    truncated = False
    for level in range(1, depth + 1):
        room = limit - len(kept)
        # each frontier node's ties come strongest first, so merging them yields every
        # candidate first at its best tie, and reading stops once the level is full
        merged = heapq.merge(
            *(P.ranked_ties(u, "weight") for u in frontier), key=itemgetter(0), reverse=True
        )
        chosen: list[tuple[str, float, str]] = []
        for weight, nbr, s, rel, o, data in merged:
            if nbr in seen or not scope.admits(data):
                continue
            if not include_places and P.is_place(nbr):
                continue
            if len(chosen) == room:
                truncated = True
                break
            seen.add(nbr)
            chosen.append((nbr, weight, o if nbr == s else s))
            tree.append((s, rel, o))
        frontier = []
        for node, weight, via in chosen:
            kept[node] = Neighbour(node_info(P, node), level, via, weight)
            frontier.append(node)
        if not frontier or len(kept) >= limit:
            if len(kept) >= limit and level < depth and not truncated:
                truncated = _has_more(P, frontier, seen, scope, include_places)
            break
    return Neighbourhood(
        centre=node_info(P, centre),
        sign=scope.sign or 0,
        depth=depth,
        nodes=tuple(kept.values()),
        edges=_edges_among(P, [centre, *kept], scope, tree, max_edges or 4 * limit),
        truncated=truncated,
    )


def _has_more(
    P: Projection, frontier: list[str], seen: set[str], scope: Scope, include_places: bool
) -> bool:
    """True when a node past the limit is reachable from the last level."""
    for u in frontier:
        for _w, nbr, _s, _rel, _o, data in P.ranked_ties(u, "weight"):
            if nbr not in seen and scope.admits(data) and (include_places or not P.is_place(nbr)):
                return True
    return False


def _edges_among(
    P: Projection,
    nodes: list[str],
    scope: Scope,
    tree: list[tuple[str, str, str]],
    cap: int,
) -> tuple[EdgeInfo, ...]:
    """The ties that brought each node in, then the strongest other in-scope ties among
    ``nodes``, at most ``cap`` in all, strongest first.

    Reads a node's own adjacency or probes the other members, whichever is
    shorter, so a hub in the answer does not cost its whole degree; EdgeInfo
    records are made only for the ties kept (big actors are densely tied).
    """
    members = set(nodes)
    succ = P.graph._succ
    required = set(tree)
    others: list[tuple[float, str, str, str]] = []
    for u in nodes:
        out = succ[u]
        targets = (
            (v for v in out if v in members)
            if len(out) <= len(members)
            else (v for v in members if v in out)
        )
        for v in targets:
            for rel, data in out[v].items():
                if (u, rel, v) not in required and scope.admits(data):
                    others.append((data["weight"], u, rel, v))
    room = max(0, cap - len(required))
    keys = [*required, *((u, rel, v) for _, u, rel, v in heapq.nlargest(room, others))]
    found = [edge_info(u, rel, v, succ[u][v][rel]) for u, rel, v in keys]
    return tuple(sorted(found, key=lambda e: (-e.weight, e.subject, e.relation, e.object)))
