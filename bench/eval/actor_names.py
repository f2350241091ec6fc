"""Event-data actor names (ACLED, UCDP) -> kg entities.

ACLED and UCDP decorate names with coding conventions that no article
uses: "Military Forces of Russia (2000-)", "Police Forces of Turkey
(2016-) Gendarmerie", "HTS: Hayat Tahrir al Sham", "Government of Russia
(Soviet Union)". ``candidate_names`` strips them into the names a reporter
would write; kg's own resolver then turns those into entity keys, so the
gold uses kg's notion of identity, not ours.

Catch-all categories ("Civilians (Syria)", "Unidentified Armed Group",
"Protesters", "Opposition Rebels") name no actor and are excluded from gold.
"""

from __future__ import annotations

import re

from bench.eval.score import GoldEntity

# Names these datasets use for actors that reporters call otherwise. Each
# value lists names a news text uses; all of them resolve through kg.
CONVENTIONS: dict[str, tuple[str, ...]] = {
    "Supreme Political Council": ("Houthis", "Ansar Allah"),
    "Haftar Faction": ("Libyan National Army", "Khalifa Haftar"),
    "Government of National Accord": ("Government of National Accord",),
    "Operation Restoring Hope": ("Saudi-led coalition", "Saudi Arabia"),
    "Operation Peace Spring": ("Syrian National Army", "Turkey"),
    "JWS: Syrian National Army": ("Syrian National Army",),
    "JTW: National Liberation Front": ("National Front for Liberation",),
    "Global Coalition Against Daesh": ("US-led coalition",),
    "Donetsk People's Militia": ("Donetsk People's Republic",),
    "Luhansk People's Militia": ("Luhansk People's Republic",),
    "Donbass People's Militia": ("Donetsk People's Republic", "Luhansk People's Republic"),
    "United Armed Forces of Novorossiya": (
        "Donetsk People's Republic",
        "Luhansk People's Republic",
    ),
    "DPR": ("Donetsk People's Republic",),
    "LPR": ("Luhansk People's Republic",),
    "Security Belt Forces": ("Security Belt Forces", "Southern Transitional Council"),
}

_GENERIC = re.compile(
    r"^(?:civilians|protesters|rioters|unidentified\b.*|labou?r group|students|refugees/idps|"
    r"prisoners|women|teachers|health workers|journalists|lawyers|farmers|fishers|"
    r"opposition rebels|islamist militia|militia|sole perpetrator|private security forces|"
    r"government officials?|.*\bethnic (?:group|militia)|.*\btribal militia|.*\bcommunal militia|"
    r"supporters of .*|maidan)$",
    re.IGNORECASE,
)
_STATE_FORCES = re.compile(
    r"^(?:Military Forces|Police Forces|Government)\s+of\s+(?:the\s+)?(?P<state>[^(]+)"
    r"\s*(?:\([^)]*\))?\s*(?P<unit>.*)$"
)
# A state's own branch or service: the state itself acts ("Russian jets").
_BRANCH = re.compile(
    r"air force|navy|naval|army|gendarmerie|coast guard|special (?:forces|units)|marines|"
    r"national guard|air defen[cs]e|border|intelligence|prison guards|security service|"
    r"emergency service|directorate|local police|police|armou?red division|republican guard",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\s*\([^)]*\)")


def is_generic(name: str) -> bool:
    """True for catch-all categories that name no actor."""
    base = _PARENS.sub("", name).strip()
    return not base or bool(_GENERIC.match(base))


def candidate_names(name: str) -> list[str]:
    """Names a reporter would use for a coded actor (empty for generic categories)."""
    name = name.strip()
    if not name or is_generic(name):
        return []
    if " and/or " in name:
        return [n for part in name.split(" and/or ") for n in candidate_names(part)]
    if " - " in name:  # "Boko Haram - <full name>", "Taliban - <unit>"
        head, rest = (part.strip() for part in name.split(" - ", 1))
        return _unique([*candidate_names(head), rest])
    names: list[str] = []
    if name in CONVENTIONS:
        names.extend(CONVENTIONS[name])
    if ":" in name:
        short, full = (part.strip() for part in name.split(":", 1))
        return _unique([*names, *candidate_names(full), short])
    state_forces = _STATE_FORCES.match(name)
    if state_forces:
        state = _PARENS.sub("", state_forces["state"]).strip()
        unit = (state_forces["unit"] or "").strip()
        if not unit or _BRANCH.search(unit):
            return _unique([*names, state])
        if unit in CONVENTIONS:  # a rival government or faction, not the state
            return _unique([*names, *CONVENTIONS[unit], unit])
        return _unique([*names, unit, state])
    plain = _PARENS.sub("", name).strip()
    if plain in CONVENTIONS:
        names.extend(CONVENTIONS[plain])
    return _unique([*names, plain])


def gold_entity(name: str, engine: object) -> GoldEntity | None:
    """The gold entity for a coded actor name, or None when it names no actor."""
    names = candidate_names(name)
    if not names:
        return None
    keys: set[str] = set()
    for candidate in names:
        keys.add(engine.key(candidate))  # type: ignore[attr-defined]
        known = engine.known(candidate)  # type: ignore[attr-defined]
        if known:
            keys.add(known)
    return GoldEntity(frozenset(keys), name)


def _unique(names: list[str]) -> list[str]:
    return [n for n in dict.fromkeys(n.strip() for n in names) if n]
