"""The ``kg_relations`` component: relation candidates from dependency patterns.

``patterns/*.json`` hold spaCy ``DependencyMatcher`` patterns that find the
trigger of a relation (a verb, a relation noun, a role noun, an "X-backed"
modifier); each names a handler below that reads the matched nodes, finds
both sides with ``Arguments`` (phrases, coordination, apposition, relative
clauses, coreference) and emits typed candidates. Geography (locatedIn,
basedAt) is read from the mentions of bases and places themselves.
Domain and range types are enforced here, once, for every family.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token

from kg.errors import ConfigError
from kg.extract.args import Arguments
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.syntax import (
    agents,
    along_with,
    clause_actor,
    conjuncts,
    is_passive,
    is_verbal,
    is_word,
    prep_objects,
    subject_of,
    with_conjoined_verbs,
)
from kg.extract.types import ActorMention, Candidate
from kg.model import EntityType, RelationType

PATTERN_DIR = Path(__file__).parent / "patterns"

ST, AG, OR, PE, BA, PL = (
    EntityType.STATE,
    EntityType.ARMED_GROUP,
    EntityType.ORGANIZATION,
    EntityType.PERSON,
    EntityType.BASE,
    EntityType.PLACE,
)
ACTORS = frozenset({ST, AG, OR, PE})
#: relation -> (allowed subject types, allowed object types), per GUIDELINES.md
SIGNATURES: dict[RelationType, tuple[frozenset[EntityType], frozenset[EntityType]]] = {
    RelationType.BACKS: (frozenset({ST, AG, OR}), frozenset({ST, AG, PE, OR})),
    RelationType.TARGETS: (frozenset({ST, AG, PE, OR}), frozenset({ST, AG, OR, PE, BA, PL})),
    RelationType.ALLIED_WITH: (ACTORS, ACTORS),
    RelationType.OPPOSES: (ACTORS, ACTORS),
    RelationType.BASED_AT: (ACTORS, frozenset({BA})),
    RelationType.LOCATED_IN: (frozenset({BA, PL}), frozenset({PL})),
    RelationType.PART_OF: (frozenset({AG, OR}), frozenset({AG, OR})),
    RelationType.LEADS: (frozenset({PE, AG}), frozenset({ST, AG, OR})),
}
INCLUDE_VERBS = frozenset(
    {"include", "comprise", "encompass", "incorporate", "absorb", "host", "house"}
)
STATIVE = frozenset({RelationType.BASED_AT, RelationType.LOCATED_IN})
NEAR_PREPS = frozenset({"near", "outside", "inside", "within", "in", "on", "at", "by", "off"})
CAPITAL_NOUNS = frozenset({"capital"})
RUN_BY_WORDS = frozenset({"run", "operated"})
PLACE_PREP_WORDS = frozenset(
    {"outskirts", "edge", "fringes", "suburbs", "heart", "centre", "center"}
)
HAVE_VERBS = frozenset(
    {"have", "maintain", "keep", "establish", "set", "build", "operate", "run", "open", "use"}
)


@dataclass(frozen=True)
class PatternSpec:
    """One pattern entry of ``patterns/*.json``."""

    id: str
    handler: str
    confidence: float
    pattern: list[dict[str, Any]]


def _expand(value: Any, lists: dict[str, list[str]]) -> Any:
    """Replace "@name" placeholders by lexicon lists (recursively)."""
    if isinstance(value, str) and value.startswith("@"):
        if value[1:] not in lists:
            raise ConfigError(f"pattern placeholder {value} names no lexicon list")
        return lists[value[1:]]
    if isinstance(value, dict):
        return {k: _expand(v, lists) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, lists) for v in value]
    return value


def load_patterns(lex: Lexicon, directory: Path = PATTERN_DIR) -> list[PatternSpec]:
    """Every pattern file, with lexicon placeholders filled in."""
    participles = sorted(lex.hyphen_participles)
    lists: dict[str, Any] = {
        "verbs": sorted(lex.verb_relation),
        "verb_prep_verbs": sorted(lex.verb_preps),
        "transfer_verbs": sorted(
            v for v, preps in lex.verb_preps.items() if RelationType.BACKS in preps.values()
        ),
        "transfer_objects": sorted(lex.transfer_objects),
        "phrasal_heads": sorted({k.split()[0] for k in lex.phrasal_verbs}),
        "casualty_words": sorted(lex.casualty_words),
        "reciprocal_verbs": sorted(lex.reciprocal_verbs | lex.exchange_verbs),
        "reciprocal_nouns": sorted(lex.reciprocal_nouns),
        "death_verbs": sorted(lex.death_verbs),
        "encounter_verbs": sorted(lex.encounter_verbs),
        "repel_verbs": sorted(lex.repel_verbs),
        "appeal_verbs": sorted(lex.appeal_verbs),
        "receive_verbs": sorted(lex.receive_verbs),
        "support_things": sorted(
            lex.transfer_objects
            | {n for n, r in lex.noun_relation.items() if r is RelationType.BACKS and " " not in n}
        ),
        "verb_past_forms": sorted(f for f, v in lex.past_forms.items() if v in lex.verb_relation),
        "relation_nouns": sorted(n for n in lex.noun_relation if " " not in n),
        "patron_nouns": sorted(lex.patron_nouns),
        "leader_nouns": sorted({n.split()[-1] for n in lex.leader_nouns}),
        "member_and_group_nouns": sorted(lex.member_nouns | lex.group_nouns),
        "hyphen_regex": "(^|-)(" + "|".join(re.escape(p) for p in participles) + ")$",
    }
    specs = []
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ConfigError(f"{path}: not valid JSON: {exc}") from exc
        for entry in data.get("patterns", []):
            specs.append(
                PatternSpec(
                    id=entry["id"],
                    handler=entry["handler"],
                    confidence=float(entry["confidence"]),
                    pattern=_expand(entry["pattern"], lists),
                )
            )
    return specs


class RelationFinder:
    """The ``kg_relations`` component: fills ``doc._.kg_candidates``."""

    def __init__(
        self, nlp: Language, lookup: Callable[[str], ActorMention | None] | None = None
    ) -> None:
        self.lex = load_lexicon()
        self.specs = {s.id: s for s in load_patterns(self.lex)}
        self.matcher = DependencyMatcher(nlp.vocab)
        for spec in self.specs.values():
            self.matcher.add(spec.id, [spec.pattern])
        self.lookup = lookup or (lambda text: None)

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.kg_mentions or []
        _repair_lemmas(doc, self.lex)
        run = _DocRun(doc, Arguments(mentions, self.lex, self.lookup), self.lex)
        matches = sorted(self.matcher(doc), key=lambda m: min(m[1]))
        for match_id, token_ids in matches:
            spec = self.specs[doc.vocab.strings[match_id]]
            nodes = {spec.pattern[k]["RIGHT_ID"]: doc[token_ids[k]] for k in range(len(token_ids))}
            run.antecedent = None
            getattr(run, "h_" + spec.handler)(nodes, spec)
        run.geography()
        run.generic_groups()
        run.partners()
        doc._.kg_candidates = run.unique()
        return doc


class _DocRun:
    """The handlers, with the state of one Doc (arguments, last attacker)."""

    def __init__(self, doc: Doc, args: Arguments, lex: Lexicon) -> None:
        self.doc = doc
        self.args = args
        self.lex = lex
        self.out: list[Candidate] = []
        self.last_attacker: list[ActorMention] = []
        #: trigger of the attack ``last_attacker`` carried out
        self.last_trigger: int | None = None
        #: set when the handler running now resolved an attack by event coreference
        self.antecedent: int | None = None

    # -- emitting ------------------------------------------------------------

    def emit(
        self,
        subjects: Iterable[ActorMention],
        predicate: RelationType,
        objects: Iterable[ActorMention],
        trigger: Token,
        rule: str,
        confidence: float,
    ) -> None:
        subjects, objects = list(subjects), list(objects)
        sent = trigger.sent
        dom, rng = SIGNATURES[predicate]
        emitted = []
        if predicate is not RelationType.LEADS:
            # a speaker is no victim; but "President X said" still leads the state
            objects = [o for o in objects if not self._is_speaker(o)]
        for s0 in subjects:
            for o0 in objects:
                s, o = s0.for_relation(predicate), o0.for_relation(predicate)
                if o0.type is PE and trigger.lemma_.lower() in self.lex.person_harm_verbs:
                    o = o0  # "the strike that killed Soleimani" hit the man, not his state
                if s.is_media or o.is_media or s.name == o.name:
                    continue
                if not (_kind_ok(s, dom) and _kind_ok(o, rng)):
                    continue
                if predicate is RelationType.BACKS and o.type is OR and s.type is OR:
                    continue
                cand = Candidate(
                    subject=s,
                    predicate=predicate,
                    object=o,
                    sent_start=sent.start_char,
                    sent_end=sent.end_char,
                    trigger=trigger.i,
                    rule=rule,
                    confidence=confidence,
                    antecedent=self.antecedent if predicate is RelationType.TARGETS else None,
                )
                self.out.append(cand)
                emitted.append(s)
        if predicate is RelationType.TARGETS and emitted:
            self.remember_attack(emitted, trigger)

    def remember_attack(self, attackers: list[ActorMention], trigger: Token) -> None:
        actors = [m for m in attackers if m.is_actor]
        if actors:
            self.last_attacker = actors
            if self.antecedent is None:
                self.last_trigger = trigger.i

    def recall_attack(self) -> list[ActorMention]:
        """The last attacker, for an attack mentioned again ("the strikes")."""
        if self.last_attacker:
            self.antecedent = self.last_trigger
        return list(self.last_attacker)

    def _is_speaker(self, m: ActorMention) -> bool:
        """The subject of a reporting verb is the source, not a victim (misparses
        like "wounded a further 10, Osama Abu Zaid, a spokesman, told ...")."""
        return is_speaker(self.doc, m)

    def unique(self) -> list[Candidate]:
        seen: set[tuple[str, str, str, int]] = set()
        out = []
        for c in sorted(self.out, key=lambda c: -c.confidence):
            key = (c.subject.name, c.predicate.value, c.object.name, c.sent_start)
            if key in seen:
                continue
            seen.add(key)
            out.append(c)
        return sorted(out, key=lambda c: (c.sent_start, c.trigger))

    # -- shared argument helpers ---------------------------------------------

    def actors_of(self, verb: Token, stative: bool = False) -> list[ActorMention]:
        """The doers of ``verb``: its subject or agent, 'alongside' partners, and
        the owner of an attack noun standing as subject ("Russian strikes hit ...")."""
        tokens = clause_actor(verb, stative)
        if not tokens and is_passive(verb) and not stative:
            # "the strikes were aimed at ISIS": whoever carried out the strikes
            return _unique([m for t in subject_of(verb) for m in self.attack_owner(t)])
        found: list[ActorMention] = []
        for t in tokens:
            got = self.args.resolve(t, places=False)
            if not got and t.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and t.head == verb:
                got = self.attack_owner(verb.head)  # "the strike that killed X"
            if not got:
                got = self.attack_owner(t)
            if not got:
                got = self._group_of(t)
            found.extend(got)
        if not is_passive(verb) and tokens:
            for t in along_with(verb) + along_with(tokens[0]):
                if (
                    self.lex.verb_preps.get(verb.lemma_.lower(), {}).get(t.head.lower_)
                    is RelationType.ALLIED_WITH
                    and t.head.head == verb
                ):
                    continue  # "fought alongside X": X is the partner, not a doer
                found.extend(self.args.resolve(t, places=False))
        return _unique(found)

    def partners(self) -> None:
        """Alliance cues beyond single verbs: "X and Y struck Z alongside W" (each
        doer is W's partner), "fought side by side with W", "X and Y signed a
        mutual defence pact"."""
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and self.lex.verb_relation.get(lemma) in (
                RelationType.TARGETS,
                RelationType.OPPOSES,
            ):
                partners = [
                    t
                    for t in along_with(tok)
                    if t.head.lower_ == "alongside" or t.head.head.lower_ == "together"
                ]
                if partners and not is_passive(tok):
                    doers = [
                        m for t in clause_actor(tok) for m in self.args.resolve(t, places=False)
                    ]
                    allies = [m for t in partners for m in self.args.resolve(t, places=False)]
                    self.emit(doers, RelationType.ALLIED_WITH, allies, tok, "alongside", 0.7)
            if tok.lower_ == "with" and tok.i >= 3 and _side_by_side(tok):
                verb = tok.head
                while verb.pos_ != "VERB" and verb.head != verb:
                    verb = verb.head
                allies = [
                    m
                    for c in tok.children
                    if c.dep_ == "pobj"
                    for m in self.args.resolve(c, places=False)
                ]
                doers = [m for t in clause_actor(verb) for m in self.args.resolve(t, places=False)]
                self.emit(doers, RelationType.ALLIED_WITH, allies, verb, "side_by_side", 0.75)
            if lemma in PACT_NOUNS and any(
                c.lower_ in PACT_KINDS for c in tok.children if c.dep_ in ("amod", "compound")
            ):
                verb = tok.head
                if tok.dep_ != "dobj" or verb.lemma_.lower() not in PACT_VERBS:
                    continue
                parties = [
                    m for t in clause_actor(verb) for m in self.args.resolve(t, places=False)
                ]
                for n, first in enumerate(parties):
                    self.emit(
                        [first], RelationType.ALLIED_WITH, parties[n + 1 :], verb, "pact", 0.75
                    )

    def _group_of(self, noun: Token) -> list[ActorMention]:
        """'Wagner Group contractors', 'mercenaries from the Wagner Group': the
        named group whose unnamed members act."""
        lex = self.lex
        if (
            noun.lower_ not in lex.generic_group_nouns
            and noun.lemma_ not in lex.generic_group_nouns
        ):
            return []
        found = [
            m
            for c in noun.children
            if c.dep_ in ("compound", "nmod") and c.i < noun.i
            for m in [self.args.at(c)]
            if m is not None and m.is_actor and m.source != "demonym"
        ]
        for _prep, pobj in prep_objects(noun, {"from", "of"}):
            found.extend(m for m in self.args.resolve(pobj, places=False) if m.is_actor)
        return _unique(found)

    def attack_owner(self, noun: Token) -> list[ActorMention]:
        """Who carries out an attack noun ("Russian strikes", "the strikes" -> last attacker)."""
        lex = self.lex
        if is_word(noun, lex.attack_devices):
            return self.device_owner(noun)
        if noun.lemma_.lower() not in lex.noun_relation and noun.lower_ not in lex.noun_relation:
            for c in noun.children:  # "a wave of airstrikes"
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if (
                            p.dep_ == "pobj"
                            and lex.noun_relation.get(p.lemma_.lower()) is RelationType.TARGETS
                        ):
                            return self.attack_owner(p)
            return []
        if lex.noun_relation.get(noun.lemma_.lower()) is not RelationType.TARGETS:
            return []
        owners = [m for m in self.args.owners(noun) if m.is_actor]
        if owners:
            return owners
        for c in noun.children:
            # "airstrikes conducted by the Turkish army"
            if c.dep_ == "acl" and c.tag_ == "VBN":
                by = [
                    m for a in agents(c) for m in self.args.resolve(a, places=False) if m.is_actor
                ]
                if by:
                    return by
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in self.lex.light_verbs:
            # "U.S. Africa Command conducted an airstrike targeting ..."
            doers = [m for t in clause_actor(head) for m in self.args.resolve(t, places=False)]
            if doers:
                return doers
        definite = any(
            c.dep_ == "det" and c.lower_ in ("the", "these", "this", "those") for c in noun.children
        )
        if definite or noun.head.lower_ in ("wave", "round", "series", "barrage"):
            return self.recall_attack()
        return []

    def device_owner(self, noun: Token) -> list[ActorMention]:
        """Who used a weapon: 'a bomb planted by X', 'a Taliban-planted IED',
        'an al-Shabaab roadside bomb', 'mortar shells fired by X'."""
        lex = self.lex
        found: list[ActorMention] = []
        for c in noun.children:
            if c.dep_ == "acl" and c.lower_ in lex.device_participles:
                found.extend(m for a in agents(c) for m in self.args.resolve(a, places=False))
            elif c.i < noun.i and "-" in c.text[1:]:
                head, _, tail = c.text.rpartition("-")
                if tail.lower() in lex.device_participles:
                    m = self.args.at(c) or self.args.lookup(head)
                    found.extend([m] if m is not None else [])
            elif c.i < noun.i and c.lower_ in lex.device_participles:
                # "Taliban - planted" split by the tokenizer
                found.extend(
                    m
                    for g in c.children
                    if g.i < c.i and g.dep_ in ("npadvmod", "compound", "nmod", "amod")
                    for m in [self.args.at(g)]
                    if m is not None
                )
        if not found:
            found = self.args.owners(noun)
        return _unique([m for m in found if m.is_actor])

    def objects_of(self, tok: Token, predicate: RelationType) -> list[ActorMention]:
        places = predicate in (RelationType.TARGETS, RelationType.BASED_AT, RelationType.LOCATED_IN)
        found = self.args.resolve(tok, places=places)
        if not found and predicate is RelationType.TARGETS:
            # "attacked a frontline of the PMF": what the hit thing belongs to
            for c in tok.children:
                if c.dep_ in ("poss", "compound") or (c.dep_ == "prep" and c.lower_ == "of"):
                    inner = [c] if c.dep_ != "prep" else [p for p in c.children if p.dep_ == "pobj"]
                    for t in inner:
                        found.extend(m for m in self.args.resolve(t, places=False) if m.is_actor)
        if not found and predicate is RelationType.TARGETS:
            # "strikes against civilians in the city of Idlib"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "near", "around", "across"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            found.extend(
                                m for m in self.args.resolve(p, places=True) if not m.is_actor
                            )
        if predicate is RelationType.TARGETS:
            for t in along_with(tok):
                found.extend(self.args.resolve(t, places=True))
            if found and is_word(tok, self.lex.proxy_nouns):
                # "Houthi positions in Hodeidah": the place is hit too
                for _prep, pobj in prep_objects(tok, {"in", "near", "around", "outside"}):
                    found.extend(
                        m for m in self.args.resolve(pobj, places=True) if m.type in (PL, BA)
                    )
        return _unique(found)

    # -- handlers ------------------------------------------------------------

    def h_verb_object(self, nodes: dict[str, Token], spec: Any) -> None:
        verb, obj = nodes["trigger"], nodes["object"]
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX"):
            # "the army retook Palmyra" with 'retook' tagged as a noun
            lemma = self.lex.past_forms.get(verb.lower_, lemma)
        predicate = self.lex.verb_relation.get(lemma)
        if predicate is None or is_passive(verb):
            return
        if predicate in STATIVE and lemma not in INCLUDE_VERBS:
            return
        if lemma == "fire":
            return  # "fired rockets at X" is read by the preposition
        if predicate is RelationType.TARGETS and is_word(obj, self.lex.attack_devices):
            return  # "their vehicle hit a landmine": the subject is the victim
        if lemma in self.lex.repel_verbs and (
            self.lex.noun_relation.get(obj.lemma_.lower()) is RelationType.TARGETS
            or self.lex.noun_relation.get(obj.lower_) is RelationType.TARGETS
        ):
            return  # "repulsed an attack by X" states X's attack only (``_suffered``)
        subjects = self.actors_of(verb)
        objects = self.objects_of(obj, predicate)
        if self.lex.verb_preps.get(lemma, {}).get("from") is predicate is RelationType.TARGETS:
            # "captured the village of X from Russian forces": 'from' hung on the object
            for _prep, pobj in prep_objects(obj, {"from"}):
                objects.extend(m for m in self.args.resolve(pobj, places=False) if m.is_actor)
        if lemma in self.lex.place_only_verbs:
            # "HTS fighters entered Hama": a town taken, not talks joined
            objects = [o for o in objects if o.type in (PL, BA)]
            subjects = [m for m in subjects if m.for_relation(predicate).type is not OR]
            if not objects:
                return
        if (
            predicate is RelationType.TARGETS
            and not objects
            and not self.args.resolve(obj, places=False)
        ):
            # "attacked villagers near Moura": where the attack happened
            for _prep, pobj in prep_objects(verb, {"in", "near", "around", "outside"}):
                objects.extend(
                    m for m in self.args.resolve(pobj, places=True) if m.type in (PL, BA)
                )
        if predicate is RelationType.TARGETS and subjects and not objects:
            self.remember_attack(subjects, verb)
        if lemma in INCLUDE_VERBS:
            subjects, objects = objects, subjects
        elif predicate is RelationType.PART_OF:
            # "switched sides to join the Syrian army": a state is joined as an ally
            states = [o for o in objects if o.for_relation(predicate).type is ST]
            self.emit(subjects, RelationType.ALLIED_WITH, states, verb, spec.id, spec.confidence)
        self.emit(subjects, predicate, objects, verb, spec.id, spec.confidence)

    def h_phrasal(self, nodes: dict[str, Token], spec: Any) -> None:
        """'pushed back X', 'drove X out of P', 'took control of P', 'shored up X':
        a verb whose particle (or 'control') makes the relation."""
        verb = nodes["trigger"]
        lex = self.lex
        lemma = verb.lemma_.lower()
        if is_passive(verb):
            return
        dobjs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        words = [c for c in verb.children if c.dep_ in ("prt", "advmod", "prep")]
        words += [c for c in dobjs if f"{lemma} {c.lemma_.lower()}" in lex.phrasal_verbs]
        found = [
            (w, lex.phrasal_verbs[f"{lemma} {w.lemma_.lower()}"])
            for w in words
            if f"{lemma} {w.lemma_.lower()}" in lex.phrasal_verbs
        ]
        if not found:
            return
        word, predicate = found[0]
        subjects = self.actors_of(verb)
        objects: list[ActorMention] = []
        if predicate is RelationType.ALLIED_WITH:
            # "X joined forces with Y"; "X and Y fought together": the partners
            partners = [
                m for _prep, pobj in prep_objects(verb, {"with"}) for m in self.args.resolve(pobj)
            ]
            if partners:
                self.emit(subjects, predicate, partners, verb, spec.id, spec.confidence)
            else:
                for k, first in enumerate(subjects):
                    self.emit([first], predicate, subjects[k + 1 :], verb, spec.id, spec.confidence)
            return
        if word.lemma_.lower() == "control":
            for _prep, pobj in prep_objects(word, {"of", "over"}) + prep_objects(
                verb, {"of", "over"}
            ):
                objects.extend(self.objects_of(pobj, predicate))
        else:
            for d in dobjs:
                if lex.noun_relation.get(d.lemma_.lower()) is RelationType.TARGETS:
                    objects.extend(self.attack_owner(d))  # "pushed back a Russian advance"
                else:
                    objects.extend(self.objects_of(d, predicate))
            # "drove X out of P", "expelled X from P": the place is fought over too
            places = prep_objects(verb, {"from"}) + prep_objects(word, {"of", "from"})
            for _prep, pobj in places:
                objects.extend(self.objects_of(pobj, predicate))
        self.emit(subjects, predicate, _unique(objects), verb, spec.id, spec.confidence)

    def h_seek_support(self, nodes: dict[str, Token], spec: Any) -> None:
        """'Mali turned to Russia for military support': Russia backs Mali."""
        verb, backer = nodes["trigger"], nodes["object"]
        backers = [m for m in self.args.resolve(backer, places=False) if m.is_actor]
        clients = self.actors_of(verb)
        self.emit(backers, RelationType.BACKS, clients, verb, spec.id, spec.confidence)

    def h_made_by(self, nodes: dict[str, Token], spec: Any) -> None:
        """'the army received Iranian-made drones': the maker backs the receiver."""
        verb, thing = nodes["trigger"], nodes["thing"]
        makers: list[ActorMention] = []
        for c in thing.children:
            if c.i > thing.i or c.dep_ not in ("amod", "compound", "nmod"):
                continue
            head, _, tail = c.text.rpartition("-")
            if head and tail.lower() in self.lex.origin_participles:
                m = self.args.at(c) or self.args.lookup(head)
                makers.extend([m] if m is not None else [])
            elif c.lower_ in self.lex.origin_participles:
                for g in c.children:
                    if g.i < c.i and g.dep_ in ("npadvmod", "compound", "amod", "nmod"):
                        m = self.args.at(g) or self.args.lookup(g.text)
                        makers.extend([m] if m is not None else [])
        makers = [m for m in makers if m.is_actor]
        self.emit(makers, RelationType.BACKS, self.actors_of(verb), verb, spec.id, spec.confidence)

    def h_shared_object(self, nodes: dict[str, Token], spec: Any) -> None:
        """'targeted and destroyed three IS tunnels': the first verb shares the object."""
        verb = nodes["trigger"]
        if any(c.dep_ in ("dobj", "obj") for c in verb.children):
            return
        self.h_verb_object({"trigger": verb, "object": nodes["object"]}, spec)

    def h_verb_prep(self, nodes: dict[str, Token], spec: Any) -> None:
        verb, prep, obj = nodes["trigger"], nodes["prep"], nodes["object"]
        lemma = verb.lemma_.lower()
        predicate = self.lex.verb_preps.get(lemma, {}).get(prep.lower_)
        if predicate is None:
            return
        if lemma in self.lex.munition_verbs and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.lex.munitions for c in verb.children
        ):
            return  # "dropped bombs on X" attacks, "dropped leaflets on X" does not
        if predicate is RelationType.BACKS:
            # "send weapons to X", "received drones from Y": a thing changes hands
            things = self.lex.transfer_objects
            carried = [c for c in verb.children if c.dep_ == "dobj"]
            if verb.dep_ == "relcl":
                carried.append(verb.head)  # "the drones that Iran supplied to X"
            if lemma not in self.lex.fight_for_verbs and not any(
                is_word(c, things) for c in carried
            ):
                return
        stative = predicate in STATIVE
        if stative and verb.dep_ in ("acl", "relcl") and not is_passive(verb):
            subjects = self.args.resolve(verb.head, places=True)
        else:
            subjects = self.actors_of(verb, stative=stative)
        if verb.pos_ == "ADJ":
            subjects = (
                self.args.resolve(verb.head, places=False) if verb.dep_ == "amod" else subjects
            )
        objects = self.objects_of(obj, predicate)
        if lemma in self.lex.receive_verbs:
            subjects, objects = objects, subjects
        self.emit(subjects, predicate, objects, verb, spec.id, spec.confidence)
        if predicate is RelationType.BASED_AT:
            # "U.S. troops are deployed at al-Tanf, along with fighters from X"
            partners = [m for t in along_with(verb) for m in self.args.resolve(t, places=False)]
            self.emit(partners, predicate, objects, verb, spec.id, spec.confidence - 0.1)

    def h_transfer(self, nodes: dict[str, Token], spec: Any) -> None:
        """'supplied weapons to X', 'received drones from Y' with the phrase on the thing."""
        verb, prep, obj = nodes["trigger"], nodes["prep"], nodes["object"]
        lemma = verb.lemma_.lower()
        receiving = lemma in self.lex.receive_verbs
        if (prep.lower_ == "from") != receiving:
            return
        subjects = self.actors_of(verb)
        objects = [m for m in self.args.resolve(obj, places=False) if m.is_actor]
        if receiving:
            subjects, objects = objects, subjects
        self.emit(subjects, RelationType.BACKS, objects, verb, spec.id, spec.confidence)

    def h_passive(self, nodes: dict[str, Token], spec: Any) -> None:
        verb = nodes["trigger"]
        # "funded and armed by X": the second participle shares the first's clause
        shared = verb.dep_ == "conj" and verb.tag_ == "VBN" and is_passive(verb.head)
        # "Backed by Turkey, the GNA ...": a fronted participle describes the subject
        fronted = verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i
        if not (is_passive(verb) or shared or fronted):
            return
        predicate = self.lex.verb_relation.get(verb.lemma_.lower())
        if predicate is None or predicate in STATIVE:
            return
        by = agents(verb)
        if not by:
            for c in verb.children:
                if c.dep_ == "conj" and c.tag_ == "VBN" and not subject_of(c):
                    by = agents(c)
                    break
        confidence = spec.confidence
        in_attack = self._attack_events(verb)
        when: list[ActorMention] = []
        if not by and predicate is RelationType.TARGETS:
            when = self._when_attacker(verb)
        if by:
            subjects = _unique([m for t in by for m in self.args.resolve(t, places=False)])
            if not subjects:
                subjects = _unique([m for t in by for m in self.attack_owner(t)])
        elif in_attack and any(
            self.args.owners(p) or any(c.dep_ == "acl" for c in p.children) for p in in_attack
        ):
            # "militants were killed in airstrikes conducted by the Turkish army"
            subjects = _unique([m for p in in_attack for m in self.attack_owner(p)])
        elif when:
            # "N Houthi fighters were killed when coalition forces repulsed their attack"
            subjects = when
            confidence -= 0.15
        elif predicate is RelationType.TARGETS and self.last_attacker and _definite_patient(verb):
            # "the areas targeted were ...": the attacker the article is about
            subjects = self.recall_attack()
            confidence -= 0.25
        else:
            return
        patients: list[Token] = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not patients and verb.dep_ in ("acl", "amod", "relcl"):
            patients = [verb.head]
        if not patients and shared:
            first = verb.head
            patients = [c for c in first.children if c.dep_ == "nsubjpass"]
            if not patients and first.dep_ in ("acl", "amod", "relcl"):
                patients = [first.head]
        if not patients and fronted:
            patients = subject_of(verb.head)
        if not patients and verb.dep_ == "conj" and is_verbal(verb.head) and not shared:
            # "Russian forces launched an assault and were repelled by Ukrainian troops"
            patients = subject_of(verb.head)
        objects = []
        for t in patients:
            objects.extend(self._described(t) or self.objects_of(t, predicate))
        for t in along_with(verb):
            objects.extend(self.args.resolve(t, places=True))
        if predicate is RelationType.LEADS:
            # "the SLA faction led by Minawi": the faction's name, not its leader
            objects = [o for o in objects if o not in subjects]
            if not objects:
                objects = [
                    m
                    for t in patients
                    for c in t.children
                    if c.dep_ in ("compound", "nmod", "poss") and c.i < t.i
                    for m in [self.args.at(c)]
                    if m is not None and m not in subjects
                ]
        if verb.lemma_.lower() in INCLUDE_VERBS:
            subjects, objects = objects, subjects
        self.emit(subjects, predicate, _unique(objects), verb, spec.id, confidence)

    def _attack_events(self, verb: Token) -> list[Token]:
        """'killed in / during / following an ambush by X': the attack nouns a
        casualty verb hangs on, also those of a coordinated casualty verb ("were
        killed and two were wounded following an ambush")."""
        lex = self.lex
        found: list[Token] = []
        for v in with_conjoined_verbs(verb):
            pairs = prep_objects(v, EVENT_PREPS)
            for c in v.children:
                if c.lower_ in ("following", "after") and c.dep_ in ("xcomp", "advcl", "acl"):
                    pairs.extend((c, p) for p in c.children if p.dep_ in ("pobj", "dobj"))
            found.extend(
                p
                for _prep, p in pairs
                if lex.noun_relation.get(p.lemma_.lower()) is RelationType.TARGETS
            )
        return found

    def _when_attacker(self, verb: Token) -> list[ActorMention]:
        """'were killed when X attacked / shelled / repulsed their attack', 'when
        their tank was hit by an X-planted bomb': the doer of the event clause,
        also one hung on a coordinated casualty verb ("and four were wounded when")."""
        lex = self.lex
        for c in (c for v in with_conjoined_verbs(verb) for c in v.children):
            if c.dep_ != "advcl" or not is_verbal(c):
                continue
            if not any(m.lower_ in lex.when_marks and m.i < c.i for m in c.children):
                continue
            devices = [
                d
                for d in c.children
                if d.dep_ in ("dobj", "obj") and is_word(d, lex.attack_devices)
            ]
            planted = [m for d in devices for m in self.device_owner(d)]
            if planted:
                return _unique(planted)  # "when their vehicle hit an X-planted mine"
            lemma = c.lemma_.lower()
            if lex.verb_relation.get(lemma) is not RelationType.TARGETS and (
                lemma not in lex.repel_verbs or is_passive(c)
            ):
                continue
            if is_passive(c):
                found: list[ActorMention] = []
                for a in agents(c):
                    found.extend(self.args.resolve(a, places=False) or self.attack_owner(a))
            else:
                found = self.actors_of(c)
            found = [m for m in found if m.is_actor]
            if found:
                return _unique(found)
        return []

    def h_keep_in_power(self, nodes: dict[str, Token], spec: Any) -> None:
        verb = nodes["trigger"]
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i]
        for c in verb.children:
            if c.dep_ in ("ccomp", "xcomp"):
                objs.extend(x for x in c.children if x.dep_ == "nsubj")
        objects = [m for t in objs for m in self.args.resolve(t, places=False)]
        self.emit(self.actors_of(verb), RelationType.BACKS, objects, verb, spec.id, spec.confidence)

    def h_noun_relation(self, nodes: dict[str, Token], spec: Any) -> None:
        noun = nodes["trigger"]
        lex = self.lex
        predicate = lex.noun_relation.get(noun.lemma_.lower()) or lex.noun_relation.get(noun.lower_)
        if predicate is None:
            return
        if predicate is RelationType.TARGETS:
            preps = lex.attack_preps
        elif predicate is RelationType.ALLIED_WITH:
            # "signed a mutual defence pact with X", "the alliance with Y"
            if noun.lemma_.lower() in lex.pact_nouns and not any(
                c.lower_ in lex.pact_modifiers for c in noun.subtree if c.i < noun.i
            ):
                return
            preps = frozenset({"with"})
        elif predicate is RelationType.OPPOSES:
            # "a war with Israel", "the fight against ISIS"
            preps = (
                frozenset({"against", "with"})
                if noun.lemma_.lower() in ("war", "conflict", "battle", "feud", "struggle")
                else frozenset({"against"})
            )
            if noun.lemma_.lower() in lex.insurgency_nouns:
                # "waged an insurgency inside Turkey": the state risen against
                for _prep, pobj in prep_objects(noun, {"in", "inside", "within"}):
                    states = [m for m in self.args.resolve(pobj, places=False) if m.type is ST]
                    rebels = self.actors_of(noun.head) if noun.dep_ == "dobj" else []
                    self.emit(rebels, predicate, states, noun, spec.id, spec.confidence)
        else:
            preps = lex.support_preps
        objects: list[ActorMention] = []
        for _prep, pobj in prep_objects(noun, preps):
            objects.extend(self.objects_of(pobj, predicate))
        if predicate is RelationType.TARGETS:
            for prep, pobj in prep_objects(noun, {"in", "near", "around", "across", "of"}):
                found = [m for m in self.args.resolve(pobj, places=True) if m.type in (PL, BA)]
                if prep.lower_ == "of" and not found:
                    continue
                objects.extend(found)
        # "launched an attack on X": the object may hang from the light verb
        head = noun.head
        if (
            noun.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.lemma_.lower() in lex.quantity_nouns
            and head.head.dep_ in ("dobj", "nsubjpass", "pobj")
        ):
            # "carried out dozens of strikes on X": the quantity stands for the noun
            noun_slot = head.head
            head = noun_slot.head
            light_dep = noun_slot.dep_
        else:
            light_dep = noun.dep_
        light = light_dep in (
            "dobj",
            "nsubjpass",
            "pobj",
        ) and head.lemma_.lower() in lex.light_verbs | {
            "provide",
            "give",
            "send",
            "offer",
            "extend",
            "deliver",
            "funnel",
            "supply",
            "receive",
        }
        if (
            not light
            and noun.dep_ == "pobj"
            and (
                head.lower_ in ("with", "through", "by")
                or (head.lower_ in ("in", "during") and predicate is RelationType.TARGETS)
            )
            and is_verbal(head.head)
            and head.head.lemma_ not in ("be",)
        ):
            # "the army responded with air strikes on X"
            head = head.head
            light = head.dep_ not in ("acl", "relcl") or predicate is not RelationType.TARGETS
        if not light and noun.dep_ == "nsubjpass" and head.lemma_.lower() in lex.report_verbs:
            light = True  # "two coalition air raids were reported on Sanaa"
        if light and not objects:
            for _prep, pobj in prep_objects(head, preps):
                objects.extend(self.objects_of(pobj, predicate))
        owners: list[ActorMention] = self._response_owner(noun)
        for c in noun.children:
            if owners:
                break
            if c.dep_ in ("compound", "poss", "amod", "nmod") and c.i < noun.i:
                for t in conjuncts(c):
                    owners.extend(m for m in self.args._one(t, False, 1, owner=True) if m.is_actor)
        if not owners:
            by_preps = {"by", "from"} if predicate is RelationType.TARGETS else {"by", "from", "of"}
            for _prep, pobj in prep_objects(noun, by_preps):
                owners.extend(m for m in self.args.resolve(pobj, places=False) if m.is_actor)
        rule = spec.id
        confidence = spec.confidence
        if predicate is RelationType.TARGETS and self._suffered(noun):
            return
        if not owners and light:
            if head.lemma_.lower() == "receive":
                return
            owners = self.actors_of(head)
        if not owners and predicate is RelationType.TARGETS and objects:
            owners = self.attack_owner(noun)
            confidence -= 0.1
        if predicate is RelationType.TARGETS and owners and not objects:
            self.remember_attack(owners, noun)
        self.emit(owners, predicate, _unique(objects), noun, rule, confidence)
        if noun.dep_ == "pobj" and noun.head.lower_ == "in" and self._takes_part(noun.head.head):
            # "Wagner fighters took part in the army's capture of Kidal"
            partners = [m for m in self.actors_of(noun.head.head) if m not in owners]
            self.emit(partners, predicate, _unique(objects), noun, rule, confidence - 0.1)

    def _takes_part(self, verb: Token) -> bool:
        """'took part in', 'participated in', 'joined in': a share in the event."""
        lemma = verb.lemma_.lower()
        if lemma == "take":
            return any(c.dep_ == "dobj" and c.lemma_.lower() == "part" for c in verb.children)
        return lemma in self.lex.participation_verbs

    def _suffered(self, noun: Token) -> bool:
        """'came under fire from X', 'repelled an attack by X': X targets the subject.

        Emits that relation and tells the caller the noun is handled."""
        verb = noun.head
        if verb.dep_ == "prep" and verb.lower_ == "under":
            verb = verb.head
        if not is_verbal(verb) or verb.lemma_.lower() not in self.lex.suffer_verbs:
            return False
        if verb.lemma_.lower() in self.lex.receive_verbs and (
            noun.lemma_.lower() in self.lex.transfer_objects
            or noun.lower_ in self.lex.transfer_objects
        ):
            return True  # "received drones from Iran" is a delivery, read as backing
        if noun.dep_ not in ("dobj", "pobj"):
            return False
        attackers = [m for m in self.args.owners(noun) if m.is_actor]
        if not attackers:
            for _prep, pobj in prep_objects(noun, {"from", "by"}) + prep_objects(
                verb, {"from", "by"}
            ):
                attackers.extend(m for m in self.args.resolve(pobj, places=False) if m.is_actor)
        victims = [
            # "the army said it repelled an attack": 'it' is the speaker, but here the victim
            replace(m, start=t.i, end=t.i + 1) if t.pos_ == "PRON" else m
            for t in subject_of(verb)
            for m in self.args.resolve(t, places=True)
        ]
        self.emit(_unique(attackers), RelationType.TARGETS, victims, noun, "suffered_attack", 0.7)
        return True

    def _response_owner(self, noun: Token) -> list[ActorMention]:
        """'X attacked Y in response to their strikes': 'their' is Y's side, not X's."""
        poss = [c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PRON"]
        if not poss:
            return []
        prep = noun.head
        cause = prep.head if prep.dep_ == "prep" else None
        if cause is None or cause.lemma_.lower() not in (
            "response",
            "retaliation",
            "reprisal",
            "revenge",
            "reaction",
        ):
            return []
        verb = cause.head.head if cause.head.dep_ == "prep" else cause.head
        if not is_verbal(verb):
            return []
        owners: list[ActorMention] = []
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            owners.extend(m for m in self.args.owners(obj) if m.is_actor)
            if not owners:
                owners.extend(m for m in self.args.resolve(obj, places=False) if m.is_actor)
        return owners

    def h_among_dead(self, nodes: dict[str, Token], spec: Any) -> None:
        """'X were among the dead in US drone strikes': the owner of the attack targets X."""
        among, dead = nodes["trigger"], nodes["object"]
        attacks = [
            p
            for t in (dead, among.head)
            for _prep, p in prep_objects(t, {"in", "from", "during"})
            if self.lex.noun_relation.get(p.lemma_.lower()) is RelationType.TARGETS
        ]
        attackers = _unique([m for p in attacks for m in self.attack_owner(p)])
        if not attackers:
            return
        victims: list[ActorMention] = []
        for t in subject_of(among.head) if is_verbal(among.head) else []:
            victims.extend(self.objects_of(t, RelationType.TARGETS))
        self.emit(attackers, RelationType.TARGETS, victims, among, spec.id, spec.confidence)

    def h_home_to(self, nodes: dict[str, Token], spec: Any) -> None:
        """'Hmeymim air base is home to Russian warplanes', 'Engels, home to
        Russia's bomber fleet': the forces' owner is based there."""
        home, obj = nodes["trigger"], nodes["object"]
        head = home.head
        if home.dep_ in ("attr", "acomp") and head.lemma_ == "be":
            sites = [m for t in subject_of(head) for m in self.args.resolve(t, places=True)]
        elif home.dep_ in ("appos", "advmod", "npadvmod"):
            sites = self.args.resolve(head, places=True)
        else:
            return
        sites = [m for m in sites if m.type is BA]
        owners = [m for m in self.args.resolve(obj, places=False) if m.is_actor]
        if not owners:
            owners = [m for m in self.args.owners(obj) if m.is_actor] or self._group_of(obj)
        self.emit(owners, RelationType.BASED_AT, sites, home, spec.id, spec.confidence)

    def h_clash_between(self, nodes: dict[str, Token], spec: Any) -> None:
        """'clashes (took place) between X and Y': a fight with no single attacker;
        'between X and Z on one side and Y on the other' splits the sides."""
        between, obj = nodes["trigger"], nodes["object"]
        window = between.doc[max(between.sent.start, between.i - 6) : between.i]
        if not any(self._fight_noun(t) for t in window):
            return
        parties = [m for m in self.args.resolve(obj, places=False) if m.is_actor]
        if len(parties) < 2:
            return
        split = _side_split(between)
        if split is not None and any(m.start < split for m in parties):
            # the other side may hang anywhere: read it from the words after the split
            first = [m for m in parties if m.start < split]
            rest = [
                m
                for t in self.doc[split : between.sent.end]
                if t.dep_ in ("pobj", "conj", "appos") and t.lower_ not in ("side", "other")
                for m in self.args.resolve(t, places=False, coord=False)
                if m.is_actor
            ]
            if not rest:
                return
        else:
            first, rest = parties[:1], parties[1:]
        self.fight(first, rest, between, spec.id, spec.confidence)

    # -- fights: both sides attack ---------------------------------------------

    def _fight_noun(self, tok: Token) -> bool:
        """'clashes', 'fighting', 'an exchange of fire' (not 'a prisoner exchange')."""
        lex = self.lex
        if not is_word(tok, lex.clash_nouns | lex.reciprocal_nouns):
            return False
        if tok.lemma_.lower() != "exchange":
            return True
        return any(p.lemma_.lower() in lex.exchanged_things for _, p in prep_objects(tok, {"of"}))

    def fight(
        self,
        side: list[ActorMention],
        others: list[ActorMention],
        trigger: Token,
        rule: str,
        confidence: float,
        pair_doers: bool = True,
    ) -> None:
        """Each side of a clash targets the other; no side targets itself. With
        no other side named (``pair_doers``), two coordinated doers ("A and B
        clashed") are the two sides."""
        side = _unique([m for m in side if m.is_actor])
        others = [m for m in _unique(others) if m.is_actor and m not in side]
        if not others and not pair_doers:
            return
        if not others:
            names = {m.for_relation(RelationType.TARGETS).name for m in side}
            if len(side) != 2 or len(names) != 2:
                return  # "A, B and C clashed": who fought whom is unclear
            side, others = side[:1], side[1:]
        self.emit(side, RelationType.TARGETS, others, trigger, rule, confidence)
        self.emit(others, RelationType.TARGETS, side, trigger, rule, confidence)

    def _opponents(self, heads: list[Token]) -> tuple[list[ActorMention], bool]:
        """'... with B', '... against B' under any of ``heads``, and whether
        such a phrase is there at all ("clashed with rebels" names no one)."""
        pobjs = [p for h in heads for _prep, p in prep_objects(h, {"with", "against"})]
        # "clashed with Afghan forces killing six": the parser makes the other
        # side the subject of a gerund hung on 'with'
        pobjs = [
            s
            for p in pobjs
            for s in (
                [c for c in p.children if c.dep_ == "nsubj"] or [p]
                if p.dep_ == "pcomp" and p.tag_ == "VBG"
                else [p]
            )
        ]
        found = [
            m
            for pobj in pobjs
            for t in conjuncts(pobj)
            for m in self.args.resolve(t, places=False, coord=False) or self._group_of(t)
        ]
        return found, bool(pobjs)

    def h_reciprocal_verb(self, nodes: dict[str, Token], spec: Any) -> None:
        """'A and B clashed', 'A clashed with B', 'A exchanged fire with B'."""
        verb = nodes["trigger"]
        lex = self.lex
        if is_passive(verb):
            return
        heads = [verb]
        if verb.lemma_.lower() in lex.exchange_verbs:
            things = [
                c
                for c in verb.children
                if c.dep_ in ("dobj", "obj") and is_word(c, lex.exchanged_things)
            ]
            if not things:
                return  # "exchanged prisoners" is no fight
            heads.extend(things)
        others, phrase = self._opponents(heads)
        self.fight(self.actors_of(verb), others, verb, spec.id, spec.confidence, not phrase)

    def h_encounter(self, nodes: dict[str, Token], spec: Any) -> None:
        """'the army encountered Taliban militants': a clash, when what was met is
        an armed party ("encountered resistance" names no one)."""
        verb, obj = nodes["trigger"], nodes["object"]
        if is_passive(verb):
            return
        others = [
            m
            for t in conjuncts(obj)
            for m in self.args.resolve(t, places=False, coord=False) or self._group_of(t)
            if m.is_actor
        ]
        if others:
            self.fight(self.actors_of(verb), others, verb, spec.id, spec.confidence, False)

    def h_repelled_from(self, nodes: dict[str, Token], spec: Any) -> None:
        """'Russian forces were repulsed from Ukrainian positions': the repelled
        side attacked what it was driven from."""
        verb, obj = nodes["trigger"], nodes["object"]
        if not is_passive(verb) or agents(verb):
            return  # "repelled by X" is read as X's act by the passive reading
        attackers = [
            m for t in subject_of(verb) for m in self.args.resolve(t, places=False) if m.is_actor
        ]
        objects = self.objects_of(obj, RelationType.TARGETS)
        self.emit(attackers, RelationType.TARGETS, objects, verb, spec.id, spec.confidence)

    def h_reciprocal_noun(self, nodes: dict[str, Token], spec: Any) -> None:
        """'A's clashes with B', 'A attacked P, sparking clashes with B', 'A's
        soldiers were killed during clashes with B', 'A and B engaged in a
        firefight', 'clashes involving A and B'."""
        noun = nodes["trigger"]
        lex = self.lex
        if not self._fight_noun(noun) or prep_objects(noun, {"between"}):
            return  # "a prisoner exchange"; "clashes between" is read by ``h_clash_between``
        others, phrase = self._opponents([noun])
        for c in noun.children:
            if c.dep_ == "acl" and c.lemma_.lower() == "involve":
                # "clashes involving A and B"
                parties = [
                    m
                    for x in c.children
                    if x.dep_ in ("dobj", "obj")
                    for m in self.args.resolve(x, places=False)
                ]
                self.fight(parties, others, noun, spec.id, spec.confidence, not phrase)
                return
        side = [m for m in self.args.owners(noun) if m.is_actor]
        verb, light = None, False
        head = noun.head
        if noun.dep_ in ("dobj", "obj") and is_verbal(head):
            light = head.lemma_.lower() in lex.fight_light_verbs
            if light or head.lemma_.lower() in lex.fight_cause_verbs:
                verb = head  # not "condemned the clashes with B"
        elif (
            noun.dep_ == "pobj"
            and head.dep_ == "prep"
            and is_verbal(head.head)
            and head.lower_ in lex.side_prep_heads
        ):
            verb = head.head
            light = head.lower_ == "in" and verb.lemma_.lower() in lex.fight_light_verbs
        if not side and verb is not None:
            if light and is_passive(verb) and not agents(verb):
                # "police were engaged in an exchange of fire with X": the engaged fight
                side = [m for t in subject_of(verb) for m in self.args.resolve(t, places=False)]
            elif verb.lemma_.lower() in lex.death_verbs or (is_passive(verb) and not agents(verb)):
                # "seven soldiers were killed during clashes with B": the dead's side
                side = [
                    m for t in subject_of(verb) for m in self.objects_of(t, RelationType.TARGETS)
                ]
            else:
                side = self.actors_of(verb)
        # "X killed five during clashes": with no other side, only "A and B
        # engaged in clashes" names both
        self.fight(side, others, noun, spec.id, spec.confidence, light and not phrase)

    def h_died_in(self, nodes: dict[str, Token], spec: Any) -> None:
        """'eight Houthi fighters died in Saudi shelling': the attack's owner
        targets the side of the dead."""
        verb = nodes["trigger"]
        attacks = [
            p
            for _prep, p in prep_objects(verb, {"in", "during", "from", "after", "following"})
            if self.lex.noun_relation.get(p.lemma_.lower()) is RelationType.TARGETS
            and (self.args.owners(p) or any(c.dep_ == "acl" for c in p.children))
        ]
        attackers = _unique([m for p in attacks for m in self.attack_owner(p)])
        if not attackers:
            return
        victims = [m for t in subject_of(verb) for m in self.objects_of(t, RelationType.TARGETS)]
        self.emit(attackers, RelationType.TARGETS, victims, verb, spec.id, spec.confidence)

    def h_in_support_of(self, nodes: dict[str, Token], spec: Any) -> None:
        support, obj = nodes["trigger"], nodes["object"]
        head = nodes["in"].head
        steps = 0
        while not is_verbal(head) and head.head != head and steps < 3:
            owners = [m for m in self.args.owners(head) if m.is_actor]
            if owners:
                break
            head = head.head
            steps += 1
        subjects = self.args.owners(head) if not is_verbal(head) else self.actors_of(head)
        if not subjects and is_verbal(head):
            subjects = [m for t in subject_of(head) for m in self.args.resolve(t, places=False)]
        objects = self.args.resolve(obj, places=False)
        self.emit(subjects, RelationType.BACKS, objects, support, spec.id, spec.confidence)

    def h_target_of(self, nodes: dict[str, Token], spec: Any) -> None:
        target, obj = nodes["trigger"], nodes["object"]
        attackers = [m for m in self.args.resolve(obj, places=False) if m.is_actor]
        victims: list[ActorMention] = []
        head = target.head
        if target.dep_ in ("attr", "oprd") or head.lemma_ in ("be", "become", "remain"):
            victims = [m for t in subject_of(head) for m in self.args.resolve(t, places=True)]
        elif target.dep_ == "appos":
            victims = self.args.resolve(head, places=True)
        self.emit(attackers, RelationType.TARGETS, victims, target, spec.id, spec.confidence)

    def h_at_war(self, nodes: dict[str, Token], spec: Any) -> None:
        war, obj = nodes["trigger"], nodes["object"]
        head = nodes["at"].head
        subjects = (
            self.actors_of(head) if is_verbal(head) else self.args.resolve(head, places=False)
        )
        self.emit(
            subjects,
            RelationType.OPPOSES,
            self.args.resolve(obj, places=False),
            war,
            spec.id,
            spec.confidence,
        )

    def h_opposed_to(self, nodes: dict[str, Token], spec: Any) -> None:
        word, obj = nodes["trigger"], nodes["object"]
        predicate = {
            "opposed": RelationType.OPPOSES,
            "hostile": RelationType.OPPOSES,
            "allied": RelationType.ALLIED_WITH,
            "aligned": RelationType.ALLIED_WITH,
            "loyal": RelationType.BACKS,
            "affiliated": RelationType.PART_OF,
            "subordinate": RelationType.PART_OF,
        }[word.lower_]
        if word.dep_ in ("acl", "amod"):
            subjects = self.args.resolve(word.head, places=False)
        else:
            subjects = [
                m
                for t in subject_of(word if is_verbal(word) else word.head)
                for m in self.args.resolve(t, places=False)
            ]
        objects = self.args.resolve(obj, places=False)
        if predicate is RelationType.BACKS:  # "X, loyal to Y": Y backs X
            subjects, objects = objects, subjects
        self.emit(subjects, predicate, objects, word, spec.id, spec.confidence)

    def _anchor(self, noun: Token) -> list[ActorMention]:
        """What a role noun describes: 'X, a NOUN', 'X is a NOUN', 'X, who is the NOUN', 'NOUN X'."""
        args = self.args
        for c in noun.children:
            if c.dep_ == "appos" and args.at(c) is not None:
                return args.resolve(c, places=False)
        if noun.dep_ == "appos":
            found = args.resolve(noun.head, places=False)
            if found:
                return found
        if noun.dep_ == "compound" and args.at(noun.head) is not None:
            return [args.at(noun.head)]  # type: ignore[list-item]
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in self.lex.copula_verbs:
            # "X forms part of Y", "X makes up the core of Y"
            return [m for t in subject_of(head) for m in args.resolve(t, places=False)]
        if noun.dep_ in ("attr", "acomp") and head.lemma_ in ("be", "become", "remain"):
            subj = subject_of(head)
            if not subj and head.dep_ == "relcl":
                subj = [head.head]
            return [m for t in subj for m in args.resolve(t, places=False)]
        if noun.dep_ in ("appos",) and head.dep_ == "pobj":
            return []
        return []

    def h_patron(self, nodes: dict[str, Token], spec: Any) -> None:
        noun = nodes["trigger"]
        role = self.lex.patron_nouns.get(noun.lower_)
        if self._named_partners(noun, role, spec):
            return
        owners = [m for m in self.args.owners(noun) if m.is_actor]
        if not owners:
            for c in noun.children:
                if c.dep_ == "poss" and c.lower_ in ("its", "their"):
                    owners = self._possessor_before(noun)
        others = [m for m in self._anchor(noun) if m.is_actor]
        confidence = spec.confidence
        if not owners and role == "client" and noun.lower_ in ("proxy", "proxies"):
            # "troops deployed with militants from a proxy group": the clause's actor
            verb = noun
            while verb.head != verb and not is_verbal(verb):
                verb = verb.head
            owners = (
                [m for m in self.actors_of(verb, stative=True) if m.type is ST]
                if is_verbal(verb)
                else []
            )
            confidence -= 0.2
            if not others:
                target = noun.head if noun.dep_ == "compound" else noun
                others = [m for m in self.args.resolve(target, places=False) if m.is_actor]
        if not owners or not others:
            return
        if role == "client":
            self.emit(owners, RelationType.BACKS, others, noun, spec.id, confidence)
        elif role == "ally":
            self._ally(owners, others, noun, spec.id, confidence)
        elif role == "patron":
            self.emit(others, RelationType.BACKS, owners, noun, spec.id, spec.confidence)
        elif role == "partner":
            self.emit(owners, RelationType.ALLIED_WITH, others, noun, spec.id, spec.confidence)
        elif role == "enemy":
            self.emit(others, RelationType.OPPOSES, owners, noun, spec.id, spec.confidence)

    def _ally(
        self,
        owners: list[ActorMention],
        others: list[ActorMention],
        noun: Token,
        rule: str,
        confidence: float,
    ) -> None:
        """'X's ally Y': X is the patron (GUIDELINES), unless Y is a state and
        X a group ("Iran, Hezbollah's main ally"): a group does not back a state."""

        def is_state(m: ActorMention) -> bool:
            return m.for_relation(RelationType.BACKS).type is ST

        for o in owners:
            for y in others:
                if is_state(y) and not is_state(o):
                    self.emit([y], RelationType.BACKS, [o], noun, rule, confidence)
                else:
                    self.emit([o], RelationType.BACKS, [y], noun, rule, confidence)

    def _named_partners(self, noun: Token, role: str | None, spec: Any) -> bool:
        """'Mali and its Russian allies', 'Hezbollah's Iranian backers': the
        modifier names the partner, the possessor the other side. An ally so
        named is a partner (no patron is clear); a backer backs."""
        args = self.args
        named = [
            m
            for c in noun.children
            if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
            for m in [args.at(c)]
            if m is not None and m.is_actor
        ]
        poss = [c for c in noun.children if c.dep_ == "poss"]
        if not named or not poss:
            return False
        if poss[0].pos_ == "PRON":
            holders = self._possessor_before(noun)
        else:
            holders = [m for p in poss for m in args.resolve(p, places=False) if m.is_actor]
        holders = [m for m in holders if m not in named]
        if not holders:
            return False
        if role == "patron":
            self.emit(named, RelationType.BACKS, holders, noun, spec.id, spec.confidence)
        elif role == "enemy":
            self.emit(holders, RelationType.OPPOSES, named, noun, spec.id, spec.confidence)
        else:
            self.emit(holders, RelationType.ALLIED_WITH, named, noun, spec.id, spec.confidence)
        return True

    def _described(self, noun: Token) -> list[ActorMention]:
        """'A, the head of B, the separatist body backed by C': an appositive
        organisation noun hung on a person describes the organisation named
        last before it (B), not the person."""
        if noun.dep_ != "appos" or self.args.at(noun) is not None:
            return []
        if noun.lemma_.lower() not in self.lex.body_nouns:
            return []
        head = self.args.resolve(noun.head, places=False)
        if not head or any(m.type is not PE for m in head):
            return []
        for m in reversed(self.args.mentions):
            if max(x.end for x in head) <= m.start and m.end <= noun.i and m.type in (ST, AG, OR):
                return [m]
        return []

    def _named(self, found: list[ActorMention]) -> list[ActorMention]:
        """'Kataib Hezbollah, an Iran-backed militia that ...': the named group the
        unnamed description stands beside, in place of the description."""
        out: list[ActorMention] = []
        for m in found:
            root = self.doc[m.start : m.end].root
            if (
                m.source == "generic"
                and root.dep_ == "pobj"
                and root.head.lower_ == "of"
                and root.head.head.lemma_.lower() in self.lex.body_nouns
                and root.head.head.dep_ == "appos"
            ):
                root = root.head.head  # "the SNA, a coalition of Turkish-backed factions"
            if m.source == "generic" and root.dep_ == "appos":
                named = [x for x in self.args.resolve(root.head, places=False) if x != m]
                out.extend(named or [m])
            else:
                out.append(m)
        return _unique(out)

    def _possessor_before(self, noun: Token) -> list[ActorMention]:
        """'its'/'their' in 'Hezbollah, its ally': the nearest other actor before it."""
        anchor = self.args.at(noun.head) if noun.dep_ == "appos" else None
        sent = noun.sent
        for m in reversed(self.args.mentions):
            if m.start >= noun.i or m.start < sent.start:
                continue
            if m.is_actor and m != anchor and m.source != "demonym" and not m.is_media:
                return [m]
        return []

    def h_leader(self, nodes: dict[str, Token], spec: Any) -> None:
        noun = nodes["trigger"]
        lex = self.lex
        if any(
            c.lower_ in ("former", "ex", "late", "deputy", "vice", "opposition")
            for c in noun.children
        ):
            return
        if any(
            c.dep_ in ("compound", "amod", "nmod")
            and c.i < noun.i
            and c.lower_ in lex.subunit_modifiers
            and self.args.at(c) is None
            for c in noun.children
        ):
            return  # "army chief", "front commander": heads a part, not the whole
        title = noun.lower_
        if title not in lex.leader_nouns:
            # the last word of a longer title ("secretary general"), else a rank
            full = [
                n
                for n in lex.leader_nouns
                if n.split()[-1] == title
                and self.doc[max(0, noun.i - len(n.split()) + 1) : noun.i + 1].text.lower() == n
            ]
            if not full and title != "minister":
                return
            title = full[0] if full else title
        if title == "minister":
            prime = [c for c in noun.children if c.lower_ == "prime"]
            if not prime:
                return
            title = "prime minister"
        inside = self.args.at(noun)
        if inside is not None and self._title_only(inside):
            inside = None  # "Supreme Leader" taken for a name
        if inside is not None and inside.type is not PE:
            return
        leaders: list[ActorMention]
        if inside is not None:
            leaders = [inside]
            head = noun
            while head.head != head and head.head.i < inside.end and head.head.i >= inside.start:
                head = head.head
            led = [m for t in (noun, head) for m in self.args.owners(t) if m != inside]
        else:
            leaders = [m for m in self._anchor(noun) if _kind_ok(m, frozenset({PE, AG}))]
            if not leaders:
                leaders = self._named_after_title(noun)
            led = [m for m in self.args.owners(noun) if _kind_ok(m, frozenset({ST, AG, OR}))]
        # "commander of Hezbollah's southern front": a lower-case unit is no group led
        led = [
            m for m in led if m not in leaders and not self._title_only(m) and not m.text.islower()
        ]
        units = [
            p
            for _prep, p in prep_objects(noun, {"of"})
            if self.args.at(p) is None and is_word(p, lex.subunit_modifiers)
        ]
        led = [
            m
            for m in led
            if not any(u.left_edge.i <= m.start and m.end <= u.right_edge.i + 1 for u in units)
        ]
        if not led:
            led = self._of_titled(leaders)
        confidence = spec.confidence
        if not led and title in lex.state_leader_titles:
            for m in leaders:
                if m.acts_for:
                    state = ActorMention(m.start, m.end, m.text, m.acts_for, ST, "leader")
                    self.emit(
                        [m], RelationType.LEADS, [state], noun, "title_dictionary", confidence - 0.2
                    )
            return
        if title in lex.state_leader_titles:
            led = [m for m in led if m.type is ST] or led
        elif title not in lex.state_head_titles:
            # a commander, chief or founder heads a group, not a state
            led = [m for m in led if m.type is not ST]
        self.emit(leaders, RelationType.LEADS, led, noun, spec.id, confidence)

    def _title_only(self, m: ActorMention) -> bool:
        """'Supreme Leader', 'the President': a title is never an entity."""
        words = m.text.lower().replace("-", " ").split()
        if words and words[0] == "the":
            words = words[1:]
        titles = self.lex.rank_titles | {w for n in self.lex.leader_nouns for w in n.split()}
        return bool(words) and all(w in titles for w in words)

    def _named_after_title(self, noun: Token) -> list[ActorMention]:
        """'army chief General X', 'the leader, Colonel X': the person right after the title."""
        doc = self.doc
        i = noun.i + 1
        while i < noun.sent.end and (
            doc[i].text in (",", "-") or doc[i].lower_.rstrip(".") in self.lex.rank_titles
        ):
            i += 1
        m = self.args.by_token.get(i) if i < noun.sent.end else None
        if m is not None and m.type is PE and m.start <= i:
            return [m]
        return []

    def _of_titled(self, leaders: list[ActorMention]) -> list[ActorMention]:
        """'the government of Prime Minister X': what the titled person heads."""
        doc = self.doc
        out: list[ActorMention] = []
        for m in leaders:
            root = doc[m.start : m.end].root
            prep = root.head
            if root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i < m.start:
                out.extend(
                    x
                    for x in self.args.resolve(prep.head, places=False)
                    if x.type in (ST, AG, OR) and x != m
                )
        return out

    def h_member(self, nodes: dict[str, Token], spec: Any) -> None:
        noun = nodes["trigger"]
        lex = self.lex
        low = noun.lower_
        parts = [m for m in self._named(self._anchor(noun)) if m.type in (AG, OR)]
        if not parts:
            return
        wholes: list[ActorMention] = []
        for c in noun.children:
            if c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < noun.i:
                m = self.args.at(c)
                if m is not None and m.type in (AG, OR) and m.source != "generic":
                    wholes.append(m)
        if not wholes and low in lex.member_nouns:
            for _prep, pobj in prep_objects(noun, {"of", "within", "in"}):
                found = [m for m in self.args.resolve(pobj, places=False) if m.type in (AG, OR)]
                if not found and pobj.lower_ in lex.coalition_nouns | lex.group_nouns:
                    # "a member of the Jaish al-Fatah coalition": the name on the head
                    found = [
                        m
                        for c in pobj.children
                        if c.dep_ in ("compound", "nmod") and c.i < pobj.i
                        for m in [self.args.at(c)]
                        if m is not None and m.type in (AG, OR)
                    ]
                wholes.extend(found)
        self.emit(parts, RelationType.PART_OF, _unique(wholes), noun, spec.id, spec.confidence)

    def h_hyphen(self, nodes: dict[str, Token], spec: Any) -> None:
        noun = nodes["trigger"]
        owned = self.args.hyphen_owner(noun)
        if owned is None:
            return
        predicate, owner = owned
        target = self.args.at(noun)
        if target is None or target.source == "generic":
            # "the Saudi-led coalition" is read as the coalition's leader elsewhere
            others = [m for m in self._anchor(noun)] if target is None else []
            if not others:
                return
        else:
            others = [target]
        if predicate is RelationType.LEADS:
            self.emit([owner], predicate, others, noun, spec.id, spec.confidence)
        elif predicate is RelationType.ALLIED_WITH:
            self.emit(others, predicate, [owner], noun, spec.id, spec.confidence - 0.1)
        else:
            self.emit([owner], predicate, others, noun, spec.id, spec.confidence)

    # -- geography and generic groups (read from the mentions) -----------------

    def geography(self) -> None:
        for m in self.args.mentions:
            if m.type in (BA, PL):
                self._located(m)
            elif m.source == "ner" and self._described_as_place(m):
                # NER misread an unknown town as a person or group
                self._located(replace(m, type=PL))
        self._based()

    def _described_as_place(self, m: ActorMention) -> bool:
        """'X, which is located in Y', 'X, a town near Y'."""
        lex = self.lex
        root = self.doc[m.start : m.end].root
        for c in root.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("locate", "situate", "lie"):
                return True
            if c.dep_ == "appos" and (
                c.lemma_.lower() in lex.place_heads or c.lower_ in lex.place_of_nouns
            ):
                return True
        return False

    def _place_objects(self, tok: Token) -> list[ActorMention]:
        found = [x for x in self.args.resolve(tok, places=True) if x.type is PL]
        if not found:
            for _prep, pobj in prep_objects(tok, {"in", "of"}):
                found.extend(x for x in self.args.resolve(pobj, places=True) if x.type is PL)
        if not found and tok.lower_ in self.lex.directions:
            # "Saraqeb in Idlib's east"
            for c in tok.children:
                if c.dep_ == "poss":
                    found.extend(x for x in self.args.resolve(c, places=True) if x.type is PL)
        return found

    def _located_targets(self, tok: Token, after: int) -> list[ActorMention]:
        """Places that 'near/in/east of ...' under or right after ``tok`` name."""
        lex = self.lex
        found: list[ActorMention] = []
        for prep, pobj in prep_objects(tok, NEAR_PREPS):
            if prep.lower_ in ("on", "at", "by", "off") and pobj.lower_ not in PLACE_PREP_WORDS:
                continue
            found.extend(self._place_objects(pobj))
        for c in tok.children:
            if c.lower_ in lex.directions and c.i > tok.i:
                for _prep, pobj in prep_objects(c, {"of", "from"}):
                    found.extend(self._place_objects(pobj))
        # surface adjacency for misattached phrases: "X east of Y", "X near Y"
        doc = tok.doc
        if after < len(doc) and doc[after].text == "," and after + 1 < len(doc):
            after += 1  # "Al-Anad air base, north of Aden"
        if after < len(doc):
            nxt = doc[after]
            if (
                nxt.lower_ in lex.directions
                and after + 1 < len(doc)
                and doc[after + 1].lower_ == "of"
            ):
                for p in doc[after + 1].children:
                    if p.dep_ == "pobj":
                        found.extend(self._place_objects(p))
            elif nxt.lower_ in ("near", "outside") and nxt.head.i != tok.i:
                for p in nxt.children:
                    if p.dep_ == "pobj":
                        found.extend(self._place_objects(p))
        return found

    def _located(self, m: ActorMention) -> None:
        doc = self.doc
        span = doc[m.start : m.end]
        root = span.root
        subjects = [m]
        for c in conjuncts(root)[1:]:
            other = self.args.at(c)
            if other is not None and other.type in (BA, PL):
                subjects.append(other)
        places = self._located_targets(root, m.end)
        for c in root.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in (
                "locate",
                "situate",
                "lie",
                "sit",
                "base",
            ):
                places.extend(self._located_targets(c, c.i + 1))
                for x in c.children:
                    if x.dep_ in ("dobj", "npadvmod", "advmod") and x.lower_ in self.lex.directions:
                        places.extend(self._located_targets(x, x.i + 1))
            if c.dep_ == "relcl":
                for x in c.children:
                    if x.dep_ in ("acomp", "attr") or x.lemma_ in ("locate", "situate"):
                        places.extend(self._located_targets(x, x.i + 1))
            if c.dep_ == "appos" and (
                c.lower_ in self.lex.place_of_nouns
                or c.lower_ in self.lex.place_heads
                or c.lemma_ in self.lex.place_heads
            ):
                places.extend(self._located_targets(c, c.i + 1))
                if c.lemma_.lower() in CAPITAL_NOUNS:
                    # "Mukalla, the capital of Hadramawt province"
                    for _prep, pobj in prep_objects(c, {"of"}):
                        places.extend(self._place_objects(pobj))
        places.extend(self._appositive_place(subjects))
        places.extend(self._area_of(root))
        places = [p for p in _unique(places) if p.name != m.name]
        if places:
            self.emit(subjects, RelationType.LOCATED_IN, places, root, "located", 0.75)

    def _area_of(self, root: Token) -> list[ActorMention]:
        """'the Tal Tamr area of northern Hasakah', 'Latakia's Hmeymim air base':
        the named area's or site's enclosing place."""
        found: list[ActorMention] = []
        head = root.head
        if (
            root.dep_ == "compound"
            and head.i > root.i
            and head.lower_ in self.lex.place_of_nouns
            and head.lower_ not in PLACE_PREP_WORDS
        ):
            for _prep, pobj in prep_objects(head, {"of"}):
                found.extend(self._place_objects(pobj))
        for c in root.children:
            if c.dep_ == "poss":
                found.extend(x for x in self.args.resolve(c, places=True) if x.type is PL)
        return found

    def _appositive_place(self, subjects: list[ActorMention]) -> list[ActorMention]:
        """'Rastan and Talbiseh, two towns near Homs' by surface order,
        since the parser often hangs the apposition elsewhere."""
        doc = self.doc
        k = max(m.end for m in subjects)
        if k + 2 >= len(doc) or doc[k].text != ",":
            return []
        det = doc[k + 1]
        noun = doc[k + 2] if det.lower_ in ("a", "an", "the") or det.like_num else det
        if (
            noun.lemma_.lower() not in self.lex.place_heads
            and noun.lower_ not in self.lex.place_of_nouns
        ):
            return []
        return self._located_targets(noun, noun.i + 1)

    def _based(self) -> None:
        doc = self.doc
        lex = self.lex
        args = self.args
        for tok in doc:
            low, lemma = tok.lower_, tok.lemma_.lower()
            m = args.at(tok)
            if m is not None and m.type is BA and tok == doc[m.start : m.end].root:
                # "the Russian army's Kuweires airfield", "Russia's Hmeymim base"
                owners: list[ActorMention] = []
                for c in tok.children:
                    if c.dep_ in ("poss", "amod", "compound") and c.i < m.start:
                        owners.extend(x for x in args._one(c, False, 1, owner=True) if x.is_actor)
                        if c.lower_ in RUN_BY_WORDS:
                            # "the Russian-run Hmeymim air base"
                            for o in c.children:
                                if o.dep_ in ("amod", "npadvmod", "compound", "nmod"):
                                    owners.extend(
                                        x for x in args._one(o, False, 1, owner=True) if x.is_actor
                                    )
                self.emit(owners, RelationType.BASED_AT, [m], tok, "owner_of_base", 0.7)
                continue
            if m is not None:
                continue
            if tok.pos_ == "VERB" and lex.verb_relation.get(lemma) is RelationType.BASED_AT:
                # "Merowe air base, where Egyptian troops had been stationed"
                sites = self._where_antecedent(tok)
                if sites:
                    owners = [x for x in self.actors_of(tok, stative=True) if x.is_actor]
                    self.emit(owners, RelationType.BASED_AT, sites, tok, "where_based", 0.65)
                continue
            if low in lex.base_nouns or lemma in lex.base_nouns:
                owners = [x for x in args.owners(tok) if x.is_actor]
                head = tok.head
                if not owners and tok.dep_ == "dobj" and head.lemma_.lower() in HAVE_VERBS:
                    owners = self.actors_of(head, stative=True)
                if not owners:
                    continue
                bases: list[ActorMention] = [
                    x for x in args.resolve(tok, places=True) if x.type is BA
                ]
                for _prep, pobj in prep_objects(
                    tok, {"at", "in", "near", "on", "inside", "outside"}
                ):
                    bases.extend(x for x in args.resolve(pobj, places=True) if x.type is BA)
                if tok.dep_ == "dobj" and head.lemma_.lower() in HAVE_VERBS:
                    for _prep, pobj in prep_objects(head, {"at", "in", "near", "on"}):
                        bases.extend(x for x in args.resolve(pobj, places=True) if x.type is BA)
                    bases.extend(self._where_antecedent(head))
                self.emit(owners, RelationType.BASED_AT, _unique(bases), tok, "base_of", 0.7)
            elif low in lex.force_nouns or lemma in lex.force_nouns:
                owners = [x for x in args.resolve(tok, places=False) if x.is_actor]
                if not owners:
                    continue
                bases = []
                for _prep, pobj in prep_objects(tok, {"at", "in", "over", "inside"}):
                    bases.extend(x for x in args.resolve(pobj, places=True) if x.type is BA)
                    for _p2, pobj2 in prep_objects(pobj, {"over", "at", "in", "of"}):
                        bases.extend(x for x in args.resolve(pobj2, places=True) if x.type is BA)
                self.emit(owners, RelationType.BASED_AT, _unique(bases), tok, "forces_at", 0.65)

    def _where_antecedent(self, verb: Token) -> list[ActorMention]:
        """'X, where militias have outposts' -> X."""
        tok = verb
        for _ in range(4):
            if any(c.lower_ == "where" for c in tok.children) and tok.dep_ == "relcl":
                return [x for x in self.args.resolve(tok.head, places=True) if x.type is BA]
            if tok.head == tok:
                break
            tok = tok.head
        return []

    def generic_groups(self) -> None:
        """'Turkish-backed rebels': the backer backs the unnamed group."""
        doc = self.doc
        for m in self.args.mentions:
            if m.group_of is None:
                continue
            backer = self.args.lookup(m.group_of)
            if backer is None:
                continue
            backer = ActorMention(
                m.start,
                m.start + 1,
                backer.text,
                backer.name,
                backer.type,
                "backer",
                acts_for=backer.acts_for,
            )
            # "Kataib Hezbollah, an Iran-backed militia": the named group is backed
            backed = self._named([m])
            self.emit([backer], RelationType.BACKS, backed, doc[m.start], "generic_group", 0.7)


def _repair_lemmas(doc: Doc, lex: Lexicon) -> None:
    """'retook', 'overran' left as their own lemma by the lemmatizer: a verb
    the patterns would miss, so it gets its lexicon lemma back."""
    for tok in doc:
        low = tok.lower_
        if (
            tok.tag_.startswith("VB")
            and tok.lemma_.lower() == low
            and low in lex.past_forms
            and low not in lex.verb_relation
        ):
            tok.lemma_ = lex.past_forms[low]


SAYING = frozenset({"say", "tell", "claim", "state", "announce", "add"})
#: "killed in / during / following an ambush": where a casualty verb names its attack
EVENT_PREPS = frozenset({"in", "during", "by", "following", "after", "amid"})


def is_speaker(doc: Doc, m: ActorMention) -> bool:
    """Is ``m`` the one talking in its sentence ("X said", "..., X, a spokesman, told ...")?"""
    root = doc[m.start : m.end].root
    while root.dep_ in ("appos", "conj") and root.head != root:
        root = root.head
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in SAYING:
        # "X claimed to have repelled ...": X speaks of its own deed
        return not any(c.dep_ == "xcomp" for c in root.head.children)
    if m.type is not PE:
        return False
    # the parser lost the speaker: a person right before a subjectless "told"
    sent = root.sent
    for tok in doc[m.end : sent.end]:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in SAYING:
            return not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        if tok.pos_ == "VERB" and tok.dep_ not in ("acl", "relcl"):
            return False
    return False


def _kind_ok(m: ActorMention, allowed: frozenset[EntityType]) -> bool:
    """Type check; an NER guess among actor types is left to the resolver's type."""
    if m.type in allowed:
        return True
    return m.source == "ner" and m.type.is_actor and any(t.is_actor for t in allowed)


def _definite_patient(verb: Token) -> bool:
    """'The areas targeted', 'the town was shelled': a definite patient."""
    patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ in ("acl", "amod"):
        patients.append(verb.head)
    return any(
        any(c.dep_ == "det" and c.lower_ in ("the", "these", "this", "those") for c in p.children)
        for p in patients
    )


#: "signed a mutual defence pact": the kinds of pact that make partners
PACT_NOUNS = frozenset({"pact", "treaty", "alliance", "agreement", "accord"})
PACT_KINDS = frozenset({"defence", "defense", "security", "military", "mutual"})
PACT_VERBS = frozenset({"sign", "conclude", "seal", "forge", "renew", "ink", "agree"})


def _side_split(between: Token) -> int | None:
    """'between A and C on one side and B on the other': where the second side starts."""
    sent = between.sent
    words = [t.lower_ for t in sent]
    for k in range(between.i - sent.start, len(words) - 2):
        if words[k : k + 3] == ["on", "one", "side"]:
            return sent.start + k + 3
    return None


def _side_by_side(with_: Token) -> bool:
    """Is this 'with' the end of "side by side with"?"""
    doc = with_.doc
    return [t.lower_ for t in doc[with_.i - 3 : with_.i]] == ["side", "by", "side"]


def _unique(ms: list[ActorMention]) -> list[ActorMention]:
    out: list[ActorMention] = []
    for m in ms:
        if m not in out:
            out.append(m)
    return out


@Language.factory("kg_relations")
def make_relation_finder(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(nlp)
