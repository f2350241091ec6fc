"""The ``kg_attribution`` component: who claims a relation, and how sure it is.

For each candidate, the path from its trigger up to the sentence root says
whether it sits inside reported speech ("Russia said ...", "according to X",
"officials accused X of ...", a quoted statement), under a hedge
("reportedly", "is believed to", "may have"), under a negation or denial
("did not", "dismissed"), or in a hypothetical or warning ("would", "if",
"warned that any ...") - the last are dropped. Confidence falls with hedging
and with claim-only support.

Scope is syntactic: a negation or denial reaches only its own clause and
complements, never a subject or apposition; a denial is nobody's claim; a
tie that was cut or withdrawn is negated; "X, which denied responsibility"
negates X's attacks in that sentence and the one before. Cue words beyond the
shared ``Lexicon`` live in attribution.json (``load_cues``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.errors import ConfigError
from kg.extract.args import Arguments
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.relations import is_speaker
from kg.extract.syntax import ACCUSE_VERBS, clause_actor, is_passive
from kg.extract.types import ActorMention, Candidate
from kg.model import EntityType, RelationType

QUOTES = '"“”„«»'
SPEAKER_NOUNS = frozenset(
    {
        "statement",
        "video",
        "footage",
        "report",
        "claim",
        "communique",
        "message",
        "announcement",
        "post",
        "release",
    }
)
CLAIM_NOUNS = frozenset(
    {
        "claim",
        "claims",
        "allegation",
        "allegations",
        "accusation",
        "accusations",
        "assertion",
        "reports",
        "report",
    }
)
#: what a later denial refers back to ("a charge Tehran rejects", "Cairo
#: dismissed the accusation", "the government rejected the findings")
REBUTTED_NOUNS = CLAIM_NOUNS | frozenset(
    {"charge", "charges", "finding", "findings", "assertions", "accusation", "allegation"}
)
HEDGE_CONFIDENCE = 0.7
#: how the content of a reporting verb hangs from it
CONTENT_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "prep", "parataxis", "nsubj", "nsubjpass", "acl"}
)
#: rules that read a relation presupposed inside a noun phrase ("the Russian
#: base at Hmeymim", "Syrian President Assad"): not what a speaker claims
PRESUPPOSED_RULES = frozenset(
    {
        "owner_of_base",
        "base_of",
        "forces_at",
        "located",
        "leader_noun",
        "title_dictionary",
        "member_noun",
        "hyphen_modifier",
        "generic_group",
    }
)
CLAIM_CONFIDENCE = 0.85
#: edges that leave a clause's scope: a subject or an apposition is not what
#: the clause's negation or denial is about ("Prigozhin, the Wagner founder, denied ...")
SCOPE_BARRIERS = frozenset({"nsubj", "csubj", "appos"})


@dataclass(frozen=True)
class Cues:
    """Attribution cues the shared ``Lexicon`` does not carry (attribution.json)."""

    ending_verbs: frozenset[str]
    responsibility_nouns: frozenset[str]
    hedged_sources: frozenset[str]
    government_nouns: frozenset[str]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    path = Path(__file__).with_name("attribution.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Cues(
            **{
                field: frozenset(w.lower() for w in data[field])
                for field in (
                    "ending_verbs",
                    "responsibility_nouns",
                    "hedged_sources",
                    "government_nouns",
                )
            }
        )
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"{path}: cannot read the attribution cues: {exc}") from exc


class Attribution:
    """Sets ``claimed_by``/``hedged``/``negated`` on candidates; drops hypotheticals."""

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        lookup: Callable[[str], ActorMention | None] | None = None,
    ) -> None:
        self.lex = lexicon or load_lexicon()
        self.cues = load_cues()
        #: name or demonym -> stand-in mention (set by nlp.py's pipeline via kg_relations)
        self.lookup = lookup

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.kg_mentions or []
        args = Arguments(mentions, self.lex, self.lookup)
        out: list[Candidate] = []
        quote_speakers = self._quote_speakers(doc, args)
        disowned = self._disowned(doc, args)
        rebutted = self._rebutted(doc, args)
        #: trigger -> claimants, so a later mention of the same attack keeps its source
        claimed: dict[int, list[ActorMention]] = {}
        by_relation: dict[tuple[str, object, str], list[ActorMention]] = {}
        for cand in sorted(doc._.kg_candidates or [], key=lambda c: c.trigger):
            trigger = doc[cand.trigger]
            if self._hypothetical(trigger):
                continue
            speakers, denied = self._speakers(trigger, args)
            if denied:
                speakers = []  # a denier asserts the opposite: nobody claims the relation
            elif not speakers:
                speakers = quote_speakers.get(trigger.sent.start, [])
            relation = (cand.subject.name, cand.predicate, cand.object.name)
            if cand.antecedent is not None and (cand.rule == "relation_noun" or not speakers):
                # "the raids in Homs killed 32 civilians, X said": a definite noun
                # phrase presupposes the earlier attack, whose source stands; X
                # vouches only for what is new (a verb's new target is X's claim)
                speakers = by_relation.get(relation) or claimed.get(cand.antecedent, [])
            if speakers:
                claimed.setdefault(cand.trigger, speakers)
                by_relation[relation] = speakers
            if _presupposed(cand, trigger):
                speakers, denied = [], False
            hedged = self._hedged(trigger, cand)
            negated = (
                denied
                or self._negated(trigger)
                or (cand.predicate is not RelationType.TARGETS and self._ended(trigger))
                or (
                    cand.predicate is RelationType.TARGETS
                    and (cand.subject.name, trigger.sent.start) in disowned
                )
            )
            confidence = cand.confidence
            if hedged:
                confidence *= HEDGE_CONFIDENCE
            if speakers:
                confidence *= CLAIM_CONFIDENCE
            base = replace(
                cand, hedged=hedged, negated=negated, confidence=round(min(1.0, confidence), 3)
            )
            speakers = [self._official(s, doc) for s in speakers]
            claimants = list({s.name: s for s in speakers}.values())
            if claimants:
                for speaker in claimants:
                    out.append(replace(base, claimed_by=speaker))
            else:
                out.append(base)
            denial_end = rebutted.get((cand.subject.name, trigger.sent.start))
            if (
                denial_end is None
                and cand.predicate is RelationType.BACKS
                and trigger.pos_ == "VERB"
            ):
                # "Y armed Z. Y denied any role." (not "Iran, Hezbollah's ally, denied ...")
                denial_end = disowned.get((cand.subject.name, trigger.sent.start))
            if not negated and denial_end is not None:
                # "X accused Y of arming Z, a charge Y rejects": the claim stands
                # as X's, and Y's denial is nobody's claim (its own statement node:
                # kg.rdf.triples keeps asserted and negated mentions apart)
                out.append(replace(base, negated=True, sent_end=_denial_end(denial_end, base)))
        doc._.kg_candidates = out
        return doc

    # -- speakers --------------------------------------------------------------

    def _speaker_mentions(self, verb: Token, args: Arguments) -> list[ActorMention]:
        found: list[ActorMention] = self._named_before(verb, args)
        for t in clause_actor(verb) if not found else []:
            found.extend(args.resolve(t, places=False))
        if not found and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            # "..., Osama Abu Zaid, a spokesman for the FSA, told reporters"
            sent = verb.sent
            found = [
                m
                for m in args.mentions
                if sent.start <= m.start and m.end <= verb.i and is_speaker(verb.doc, m)
            ][-1:]
        head = verb.head
        if (
            not found
            and verb.dep_ in ("acl", "pobj")
            and head.lemma_.lower() in SPEAKER_NOUNS | {"saying"}
        ):
            # "X issued a statement saying ...": the statement's issuer
            while (
                head.lemma_.lower() in SPEAKER_NOUNS | {"saying"}
                and head.head != head
                and head.pos_ != "VERB"
            ):
                head = head.head
                if head.dep_ == "prep":
                    head = head.head
            if head.pos_ in ("VERB", "AUX"):
                for t in clause_actor(head):
                    found.extend(args.resolve(t, places=False))
        return _named_sources(found)

    def _named_before(self, verb: Token, args: Arguments) -> list[ActorMention]:
        """'The ministry said ...' after 'Russia's defence ministry' or 'the
        Russian Defence Ministry': the body named earlier, which speaks for its state."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if (
            subject is None
            or subject.pos_ != "NOUN"
            or subject.lemma_.lower() not in self.cues.government_nouns
            or not any(c.lower_ == "the" for c in subject.children)
        ):
            return []
        doc = verb.doc
        for t in reversed(doc[: subject.i]):
            if t.lemma_.lower() != subject.lemma_.lower():
                continue
            m = args.at(t)
            if m is not None:
                official = self._official(m, doc)
                return [official] if official.type is EntityType.STATE else []
            for c in t.children:
                if c.dep_ == "poss":
                    return [m for m in args.resolve(c, places=False) if m.type is EntityType.STATE]
                if c.dep_ in ("amod", "compound") and self.lookup:
                    state = self.lookup(c.text)
                    if state is not None and state.type is EntityType.STATE:
                        return [
                            ActorMention(c.i, c.i + 1, c.text, state.name, state.type, "official")
                        ]
            return []
        return []

    def _speakers(self, trigger: Token, args: Arguments) -> tuple[list[ActorMention], bool]:
        """Claimants of the clause holding ``trigger`` and whether the claim is a denial."""
        lex = self.lex
        tok = trigger
        chain = [tok]
        while tok.head != tok:
            tok = tok.head
            chain.append(tok)
        aside = False
        for child_tok, head in pairwise(chain):
            # "..., saying they act for Gaza, where Israel is at war with Hamas":
            # a non-restrictive relative clause is the writer's background
            aside = aside or (
                child_tok.dep_ == "relcl"
                and child_tok.left_edge.i > 0
                and (
                    child_tok.doc[child_tok.left_edge.i - 1].text == ","
                    or child_tok.left_edge.lower_ == "where"
                )
            )
            lemma = head.lemma_.lower()
            verbal = head.pos_ in ("VERB", "AUX") or (
                head.lower_.endswith("ing")
                and head.lower_[:-3] in lex.say_verbs | {"stat", "declar", "claim"}
            )
            if head.lower_ in ("saying", "stating", "declaring", "claiming"):
                lemma = {
                    "saying": "say",
                    "stating": "state",
                    "declaring": "declare",
                    "claiming": "claim",
                }[head.lower_]
            deps = CONTENT_DEPS | ({"conj", "dobj"} if lemma in ACCUSE_VERBS else set())
            if lemma == "claim":
                deps = deps | {"dobj"}  # "the group claimed the attack"
            if lemma in lex.denial_verbs and child_tok.lower_ in CLAIM_NOUNS:
                deps = deps | {"dobj"}  # "X dismissed reports that its jets ..."
            if verbal and lemma in lex.say_verbs and child_tok.dep_ in deps:
                if child_tok.dep_ in ("nsubj", "nsubjpass") and lemma not in ("show",):
                    continue
                if lemma == "report" and not is_passive(head):
                    speakers = self._speaker_mentions(head, args)
                    return speakers, False
                if (
                    lemma in ("show", "issue", "publish", "post", "quote", "cite")
                    and child_tok.dep_ != "ccomp"
                ):
                    continue
                if aside or any(c.dep_ == "neg" for c in head.children):
                    # the writer's aside; "Kyiv did not confirm that ...": no claim
                    return [], False
                speakers = self._speaker_mentions(head, args)
                if is_passive(head):
                    return [], False
                return speakers, lemma in lex.denial_verbs
        for tok in chain:
            for c in tok.children:
                # "according to X"
                if c.lower_ == "according":
                    for p in c.subtree:
                        if p.dep_ == "pobj":
                            return _sources(args, p), False
                # "..., X said." attached as a sibling clause
                if (
                    c.dep_ in ("parataxis", "ccomp", "advcl")
                    and c.lemma_.lower() in lex.say_verbs
                    and c.i > trigger.i
                    and c not in chain
                ):
                    cited = self._cited(c, args)
                    if cited:
                        return cited, False
                    return self._speaker_mentions(c, args), c.lemma_.lower() in lex.denial_verbs
                # "citing a Syrian security source"
                if c.lemma_.lower() == "cite":
                    for x in c.children:
                        if x.dep_ == "dobj":
                            return _sources(args, x), False
        return self._according_after(trigger, chain, args), False

    def _according_after(
        self, trigger: Token, chain: list[Token], args: Arguments
    ) -> list[ActorMention]:
        """'A stormed B, opened fire and looted it, according to X': a source named
        at the end of the sentence covers each coordinated clause before it."""
        for c in trigger.sent:
            if c.lower_ != "according" or c.i < trigger.i:
                continue
            head = c.head
            while head.dep_ == "conj" and head.head != head:
                head = head.head
            if head not in chain:
                continue
            for p in c.subtree:
                if p.dep_ == "pobj":
                    return _sources(args, p)
        return []

    def _cited(self, verb: Token, args: Arguments) -> list[ActorMention]:
        """'AFP reported, citing a Syrian security source': the cited source."""
        for c in verb.children:
            if c.lemma_.lower() == "cite":
                for x in c.children:
                    if x.dep_ == "dobj":
                        return _sources(args, x)
        return []

    def _quote_speakers(self, doc: Doc, args: Arguments) -> dict[int, list[ActorMention]]:
        """Sentences inside a quotation opened by 'X said:' / 'a statement saying:',
        or closed by '..., X said.' ('"We struck A. We hit B," the group said.')."""
        out: dict[int, list[ActorMention]] = {}
        pending: list[ActorMention] = []
        open_quote = False
        #: sentences of an open quotation whose speaker is named at its close
        run: list[int] = []
        for sent in doc.sents:
            text = sent.text.strip()
            if open_quote and pending:
                out[sent.start] = pending
            n_quotes = sum(text.count(q) for q in QUOTES)
            speaker_here = self._sentence_speaker(sent, args)
            if n_quotes % 2 == 1:
                if not open_quote and not speaker_here and not pending:
                    run = [sent.start]
                elif open_quote and run:
                    for start in run if speaker_here else []:
                        out.setdefault(start, speaker_here)
                    run = []
            elif open_quote and run:
                run.append(sent.start)
            if speaker_here and (text.endswith(":") or any(q in text for q in QUOTES)):
                pending = speaker_here
                if ":" in text:
                    out.setdefault(sent.start, [])
            if n_quotes % 2 == 1:
                open_quote = not open_quote
                if speaker_here:
                    pending = speaker_here
            if not open_quote and not text.endswith(":"):
                pending = [] if not speaker_here else pending
        return out

    def _sentence_speaker(self, sent: Span, args: Arguments) -> list[ActorMention]:
        for tok in sent:
            if (
                tok.lemma_.lower() in ("say", "state", "declare", "announce", "write")
                and tok.pos_ == "VERB"
            ):
                found = self._speaker_mentions(tok, args)
                if found:
                    return found
        return []

    # -- modality --------------------------------------------------------------

    def _clause(self, trigger: Token) -> list[Token]:
        """The trigger and its ancestors up to the nearest reporting verb."""
        lex = self.lex
        out = [trigger]
        tok = trigger
        while tok.head != tok:
            tok = tok.head
            if (
                tok.lemma_.lower() in lex.say_verbs
                and tok.pos_ == "VERB"
                and tok.lemma_.lower() not in lex.hedge_verbs
            ):
                break
            out.append(tok)
        return out

    def _hedged(self, trigger: Token, cand: Candidate) -> bool:
        """A hedge on the trigger or on a clause above it; an adverbial phrase
        ("in response to Russian strikes") does not inherit its verb's hedge."""
        lex = self.lex
        if cand.predicate.value in ("locatedIn",):
            return False
        if _presupposed(cand, trigger):
            return False
        chain = [trigger]
        tok = trigger
        seen_verb = False
        while tok.head != tok:
            seen_verb = seen_verb or tok.pos_ in ("VERB", "AUX")
            if (
                tok.dep_ == "pobj"
                and not seen_verb
                and (tok is not trigger or tok.head.head.pos_ in ("VERB", "AUX"))
            ):
                break
            tok = tok.head
            chain.append(tok)
        for tok in chain:
            for c in tok.children:
                if c.lower_ in lex.hedge_words or (
                    c.dep_ == "aux" and c.lower_ in lex.hedge_modals
                ):
                    return True
            lemma = tok.lemma_.lower()
            if (
                tok.pos_ in ("VERB", "AUX")
                and lemma in lex.hedge_verbs
                and (lemma in ("appear", "seem", "purport") or is_passive(tok))
            ):
                return True
        doc = trigger.doc
        for i in (cand.subject.start, cand.object.start):
            if i < len(doc):
                t = doc[i]
                if (
                    any(c.lower_ in lex.hedge_words for c in t.children)
                    or t.head.lower_ in lex.hedge_words
                ):
                    return True
                # "suspected Russian drones", "alleged Wagner fighters"
                if t.dep_ in ("amod", "compound", "nmod") and any(
                    c.lower_ in lex.hedge_words for c in t.head.children if c.i < t.i
                ):
                    return True
        return any(self._unverified_source(tok) for tok in chain)

    def _unverified_source(self, tok: Token) -> bool:
        """'according to unconfirmed reports', 'rumours say', 'reports said':
        a claim whose only source is an unnamed report is hedged."""
        sources: list[Token] = []
        if tok.lemma_.lower() in self.lex.say_verbs and tok.pos_ == "VERB":
            sources = [c for c in tok.children if c.dep_ == "nsubj"]
        for c in tok.children:
            if c.lower_ == "according":
                sources += [p for p in c.subtree if p.dep_ == "pobj"][:1]
        for src in sources:
            if any(c.lower_ in self.lex.hedge_words for c in src.children):
                return True
            if (
                src.lower_ in self.cues.hedged_sources
                and src.tag_ in ("NNS", "NN")
                and not any(c.dep_ in ("det", "poss") for c in src.children)
                and not any(t.ent_type_ or t.pos_ == "PROPN" for t in src.subtree if t is not src)
            ):
                return True
        return False

    def _negated(self, trigger: Token) -> bool:
        """A negation on the trigger's clause, or a denial verb above it; a
        subject or apposition is outside the scope of the clause it hangs from."""
        lex = self.lex
        for tok in self._scoped(self._clause(trigger)):
            for c in tok.children:
                if c.dep_ == "neg" or (
                    c.dep_ in ("det", "advmod", "preconj")
                    and c.lower_ in lex.negations
                    and tok == trigger
                ):
                    return True
            if self._denies(tok):
                return True
        # "dismissed the claims that ..."
        chain = [trigger]
        while chain[-1].head != chain[-1]:
            chain.append(chain[-1].head)
        return any(self._denies(tok) for tok in self._scoped(chain))

    def _denies(self, tok: Token) -> bool:
        """A denial verb, unless itself negated ("did not deny that ...")."""
        return tok.lemma_.lower() in self.lex.denial_verbs and not any(
            c.dep_ == "neg" for c in tok.children
        )

    @staticmethod
    def _scoped(chain: list[Token]) -> list[Token]:
        """The prefix of an upward chain before it leaves through a subject or apposition."""
        out = [chain[0]]
        for child, head in pairwise(chain):
            if child.dep_ in SCOPE_BARRIERS:
                break
            out.append(head)
        return out

    def _ended(self, trigger: Token) -> bool:
        """'cut its ties with X', 'withdrew its support for X': a tie that ended
        is not a current one (an attack that ended still took place)."""
        tok = trigger
        while tok.dep_ in ("compound", "amod", "conj") and tok.head != tok:
            tok = tok.head
        head = tok.head
        if tok.dep_ in ("dobj", "pobj") and head.dep_ == "prep" and head.head.pos_ == "VERB":
            head = head.head  # "broke off its ties with"
        return (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.dep_ in ("dobj", "nsubjpass")
            and head.lemma_.lower() in self.cues.ending_verbs
        )

    def _disowned(self, doc: Doc, args: Arguments) -> dict[tuple[str, int], int]:
        """(actor name, sentence start) pairs where the actor denies responsibility
        for an attack ("X, which denied responsibility", "X struck Y but the group
        denied any role"); the denial covers its sentence, and the one before it
        when it names no other matter ("denied any role in the talks"). The
        value is where the denial ends, so a denied accusation can have its own node."""
        out: dict[tuple[str, int], int] = {}
        sents = list(doc.sents)
        for n, sent in enumerate(sents):
            for verb in sent:
                if verb.lemma_.lower() not in self.lex.denial_verbs:
                    continue
                owned = [
                    c
                    for c in verb.children
                    if c.dep_ == "dobj" and c.lemma_.lower() in self.cues.responsibility_nouns
                ]
                if not owned:
                    continue
                about_attack = all(
                    self._attack_matter(prep)
                    for x in (verb, *owned)
                    for prep in x.children
                    if prep.dep_ == "prep"
                )
                end = _clause_end(verb)
                for m in self._denier(verb, args):
                    out.setdefault((m.name, sent.start), end)
                    if n and about_attack:
                        out.setdefault((m.name, sents[n - 1].start), end)
        return out

    def _rebutted(self, doc: Doc, args: Arguments) -> dict[tuple[str, int], int]:
        """(actor name, sentence start) pairs where the actor rejects a charge
        made against it: "a charge Tehran rejects" (same sentence) or "Cairo
        has dismissed the accusation" (the sentence before), each with where
        the denial ends."""
        out: dict[tuple[str, int], int] = {}
        sents = list(doc.sents)
        for n, sent in enumerate(sents):
            for verb in sent:
                called_false = _called_false(verb)
                if verb.lemma_.lower() not in self.lex.denial_verbs and not called_false:
                    continue
                denier = None if called_false else self._back_denier(verb, args)
                if denier is not None:
                    starts = [sent.start]  # "..., a charge Tehran rejects"
                elif (called_false or self._denies(verb)) and any(
                    c.dep_ in ("dobj", "nsubjpass") and c.lower_ in REBUTTED_NOUNS
                    for c in verb.children
                ):
                    starts = [sent.start] + ([sents[n - 1].start] if n else [])
                    deniers: list[ActorMention] = []
                    for t in clause_actor(verb):
                        deniers.extend(args.resolve(t, places=True))
                    denier = next((m for m in map(self._as_state, deniers) if m.is_actor), None)
                if denier is not None:
                    for start in starts:
                        out.setdefault((denier.name, start), _clause_end(verb))
        return out

    def _back_denier(self, verb: Token, args: Arguments) -> ActorMention | None:
        """The actor in "<charge> (that) <actor> (has) <denies>", read off the
        surface because the parser often tags the trailing denial as a noun."""
        doc = verb.doc
        i = verb.i - 1
        while i > verb.sent.start and doc[i].pos_ in ("AUX", "ADV", "PART"):
            i -= 1  # "has", "strongly", "not" (a negated denial is checked below)
        if any(doc[j].lower_ in self.lex.negations for j in range(i + 1, verb.i)):
            return None
        m = args.at(doc[i])
        if m is None:
            return None
        before = m.start - 1
        if before > verb.sent.start and doc[before].lower_ in ("that", "which"):
            before -= 1
        if before < verb.sent.start or doc[before].lower_ not in REBUTTED_NOUNS:
            return None
        state = self._as_state(m)
        return state if state.is_actor else None

    def _as_state(self, m: ActorMention) -> ActorMention:
        """'Cairo' rejecting a charge speaks for Egypt."""
        if m.type is EntityType.PLACE and self.lookup is not None:
            state = self.lookup(m.text)
            if state is not None and state.type is EntityType.STATE:
                return state
        return m

    def _attack_matter(self, prep: Token) -> bool:
        """Does 'responsibility for / role in ...' name an attack ("for the strike",
        "in shelling the town", "for it")?"""
        for p in prep.children:
            lemma = p.lemma_.lower()
            if p.dep_ == "pobj" and (
                self.lex.noun_relation.get(lemma) in (RelationType.TARGETS, RelationType.BACKS)
                or lemma in ("it", "this", "that", "blast", "explosion")
            ):
                return True
            if p.dep_ == "pcomp" and self.lex.verb_relation.get(lemma) in (
                RelationType.TARGETS,
                RelationType.BACKS,
            ):
                return True
        return False

    def _denier(self, verb: Token, args: Arguments) -> list[ActorMention]:
        found: list[ActorMention] = []
        for t in clause_actor(verb):
            found.extend(args.resolve(t, places=False))
        if found:
            return [m for m in found if m.is_actor]
        if verb.dep_ == "relcl":  # "X, which denied responsibility"
            return [m for m in args.resolve(verb.head, places=False) if m.is_actor]
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB":  # "X struck Y but the group denied"
            for t in clause_actor(verb.head):
                found.extend(args.resolve(t, places=False))
        return [m for m in found if m.is_actor]

    def _official(self, m: ActorMention, doc: Doc) -> ActorMention:
        """'the Ukrainian Defence Ministry', 'the Sudanese army' speak for their state."""
        if m.type is not EntityType.ORGANIZATION or m.source == "dictionary" or not self.lookup:
            return m
        words = [t for t in doc[m.start : m.end] if t.lower_ != "the"]
        if len(words) < 2 or words[-1].lower_ not in self.cues.government_nouns:
            return m
        state = self.lookup(words[0].text)
        if state is None or state.type is not EntityType.STATE:
            return m
        return ActorMention(m.start, m.end, m.text, state.name, EntityType.STATE, "official")

    def _hypothetical(self, trigger: Token) -> bool:
        lex = self.lex
        sent_text = trigger.sent.text.strip().strip(QUOTES).strip()
        if sent_text.endswith("?"):
            return True
        if any(
            c.dep_ == "det" and c.lower_ in lex.hypothetical_dets for c in trigger.children
        ) and not self._negated(trigger):
            return True  # "any strikes" under a negation is a plain denial
        doc = trigger.doc
        for tok in self._clause(trigger):
            # "rather than cooperating with X", "instead of striking X"
            if (
                tok.i >= 2
                and doc[tok.i - 1].lower_ in ("than", "of")
                and doc[tok.i - 2].lower_ in ("rather", "instead")
            ):
                return True
            for c in tok.children:
                if c.dep_ == "aux" and c.lower_ in lex.hypothetical_modals:
                    return True
                if c.dep_ == "mark" and c.lower_ in lex.hypothetical_marks:
                    return True
            if (
                tok is not trigger
                and tok.lemma_.lower() in lex.hypothetical_verbs
                and tok.pos_ in ("VERB", "NOUN", "ADJ")
            ):
                return True
        return False


@Language.factory("kg_attribution")
def make_attribution(nlp: Language, name: str) -> Attribution:
    relations = nlp.get_pipe("kg_relations") if "kg_relations" in nlp.pipe_names else None
    lookup = getattr(relations, "lookup", None)
    return Attribution(lookup=lookup)


def _presupposed(cand: Candidate, trigger: Token) -> bool:
    """Relations a noun phrase takes for granted ("a group backed by Turkey",
    "the Russian base at Hmeymim", geography, titles) are not the claim."""
    if cand.rule in PRESUPPOSED_RULES or cand.predicate.value in ("locatedIn", "leads"):
        return True
    # "the United States, Ukraine's largest backer, ...": an apposition presupposes
    tok = trigger
    while tok.pos_ in ("NOUN", "PROPN", "ADJ", "ADP", "DET") and tok.head != tok:
        if tok.dep_ == "appos":
            return True
        tok = tok.head
    return trigger.tag_ == "VBN" and trigger.dep_ in ("acl", "amod")


def _claimant(m: ActorMention) -> ActorMention:
    """A head of state speaks for the state; other people speak for themselves."""
    if m.acts_for:
        return ActorMention(m.start, m.end, m.text, m.acts_for, EntityType.STATE, "leader")
    return m


#: "called the accusations baseless": a denial by another verb
FALSE_WORDS = frozenset(
    {"baseless", "false", "unfounded", "fabricated", "groundless", "lies", "fabrication"}
)


def _called_false(verb: Token) -> bool:
    return verb.lemma_.lower() in ("call", "describe", "label", "brand") and any(
        t.lower_ in FALSE_WORDS for c in verb.children if c.dep_ != "nsubj" for t in c.subtree
    )


def _clause_end(verb: Token) -> int:
    """Character offset (in the doc) where the clause of ``verb`` ends."""
    last = verb.doc[verb.right_edge.i]
    while last.i > verb.i and last.is_punct:
        last = last.doc[last.i - 1]
    return last.idx + len(last.text)


def _named_sources(found: list[ActorMention]) -> list[ActorMention]:
    """The actors among ``found`` that can be a claim's source (news media cite, they do not claim)."""
    return [_claimant(m) for m in found if m.is_actor and not m.is_media]


def _sources(args: Arguments, token: Token) -> list[ActorMention]:
    """The claim sources a speaker or cited phrase names."""
    return _named_sources(args.resolve(token, places=False))


def _denial_end(end: int, cand: Candidate) -> int:
    """End of a denied accusation's evidence: the claim's sentence, extended
    through the denial when the denial comes in a later sentence."""
    return max(end, cand.sent_end)
