"""Conservative coreference: pronouns and definite descriptions to one actor.

A wrong antecedent invents a relation, so a link is made only when the
context leaves one candidate. ``resolve_links`` walks a Doc once, in order,
and keeps a history of the actors named so far (and of the descriptions it
has already resolved, so "The council ... its fighters" chains). Each
trigger is matched against that history:

- "he"/"his" -> a person; "it"/"its" -> one state, group or organisation;
  "they"/"their" -> a group (or a state's plural forces);
- "the group", "the militia", "the rebels" -> an armed group; "the council"
  -> an entity whose name has "Council"; "the coalition" -> a group called a
  coalition; "the army", "the government", "the junta" -> the state whose
  army the text named last, else the only state named so far, else (none
  named so far) the state in focus (``kg.extract.focus``: the country of the
  places named);
  "the jihadists", "the separatist council", "the paramilitary group" must
  also fit the descriptor (cues in what the dictionary and the article say
  about the candidate: name, aliases, note, modifiers, appositions);
- "the group, commanded by X" -> the group X leads (dictionary ``leads``).

The window is the sentence up to the trigger, then the previous two
(pronouns) or three (descriptions) sentences. One distinct candidate wins;
among several, the one that was a grammatical subject wins if it is the
only such; otherwise nothing is linked. Cue words live in ``coref.json``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

import kg.extract.extensions  # noqa: F401  (registers doc._.kg_coref)
from kg.errors import ConfigError
from kg.extract.entity_words import load_entity_words
from kg.extract.types import ActorMention
from kg.model import EntityType, RelationType

CUES_FILE = Path(__file__).with_name("coref.json")
COALITION_WORDS = frozenset({"coalition", "alliance", "umbrella", "bloc", "grouping"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
LEAD_VERBS = frozenset({"lead", "command", "head", "run"})
GROUP_TYPES = frozenset({EntityType.ARMED_GROUP, EntityType.ORGANIZATION})
PARTY_TYPES = frozenset({EntityType.STATE, EntityType.ARMED_GROUP, EntityType.ORGANIZATION})


@dataclass(frozen=True)
class Description:
    """What the antecedent of 'the HEAD' must be."""

    types: frozenset[EntityType] = frozenset()
    state: bool = False
    name_word: bool = False
    coalition: bool = False
    descriptor: str | None = None
    #: for state organs: the class of organ nouns it repeats ("the army" after "Sudan's army")
    organ: str | None = None


@dataclass(frozen=True)
class Descriptor:
    """Cue fragments one of which the candidate's profile must hold; fragments ruling it out."""

    cues: tuple[str, ...]
    exclude: tuple[str, ...]

    def fits(self, profile: str) -> bool:
        if any(x in profile for x in self.exclude):
            return False
        return not self.cues or any(c in profile for c in self.cues)


@dataclass(frozen=True)
class Cues:
    """The contents of ``coref.json``."""

    person_pronouns: frozenset[str]
    singular_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    #: 'we'/'our': only inside a quotation, for the speaker named before it
    quoted_pronouns: frozenset[str]
    descriptions: Mapping[str, Description]
    descriptors: Mapping[str, Descriptor]
    modifiers: Mapping[str, str]
    organ_words: Mapping[str, str]
    non_referring_it_verbs: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_cues(path: Path = CUES_FILE) -> Cues:
    """Read the cue words; a broken file is a clear configuration error."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        descriptions = {
            head: Description(
                types=frozenset(EntityType(t) for t in spec.get("types", ())),
                state=bool(spec.get("state", False)),
                name_word=bool(spec.get("name_word", False)),
                coalition=bool(spec.get("coalition", False)),
                descriptor=spec.get("descriptor"),
                organ=spec.get("organ"),
            )
            for head, spec in raw["descriptions"].items()
        }
        descriptors = {
            key: Descriptor(tuple(spec.get("cues", ())), tuple(spec.get("exclude", ())))
            for key, spec in raw["descriptors"].items()
        }
        cues = Cues(
            person_pronouns=frozenset(raw["person_pronouns"]),
            singular_pronouns=frozenset(raw["singular_pronouns"]),
            plural_pronouns=frozenset(raw["plural_pronouns"]),
            quoted_pronouns=frozenset(raw["quoted_pronouns"]),
            descriptions=descriptions,
            descriptors=descriptors,
            modifiers=dict(raw["modifiers"]),
            organ_words=dict(raw["organ_words"]),
            non_referring_it_verbs=frozenset(raw["non_referring_it_verbs"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"coreference cues {path}: {exc}") from exc
    unknown = [
        key
        for key in [d.descriptor for d in descriptions.values()] + list(cues.modifiers.values())
        if key is not None and key not in descriptors
    ]
    if unknown:
        raise ConfigError(f"coreference cues {path}: unknown descriptor(s) {sorted(set(unknown))}")
    return cues


_CUES = load_cues()
#: the words other modules treat as triggers (kept under their old names)
PERSON_PRONOUNS = _CUES.person_pronouns
ACTOR_PRONOUNS = _CUES.singular_pronouns | _CUES.plural_pronouns | _CUES.quoted_pronouns
STATE_WORDS = frozenset(h for h, d in _CUES.descriptions.items() if d.state)
GROUP_WORDS = frozenset(
    h for h, d in _CUES.descriptions.items() if not d.state and d.types & GROUP_TYPES
)


@dataclass(frozen=True)
class Profiles:
    """What the actor dictionary says about each canonical name."""

    #: name -> lower-case "name | aliases | note"
    text: Mapping[str, str] = field(default_factory=dict)
    #: leader's name -> the name of what they lead
    leads: Mapping[str, str] = field(default_factory=dict)
    #: name -> lower-case names and aliases only ("the council" must be a Council)
    names: Mapping[str, str] = field(default_factory=dict)
    #: name -> entity type
    types: Mapping[str, EntityType] = field(default_factory=dict)


def dictionary_profiles(dictionary: Any) -> Profiles:
    """Profiles from an actor dictionary (``ActorDictionary`` or a list of entries)."""
    if dictionary is None:
        return Profiles()
    entries = getattr(dictionary, "entries", dictionary)
    if callable(entries):
        entries = entries()
    if isinstance(entries, Mapping):
        entries = entries.values()
    text: dict[str, str] = {}
    names: dict[str, str] = {}
    leads: dict[str, str] = {}
    types: dict[str, EntityType] = {}
    for entry in entries:
        get = functools.partial(_field, entry)
        name = get("name")
        if not name:
            continue
        forms = [str(name), *(str(a) for a in get("aliases") or ())]
        names[name] = " | ".join(forms).lower()
        text[name] = " | ".join([*forms, str(get("note") or "")]).lower()
        if get("leads"):
            leads[name] = str(get("leads"))
        kind = get("type")
        if kind:
            types[name] = EntityType(str(getattr(kind, "value", kind)))
    return Profiles(text=text, leads=leads, names=names, types=types)


def _field(entry: Any, name: str) -> Any:
    if isinstance(entry, Mapping):
        return entry.get(name)
    return getattr(entry, name, None)


@dataclass(frozen=True)
class _Seen:
    """An actor in the history: where it was met and whether it was a subject."""

    mention: ActorMention
    at: int
    sent: int
    subject: bool
    #: the token the mention hangs from in the parse
    root: int


def antecedent(tok: Token, mentions: Sequence[ActorMention]) -> ActorMention | None:
    """The one actor ``tok`` (a pronoun or 'the group') refers to, or None."""
    doc = tok.doc
    links = doc._.kg_coref
    if links is None:
        links = resolve_links(doc, mentions)
        doc._.kg_coref = links
    found: ActorMention | None = links.get(tok.i)
    return found


def resolve_links(
    doc: Doc, mentions: Sequence[ActorMention], profiles: Profiles | None = None
) -> dict[int, ActorMention]:
    """Token index of each resolvable trigger -> the actor mention it refers to."""
    profiles = profiles or Profiles()
    cues = load_cues()
    sent_of = _sentence_index(doc)
    starts = {m.start: m for m in mentions}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    described = _article_descriptions(doc, mentions)
    organs = _state_organs(doc, mentions, cues)
    focus = _focus_mention(doc)
    history: list[_Seen] = []
    links: dict[int, ActorMention] = {}
    for tok in doc:
        m = starts.get(tok.i)
        if m is not None:
            root = doc[m.start : m.end].root
            if not _denied_existence(root):
                history.append(_Seen(m, m.start, sent_of[m.start], _is_subject(doc, m), root.i))
            continue
        if tok.i in covered:
            continue
        found = _owned_group(tok, cues, links, history, profiles)
        if found is None:
            spec = _description(tok, cues)
            if spec is not None and spec.organ is not None:
                if _definite(tok, covered) and not _other_owner(tok):
                    found = _state_organ(tok, spec.organ, organs, history, focus)
                    if found is not None:
                        organs.append((tok.i, spec.organ, found))
            else:
                check = _trigger(tok, cues, covered, starts, profiles, described)
                if check is not None:
                    ok, window, leader_of = check
                    found = _choose(tok, history, ok, window, sent_of, leader_of)
                    if found is not None and spec is not None and spec.state:
                        found = found.for_relation(RelationType.TARGETS)
        if found is not None:
            links[tok.i] = found
            subject = tok.dep_ in SUBJECT_DEPS
            history.append(_Seen(found, tok.i, sent_of[tok.i], subject, tok.i))
    return links


def _description(tok: Token, cues: Cues) -> Description | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    return cues.descriptions.get(tok.lower_) or cues.descriptions.get(tok.lemma_.lower())


_Organ = tuple[int, str, ActorMention]


def _state_organs(doc: Doc, mentions: Sequence[ActorMention], cues: Cues) -> list[_Organ]:
    """Organ nouns tied to a named state: "Sudan's army", "the Syrian government",
    "Assad's regime" (token, organ class, the state)."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    out: list[_Organ] = []
    for tok in doc:
        organ = cues.organ_words.get(tok.lower_) or cues.organ_words.get(tok.lemma_.lower())
        if organ is None or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        owners = [by_token[tok.i]] if tok.i in by_token else []
        owners += [
            by_token[c.i]
            for c in tok.children
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in by_token
        ]
        states = {
            _key(m): m.for_relation(RelationType.TARGETS)
            for m in owners
            if m.type is EntityType.STATE or m.acts_for is not None
        }
        if len(states) == 1:
            out.append((tok.i, organ, next(iter(states.values()))))
    return out


def _focus_mention(doc: Doc) -> ActorMention | None:
    """The state in focus the actor finder decided (``kg.extract.focus``), as a
    stand-in mention placed at each trigger that uses it."""
    name = doc._.kg_focus
    if name is None:
        return None
    return ActorMention(0, 1, name, name, EntityType.STATE, "organ")


def _other_owner(tok: Token) -> bool:
    """'the rebel government', 'the opposition army': not the state's."""
    words = load_entity_words().organs.not_state_modifiers
    return any(c.dep_ in ("amod", "compound") and c.lower_ in words for c in tok.children)


def _state_organ(
    tok: Token,
    organ: str,
    organs: Sequence[_Organ],
    history: Sequence[_Seen],
    focus: ActorMention | None = None,
) -> ActorMention | None:
    """'the army' is the state whose army the text last named; failing that, the
    only state named so far; with no state named so far, the state in focus."""
    earlier = [m for i, cls, m in organs if cls == organ and i < tok.i]
    if earlier:
        return earlier[-1]
    states = {
        _key(s.mention): s.mention.for_relation(RelationType.TARGETS)
        for s in history
        if (s.mention.type is EntityType.STATE or s.mention.acts_for is not None)
        and not s.mention.is_media
    }
    if len(states) == 1:
        return next(iter(states.values()))
    if states or focus is None:
        return None  # "the defence ministry" after Russia and Ukraine: either one
    return ActorMention(tok.i, tok.i + 1, tok.text, focus.name, EntityType.STATE, "organ")


def _owned_group(
    tok: Token,
    cues: Cues,
    links: Mapping[int, ActorMention],
    history: Sequence[_Seen],
    profiles: Profiles,
) -> ActorMention | None:
    """'his group', 'his militia': the group its leader (the possessor) leads."""
    spec = _description(tok, cues)
    if spec is None or spec.state or not spec.types & GROUP_TYPES:
        return None
    for c in tok.children:
        if c.dep_ == "poss" and c.i in links:
            leader = links[c.i]
            if leader.type is not EntityType.PERSON:
                return None
            led = profiles.leads.get(leader.name)
            if led is None:
                return None
            named = [s.mention for s in history if s.mention.name == led]
            if named:
                return named[-1]
            kind = profiles.types.get(led)
            if kind not in spec.types:
                return None
            return ActorMention(tok.i, tok.i + 1, tok.text, led, kind, "dictionary")
    return None


# -- triggers ------------------------------------------------------------------

_Check = tuple[Callable[[ActorMention], bool], int, str | None]


def _trigger(
    tok: Token,
    cues: Cues,
    covered: set[int],
    starts: Mapping[int, ActorMention],
    profiles: Profiles,
    described: Mapping[str, str],
) -> _Check | None:
    """For a trigger token: the candidate test, the window in sentences and a named leader."""
    low = tok.lower_
    if tok.pos_ == "PRON" or low in cues.person_pronouns | ACTOR_PRONOUNS:
        return _pronoun_check(tok, cues)
    spec = cues.descriptions.get(low) or cues.descriptions.get(tok.lemma_.lower())
    if spec is None or tok.pos_ not in ("NOUN", "PROPN") or not _definite(tok, covered, True):
        return None
    head = low if low in cues.descriptions else tok.lemma_.lower()
    descriptors = [spec.descriptor] if spec.descriptor else []
    for c in tok.children:
        key = cues.modifiers.get(c.lower_) or cues.modifiers.get(c.lemma_.lower())
        if c.dep_ in ("amod", "compound") and key is not None and key not in descriptors:
            descriptors.append(key)
    tests = [cues.descriptors[d] for d in descriptors]

    def profile(m: ActorMention) -> str:
        return f"{m.name.lower()} | {m.text.lower()} | {profiles.text.get(m.name, '')} | {described.get(m.name, '')}"

    def ok(m: ActorMention) -> bool:
        if m.is_media or m.source in ("demonym", "generic"):
            return False
        if spec.state:
            if not (m.type is EntityType.STATE or m.acts_for is not None):
                return False
        elif m.type not in spec.types:
            return False
        if spec.name_word:
            forms = f"{m.name.lower()} | {m.text.lower()} | {profiles.names.get(m.name, '')}"
            if head not in forms.replace("-", " ").split():
                return False
        if spec.coalition and not _coalition_like(
            m, f"{profiles.names.get(m.name, '')} | {described.get(m.name, '')}"
        ):
            return False
        text = profile(m)
        return all(t.fits(text) for t in tests)

    return ok, 3, _named_leader(tok, starts, profiles)


def _pronoun_check(tok: Token, cues: Cues) -> _Check | None:
    low = tok.lower_
    if low in cues.person_pronouns:
        return (lambda m: m.type is EntityType.PERSON), 2, None
    head = tok.head
    if low in ("it",) and head.lemma_ == "be" and any(c.dep_ == "attr" for c in head.children):
        return None  # "it was not the first strike"
    if low == "it" and tok.dep_ == "dobj" and head.lemma_.lower() in cues.non_referring_it_verbs:
        return None  # "everyone knows it"
    as_object = tok.dep_ in ("dobj", "pobj") and low in cues.singular_pronouns
    if low in cues.singular_pronouns:

        def ok(m: ActorMention) -> bool:
            if m.is_media or m.source in ("demonym", "generic"):
                return False
            if m.type is EntityType.BASE:
                return as_object  # "forces seized it": a base is taken, attacked
            return m.type in PARTY_TYPES and not _plural_noun(tok.doc, m)

        return ok, 2, None
    if low in cues.quoted_pronouns:
        if not _in_quote(tok):
            return None  # "follow us", "our newsletter": the publisher, not an actor
        # the speaker's side: "a Houthi spokesman said: 'We will ...'"
        return (
            (lambda m: m.is_actor and m.type is not EntityType.PERSON and not m.is_media),
            0,
            None,
        )
    if low in cues.plural_pronouns:

        def ok_plural(m: ActorMention) -> bool:
            if m.is_media or m.source == "demonym":
                return False
            if m.type in GROUP_TYPES:
                return True
            return m.type is EntityType.STATE and _plural_noun(tok.doc, m)

        return ok_plural, 2, None
    return None


def _in_quote(tok: Token) -> bool:
    """An odd number of quotation marks before ``tok`` in its sentence."""
    marks = [t for t in tok.sent if t.i < tok.i and t.text in ('"', "“", "”", "``", "''")]
    return len(marks) % 2 == 1


def _definite(tok: Token, covered: set[int], personal: bool = False) -> bool:
    """'the group' (not 'a group', 'the group of X', 'the Houthi group', 'army positions');
    with ``personal``, 'his group' too (a leader's own group)."""
    if tok.dep_ in ("compound", "amod", "nmod") and not _coordinated(tok):
        return False
    if not any(
        (c.dep_ == "det" and c.lower_ in DETERMINERS)
        or (personal and c.dep_ == "poss" and c.lower_ in ("his", "her"))
        for c in tok.children
    ):
        return False
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss") and (c.pos_ == "PROPN" or c.i in covered):
            return False
        if c.dep_ == "prep" and c.lower_ == "of":
            return False
    return True


def _coordinated(tok: Token) -> bool:
    """'the army and JNIM militants': a determined first conjunct the parser hung on the
    last conjunct's head noun is a noun phrase of its own, not a modifier."""
    deps = {c.dep_ for c in tok.children}
    return {"det", "cc", "conj"} <= deps


def _named_leader(tok: Token, starts: Mapping[int, ActorMention], profiles: Profiles) -> str | None:
    """'the group, commanded by X': the name of what X leads, per the dictionary."""
    for c in tok.children:
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in LEAD_VERBS:
            for by in c.children:
                if by.dep_ in ("agent", "prep") and by.lower_ == "by":
                    for p in by.children:
                        person = _mention_covering(p, starts)
                        if person is not None and person.name in profiles.leads:
                            return profiles.leads[person.name]
    return None


def _mention_covering(tok: Token, starts: Mapping[int, ActorMention]) -> ActorMention | None:
    for m in starts.values():
        if m.start <= tok.i < m.end:
            return m
    return None


# -- choosing ------------------------------------------------------------------


def _choose(
    tok: Token,
    history: Sequence[_Seen],
    ok: Callable[[ActorMention], bool],
    window: int,
    sent_of: Sequence[int],
    leader_of: str | None,
) -> ActorMention | None:
    here = sent_of[tok.i]
    clause_subjects = _clause_subject_starts(tok)
    fits = [
        s
        for s in history
        if here - window <= s.sent <= here and ok(s.mention) and s.at not in clause_subjects
    ]
    if leader_of is not None:
        led = [s for s in fits if _key(s.mention) == leader_of]
        if led:
            return led[-1].mention
    same = [s for s in fits if s.sent == here]
    if not same and tok.pos_ == "PRON" and _governed_by_other_subject(tok):
        return None  # "the ministry denied that it ...": 'it' is the ministry, unresolved
    if same:
        found = _one(same)
        if found is None:
            # "X, which fought Y, said it ...": the subject governing the pronoun
            governing = [s for s in same if s.subject and _governs(s, tok)]
            found = _one(governing)
            if found is not None and tok.dep_ not in SUBJECT_DEPS:
                # "X ... gives Y weapons for Z, its ally": Y may own 'its'
                # (names inside the subject itself, "X, Z's affiliate, said its ...", do not count)
                subject = _subject_token(tok.doc[governing[-1].root])
                inside = {t.i for t in subject.subtree}
                if any(
                    _key(s.mention) != _key(found)
                    for s in same
                    if s.at > governing[-1].at and s.at not in inside
                ):
                    found = None
        return found
    found = _one(fits)
    if found is None:
        # several earlier candidates: the one that was a grammatical subject is in focus
        found = _one([s for s in fits if s.subject])
    return found


def _governed_by_other_subject(tok: Token) -> bool:
    """``tok`` is the subject of a clause under another subject earlier in the
    sentence ("officials said it ...") that names no candidate."""
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    for verb in list(tok.ancestors)[1:]:
        for c in verb.children:
            if (
                c.dep_ in SUBJECT_DEPS
                and c.i < tok.i
                and c.pos_ != "PRON"
                and tok not in list(c.subtree)
            ):
                return True
    return False


def _one(seen: Sequence[_Seen]) -> ActorMention | None:
    keys = {_key(s.mention) for s in seen}
    if len(keys) != 1:
        return None
    return seen[-1].mention


def _key(m: ActorMention) -> str:
    """Who the mention is: a head of state counts as the state in every relation but leads."""
    return m.for_relation(RelationType.TARGETS).name


def _subject_token(t: Token) -> Token:
    """The noun a mention's root hangs from as a subject ("Saudi" -> "Arabia")."""
    while t.dep_ in ("appos", "compound") and t.head != t:
        t = t.head
    return t


def _governs(s: _Seen, tok: Token) -> bool:
    """The candidate is the subject of a verb that dominates ``tok``."""
    verb = _subject_token(tok.doc[s.root]).head
    return verb == tok or verb in list(tok.ancestors)


def _clause_subject_starts(tok: Token) -> set[int]:
    """Start tokens of the subject of ``tok``'s own verb when ``tok`` is its object:
    "forces seized it" never means the forces."""
    if tok.dep_ not in ("dobj", "pobj"):
        return set()
    verb = tok.head if tok.dep_ == "dobj" else tok.head.head
    return {c.left_edge.i for c in verb.children if c.dep_ in SUBJECT_DEPS} | {
        c.i for c in verb.children if c.dep_ in SUBJECT_DEPS
    }


# -- facts about mentions -----------------------------------------------------


def _sentence_index(doc: Doc) -> list[int]:
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = n
    return out


def _is_subject(doc: Doc, m: ActorMention) -> bool:
    root = doc[m.start : m.end].root
    # "Turkey and Russia held talks": both are subjects, so neither is in focus alone
    while root.dep_ in ("appos", "compound", "conj") and root.head != root:
        root = root.head
    return root.dep_ in SUBJECT_DEPS


def _denied_existence(root: Token) -> bool:
    """'there were no ISIS units': a name under 'no' introduces nobody to refer back to."""
    for t in (root, root.head):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            return True
    return False


def _plural_noun(doc: Doc, m: ActorMention) -> bool:
    """'Turkish troops', 'Russian jets': a state's forces spoken of in the plural."""
    return doc[m.end - 1].tag_ == "NNS"


def _coalition_like(m: ActorMention, profile: str) -> bool:
    return any(w in profile for w in COALITION_WORDS)


def _article_descriptions(doc: Doc, mentions: Sequence[ActorMention]) -> dict[str, str]:
    """Name -> lower-case words the article uses about it: modifiers and appositions
    ("the paramilitary RSF", "JNIM, al-Qaeda's affiliate", "a coalition of ...")."""
    out: dict[str, list[str]] = {}
    for m in mentions:
        root = doc[m.start : m.end].root
        words = [t.lower_ for t in doc[m.start : m.end]]
        words.extend(
            c.lower_ for c in root.children if c.dep_ in ("amod", "compound") and c.i < m.start
        )
        for c in root.children:
            if c.dep_ == "appos":
                words.extend(t.lower_ for t in c.subtree)
        if root.dep_ == "appos" or (root.dep_ in ("compound", "nmod") and root.head.i > m.end - 1):
            outer = root.head
            words.append(outer.lower_)
            words.extend(c.lower_ for c in outer.children if c.dep_ in ("amod", "compound"))
        out.setdefault(m.name, []).extend(words)
    return {name: " ".join(words) for name, words in out.items()}


# -- the pipeline component ------------------------------------------------------


class CorefResolver:
    """The ``kg_coref`` component: fills ``doc._.kg_coref`` from ``doc._.kg_mentions``."""

    def __init__(self) -> None:
        self.profiles = Profiles()

    def set_dictionary(self, dictionary: Any) -> None:
        """Use the actor dictionary's aliases, notes and leaders as evidence."""
        self.profiles = dictionary_profiles(dictionary)

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_coref = resolve_links(doc, doc._.kg_mentions or [], self.profiles)
        return doc


@Language.factory("kg_coref")
def make_coref_resolver(nlp: Language, name: str) -> CorefResolver:
    """The component starts without a dictionary; ``kg.extract.nlp`` gives it one."""
    return CorefResolver()
