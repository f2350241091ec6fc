"""Alliance and opposition graphs as lazy filtered views over one projection.

Nothing is copied: ``nx.subgraph_view`` checks each edge against a
``Scope`` (sign, date window, minimum confidence) when it is read, so a view
costs nothing to make and always reflects the current projection.

A date window keeps an edge whose span of evidence ``[first_seen,
last_seen]`` overlaps ``[since, until]``: a tie reported in 2015 and again in
2018 is taken to hold in 2016 too. An undated edge is dropped when a window
is given, since nothing shows it belongs there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

__all__ = [
    "Scope",
    "alliance_graph",
    "geography_graph",
    "opposition_graph",
    "scope_of",
    "signed_view",
]


@dataclass(frozen=True)
class Scope:
    """Which edges a question looks at.

    ``sign`` is +1 (cooperation), -1 (hostility), 0 (geography) or None for
    the signed ties of both kinds (geography excluded).

    Examples
    --------
    >>> import datetime as dt
    >>> s = Scope(sign=-1, since=dt.date(2016, 1, 1))
    >>> s.admits({"sign": -1, "confidence": 0.9,
    ...           "first_seen": dt.date(2015, 3, 1), "last_seen": dt.date(2016, 2, 1)})
    True
    >>> s.admits({"sign": 1, "confidence": 0.9,
    ...           "first_seen": dt.date(2016, 3, 1), "last_seen": dt.date(2016, 3, 1)})
    False
    """

    sign: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    min_confidence: float = 0.0

    def admits(self, data: dict[str, Any]) -> bool:
        """True when an edge with these attributes is in scope."""
        sign = data["sign"]
        if self.sign is None:
            if sign == 0:
                return False
        elif sign != self.sign:
            return False
        if data["confidence"] < self.min_confidence:
            return False
        if self.since is not None or self.until is not None:
            first, last = data["first_seen"], data["last_seen"]
            if first is None or last is None:
                return False
            if self.since is not None and last < self.since:
                return False
            if self.until is not None and first > self.until:
                return False
        return True

    def with_sign(self, sign: int | None) -> Scope:
        return Scope(sign, self.since, self.until, self.min_confidence)


def scope_of(
    sign: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_confidence: float = 0.0,
) -> Scope:
    """A ``Scope`` after checking its arguments (a clear error, not an empty answer)."""
    if since is not None and until is not None and since > until:
        raise ValueError(f"since ({since}) is after until ({until})")
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError(f"min_confidence must be between 0 and 1, not {min_confidence}")
    return Scope(sign, since, until, min_confidence)


def signed_view(G: nx.MultiDiGraph, scope: Scope) -> nx.MultiDiGraph:
    """The edges of ``G`` that ``scope`` admits, as a read-only view (all nodes kept).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> attrs = {"confidence": 0.8, "first_seen": None, "last_seen": None}
    >>> G.add_edge("Iran", "Hezbollah", key="backs", sign=1, **attrs)
    'backs'
    >>> G.add_edge("Israel", "Hezbollah", key="targets", sign=-1, **attrs)
    'targets'
    >>> sorted(signed_view(G, Scope(sign=-1)).edges(keys=True))
    [('Israel', 'Hezbollah', 'targets')]
    """
    admits: Callable[[dict[str, Any]], bool] = scope.admits

    def keep(u: str, v: str, k: str) -> bool:
        return admits(G[u][v][k])

    return nx.subgraph_view(G, filter_edge=keep)


def alliance_graph(
    G: nx.MultiDiGraph,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_confidence: float = 0.0,
) -> nx.MultiDiGraph:
    """Cooperation ties (backs, alliedWith, partOf, leads) in the window."""
    return signed_view(G, scope_of(1, since, until, min_confidence))


def opposition_graph(
    G: nx.MultiDiGraph,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_confidence: float = 0.0,
) -> nx.MultiDiGraph:
    """Hostility ties (targets, opposes) in the window."""
    return signed_view(G, scope_of(-1, since, until, min_confidence))


def geography_graph(
    G: nx.MultiDiGraph,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_confidence: float = 0.0,
) -> nx.MultiDiGraph:
    """Where things are (basedAt, locatedIn): unsigned, kept apart from the signed views."""
    return signed_view(G, scope_of(0, since, until, min_confidence))
