"""From a token in an argument slot to the actor mentions it stands for.

A relation's subject or object is often not a name but a phrase around one:
"Houthi positions", "the headquarters of the Northern Storm Brigade", "Russian
jets", "fighters from Ahrar al-Sham", "the city of Idlib", "hundreds of
militants from a group known as X", "a group backed by Turkey" (apposition),
"which" (relative pronoun), "the group" (coreference). ``Arguments.resolve``
walks those phrases, bounded in depth, and follows coordination.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from kg.extract.coref import ACTOR_PRONOUNS, GROUP_WORDS, PERSON_PRONOUNS, STATE_WORDS, antecedent
from kg.extract.lexicon import Lexicon
from kg.extract.syntax import RELATIVE_PRONOUNS, agents, conjuncts, prep_objects
from kg.extract.types import ActorMention
from kg.model import EntityType, RelationType

PEOPLE_NOUNS = frozenset(
    {
        "rebels",
        "rebel",
        "militants",
        "militant",
        "fighters",
        "fighter",
        "mercenaries",
        "insurgents",
        "jihadists",
        "gunmen",
        "militias",
        "militia",
        "activists",
        "civilians",
        "people",
        "residents",
        "groups",
        "group",
        "factions",
        "members",
        "member",
        "supporters",
        "opposition",
        "volunteers",
    }
)
QUANTITY_WORDS = frozenset(
    {
        "hundreds",
        "thousands",
        "dozens",
        "scores",
        "some",
        "many",
        "most",
        "several",
        "all",
        "both",
        "members",
        "member",
        "part",
        "units",
        "elements",
        "remnants",
        "contingent",
        "detachment",
        "one",
        "two",
        "three",
        "four",
        "fighters",
        "militants",
        "rebels",
        "troops",
        "soldiers",
        "forces",
        "commanders",
        "leaders",
        "cells",
    }
)
#: organs of "the" state when the text names only one
STATE_ORGANS = frozenset(
    {"government", "governmental", "regime", "army", "military", "police", "authorities", "junta"}
)
NAMING_VERBS = frozenset({"know", "call", "dub", "name", "brand", "label", "style"})
OWNER_DEPS = frozenset({"compound", "poss", "amod", "nmod", "npadvmod"})
#: "a checkpoint manned by X", "areas held by X": X owns the thing
CONTROL_VERBS = frozenset(
    {
        "control",
        "hold",
        "run",
        "occupy",
        "seize",
        "capture",
        "take",
        "lead",
        "man",
        "guard",
        "staff",
        "operate",
        "defend",
    }
)

Lookup = Callable[[str], ActorMention | None]


class Arguments:
    """Resolves argument tokens of one Doc to its actor mentions."""

    def __init__(
        self, mentions: Sequence[ActorMention], lex: Lexicon, lookup: Lookup | None = None
    ) -> None:
        self.mentions = list(mentions)
        self.lex = lex
        self.lookup = lookup or (lambda text: None)
        states: dict[str, ActorMention] = {}
        for m in self.mentions:
            as_party = m.for_relation(RelationType.TARGETS)
            if as_party.type is EntityType.STATE:
                states.setdefault(as_party.name, as_party)
        self._sole = next(iter(states.values())) if len(states) == 1 else None
        self.by_token: dict[int, ActorMention] = {}
        for m in self.mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m

    def at(self, tok: Token) -> ActorMention | None:
        return self.by_token.get(tok.i)

    def resolve(
        self, tok: Token, places: bool = True, coord: bool = True, depth: int = 0
    ) -> list[ActorMention]:
        """Every mention ``tok`` stands for (coordinated ones too)."""
        out: list[ActorMention] = []
        for t in conjuncts(tok) if coord else [tok]:
            for m in self._one(t, places, depth, owner=False):
                if m not in out:
                    out.append(m)
            if places:
                # "the Nuba and Ingessana mountains": each name with the shared head
                for c in t.children:
                    if c.dep_ in ("compound", "nmod", "amod") and c.i < t.i:
                        for x in (c, *c.conjuncts):
                            shared = self.at(x)
                            if (
                                shared is not None
                                and shared.source == "shared_head"
                                and shared not in out
                            ):
                                out.append(shared)
        return out

    def owners(self, noun: Token, depth: int = 0) -> list[ActorMention]:
        """Who a relation noun belongs to: "Russian air strikes", "Turkey's support",
        "the campaign of the United States", "strikes by Russia"."""
        out: list[ActorMention] = []
        for c in noun.children:
            if c.dep_ in OWNER_DEPS and c.i < noun.i:
                for t in conjuncts(c):
                    out.extend(self._one(t, True, depth + 1, owner=True))
        if out:
            return _unique(out)
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "by", "from"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.extend(self.resolve(p, places=False, depth=depth + 1))
        return _unique([m for m in out if m.is_actor])

    def hyphen_owner(self, tok: Token) -> tuple[RelationType, ActorMention] | None:
        """'U.S.-backed' / 'Saudi - led' on ``tok``: the participle's relation and its actor."""
        lex = self.lex
        for c in tok.children:
            if c.i > tok.i:
                continue
            text = c.text
            if "-" in text[1:]:
                head, _, tail = text.rpartition("-")
                rel = lex.hyphen_participles.get(tail.lower())
                if rel is not None and head:
                    m = self.lookup(head)
                    if m is not None:
                        return rel, _moved(m, c.i)
            rel = lex.hyphen_participles.get(c.lower_)
            if rel is not None and c.dep_ in ("amod", "compound", "acl", "nmod"):
                doc = tok.doc
                owner_toks = [
                    g
                    for g in c.children
                    if g.dep_ in ("npadvmod", "compound", "nmod", "amod", "advmod") and g.i < c.i
                ]
                if c.i >= 2 and doc[c.i - 1].text == "-":
                    owner_toks.append(doc[c.i - 2])
                head_mention = self.at(tok)
                for g in owner_toks:
                    m = self.at(g)
                    if m is None or m == head_mention:
                        # the dictionary may list "Turkish-backed X" as a name of X
                        m = self.lookup(g.text)
                    elif m.source == "demonym" or m.is_actor:
                        pass
                    if m is not None and m != head_mention:
                        return rel, _moved(m, g.i)
        return None

    # -- the walk ------------------------------------------------------------

    def _one(self, tok: Token, places: bool, depth: int, owner: bool) -> list[ActorMention]:
        m = self.at(tok)
        if m is not None:
            if m.source == "demonym" and not (owner or self._standalone_demonym(tok)):
                return []
            return [m, *self._coordinated_modifiers(tok, m)]
        if depth > 4:
            return []
        lex = self.lex
        low = tok.lower_
        lemma = tok.lemma_.lower()
        # relative pronoun -> its antecedent
        if low in RELATIVE_PRONOUNS and tok.tag_ in ("WDT", "WP", "WP$"):
            verb = tok.head
            while verb.dep_ not in ("relcl", "acl") and verb.head != verb and verb.i - tok.i < 6:
                verb = verb.head
            if verb.dep_ in ("relcl", "acl"):
                antecedent_tok = verb.head
                # "a coalition of rebel groups that includes X": the coalition
                if antecedent_tok.dep_ == "pobj" and antecedent_tok.head.lower_ == "of":
                    outer = antecedent_tok.head.head
                    if (
                        outer.lower_ in lex.coalition_nouns
                        or outer.lemma_.lower() in lex.coalition_nouns
                    ):
                        antecedent_tok = outer
                return self.resolve(antecedent_tok, places, coord=False, depth=depth + 1)
            return []
        # pronouns and definite descriptions
        if tok.pos_ == "PRON" or low in ACTOR_PRONOUNS | PERSON_PRONOUNS:
            for c in tok.children:
                if c.dep_ == "appos":
                    found = self._one(c, places, depth + 1, owner)
                    if found:
                        return found
            ant = antecedent(tok, self.mentions)
            return [ant] if ant is not None else []
        # apposition: "Ahrar al-Sham, a group backed by Turkey"
        for c in tok.children:
            if c.dep_ == "appos" and self.at(c) is not None:
                return self._one(c, places, depth + 1, owner)
        if tok.dep_ == "appos":
            head = self.at(tok.head)
            if head is not None:
                return [head]
        # "a proxy group known as X"
        for c in tok.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in NAMING_VERBS:
                for x in c.children:
                    if x.dep_ in ("oprd", "attr", "dobj"):
                        return self.resolve(x, places, depth=depth + 1)
                    if x.dep_ == "prep" and x.lower_ == "as":
                        for p in x.children:
                            if p.dep_ == "pobj":
                                return self.resolve(p, places, depth=depth + 1)
        # "the Saudi-led coalition", "U.S.-backed forces"
        if low in lex.coalition_nouns or lemma in lex.coalition_nouns:
            owned = self.hyphen_owner(tok)
            if owned is not None and owned[0] is RelationType.LEADS:
                return [owned[1]]
            led = self._led_by(tok, depth)
            if led:
                return led
        if low in GROUP_WORDS or lemma in GROUP_WORDS:
            led = self._led_by(tok, depth)
            if led:
                return led
        if (
            low in GROUP_WORDS or lemma in GROUP_WORDS or low in STATE_WORDS
        ) and not self._has_name_modifier(tok):
            ant = antecedent(tok, self.mentions)
            if ant is not None:
                return [ant]
        if low in lex.base_nouns or lemma in lex.base_nouns:
            # "the Russian base at Hmeymim airport", "the garrison in al-Tanf"
            for c in tok.children:
                found_base = self.at(c)
                if (
                    c.dep_ == "compound"
                    and found_base is not None
                    and found_base.type is EntityType.BASE
                ):
                    return [found_base]
            preps = [
                c
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("at", "in", "near", "of")
            ]
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.lower_ in ("at", "in", "near") and nxt not in preps:
                preps.append(nxt)  # "the Russian base at Hmeymim" with 'at' hung on the verb
            for c in preps:
                if True:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            bases = [
                                m
                                for m in self.resolve(p, True, depth=depth + 1)
                                if m.type is EntityType.BASE
                            ]
                            if bases:
                                return bases
        # "terrorists, including members of ISIS": the named examples
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("including", "like"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        found = self.resolve(p, places, depth=depth + 1)
                        if found:
                            return found
        # "the areas targeted were strongholds of X": subject and attribute corefer
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ == "be":
            for c in tok.head.children:
                if c.dep_ == "attr":
                    found = self.resolve(c, places, depth=depth + 1)
                    if found:
                        return found
        if (low in STATE_ORGANS or lemma in STATE_ORGANS) and not self._has_name_modifier(tok):
            # "the army shelled ...", "governmental positions": with one state in
            # the whole text, its organs are that state's
            state = self.sole_state()
            if state is not None:
                return [_moved(state, tok.i)]
        force_like = low in lex.force_nouns or lemma in lex.force_nouns
        proxy_like = low in lex.proxy_nouns or lemma in lex.proxy_nouns
        if force_like or proxy_like:
            demonym_ok = force_like or (low not in PEOPLE_NOUNS and lemma not in PEOPLE_NOUNS)
            for c in tok.children:
                if c.dep_ in OWNER_DEPS and c.i < tok.i:
                    found = []
                    for t in conjuncts(c):
                        found.extend(
                            m
                            for m in self._one(t, False, depth + 1, owner=True)
                            # "Houthi fighters": a group's demonym names the group
                            if demonym_ok or m.source != "demonym" or m.type is not EntityType.STATE
                        )
                    if found:
                        return _unique(found)
            for c in tok.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "from", "belonging", "by"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            found = self.resolve(p, places, depth=depth + 1)
                            if found:
                                return found
                if c.dep_ == "acl" and c.lemma_.lower() in CONTROL_VERBS:
                    found = [m for a in agents(c) for m in self.resolve(a, False, depth=depth + 1)]
                    if found:
                        return found
        if low in QUANTITY_WORDS or lemma in QUANTITY_WORDS or tok.like_num:
            for prep in ("of", "from"):
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == prep:
                        for p in c.children:
                            if p.dep_ == "pobj":
                                found = self.resolve(p, places, depth=depth + 1)
                                if found:
                                    return found
        if places and (low in lex.place_of_nouns or lemma in lex.place_of_nouns):
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("of",):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return [
                                m
                                for m in self.resolve(p, True, depth=depth + 1)
                                if not m.is_actor or m.type is EntityType.STATE
                            ]
            for c in tok.children:
                named = self.at(c)
                if (
                    c.dep_ in ("compound", "amod")
                    and named is not None
                    and named.type in (EntityType.PLACE, EntityType.BASE)
                ):
                    return [named]
        return []

    def sole_state(self) -> ActorMention | None:
        """The only state the text names (by name, demonym or head of state), if one."""
        return self._sole

    def _led_by(self, tok: Token, depth: int) -> list[ActorMention]:
        """'the coalition (of rebel groups) led by HTS' stands for HTS."""
        heads = [tok]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                heads.extend(p for p in c.children if p.dep_ == "pobj")
        for h in heads:
            for c in h.children:
                if c.dep_ == "acl" and c.lemma_ == "lead":
                    by = [m for a in agents(c) for m in self.resolve(a, False, depth=depth + 1)]
                    if by:
                        return by
        return []

    def _coordinated_modifiers(self, tok: Token, m: ActorMention) -> list[ActorMention]:
        """'both Syrian and Russian forces' where 'Russian forces' is one name; 'the
        forces of India and Pakistan' where 'forces of India' is one."""
        if tok.i != tok.doc[m.start : m.end].root.i or m.type is not EntityType.STATE:
            return []
        out = []
        for c in tok.children:
            if (
                c.dep_ in ("amod", "compound", "nmod")
                and c.i < m.start
                and any(m.start <= x.i < m.end for x in c.conjuncts)
            ):
                other = self.at(c)
                if other is not None and other.name != m.name:
                    out.append(other)
        for _prep, pobj in prep_objects(tok, {"of"}):
            # "the forces of India and Pakistan" where "forces of India" is one name
            if m.start <= pobj.i < m.end:
                for x in pobj.conjuncts:
                    other = self.at(x)
                    if other is not None and other.name != m.name and other.is_actor:
                        out.append(other)
        return out

    def _standalone_demonym(self, tok: Token) -> bool:
        """'Russians' as a noun phrase of its own stands for the state."""
        if tok.pos_ not in ("NOUN", "PROPN") or not tok.text.endswith("s"):
            return False
        # "Russians had targeted" (the state acts); "rescue Syrians" (people)
        return tok.dep_ == "nsubj" or (tok.dep_ == "pobj" and tok.head.lower_ == "by")

    def _has_name_modifier(self, tok: Token) -> bool:
        for c in tok.children:
            m = self.at(c)
            if c.dep_ in OWNER_DEPS and m is not None and c.i < tok.i and m.source != "demonym":
                return True
        return False


def _moved(m: ActorMention, i: int) -> ActorMention:
    return ActorMention(i, i + 1, m.text, m.name, m.type, m.source, m.group_of, m.acts_for)


def _unique(ms: list[ActorMention]) -> list[ActorMention]:
    out: list[ActorMention] = []
    for m in ms:
        if m not in out:
            out.append(m)
    return out
