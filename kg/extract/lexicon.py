"""The extractor's word lists, read from JSON data next to this module.

Coverage grows by editing ``lexicon.json`` and ``attribution.json``; code
only asks questions such as "which relation does this verb cue?".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import ConfigError
from kg.model import RelationType

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Lexicon:
    """Cue words by role; every set holds lower-case lemmas or phrases."""

    verb_relation: dict[str, RelationType]
    verb_preps: dict[str, dict[str, RelationType]]
    transfer_objects: frozenset[str]
    receive_verbs: frozenset[str]
    clash_nouns: frozenset[str]
    suffer_verbs: frozenset[str]
    light_verbs: frozenset[str]
    noun_relation: dict[str, RelationType]
    attack_preps: frozenset[str]
    support_preps: frozenset[str]
    hyphen_participles: dict[str, RelationType]
    patron_nouns: dict[str, str]
    leader_nouns: frozenset[str]
    state_leader_titles: frozenset[str]
    member_nouns: frozenset[str]
    group_nouns: frozenset[str]
    coalition_nouns: frozenset[str]
    generic_group_nouns: frozenset[str]
    force_nouns: frozenset[str]
    proxy_nouns: frozenset[str]
    base_nouns: frozenset[str]
    base_heads: frozenset[str]
    armed_group_heads: frozenset[str]
    place_heads: frozenset[str]
    place_of_nouns: frozenset[str]
    directions: frozenset[str]
    news_media: frozenset[str]
    # attribution
    say_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    hedge_words: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_modals: frozenset[str]
    hypothetical_modals: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_verbs: frozenset[str]
    hypothetical_dets: frozenset[str]
    negations: frozenset[str]


def _read(name: str) -> dict:
    path = HERE / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the extraction lexicon: {exc}") from exc


def _lower(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon, read once per process."""
    lex = _read("lexicon.json")
    att = _read("attribution.json")
    verb_relation: dict[str, RelationType] = {}
    for rel, verbs in lex["verbs"].items():
        for verb in verbs:
            verb_relation.setdefault(verb.lower(), RelationType(rel))
    noun_relation: dict[str, RelationType] = {}
    for rel, nouns in lex["nouns"].items():
        for noun in nouns:
            noun_relation.setdefault(noun.lower(), RelationType(rel))
    return Lexicon(
        verb_relation=verb_relation,
        verb_preps={
            verb: {prep: RelationType(rel) for prep, rel in preps.items()}
            for verb, preps in lex["verb_preps"].items()
        },
        transfer_objects=_lower(lex["transfer_objects"]),
        receive_verbs=_lower(lex["receive_verbs"]),
        clash_nouns=_lower(lex["clash_nouns"]),
        suffer_verbs=_lower(lex["suffer_verbs"]),
        light_verbs=_lower(lex["light_verbs"]),
        noun_relation=noun_relation,
        attack_preps=_lower(lex["attack_preps"]),
        support_preps=_lower(lex["support_preps"]),
        hyphen_participles={k: RelationType(v) for k, v in lex["hyphen_participles"].items()},
        patron_nouns=dict(lex["patron_nouns"]),
        leader_nouns=_lower(lex["leader_nouns"]),
        state_leader_titles=_lower(lex["state_leader_titles"]),
        member_nouns=_lower(lex["member_nouns"]),
        group_nouns=_lower(lex["group_nouns"]),
        coalition_nouns=_lower(lex["coalition_nouns"]),
        generic_group_nouns=_lower(lex["generic_group_nouns"]),
        force_nouns=_lower(lex["force_nouns"]),
        proxy_nouns=_lower(lex["proxy_nouns"]),
        base_nouns=_lower(lex["base_nouns"]),
        base_heads=_lower(lex["base_heads"]),
        armed_group_heads=_lower(lex["armed_group_heads"]),
        place_heads=_lower(lex["place_heads"]),
        place_of_nouns=_lower(lex["place_of_nouns"]),
        directions=_lower(lex["directions"]),
        news_media=_lower(lex["news_media"]),
        say_verbs=_lower(att["say_verbs"]),
        denial_verbs=_lower(att["denial_verbs"]),
        hedge_words=_lower(att["hedge_words"]),
        hedge_verbs=_lower(att["hedge_verbs"]),
        hedge_modals=_lower(att["hedge_modals"]),
        hypothetical_modals=_lower(att["hypothetical_modals"]),
        hypothetical_marks=_lower(att["hypothetical_marks"]),
        hypothetical_verbs=_lower(att["hypothetical_verbs"]),
        hypothetical_dets=_lower(att["hypothetical_dets"]),
        negations=_lower(att["negations"]),
    )
