"""Structural balance: which triads of actors are stable, and which ties balance implies.

Heider's balance theory [1]_, as formalised by Cartwright and Harary [2]_:
a triangle of signed ties is balanced when the product of its signs is
positive ("the friend of my friend is my friend", "the enemy of my enemy is
my friend"). The two unbalanced kinds read as:

* ``+ + -``: two allies of C fighting each other;
* ``- - -``: three actors all fighting each other (Davis [3]_ calls this
  weakly balanced: it fits three camps, not two).

An actor pair with several ties counts with the sign of its net weight
(cooperation minus hostility, both directions). Places and bases take no
side and are left out.

Open triads (A-C and C-B tied, A-B not) predict the missing tie: the
product of the two signs. Such a prediction is *inferred*: it is returned
for a researcher to check, never written to the store as an extracted fact.

References
----------
.. [1] F. Heider, "Attitudes and Cognitive Organization", J. Psychology 21, 1946.
.. [2] D. Cartwright, F. Harary, "Structural balance: a generalization of
   Heider's theory", Psychological Review 63(5), 1956.
.. [3] J. A. Davis, "Clustering and structural balance in graphs", Human Relations 20, 1967.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from kg.graph.camps import signed_pairs
from kg.graph.project import Projection
from kg.graph.results import EdgeInfo, NodeInfo, edge_info, node_info
from kg.graph.views import Scope, scope_of

__all__ = ["Balance", "Prediction", "Triad", "balance", "predict_ties"]

#: predicted sign -> how the rule reads, by the signs of the two known ties
RULES: dict[tuple[int, int], str] = {
    (-1, -1): "enemy of my enemy",
    (1, 1): "friend of my friend",
    (1, -1): "enemy of my friend",
}


@dataclass(frozen=True)
class Triad:
    """Three mutually tied actors, the signs of their ties and what it means."""

    nodes: tuple[NodeInfo, NodeInfo, NodeInfo]
    signs: tuple[int, int, int]
    balanced: bool
    explanation: str
    edges: tuple[EdgeInfo, ...]


@dataclass(frozen=True)
class Prediction:
    """A tie no article states that balance implies; ``inferred`` is always True."""

    a: NodeInfo
    b: NodeInfo
    sign: int
    rule: str
    via: tuple[NodeInfo, ...]
    score: float
    inferred: bool = True


@dataclass(frozen=True)
class Balance:
    """Share of balanced triads, the unbalanced ones, and ties balance predicts."""

    triads: int
    balanced: int
    share: float
    unbalanced: tuple[Triad, ...]
    predicted: tuple[Prediction, ...]


def balance(
    P: Projection,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_confidence: float = 0.0,
    limit: int = 20,
    around: str | None = None,
) -> Balance:
    """Counts balanced triads and lists the unbalanced ones and up to ``limit`` predictions.

    Examples
    --------
    >>> from kg.graph.project import ArticleRecord, Mention
    >>> P = Projection()
    >>> P.add_records([ArticleRecord("a")], [], [
    ...     Mention("1", "a", "Russia", "backs", "Syria"),
    ...     Mention("2", "a", "Russia", "backs", "Kurds"),
    ...     Mention("3", "a", "Syria", "targets", "Kurds"),
    ...     Mention("4", "a", "Turkey", "targets", "Kurds")])
    >>> b = balance(P)
    >>> b.triads, b.balanced
    (1, 0)
    >>> b.unbalanced[0].explanation
    'two allies of Russia fighting each other: Kurds and Syria'
    >>> [(p.a.key, p.b.key, p.sign, p.rule) for p in b.predicted]
    [('Russia', 'Turkey', -1, 'enemy of my friend'), ('Syria', 'Turkey', 1, 'enemy of my enemy')]
    """
    scope = scope_of(None, since, until, min_confidence)
    pairs = signed_pairs(P, scope)
    adj: dict[str, dict[str, int]] = defaultdict(dict)
    for (u, v), net in pairs.items():
        sign = 1 if net > 0 else -1
        adj[u][v] = sign
        adj[v][u] = sign
    focus = P.resolve(around) if around is not None else None
    total = balanced_count = 0
    unbalanced = []
    for u in sorted(adj):
        for v in sorted(x for x in adj[u] if x > u):
            for w in sorted(x for x in adj[u].keys() & adj[v].keys() if x > v):
                if focus is not None and focus not in (u, v, w):
                    continue
                total += 1
                signs = (adj[u][v], adj[v][w], adj[u][w])
                if signs[0] * signs[1] * signs[2] > 0:
                    balanced_count += 1
                else:
                    unbalanced.append(_triad(P, scope, (u, v, w), signs))
    unbalanced.sort(key=lambda t: -sum(e.weight for e in t.edges))
    return Balance(
        triads=total,
        balanced=balanced_count,
        share=round(balanced_count / total, 4) if total else 1.0,
        unbalanced=tuple(unbalanced),
        predicted=tuple(predict_ties(P, adj, pairs, limit, focus)),
    )


def predict_ties(
    P: Projection,
    adj: dict[str, dict[str, int]],
    pairs: dict[tuple[str, str], float],
    limit: int = 20,
    focus: str | None = None,
    max_pivot_degree: int = 300,
) -> list[Prediction]:
    """Untied pairs whose common neighbours agree on a sign, strongest agreement first.

    A pair's score is the sum, over common neighbours C, of the weaker of
    its two ties to C, signed by the tie it implies; pairs whose
    neighbours disagree cancel out. Pivots with more than
    ``max_pivot_degree`` ties are skipped (a hub ties everyone, which says
    little and costs degree squared).
    """
    score: dict[tuple[str, str], float] = defaultdict(float)
    via: dict[tuple[str, str], list[str]] = defaultdict(list)
    kinds: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for c, ties in adj.items():
        if len(ties) > max_pivot_degree:
            continue
        for a, b in combinations(sorted(ties), 2):
            if b in adj[a] or (focus is not None and focus not in (a, b)):
                continue
            sign = ties[a] * ties[b]
            strength = min(abs(pairs[_pair(a, c)]), abs(pairs[_pair(b, c)]))
            score[(a, b)] += sign * strength
            via[(a, b)].append(c)
            known = (max(ties[a], ties[b]), min(ties[a], ties[b]))
            kinds[(a, b)][RULES[known]] += strength
    ranked = sorted(
        ((pair, s) for pair, s in score.items() if abs(s) > 1e-9),
        key=lambda item: (-abs(item[1]), item[0]),
    )
    out = []
    for (a, b), s in ranked[:limit]:
        rule = max(kinds[(a, b)].items(), key=lambda kv: kv[1])[0]
        out.append(
            Prediction(
                a=node_info(P, a),
                b=node_info(P, b),
                sign=1 if s > 0 else -1,
                rule=rule,
                via=tuple(node_info(P, c) for c in sorted(via[(a, b)], key=P.name)),
                score=round(abs(s), 6),
            )
        )
    return out


def _pair(u: str, v: str) -> tuple[str, str]:
    return (u, v) if u < v else (v, u)


def _triad(
    P: Projection, scope: Scope, nodes: tuple[str, str, str], signs: tuple[int, int, int]
) -> Triad:
    u, v, w = nodes
    edges = []
    for x, y in ((u, v), (v, w), (u, w)):
        for s, o in ((x, y), (y, x)):
            for rel, data in P.graph._succ[s].get(o, {}).items():
                if scope.admits(data):
                    edges.append(edge_info(s, rel, o, data))
    return Triad(
        nodes=(node_info(P, u), node_info(P, v), node_info(P, w)),
        signs=signs,
        balanced=False,
        explanation=_explain(P, nodes, signs),
        edges=tuple(sorted(edges, key=lambda e: (-e.weight, e.subject, e.object))),
    )


def _explain(P: Projection, nodes: tuple[str, str, str], signs: tuple[int, int, int]) -> str:
    u, v, w = nodes
    if signs == (-1, -1, -1):
        a, b, c = sorted(P.name(n) for n in nodes)
        return f"{a}, {b} and {c} all fight each other"
    # exactly one negative tie: the pivot is the node outside it
    sign_of = {
        frozenset((u, v)): signs[0],
        frozenset((v, w)): signs[1],
        frozenset((u, w)): signs[2],
    }
    for pivot in nodes:
        others = [n for n in nodes if n != pivot]
        if sign_of[frozenset(others)] < 0:
            a, b = sorted(P.name(n) for n in others)
            return f"two allies of {P.name(pivot)} fighting each other: {a} and {b}"
    return "unbalanced"
