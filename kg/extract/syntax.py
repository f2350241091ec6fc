"""Questions about the dependency tree that every relation family asks.

Who is the actor of this verb's clause (through passives, relative clauses,
control verbs and conjoined verbs)? Which tokens are coordinated with this
one? The parser of a small model is noisy, so each helper is forgiving and
stays inside one clause.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "pcomp", "parataxis", "conj"})
ALONG_PREPS = frozenset({"alongside", "along", "together"})
#: "X used drones to attack Y": the doer of the infinitive is X, not the drones
SUBJECT_CONTROL = frozenset(
    {
        "try",
        "attempt",
        "seek",
        "continue",
        "begin",
        "start",
        "use",
        "employ",
        "utilize",
        "utilise",
        "deploy",
        "send",
        "dispatch",
        "mobilize",
        "mobilise",
        "launch",
        "fire",
        "promise",
        "vow",
    }
)
PURPOSE_NOUNS = frozenset(
    {
        "bid",
        "effort",
        "attempt",
        "order",
        "push",
        "drive",
        "move",
        "plan",
        "campaign",
        "operation",
        "offensive",
        "mission",
    }
)
ACCUSE_VERBS = frozenset({"accuse", "charge", "blame", "suspect", "condemn"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom", "whose"})


def is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def is_word(tok: Token, words: frozenset[str] | set[str]) -> bool:
    """The token's lemma or its lower-cased form is one of ``words`` (lexicon lists
    hold lemmas, but the tagger sometimes leaves a plural or past form as is)."""
    return tok.lemma_.lower() in words or tok.lower_ in words


def with_conjoined_verbs(verb: Token) -> list[Token]:
    """The verb and the verbs coordinated under it ("were killed and two were wounded")."""
    return [verb, *(c for c in verb.children if c.dep_ == "conj" and is_verbal(c))]


def is_passive(verb: Token) -> bool:
    """A passive clause ("was struck", "a group backed by Turkey")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "amod")
        and not any(c.dep_ in ("aux",) for c in verb.children)
    )


def conjuncts(tok: Token) -> list[Token]:
    """The token and everything coordinated with it ("Turkey and Qatar")."""
    out = [tok]
    for c in tok.conjuncts:
        if c.pos_ == tok.pos_ or (
            c.pos_ in ("NOUN", "PROPN", "ADJ") and tok.pos_ in ("NOUN", "PROPN", "ADJ")
        ):
            out.append(c)
    for c in tok.children:
        # "Taliban and/or ISKP militants": the parser hangs the first name on the
        # second as a modifier that keeps the conjunction but has no conjunct
        if (
            c.dep_ in ("nmod", "compound")
            and c.i < tok.i
            and not c.conjuncts
            and any(g.dep_ == "cc" and g.i > c.i for g in c.children)
        ):
            out.append(c)
    return sorted(set(out), key=lambda t: t.i)


def agents(verb: Token) -> list[Token]:
    """The 'by' phrase objects of a passive verb, tolerating misattached 'by'."""
    found: list[Token] = []
    for tok in verb.subtree:
        if tok.i < verb.i or tok.lower_ != "by" or tok.dep_ not in ("agent", "prep"):
            continue
        # the 'by' must belong to this clause: no other verb between it and ``verb``
        head, ok = tok.head, True
        while head != verb:
            if is_verbal(head) and head.dep_ in CLAUSE_DEPS:
                ok = False
                break
            if head.head == head:
                ok = False
                break
            head = head.head
        if ok:
            found.extend(c for c in tok.children if c.dep_ == "pobj")
            if found:
                break
    return found


def subject_of(verb: Token) -> list[Token]:
    """The grammatical subject (active or passive) of ``verb``'s clause."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return [c]
    if verb.dep_ in ("relcl", "acl") and verb.head != verb:
        return [verb.head]
    if verb.dep_ == "conj" and is_verbal(verb.head):
        return subject_of(verb.head)
    if verb.dep_ == "xcomp" and verb.head != verb:
        obj = [c for c in verb.head.children if c.dep_ == "dobj"]
        if verb.head.lemma_ in SUBJECT_CONTROL:
            obj = []
        return obj or subject_of(verb.head)
    return []


def clause_actor(verb: Token, stative: bool = False) -> list[Token]:
    """Who does what ``verb`` says: the agent of a passive, else the subject.

    ``stative`` verbs (stationed, based, located) take their passive subject
    as the actor when no agent is given. Gerunds and infinitives without a
    subject inherit the actor of the clause they hang from ("Russia has
    deployed jets, launching strikes", "in a bid to prop up Assad").
    """
    if is_passive(verb):
        by = agents(verb)
        if by:
            return by
        if stative:
            return subject_of(verb)
        if verb.dep_ in ("acl", "amod"):
            return []
        return []
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return [c]
    dangling = _dangling_subject(verb)
    if dangling is not None:
        return [dangling]
    if verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.lemma_ in ACCUSE_VERBS:
        # "accused X of training and arming Y" parsed with 'arming' on 'accused'
        return [c for c in verb.head.children if c.dep_ == "dobj"]
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of":
        owner = verb.head.head
        if owner.lemma_ in ACCUSE_VERBS:
            return [c for c in owner.children if c.dep_ == "dobj"]
        if owner.dep_ == "dobj" and owner.head.lemma_ in ACCUSE_VERBS:
            return [owner]  # "accused U.S. forces of arming X", 'of' hung on 'forces'
    if verb.dep_ in ("relcl",):
        return [verb.head]
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        head = verb.head
        # "an ally of the United States fighting against X": the participle
        # describes the head noun, not the 'of' complement
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.pos_ in ("NOUN", "PROPN")
        ):
            return [head.head.head]
        return [head]
    if verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and verb.head.pos_ == "NOUN":
        # "a Taliban sniper shot and killed X" with 'shot' misread as a noun
        return [c for c in verb.head.children if c.dep_ == "compound"]
    if verb.dep_ == "conj" and is_verbal(verb.head):
        # "X is considered extremist by the US but has fought ISIS": the shared
        # subject is X, not the first verb's agent
        if is_passive(verb.head):
            return subject_of(verb.head)
        return clause_actor(verb.head)
    if verb.dep_ == "xcomp":
        head = verb.head
        obj = [c for c in head.children if c.dep_ == "dobj"]
        if obj and head.lemma_ not in SUBJECT_CONTROL:
            return obj
        if not is_verbal(head):
            return []
        # "X is believed to be working with ...": a raising verb's passive subject
        return clause_actor(head) or (subject_of(head) if is_passive(head) else [])
    # "a conduit to funnel weapons": the doer is unstated, except after
    # purpose nouns ("in a bid to prop up X") where it is the clause's actor
    if (
        verb.dep_ in ("acl", "relcl")
        and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
        and verb.head.lemma_.lower() not in PURPOSE_NOUNS
    ):
        return []
    if verb.dep_ == "acl" and verb.tag_ == "VBD":
        # "operations by X backed by airstrikes killed N": a finite verb hung on
        # a noun of the subject phrase; the phrase's head noun is its subject
        top = _phrase_head(verb)
        if top is not None:
            return [top]
    # gerund / infinitive hanging from a prepositional phrase or a noun
    head = verb.head
    steps = 0
    while head != head.head and steps < 4:
        if is_verbal(head):
            return clause_actor(head) or subject_of(head)
        head = head.head
        steps += 1
    if is_verbal(head) and head != verb:
        return clause_actor(head) or subject_of(head)
    return []


def _phrase_head(verb: Token) -> Token | None:
    """The head noun of the phrase a finite verb was wrongly hung inside: up
    through prepositions and reduced relatives ("backed by"), not past a clause."""
    tok, top = verb.head, None
    for _ in range(10):
        if tok.pos_ in ("NOUN", "PROPN"):
            top = tok
        head = tok.head
        reduced = tok.dep_ == "acl" and tok.tag_ == "VBN"
        if head == tok or not (tok.dep_ in ("pobj", "prep", "agent") or reduced):
            break
        if (
            tok.dep_ == "prep"
            and is_verbal(head)
            and not (head.dep_ == "acl" and head.tag_ == "VBN")
        ):
            break
        tok = head
    return top


def _dangling_subject(verb: Token) -> Token | None:
    """'On 11 February Taliban militants clashed with ...': without a comma the
    parser hangs the subject inside the date phrase; recover it."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("ROOT", "advcl"):
        return None
    sent_start = verb.sent.start
    for i in range(verb.i - 1, max(sent_start, verb.i - 12) - 1, -1):
        tok = verb.doc[i]
        if is_verbal(tok):
            return None
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("pobj", "npadvmod", "appos"):
            prep = tok.head
            if prep.pos_ == "ADP" and prep.dep_ != "prep":
                continue
            if prep.pos_ == "ADP" and prep.head != verb and prep.head.pos_ in ("NOUN", "PROPN"):
                continue  # "airstrikes by the air force": a phrase inside the subject
            if prep.pos_ == "ADP" and any(
                t.ent_type_ in ("DATE", "TIME") for t in tok.doc[prep.i : tok.i]
            ):
                return tok
            return None
    return None


def along_with(tok: Token) -> list[Token]:
    """Objects of 'alongside' / 'along with' / 'together with' attached to ``tok``."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ALONG_PREPS:
            continue
        for p in c.subtree:
            if p.dep_ == "pobj" and p.head.lower_ in ("alongside", "with"):
                out.append(p)
                break
    return out


def clause_chain(tok: Token) -> list[Token]:
    """``tok`` and its ancestors up to (not including) the first reporting verb's parent."""
    chain = [tok]
    while tok.head != tok:
        tok = tok.head
        chain.append(tok)
    return chain


def prep_objects(tok: Token, preps: frozenset[str] | set[str]) -> list[tuple[Token, Token]]:
    """(preposition, object) pairs under ``tok`` for the given prepositions."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    out.append((c, p))
    return out
