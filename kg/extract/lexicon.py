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
    #: "push back", "drive out", "take control": two-word frames and their relation
    phrasal_verbs: dict[str, RelationType]
    #: inflected form -> lemma, for verbs the tagger mistook for nouns
    past_forms: dict[str, str]
    #: "turn to X for support": verbs of asking a backer
    appeal_verbs: frozenset[str]
    #: "fighting for X": verbs whose 'for' names the side served
    fight_for_verbs: frozenset[str]
    #: "Iranian-made drones": participles naming where a weapon came from
    origin_participles: frozenset[str]
    #: "dozens of strikes", "a series of raids": a count standing for the noun
    quantity_nouns: frozenset[str]
    #: verbs whose person object is the victim himself, not the state he leads
    person_harm_verbs: frozenset[str]
    #: "dropped bombs on X": verbs that attack only when they carry a munition
    munition_verbs: frozenset[str]
    munitions: frozenset[str]
    #: "entered Hama": attack verbs whose object must be a place or base
    place_only_verbs: frozenset[str]
    #: "among the dead in X strikes"
    casualty_words: frozenset[str]
    #: "an insurgency inside Turkey": the state in the phrase is opposed
    insurgency_nouns: frozenset[str]
    #: "participated in the offensive": a share in another's attack
    participation_verbs: frozenset[str]
    transfer_objects: frozenset[str]
    receive_verbs: frozenset[str]
    clash_nouns: frozenset[str]
    #: "A and B clashed", "A clashed with B", "exchanged fire": both sides attack
    reciprocal_verbs: frozenset[str]
    exchange_verbs: frozenset[str]
    #: what "exchange"/"trade" must carry to be a fight ("exchanged fire", not "prisoners")
    exchanged_things: frozenset[str]
    #: "clashes with B", "a firefight with B": a fight whose other side is named
    reciprocal_nouns: frozenset[str]
    #: "killed during clashes with B": prepositions that put a clause inside a fight
    side_prep_heads: frozenset[str]
    #: "A and B engaged in a firefight", "had an encounter with B": the doers fight
    fight_light_verbs: frozenset[str]
    #: "A attacked P, sparking clashes with B": verbs whose doer joins the fight
    fight_cause_verbs: frozenset[str]
    #: "a bomb planted by X": weapons whose planter or firer is the attacker
    attack_devices: frozenset[str]
    device_participles: frozenset[str]
    #: "N fighters died in X shelling": intransitive verbs of the victims
    death_verbs: frozenset[str]
    suffer_verbs: frozenset[str]
    #: "X repulsed an attack by Y": the defender fights back, and kills
    repel_verbs: frozenset[str]
    #: "the army encountered Taliban militants": meeting an armed party is a clash
    encounter_verbs: frozenset[str]
    #: "two air raids were reported on X": verbs that only say an event happened
    report_verbs: frozenset[str]
    #: "N were killed when X attacked": conjunctions tying a casualty to an event
    when_marks: frozenset[str]
    light_verbs: frozenset[str]
    noun_relation: dict[str, RelationType]
    attack_preps: frozenset[str]
    support_preps: frozenset[str]
    hyphen_participles: dict[str, RelationType]
    patron_nouns: dict[str, str]
    leader_nouns: frozenset[str]
    state_leader_titles: frozenset[str]
    #: titles beyond ``state_leader_titles`` that may head a state ("Iran's leader")
    state_head_titles: frozenset[str]
    #: ranks and honorifics between a title and a name ("army chief General X")
    rank_titles: frozenset[str]
    #: modifiers that make a title head of a part, not the whole ("front commander")
    subunit_modifiers: frozenset[str]
    #: "pact", "treaty": alliance nouns only with a military modifier ("defence pact")
    pact_nouns: frozenset[str]
    pact_modifiers: frozenset[str]
    #: nouns that describe an organisation ("the separatist body backed by X")
    body_nouns: frozenset[str]
    member_nouns: frozenset[str]
    #: verbs that say what the subject is ("forms part of", "makes up the core of")
    copula_verbs: frozenset[str]
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


def _past_forms(verbs: dict[str, RelationType], irregular: dict[str, str]) -> dict[str, str]:
    """Regular past forms of the cue verbs ("stormed", "shelled", "kidnapped") plus
    the irregular ones of the data, each mapped to its lemma."""
    out: dict[str, str] = {}
    for verb in verbs:
        if " " in verb or len(verb) < 3:
            continue
        if verb.endswith("e"):
            forms = [verb + "d"]
        elif verb.endswith("y") and verb[-2] not in "aeiou":
            forms = [verb[:-1] + "ied"]
        else:
            forms = [verb + "ed", verb + verb[-1] + "ed"]
        for form in forms:
            out.setdefault(form, verb)
    for form, lemma in irregular.items():
        if not form.startswith("_"):
            out[form.lower()] = lemma.lower()
    return out


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
        phrasal_verbs={
            k.lower(): RelationType(v)
            for k, v in lex.get("phrasal_verbs", {}).items()
            if not k.startswith("_")
        },
        past_forms=_past_forms(verb_relation, lex.get("irregular_past", {})),
        appeal_verbs=_lower(lex.get("appeal_verbs", [])),
        fight_for_verbs=_lower(lex.get("fight_for_verbs", [])),
        origin_participles=_lower(lex.get("origin_participles", [])),
        quantity_nouns=_lower(lex.get("quantity_nouns", [])),
        person_harm_verbs=_lower(lex.get("person_harm_verbs", [])),
        munition_verbs=_lower(lex.get("munition_verbs", [])),
        munitions=_lower(lex.get("munitions", [])),
        place_only_verbs=_lower(lex.get("place_only_verbs", [])),
        casualty_words=_lower(lex.get("casualty_words", [])),
        insurgency_nouns=_lower(lex.get("insurgency_nouns", [])),
        participation_verbs=_lower(lex.get("participation_verbs", [])),
        transfer_objects=_lower(lex["transfer_objects"]),
        receive_verbs=_lower(lex["receive_verbs"]),
        clash_nouns=_lower(lex["clash_nouns"]),
        reciprocal_verbs=_lower(lex.get("reciprocal_verbs", [])),
        exchange_verbs=_lower(lex.get("exchange_verbs", [])),
        exchanged_things=_lower(lex.get("exchanged_things", [])),
        reciprocal_nouns=_lower(lex.get("reciprocal_nouns", [])),
        side_prep_heads=_lower(lex.get("side_prep_heads", [])),
        fight_light_verbs=_lower(lex.get("fight_light_verbs", [])),
        fight_cause_verbs=_lower(lex.get("fight_cause_verbs", [])),
        attack_devices=_lower(lex.get("attack_devices", [])),
        device_participles=_lower(lex.get("device_participles", [])),
        death_verbs=_lower(lex.get("death_verbs", [])),
        suffer_verbs=_lower(lex["suffer_verbs"]),
        repel_verbs=_lower(lex.get("repel_verbs", [])),
        encounter_verbs=_lower(lex.get("encounter_verbs", [])),
        report_verbs=_lower(lex.get("report_verbs", [])),
        when_marks=_lower(lex.get("when_marks", [])),
        light_verbs=_lower(lex["light_verbs"]),
        noun_relation=noun_relation,
        attack_preps=_lower(lex["attack_preps"]),
        support_preps=_lower(lex["support_preps"]),
        hyphen_participles={k: RelationType(v) for k, v in lex["hyphen_participles"].items()},
        patron_nouns=dict(lex["patron_nouns"]),
        leader_nouns=_lower(lex["leader_nouns"]),
        state_leader_titles=_lower(lex["state_leader_titles"]),
        state_head_titles=_lower(lex.get("state_head_titles", [])),
        rank_titles=_lower(lex.get("rank_titles", [])),
        subunit_modifiers=_lower(lex.get("subunit_modifiers", [])),
        pact_nouns=_lower(lex.get("pact_nouns", [])),
        pact_modifiers=_lower(lex.get("pact_modifiers", [])),
        body_nouns=_lower(lex.get("body_nouns", [])),
        member_nouns=_lower(lex["member_nouns"]),
        copula_verbs=_lower(lex.get("copula_verbs", [])),
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
