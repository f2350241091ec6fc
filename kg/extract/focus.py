"""The state in focus: whose "government forces", "the army", "regime positions" these are.

Why: event reports and news name the government's forces by their organ alone
("government forces shelled ...", "an army checkpoint", "governmental
positions near Luhansk") and leave the state to the reader, who takes it
from the places and the parties the text names. GUIDELINES makes a state's
forces the state, so the extractor needs that same reading, and must say
nothing when the text leaves it open.

The rule, on one Doc's mentions:

1. a state the text names (by name, demonym, forces or head of state) whose
   territory holds the places it names wins; the most places decide;
2. else, the country holding most of the named places and bases (from the
   dictionary's ``country`` and ``located_in`` chain): "Turkish forces shelled
   regime positions near Aleppo" is Syria's regime, Turkey being the foreign party;
3. else the one state the text names; else nobody.
A tie at any step is nobody.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kg.extract.types import ActorMention
from kg.model import EntityType, RelationType

#: mention sources that are themselves read from the focus, never evidence for it
DERIVED_SOURCES = frozenset({"organ", "generic", "backer"})
_PLACE_TYPES = frozenset({EntityType.PLACE, EntityType.BASE})


def country_map(entries: Iterable[Any]) -> dict[str, str]:
    """Place or base name -> the state it lies in, following ``located_in`` chains."""
    rows = [
        (_get(e, "name"), _get(e, "type"), _get(e, "country"), _get(e, "located_in"))
        for e in entries
    ]
    kinds = {str(n): str(getattr(t, "value", t)) for n, t, _, _ in rows if n}
    country = {str(n): str(c) for n, _, c, _ in rows if n and c}
    parent = {str(n): str(p) for n, _, _, p in rows if n and p}
    out: dict[str, str] = {}
    for name, kind in kinds.items():
        if kind not in (EntityType.PLACE.value, EntityType.BASE.value):
            continue
        seen: set[str] = set()
        at: str | None = name
        while at is not None and at not in seen:
            seen.add(at)
            if at in country:
                out[name] = country[at]
                break
            if at != name and kinds.get(at) == EntityType.STATE.value:
                out[name] = at
                break
            at = parent.get(at)
    return out


def state_in_focus(mentions: Sequence[ActorMention], countries: Mapping[str, str]) -> str | None:
    """The state the text's unqualified state organs belong to, or None when unclear."""
    named = named_states(mentions)
    placed: Counter[str] = Counter(
        countries[m.name]
        for m in mentions
        if m.type in _PLACE_TYPES and m.name in countries and m.source not in DERIVED_SOURCES
    )
    both = Counter({s: placed[s] for s in named if s in placed})
    if both:
        return _top(both)
    if placed:
        return _top(placed)
    return next(iter(named)) if len(named) == 1 else None


def named_states(mentions: Sequence[ActorMention]) -> Counter[str]:
    """How often the text names each state (by name, demonym, forces, head of state)."""
    named: Counter[str] = Counter()
    for m in mentions:
        if m.source in DERIVED_SOURCES or m.is_media:
            continue
        party = m.for_relation(RelationType.TARGETS)
        if party.type is EntityType.STATE:
            named[party.name] += 1
    return named


def _top(counts: Counter[str]) -> str | None:
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _get(entry: Any, field: str) -> Any:
    if isinstance(entry, Mapping):
        return entry.get(field)
    return getattr(entry, field, None)
