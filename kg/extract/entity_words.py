"""What is never an actor, and how a capital is read, from ``entity_words.json``.

Why data: weapon names and generic words grow with every new conflict, so
they live in a reviewable JSON list; code only asks "is this span a weapon?",
"is this a lone generic word?" and "does this capital act as its state here?".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from kg.errors import ConfigError

PATH = Path(__file__).with_name("entity_words.json")


@dataclass(frozen=True)
class EntityWords:
    """The lists, ready for look-ups."""

    weapon_names: re.Pattern[str]
    weapon_code: re.Pattern[str]
    weapon_nouns: frozenset[str]
    generic_words: frozenset[str]
    not_state_verbs: frozenset[str]
    state_preps: frozenset[str]
    state_adjectives: frozenset[str]
    state_possessed: frozenset[str]
    place_modifiers: frozenset[str]
    place_preps: frozenset[str]
    state_hyphen: frozenset[str]
    place_of_heads: frozenset[str]
    base_of_heads: frozenset[str]
    organs: StateOrgans
    #: "anti-Houthi": the name after the prefix is the enemy, not the group
    against_prefixes: frozenset[str] = frozenset()
    #: "Baghdad Bridge", "Kabul Road": capitalised nouns that make a name a landmark's
    facility_name_heads: frozenset[str] = frozenset()
    #: "56th Brigade": unit nouns a numbered unit ends with
    unit_heads: frozenset[str] = frozenset()
    ordinal_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StateOrgans:
    """Words naming a state's organ without the state ("government forces", "the police")."""

    #: "government", "army", "police": a head or a modifier of their own
    words: frozenset[str]
    #: "security", "armed": an organ only before a force head ("security forces")
    force_modifiers: frozenset[str]
    #: "forces", "soldiers": what an organ word or force modifier may qualify
    force_heads: frozenset[str]
    #: "positions", "checkpoint", "officials": other nouns an organ word may own
    #: ("an army checkpoint"; never "government buildings" or "a government ally")
    organ_heads: frozenset[str]
    #: force heads that stand for the state with no modifier at all
    bare_force_heads: frozenset[str]
    #: "Military Forces of X", "the government of X", "troops of X": X's own
    of_heads: frozenset[str]
    #: modifiers that make the organ somebody else's ("the rebel government")
    not_state_modifiers: frozenset[str]
    #: "a soldier was killed": determiners a bare force head may take ("the" is coreference's)
    indefinite_determiners: frozenset[str] = frozenset()
    #: "an officer (assumed police)": nouns an organ word in a parenthesis or apposition qualifies
    qualified_heads: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_entity_words() -> EntityWords:
    """The lists, read once per process."""
    try:
        raw = json.loads(PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{PATH}: cannot read the entity word lists: {exc}") from exc
    if not isinstance(raw.get("state_organs"), dict):
        raise ConfigError(f"{PATH}: 'state_organs' must be an object of word lists")
    names = sorted(raw["weapon_names"], key=len, reverse=True)
    return EntityWords(
        weapon_names=re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])"),
        weapon_code=re.compile(raw["weapon_codes"]),
        weapon_nouns=frozenset(w.lower() for w in raw["weapon_nouns"]),
        generic_words=frozenset(w.lower() for w in raw["generic_words"]),
        not_state_verbs=frozenset(raw["state_role_verbs_excluded"]),
        state_preps=frozenset(raw["state_role_preps"]),
        state_adjectives=frozenset(raw["state_role_adjectives"]),
        state_possessed=frozenset(raw["state_role_possessed"]),
        place_modifiers=frozenset(raw["place_role_modifiers"]),
        place_preps=frozenset(raw["place_role_preps"]),
        state_hyphen=frozenset(raw["state_role_hyphen"]),
        place_of_heads=frozenset(raw["place_of_heads"]),
        base_of_heads=frozenset(raw["base_of_heads"]),
        organs=_organs(raw["state_organs"]),
        against_prefixes=_lower(raw.get("against_prefixes", ())),
        facility_name_heads=_lower(raw.get("facility_name_heads", ())),
        unit_heads=_lower(raw.get("unit_heads", ())),
        ordinal_words=_lower(raw.get("ordinal_words", ())),
    )


def _lower(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _organs(raw: dict[str, list[str]]) -> StateOrgans:
    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in raw[key])

    return StateOrgans(
        words=words("organ_words"),
        force_modifiers=words("force_modifiers"),
        force_heads=words("force_heads"),
        organ_heads=words("organ_heads"),
        bare_force_heads=words("bare_force_heads"),
        of_heads=words("of_heads"),
        not_state_modifiers=words("not_state_modifiers"),
        indefinite_determiners=words("indefinite_determiners"),
        qualified_heads=words("qualified_heads"),
    )


def names_weapon(span: Span, words: EntityWords | None = None) -> bool:
    """Does the span name a weapon, aircraft, vehicle or drone ("Emirati Mirage", "Su-24")?"""
    words = words or load_entity_words()
    if words.weapon_names.search(span.text):
        return True
    return any(words.weapon_code.match(t.text) for t in span)


def is_generic(text: str, words: EntityWords | None = None) -> bool:
    """A lone generic word ("Army", "the Forces", "Government") names nobody."""
    words = words or load_entity_words()
    low = re.sub(r"^(?:the|a|an)\s+", "", text.strip().lower())
    low = re.sub(r"['’]s$", "", low).strip()
    return low in words.generic_words or _organ_phrase(low.split(), words.organs)


def _organ_phrase(tokens: list[str], organs: StateOrgans) -> bool:
    """'Govt force', 'army police units': organ words before a force head name no one."""
    if len(tokens) < 2 or tokens[-1] not in organs.force_heads:
        return False
    mods = tokens[:-1]
    return any(t in organs.words for t in mods) and all(
        t in organs.words or t in organs.force_modifiers for t in mods
    )


def acts_as_state(
    tok: Token, attack_verbs: frozenset[str], words: EntityWords | None = None
) -> bool:
    """Is this capital the government acting ("Moscow denied", "backed by Tehran")
    rather than the city as a place ("drones struck central Kyiv", "in Niamey")?"""
    words = words or load_entity_words()
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
        return doc[tok.i + 2].lower_ in words.state_hyphen  # "Moscow-backed", not "Tripoli-based"
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head  # "Moscow and Tehran backed ...": the first conjunct's role
    if any(c.lower_ in words.place_modifiers for c in tok.children if c.dep_ == "amod"):
        return False
    head, dep = tok.head, tok.dep_
    if dep == "nsubj":
        return head.lemma_.lower() not in words.not_state_verbs
    if dep in ("dobj", "nsubjpass"):
        return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in attack_verbs
    if dep == "pobj":
        if head.dep_ == "agent":
            return True
        prep = head.lower_
        if prep in words.state_preps:
            return True
        return prep == "to" and head.head.lemma_.lower() in words.state_adjectives
    if dep == "poss":
        return head.lemma_.lower() in words.state_possessed or head.lower_ in words.state_possessed
    if dep in ("compound", "nmod"):
        return head.lemma_.lower() in words.state_possessed
    return False


def weapon_after(doc: Doc, start: int, words: EntityWords | None = None) -> int | None:
    """End of the weapon phrase at token ``start`` ("Bayraktar drones", "Su-24 jets"), if any."""
    words = words or load_entity_words()
    if start >= len(doc):
        return None
    tok = doc[start]
    end: int | None = None
    found = words.weapon_names.match(doc.text, tok.idx)
    if found:
        end = start
        while end < len(doc) and doc[end].idx < found.end():
            end += 1
    elif words.weapon_code.match(tok.text):
        end = start + 1
    if end is None:
        return None
    while end < len(doc) and (
        words.weapon_code.match(doc[end].text) or doc[end].lower_ in words.weapon_nouns
    ):
        end += 1
    return end


def in_place_context(
    span: Span, place_nouns: frozenset[str], words: EntityWords | None = None
) -> bool:
    """Is an unknown name used as a place ("fighting in Jinderes", "the town of
    Tarhuna", "south-west of Afrin"), whatever NER called it?"""
    words = words or load_entity_words()
    root = span.root
    if any(c.dep_ == "appos" and c.lemma_.lower() in words.place_of_heads for c in root.children):
        return True  # "Jinderes, a town south-west of Afrin"
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in words.place_preps:
        return True
    return prep.lower_ == "of" and prep.head.lower_ in place_nouns


def after_against_prefix(span: Span, words: EntityWords | None = None) -> bool:
    """'anti-Houthi forces', 'anti-Russian partisans': the name is the group's enemy."""
    words = words or load_entity_words()
    doc, i = span.doc, span.start
    if (
        i >= 1
        and doc[i - 1].lower_.rstrip("-") in words.against_prefixes
        and doc[i - 1].text.endswith("-")
    ):
        return True
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in words.against_prefixes


def in_facility_name(span: Span, words: EntityWords | None = None) -> bool:
    """'the Baghdad Bridge area', 'Tripoli Street': the name starts a landmark's name."""
    words = words or load_entity_words()
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.text[:1].isupper() and nxt.lower_ in words.facility_name_heads


def numbered_unit(span: Span, words: EntityWords | None = None) -> bool:
    """'56th Brigade', 'Third Division', '64th Motorized Rifle Brigade': a unit known
    only by its number, which names nobody without its owner."""
    words = words or load_entity_words()
    toks = [t for t in span if t.lower_ not in ("the", "a", "an")]
    if len(toks) < 2 or toks[-1].lower_ not in words.unit_heads:
        return False
    first = toks[0].lower_
    return bool(_ORDINAL.match(first)) or first in words.ordinal_words


_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)?$")
