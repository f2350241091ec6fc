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
    """The answer to "who are X's allies/opponents": ranked nodes and the ties among them."""

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
    truncated = False
    for level in range(1, depth + 1):
        room = limit - len(kept)
        # each frontier node's ties come strongest first, so merging them yields every
        # candidate first at its best tie, and reading stops once the level is full
        merged = heapq.merge(*(P.ranked_ties(u, "weight") for u in frontier), key=lambda t: -t[0])
        chosen: list[tuple[str, float, str]] = []
        for weight, nbr, s, _rel, o, data in merged:
            if nbr in seen or not scope.admits(data):
                continue
            if not include_places and P.is_place(nbr):
                continue
            if len(chosen) == room:
                truncated = True
                break
            seen.add(nbr)
            chosen.append((nbr, weight, o if nbr == s else s))
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
        edges=_edges_among(P, [centre, *kept], scope),
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


def _edges_among(P: Projection, nodes: list[str], scope: Scope) -> tuple[EdgeInfo, ...]:
    """Every in-scope edge whose two ends are both in ``nodes``, strongest first.

    Reads a node's own adjacency or probes the other members, whichever is
    shorter, so a hub in the answer does not cost its whole degree.
    """
    members = set(nodes)
    found: dict[tuple[str, str, str], EdgeInfo] = {}
    succ = P.graph._succ
    for u in nodes:
        out = succ[u]
        targets = (
            (v for v in out if v in members)
            if len(out) <= len(members)
            else (v for v in members if v in out)
        )
        for v in targets:
            for rel, data in out[v].items():
                if scope.admits(data):
                    found[(u, rel, v)] = edge_info(u, rel, v, data)
    return tuple(sorted(found.values(), key=lambda e: (-e.weight, e.subject, e.object)))
