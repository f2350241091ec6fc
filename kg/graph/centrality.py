"""Who matters: the most targeted, the main backers, and the brokers between allies.

* most targeted: weighted in-degree over hostility (targets, opposes);
* main backers: weighted out-degree over ``backs``;
* brokers: betweenness centrality on the cooperation graph (undirected, a
  tie's length is its ``hop_cost``, so strong ties are short). Exact
  betweenness is O(nodes x edges); above ``sample_above`` nodes it is
  estimated from ``k`` seeded source samples (Brandes and Pich, 2007).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from kg.graph.paths import hop_cost
from kg.graph.project import Projection
from kg.graph.results import NodeInfo, node_info
from kg.graph.views import Scope, scope_of

__all__ = ["Centrality", "Ranked", "brokers", "central", "main_backers", "most_targeted"]


@dataclass(frozen=True)
class Ranked:
    """A node and its score; ``ties`` is how many edges the score sums."""

    node: NodeInfo
    score: float
    ties: int


@dataclass(frozen=True)
class Centrality:
    most_targeted: tuple[Ranked, ...]
    main_backers: tuple[Ranked, ...]
    brokers: tuple[Ranked, ...]


def central(
    P: Projection,
    limit: int = 10,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_confidence: float = 0.0,
    seed: int = 0,
) -> Centrality:
    """All three rankings for one scope."""
    scope = scope_of(None, since, until, min_confidence)
    return Centrality(
        most_targeted=most_targeted(P, limit, scope),
        main_backers=main_backers(P, limit, scope),
        brokers=brokers(P, limit, scope, seed=seed),
    )


def most_targeted(
    P: Projection, limit: int = 10, scope: Scope | None = None, include_places: bool = False
) -> tuple[Ranked, ...]:
    """Nodes by the weight of hostility aimed at them.

    Examples
    --------
    >>> from kg.graph.project import ArticleRecord, Mention
    >>> P = Projection()
    >>> P.add_records([ArticleRecord("a"), ArticleRecord("b")], [], [
    ...     Mention("1", "a", "Russia", "targets", "ISIS"),
    ...     Mention("2", "b", "USA", "targets", "ISIS"),
    ...     Mention("3", "a", "Turkey", "targets", "YPG")])
    >>> [(r.node.key, r.score) for r in most_targeted(P)]
    [('ISIS', 2.0), ('YPG', 1.0)]
    """
    scope = (scope or Scope()).with_sign(-1)
    score: dict[str, float] = defaultdict(float)
    ties: dict[str, int] = defaultdict(int)
    for u, v, data in P.graph.edges(data=True):
        if u != v and scope.admits(data) and (include_places or not P.is_place(v)):
            score[v] += data["weight"]
            ties[v] += 1
    return _top(P, score, ties, limit)


def main_backers(P: Projection, limit: int = 10, scope: Scope | None = None) -> tuple[Ranked, ...]:
    """Actors by the weight of their ``backs`` ties."""
    scope = (scope or Scope()).with_sign(1)
    score: dict[str, float] = defaultdict(float)
    ties: dict[str, int] = defaultdict(int)
    for u, v, rel, data in P.graph.edges(keys=True, data=True):
        if rel == "backs" and u != v and scope.admits(data):
            score[u] += data["weight"]
            ties[u] += 1
    return _top(P, score, ties, limit)


def brokers(
    P: Projection,
    limit: int = 10,
    scope: Scope | None = None,
    seed: int = 0,
    sample_above: int = 2000,
    k: int = 256,
) -> tuple[Ranked, ...]:
    """Actors on many shortest cooperation paths between other actors."""
    scope = (scope or Scope()).with_sign(1)
    H = nx.Graph()
    for u, v, data in P.graph.edges(data=True):
        if u == v or not scope.admits(data):
            continue
        length = hop_cost(data)
        if not H.has_edge(u, v) or H[u][v]["length"] > length:
            H.add_edge(u, v, length=length)
    if H.number_of_nodes() < 3:
        return ()
    sample = k if H.number_of_nodes() > sample_above else None
    scores = nx.betweenness_centrality(H, k=sample, weight="length", seed=seed, normalized=True)
    ties = {n: H.degree(n) for n in H}
    return _top(P, {n: s for n, s in scores.items() if s > 0}, ties, limit)


def _top(
    P: Projection, score: dict[str, float], ties: dict[str, int], limit: int
) -> tuple[Ranked, ...]:
    ranked = sorted(score.items(), key=lambda item: (-item[1], P.name(item[0])))[:limit]
    return tuple(Ranked(node_info(P, n), round(s, 6), ties[n]) for n, s in ranked)
