"""Conservative coreference: pronouns and definite descriptions to one actor.

"the group", "the militants", "the rebels" -> the armed group in focus;
"the country" -> the state in focus; "it"/"they"/"its" -> the one actor in
focus; "he"/"his" -> the one person in focus. Focus is the current sentence
up to the word, else the previous two sentences, and an antecedent is only
returned when exactly one distinct candidate is in focus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from kg.extract.types import ActorMention
from kg.model import EntityType

GROUP_WORDS = frozenset(
    {
        "group",
        "militants",
        "rebels",
        "militia",
        "militias",
        "fighters",
        "insurgents",
        "organization",
        "organisation",
        "movement",
        "jihadists",
        "faction",
        "outfit",
        "coalition",
        "alliance",
    }
)
COALITION_WORDS = frozenset({"coalition", "alliance", "umbrella", "bloc", "grouping"})
STATE_WORDS = frozenset({"country", "government", "regime", "state", "nation", "kingdom"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
ACTOR_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "we", "our", "us"})
GROUP_TYPES = frozenset({EntityType.ARMED_GROUP, EntityType.ORGANIZATION})


def _pick(
    candidates: Sequence[ActorMention], ok: Callable[[ActorMention], bool]
) -> ActorMention | None:
    names = {m.name for m in candidates if ok(m)}
    if len(names) == 1:
        name = names.pop()
        return next(m for m in reversed(candidates) if m.name == name)
    return None


def antecedent(tok: Token, mentions: Sequence[ActorMention]) -> ActorMention | None:
    """The one actor ``tok`` (a pronoun or 'the group') refers to, or None."""
    low = tok.lower_
    kind: Callable[[ActorMention], bool]
    if low in PERSON_PRONOUNS:

        def kind(m: ActorMention) -> bool:
            return m.type is EntityType.PERSON
    elif low in ACTOR_PRONOUNS:

        def kind(m: ActorMention) -> bool:
            return m.is_actor and m.source != "demonym" and not m.is_media
    elif tok.lemma_.lower() in COALITION_WORDS:
        if not _definite(tok):
            return None
        doc = tok.doc

        def kind(m: ActorMention) -> bool:
            # "the coalition" is a group that was itself called a coalition
            return m.type in GROUP_TYPES and not m.is_media and _called_coalition(doc, m)
    elif tok.lemma_.lower() in GROUP_WORDS or low in GROUP_WORDS:
        if not _definite(tok):
            return None

        def kind(m: ActorMention) -> bool:
            return m.type in GROUP_TYPES and not m.is_media and m.source != "generic"
    elif low in STATE_WORDS:
        covered = {i for m in mentions for i in range(m.start, m.end)}
        if not _definite(tok) or any(c.i in covered for c in tok.children):
            return None

        def kind(m: ActorMention) -> bool:
            return m.type is EntityType.STATE or m.acts_for is not None
    else:
        return None
    sent = tok.sent
    here = [m for m in mentions if sent.start <= m.start and m.end <= tok.i]
    found = _pick(here, kind)
    if found is not None:
        return found
    if any(kind(m) for m in here):
        return None
    earlier = [m for m in mentions if m.end <= sent.start]
    if not earlier:
        return None
    doc = tok.doc
    sents = [s for s in doc.sents if s.end <= sent.start][-2:]
    if not sents:
        return None
    window_start = sents[0].start
    window = [m for m in earlier if m.start >= window_start]
    found = _pick(window, kind)
    if found is not None or not any(kind(m) for m in window):
        return found
    # several candidates: the one that was a grammatical subject is in focus
    subjects = [m for m in window if _is_subject(doc, m)]
    return _pick(subjects, kind)


def _called_coalition(doc: Doc, m: ActorMention) -> bool:
    """'the Jaish al-Fatah coalition', 'Jaish al-Fatah, a coalition of ...'."""
    root = doc[m.start : m.end].root
    near = [root.head, *root.children]
    if m.end < len(doc):
        near.append(doc[m.end])
    return any(t.lemma_.lower() in COALITION_WORDS for t in near) or any(
        w.lower() in COALITION_WORDS for w in m.name.split()
    )


def _is_subject(doc: Doc, m: ActorMention) -> bool:
    root = doc[m.start : m.end].root
    while root.dep_ in ("appos", "conj", "compound") and root.head != root:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass")


def _definite(tok: Token) -> bool:
    return any(
        c.dep_ in ("det", "poss")
        and c.lower_ in ("the", "this", "that", "these", "those", "his", "its", "their", "her")
        for c in tok.children
    ) and not any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in tok.children)
