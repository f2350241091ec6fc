"""Find the actors, bases and places a Doc mentions.

Three sources, in order of trust: the actor dictionary (a ``SpanRuler``
built from ``kg.resolve``'s entries: names, aliases, forces, demonyms), spaCy's
NER mapped to kg types, and head nouns for names nobody listed ("the Hamza
Brigade", "Kuweires airfield", "Hodeidah province"). Demonyms count as their
state only where they modify a force noun ("Russian jets", "Syrian army");
unnamed groups tied to a backer ("Turkish-backed rebels", "pro-Iranian
militias") become generic-group mentions. A state's organ named without the
state ("government forces", "an army checkpoint", "Military Forces of
Ukraine") is the state: the one named after "of", else the state in focus
(``kg.extract.focus``); "pro-government militias" are that state's clients.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract.entity_words import (
    EntityWords,
    StateOrgans,
    acts_as_state,
    after_against_prefix,
    in_facility_name,
    in_place_context,
    is_generic,
    load_entity_words,
    names_weapon,
    numbered_unit,
    weapon_after,
)
from kg.extract.focus import country_map, named_states, state_in_focus
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.types import ActorMention
from kg.model import EntityType, RelationType

DICT_SPANS = "kg_dictionary"
BASE_OF = "BASE_OF"
PLACE_OF = "PLACE_OF"
DEMONYM = "DEMONYM"
FORCES = "FORCES"
#: the backer id of "pro-government militias" until the state in focus is known
STATE_IN_FOCUS = "@state-in-focus"
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})

#: "pro-government militias including X": the named examples stand for the group
NAMING_PREPS = frozenset({"including", "like", "such"})
#: generic nouns that, loyal to a leader, are that leader's own forces
LOYAL_FORCES = frozenset({"forces", "troops", "soldiers", "army"})

NER_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "NORP": None,
}


@dataclass(frozen=True)
class DictEntry:
    """What the extractor needs of one actor-dictionary entry."""

    name: str
    type: EntityType
    key: str = ""
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    forces: tuple[str, ...] = ()
    leads: str | None = None
    metonym_for: str | None = None
    country: str | None = None
    located_in: str | None = None


def _get(entry: Any, field: str, default: Any = None) -> Any:
    if isinstance(entry, Mapping):
        return entry.get(field, default)
    return getattr(entry, field, default)


def dictionary_entries(dictionary: Any) -> list[DictEntry]:
    """The entries of an actor dictionary, whatever container holds them."""
    if dictionary is None:
        return []
    raw: Iterable[Any]
    entries = getattr(dictionary, "entries", None)
    if entries is None and isinstance(dictionary, Mapping):
        entries = dictionary.get("entries", dictionary)
    if entries is None:
        entries = dictionary
    if callable(entries):
        entries = entries()
    raw = entries.values() if isinstance(entries, Mapping) else entries
    out = []
    for entry in raw:
        name = _get(entry, "name")
        kind = _get(entry, "type")
        if not name or not kind:
            continue
        out.append(
            DictEntry(
                name=str(name),
                type=EntityType(str(getattr(kind, "value", kind))),
                key=str(_get(entry, "key", "") or name),
                aliases=tuple(_get(entry, "aliases", ()) or ()),
                demonyms=tuple(_get(entry, "demonyms", ()) or ()),
                forces=tuple(_get(entry, "forces", ()) or ()),
                leads=_get(entry, "leads") or None,
                metonym_for=_get(entry, "metonym_for") or None,
                country=_get(entry, "country") or None,
                located_in=_get(entry, "located_in") or None,
            )
        )
    return out


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(alias) <= 3 or (bool(letters) and all(c.isupper() for c in letters))


def ruler_patterns(entries: list[DictEntry], make_doc: Any) -> list[dict[str, Any]]:
    """SpanRuler patterns: case-insensitive phrases, exact tokens for acronyms."""
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()

    def add(text: str, label: str, name: str) -> None:
        text = text.strip()
        if not text or (text.lower(), label, name) in seen:
            return
        seen.add((text.lower(), label, name))
        if _is_acronym(text):
            tokens = [{"ORTH": t.text} for t in make_doc(text)]
            patterns.append({"label": label, "pattern": tokens, "id": name})
        else:
            patterns.append({"label": label, "pattern": text, "id": name})

    for e in entries:
        for alias in (e.name, *e.aliases):
            add(alias, e.type.value, e.name)
        for force in e.forces:
            add(force, FORCES, e.name)
        for demonym in e.demonyms:
            add(demonym, DEMONYM, e.name)
    return patterns


class ActorFinder:
    """The ``kg_actors`` component: fills ``doc._.kg_mentions``."""

    def __init__(self, entries: Iterable[DictEntry] = (), lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self.words = load_entity_words()
        self.attack_verbs = frozenset(
            v for v, rel in self.lex.verb_relation.items() if rel is RelationType.TARGETS
        )
        self.set_entries(list(entries))

    def set_entries(self, entries: list[DictEntry]) -> None:
        """(Re)build the look-ups from dictionary entries."""
        #: pattern id (entry key or name) -> canonical name
        self.id_to_name = {e.key: e.name for e in entries} | {e.name: e.name for e in entries}
        self.types = {e.name: e.type for e in entries}
        self.lower_names = {e.name.lower(): e.name for e in entries}
        for e in entries:
            for a in e.aliases:
                self.lower_names.setdefault(a.lower(), e.name)
        #: a capital's forms -> the city ("Moscow" -> "Moscow"), and city -> its state
        self.metonym_for = {e.name: e.metonym_for for e in entries if e.metonym_for}
        self.metonym_city = {
            form.lower(): e.name for e in entries if e.metonym_for for form in (e.name, *e.aliases)
        }
        for form, city in self.metonym_city.items():
            self.lower_names[form] = self.metonym_for[city]  # "Moscow-backed" is Russia's
        #: head of state -> the state it acts for
        self.acts_for = {
            e.name: e.leads
            for e in entries
            if e.type is EntityType.PERSON
            and e.leads
            and self.types.get(e.leads) is EntityType.STATE
        }
        #: leader -> what they lead ("pro-Haftar forces" are the LNA's)
        self.leads = {e.name: e.leads for e in entries if e.type is EntityType.PERSON and e.leads}
        #: place or base -> the state it lies in
        self.countries = country_map(entries)
        #: demonym -> its state
        self.demonym_of: dict[str, str] = {}
        for e in entries:
            for d in e.demonyms:
                self.demonym_of.setdefault(d.lower(), e.name)

    def __call__(self, doc: Doc) -> Doc:
        found: list[ActorMention] = []
        # a one-word name never matches an all-lower-case word ("turkey", "chad")
        matched = [
            s
            for s in doc.spans.get(DICT_SPANS, [])
            if (len(s) > 1 or not s[0].is_lower or s.label_ == FORCES)
            and not after_against_prefix(s, self.words)
            and not self._in_landmark(s)
        ]
        dict_spans = [s for s in matched if s.label_ != DEMONYM]
        demonyms = [s for s in matched if s.label_ == DEMONYM]
        dict_spans = _outside_place_names(dict_spans, list(self._place_name_spans(doc)))
        weapons = list(self._weapon_force_spans(doc, demonyms))
        forces_of = list(self._forces_of_spans(doc, dict_spans))
        taken = filter_spans(
            [*dict_spans, *weapons, *forces_of, *self._generic_spans(doc, demonyms)]
        )
        occupied: set[int] = set()
        for span in taken:
            found.append(self._mention(span))
            occupied.update(range(span.start, span.end))
        demonym_tokens = {i for s in demonyms for i in range(s.start, s.end)}
        by_start = {m.start: m for m in found}
        for span in self._heuristic_spans(doc, demonym_tokens):
            if occupied.intersection(range(span.start, span.end)):
                continue
            if after_against_prefix(span, self.words):
                continue  # "anti-Taliban fighters" are not the Taliban
            if doc[span.end - 1].lower_ == "of" and span.end in by_start:
                # "the Islamic Movement of Ahrar al-Sham": NER's partial name joins the group
                known = by_start[span.end]
                if known.type in (EntityType.ARMED_GROUP, EntityType.ORGANIZATION):
                    found.remove(known)
                    merged = ActorMention(
                        span.start, known.end, known.text, known.name, known.type, known.source
                    )
                    found.append(merged)
                    occupied.update(range(span.start, span.end))
                continue
            found.append(self._mention(span))
            occupied.update(range(span.start, span.end))
        for span in demonyms:
            if not occupied.intersection(range(span.start, span.end)):
                found.append(self._mention(span))
                occupied.update(range(span.start, span.end))
        found.extend(self._coordinated_names(doc, found, occupied))
        ner_single = {m.start: m for m in found if m.source == "ner" and m.end == m.start + 1}
        for shared in self._shared_head_mentions(doc, occupied - set(ner_single)):
            if shared.start in ner_single:
                found.remove(ner_single[shared.start])
            found.append(shared)
        found = _owned_units(doc, found, self.words)
        found = self._with_state_in_focus(doc, found)
        found.sort(key=lambda m: m.start)
        doc._.kg_mentions = found
        return doc

    def _in_landmark(self, span: Span) -> bool:
        """'the Baghdad Bridge area', 'Damascus Gate': a city or state name that
        starts a street's or landmark's name is neither the city nor the state."""
        name = self.id_to_name.get(span.id_, span.id_)
        placelike = name in self.metonym_for or self.types.get(name) in _LANDMARK_OWNERS
        return (
            placelike
            and span.label_ not in (DEMONYM, FORCES)
            and in_facility_name(span, self.words)
        )

    def _with_state_in_focus(self, doc: Doc, found: list[ActorMention]) -> list[ActorMention]:
        """Give unqualified state organs and "pro-government" groups the state in focus
        (or drop the groups when the text leaves it open)."""
        focus = state_in_focus(found, self.countries)
        doc._.kg_focus = focus  # coreference reads the same decision ("the army")
        out = []
        for m in found:
            if STATE_IN_FOCUS in (m.name, m.group_of):
                if focus is None:
                    continue
                if m.name == STATE_IN_FOCUS:
                    m = dataclasses.replace(m, name=focus, type=EntityType.STATE)
                else:
                    m = dataclasses.replace(m, group_of=focus)
            out.append(m)
        if focus is not None:
            occupied = {i for m in out for i in range(m.start, m.end)}
            # bare "soldiers" only when no other state is named ("Russian troops ... troops")
            bare = set(named_states(out)) <= {focus}
            for start, end in organ_spans(doc, self.words.organs, occupied, bare):
                text = doc[start:end].text
                out.append(ActorMention(start, end, text, focus, EntityType.STATE, "organ"))
        return out

    # -- building mentions -------------------------------------------------

    def _mention(self, span: Span) -> ActorMention:
        label = span.label_
        text = _strip_det(span).text
        if label in (DEMONYM, FORCES):
            name = self.id_to_name.get(span.id_, span.id_)
            kind = self.types.get(name, EntityType.STATE)
            return ActorMention(span.start, span.end, text, name, kind, label.lower())
        if label == BASE_OF:
            # "the airport at Merowe" is named like "Merowe airport"
            cut = 3 if span[0].lower_ in _BASE_MODIFIERS else 2
            name = f"{doc_text(span[cut:])} {span[: cut - 1].text}"
            return ActorMention(span.start, span.end, text, name, EntityType.BASE, "ner")
        if label == PLACE_OF:
            return ActorMention(
                span.start, span.end, text, _name_of(span, self.lex), EntityType.PLACE, "ner"
            )
        if label == "GENERIC":
            return ActorMention(
                span.start,
                span.end,
                text,
                text,
                EntityType.ARMED_GROUP,
                "generic",
                group_of=span.id_,
            )
        kind = EntityType(label)
        if span.id_:
            name = self.id_to_name.get(span.id_, span.id_)
            kind = self.types.get(name, kind)
            city = self.metonym_city.get(text.lower())
            if city is not None:
                # "Moscow denied" is Russia; "drones struck central Kyiv" is the city
                if acts_as_state(span.root, self.attack_verbs, self.words):
                    name, kind = self.metonym_for[city], EntityType.STATE
                else:
                    name, kind = city, EntityType.PLACE
            return ActorMention(
                span.start,
                span.end,
                text,
                name,
                kind,
                "dictionary",
                acts_for=self.acts_for.get(name),
                is_media=text.lower() in self.lex.news_media,
            )
        return ActorMention(
            span.start,
            span.end,
            text,
            _name_of(span, self.lex),
            kind,
            "ner",
            is_media=text.lower() in self.lex.news_media,
        )

    def _heuristic_spans(self, doc: Doc, demonym_tokens: set[int]) -> Iterator[Span]:
        """Names from NER and head nouns, typed by kg's rules.

        A name needs a proper noun that is not a demonym: "Russian base" is
        a description, "Kuweires airfield" a name.
        """
        spans: list[Span] = []
        for ent in doc.ents:
            kind = self._ner_type(ent)
            start = ent.start
            # "anti-Houthi Giants": the stance prefix is not part of the name
            while (
                start + 2 < ent.end
                and doc[start].lower_ in ("anti", "pro")
                and doc[start + 1].text == "-"
            ):
                start += 3
            while start < ent.end - 1 and doc[start].lower_ in ("the", "a", "an"):
                start += 1  # a leading article must not win length ties with head-noun names
            if kind is not None and start < ent.end:
                spans.append(Span(doc, start, ent.end, label=kind.value))
        spans.extend(self._head_noun_spans(doc))
        spans.extend(self._place_of_spans(doc))
        spans.extend(self._base_of_spans(doc))
        spans = [
            s
            for s in spans
            if (
                s.label_ in (BASE_OF, PLACE_OF)  # capitalised names after "the town of"
                or any(t.pos_ == "PROPN" and t.i not in demonym_tokens for t in s)
            )
            # "Turkish Bayraktar", "Su-24": weapons never act; "Army" alone names nobody
            and not names_weapon(s, self.words)
            and not is_generic(s.text, self.words)
        ]
        yield from filter_spans(spans)

    def _ner_type(self, ent: Span) -> EntityType | None:
        if ent.label_ not in NER_TYPES or NER_TYPES[ent.label_] is None:
            return None
        words = [t.text for t in ent if t.is_alpha]
        if not words or not any(t.text[:1].isupper() for t in ent):
            return None
        last = words[-1].lower()
        if last in self.lex.base_heads:
            return EntityType.BASE
        if any(w.lower() in self.lex.armed_group_heads for w in words) and ent.label_ in (
            "ORG",
            "PERSON",
            "NORP",
        ):
            return EntityType.ARMED_GROUP
        if (ent.label_ == "PERSON" or len(words) == 1) and in_place_context(
            ent, self.lex.place_of_nouns | self.lex.directions, self.words
        ):
            return EntityType.PLACE  # "in Jinderes", "the village of Um Batah"
        if ent.label_ == "PERSON" and len(words) == 1 and words[0].isupper():
            return EntityType.ORGANIZATION
        return NER_TYPES[ent.label_]

    def _forces_of_spans(self, doc: Doc, dict_spans: list[Span]) -> Iterator[Span]:
        """'Military Forces of Ukraine', 'the forces of Sudan', 'troops of X': X's own."""
        states = {
            i: s
            for s in dict_spans
            if self.types.get(self.id_to_name.get(s.id_, s.id_)) is EntityType.STATE
            for i in range(s.start, s.end)
        }
        heads = self.words.organs.of_heads
        for tok in doc:
            if tok.lower_ not in heads and tok.lemma_.lower() not in heads:
                continue
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != tok.i + 1:
                    continue
                state = next(
                    (states[p.i] for p in prep.children if p.dep_ == "pobj" and p.i in states), None
                )
                if state is None:
                    continue
                start = min(
                    [tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ in ("compound", "amod")]
                )
                yield Span(doc, start, state.end, label=FORCES, span_id=state.id_)

    def _weapon_force_spans(self, doc: Doc, demonyms: list[Span]) -> Iterator[Span]:
        """'Turkish Bayraktar drones', 'Emirati Mirage fighters': the state's own arms."""
        for span in demonyms:
            end = weapon_after(doc, span.end, self.words)
            if end is not None:
                yield Span(doc, span.start, end, label=FORCES, span_id=span.id_)

    def _place_of_spans(self, doc: Doc, heads: set[int] | None = None) -> Iterator[Span]:
        """'the village of Um Batah', 'the town of Wad al-Nura': the name after the noun."""
        for tok in doc[:-2]:
            if heads is not None:
                if tok.i not in heads:
                    continue
            elif tok.lower_ not in self.words.place_of_heads or doc[tok.i + 1].lower_ != "of":
                continue
            end = tok.i + 2
            while end < len(doc) and (
                (doc[end].text[:1].isupper() and doc[end].is_alpha)
                or (doc[end].lower_ in _PARTICLES and end + 1 < len(doc))
                or (doc[end].text == "-" and end > tok.i + 2)
            ):
                end += 1
            while end > tok.i + 2 and (
                doc[end - 1].text == "-" or doc[end - 1].lower_ in _PARTICLES
            ):
                end -= 1
            if end > tok.i + 2:
                yield Span(doc, tok.i + 2, end, label=PLACE_OF)

    def _base_of_spans(self, doc: Doc) -> Iterator[Span]:
        """'the airport at Merowe', 'the air base near Kidal': a base named by its place."""
        for tok in doc[:-2]:
            if tok.lower_ not in self.words.base_of_heads or tok.pos_ != "NOUN":
                continue
            if doc[tok.i + 1].lower_ not in ("at", "in", "near", "outside"):
                continue
            if _proper_run_start(tok) is not None:
                continue  # "the K1 military base near Kirkuk" has its own name
            start = tok.i - 1 if tok.i and doc[tok.i - 1].lower_ in _BASE_MODIFIERS else tok.i
            for place in self._place_of_spans(doc, heads={tok.i}):
                yield Span(doc, start, place.end, label=BASE_OF)

    def _place_name_spans(self, doc: Doc) -> Iterator[Span]:
        """Place names that may hold an actor's name ("the Dahiyat al-Assad district")."""
        yield from self._place_of_spans(doc)
        for span in self._head_noun_spans(doc):
            if span.label_ == EntityType.PLACE.value:
                yield span

    def _head_noun_spans(self, doc: Doc) -> Iterator[Span]:
        """'X airfield' -> Base, 'X Brigade' -> ArmedGroup, 'X province' -> Place."""
        for tok in doc:
            low = tok.lower_
            if low in self.lex.base_heads and tok.pos_ == "NOUN":
                start = _proper_run_start(tok)
                if start is not None:
                    yield Span(doc, start, tok.i + 1, label=EntityType.BASE.value)
            elif tok.text[:1].isupper() and low in self.lex.armed_group_heads:
                start = _proper_run_start(tok)
                if start is not None and tok.i - start >= 1:
                    yield Span(doc, start, tok.i + 1, label=EntityType.ARMED_GROUP.value)
            elif low in self.lex.place_heads and tok.pos_ in ("NOUN", "PROPN"):
                start = _proper_run_start(tok)
                if start is not None:
                    yield Span(doc, start, tok.i + 1, label=EntityType.PLACE.value)

    def _coordinated_names(
        self, doc: Doc, found: list[ActorMention], occupied: set[int]
    ) -> Iterator[ActorMention]:
        """'Kafr Nabl and Hass': an unknown proper noun coordinated with a
        place (or group) is one too."""
        for m in list(found):
            if m.source == "demonym" or m.type in (EntityType.STATE, EntityType.PERSON):
                continue
            root = doc[m.start : m.end].root
            for conj in root.conjuncts:
                if conj.i in occupied or conj.pos_ != "PROPN" or not conj.text[:1].isupper():
                    continue
                start = conj.i
                while (
                    start > 0
                    and doc[start - 1].dep_ == "compound"
                    and doc[start - 1].head == conj
                    and doc[start - 1].i not in occupied
                ):
                    start -= 1
                span = doc[start : conj.i + 1]
                occupied.update(range(span.start, span.end))
                yield ActorMention(span.start, span.end, span.text, span.text, m.type, "ner")

    def _shared_head_mentions(self, doc: Doc, occupied: set[int]) -> Iterator[ActorMention]:
        """'the Nuba and Ingessana mountains', 'Idlib and Hama provinces': each
        coordinated name with the shared head noun."""
        lex = self.lex
        for tok in doc:
            if tok.lower_ not in lex.place_heads and tok.lemma_.lower() not in lex.place_heads:
                continue
            mods = [
                c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
            ]
            for mod in mods:
                group = [mod, *[c for c in mod.conjuncts if c.i < tok.i]]
                if len(group) < 2:
                    continue
                head_word = tok.lemma_ if tok.text.endswith("s") and len(group) > 1 else tok.text
                for part in group:
                    if part.i in occupied or not part.text[:1].isupper():
                        continue
                    occupied.add(part.i)
                    name = f"{part.text} {tok.text if not tok.text.endswith('s') else head_word}"
                    yield ActorMention(
                        part.i, part.i + 1, name, name, EntityType.PLACE, "shared_head"
                    )

    def _generic_spans(self, doc: Doc, demonyms: list[Span]) -> Iterator[Span]:
        """'Turkish-backed rebels', 'pro-Iranian militias', 'U.S.-linked militants'."""
        for tok in doc:
            if tok.lower_ not in self.lex.generic_group_nouns or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
                continue  # a named group: "the Rapid Support Forces"
            start, end = tok.i, tok.i + 1
            backer = self.backer_of(tok)
            if backer is None:
                loyal = self._loyal_to(tok)
                if loyal is None:
                    continue
                backer, end = loyal
            name, first = backer
            if name == STATE_IN_FOCUS and any(
                c.dep_ == "prep" and c.lower_ in NAMING_PREPS for c in tok.children
            ):
                continue  # "pro-regime militias including Hezbollah": the text names them
            first = min(first, start)
            led = self.leads.get(name)
            if name == STATE_IN_FOCUS and tok.lower_ in LOYAL_FORCES:
                led = name  # "pro-government forces" are the state's own
            if led is not None and tok.lower_ in LOYAL_FORCES:
                # "pro-Assad forces", "pro-Haftar troops": the forces the leader commands
                yield Span(doc, first, end, label=FORCES, span_id=led)
                continue
            # "pro-Haftar militias": backed by what Haftar leads, as he acts for it;
            # "militias loyal to Tehran" leave the backer's own mention in place
            yield Span(doc, first, tok.i + 1, label="GENERIC", span_id=led or name)

    def _loyal_to(self, noun: Token) -> tuple[tuple[str, int], int] | None:
        """'forces loyal to Khalifa Haftar', 'militias loyal to the government': the
        backer (a person, a state or the state in focus), where the noun starts, and
        where the phrase ends."""
        for adj in noun.rights:
            if adj.lower_ != "loyal" or adj.dep_ not in ("amod", "acl", "relcl"):
                continue
            for prep in adj.children:
                if prep.dep_ != "prep" or prep.lower_ != "to":
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    lefts = [c.left_edge.i for c in obj.lefts if c.dep_ in ("compound", "amod")]
                    name = self.name_for(noun.doc[min([obj.i, *lefts]) : obj.i + 1].text)
                    # a group's own fighters stay the group's ("fighters loyal to the STC")
                    if name is not None and self.types.get(name) not in _GROUP_TYPES:
                        return (name, noun.i), obj.i + 1
        return None

    def lookup_mention(self, text: str) -> ActorMention | None:
        """A stand-in mention for a name or demonym met inside a word ("U.S.-backed")."""
        name = self.name_for(text)
        if name is None or name == STATE_IN_FOCUS:
            return None
        kind = self.types.get(name, EntityType.STATE)
        return ActorMention(0, 1, text, name, kind, "dictionary", acts_for=self.acts_for.get(name))

    def backer_of(self, noun: Token) -> tuple[str, int] | None:
        """The named backer in 'X-backed NOUN' / 'pro-X NOUN', and where the phrase starts."""
        for child in noun.lefts:
            if child.dep_ not in ("amod", "compound", "nmod", "npadvmod"):
                continue
            text = child.text
            # one token: "U.S.-backed"
            if "-" in text[1:]:
                head, _, tail = text.rpartition("-")
                if tail.lower() in self.lex.hyphen_participles and head:
                    name = self.name_for(head)
                    if name and self.lex.hyphen_participles[tail.lower()].value in (
                        "backs",
                        "alliedWith",
                    ):
                        return name, child.i
                if head.lower() in ("pro",):
                    name = self.name_for(tail)
                    if name:
                        return name, child.i
            # split tokens: "Turkish - backed", "pro - Iranian"
            if child.lower_ in self.lex.hyphen_participles:
                participle = self.lex.hyphen_participles[child.lower_]
                if participle.value not in ("backs", "alliedWith"):
                    continue
                i = child.i
                doc = noun.doc
                if i >= 2 and doc[i - 1].text == "-":
                    name = self.name_for(doc[i - 2].text)
                    if name:
                        return name, i - 2
            if child.lower_ == "pro":
                doc = noun.doc
                i = child.i
                if i + 2 < len(doc) and doc[i + 1].text == "-":
                    name = self.name_for(doc[i + 2].text)
                    if name:
                        return name, i
        # "pro - Iranian" parsed as three amods
        doc = noun.doc
        for i in range(max(0, noun.i - 4), noun.i):
            if doc[i].lower_ == "pro" and i + 2 < noun.i + 1 and doc[i + 1].text == "-":
                name = self.name_for(doc[i + 2].text)
                if name:
                    return name, i
        return None

    def name_for(self, text: str) -> str | None:
        """The canonical name a demonym or alias stands for ("Iranian" -> "Iran");
        a state organ ("pro-government") stands for the state in focus."""
        low = text.lower()
        if low in self.words.organs.words:
            return STATE_IN_FOCUS
        return self.demonym_of.get(low) or self.lower_names.get(low)


_PARTICLES = frozenset(
    ("al", "el", "ash", "ad", "as", "ar", "an", "at", "az", "bin", "ibn", "abu", "um")
)
_BASE_MODIFIERS = frozenset(("air", "naval", "military", "army"))
_GROUP_TYPES = frozenset((EntityType.ARMED_GROUP, EntityType.ORGANIZATION))
_ACTOR_LABELS = frozenset(
    (EntityType.PERSON.value, EntityType.ARMED_GROUP.value, EntityType.ORGANIZATION.value)
)


_LANDMARK_OWNERS = frozenset((EntityType.PLACE, EntityType.STATE))
_PARTY_TYPES = frozenset((EntityType.STATE, EntityType.ARMED_GROUP, EntityType.ORGANIZATION))


def _owned_units(doc: Doc, found: list[ActorMention], words: EntityWords) -> list[ActorMention]:
    """'the PMF's 56th Brigade', 'Russia's 64th Motorized Rifle Brigade': a unit known
    only by its number is its named owner, one mention over both."""
    by_end = {m.end: m for m in found}
    out = list(found)
    for m in found:
        if m.source == "dictionary" or not numbered_unit(doc[m.start : m.end], words):
            continue
        i = m.start
        if i < 2 or doc[i - 1].tag_ != "POS":
            continue
        owner = by_end.get(i - 1)
        if owner is None or owner.type not in _PARTY_TYPES or owner not in out:
            continue
        if doc[owner.start : owner.end].root.head.i not in range(m.start, m.end):
            continue  # "the PMF's" must own this unit, not a word beyond it
        out.remove(m)
        out.remove(owner)
        out.append(dataclasses.replace(owner, end=m.end, text=doc[owner.start : m.end].text))
    return out


def organ_spans(
    doc: Doc, organs: StateOrgans, occupied: set[int], bare_forces: bool = True
) -> Iterator[tuple[int, int]]:
    """(start, end) of each state organ the text names without its state:
    "government forces", "an army checkpoint", "security forces", "Police said".

    A definite head ("the army") is left to coreference, which knows the army
    the text named last; a phrase with an owner ("Sudan's army", "the rebel
    government", "opposition forces", "anti-government") is somebody else's.
    With ``bare_forces``, an unqualified "soldiers" or "troops" counts too.
    """
    taken = set(occupied)
    for tok in doc:
        if not bare_forces and tok.lower_ in organs.bare_force_heads:
            continue
        span = _organ_span(tok, organs, taken)
        if span is not None:
            taken.update(range(*span))
            yield span


def _organ_span(tok: Token, organs: StateOrgans, taken: set[int]) -> tuple[int, int] | None:
    if tok.i in taken or tok.pos_ not in ("NOUN", "PROPN", "ADJ") or _hyphenated(tok):
        return None
    low, head = tok.lower_, tok.head
    modifier = tok.dep_ in ("compound", "amod", "nmod") and head.i > tok.i
    if not modifier:
        bare = low in organs.words or low in organs.bare_force_heads
        if bare and tok.pos_ != "ADJ" and _bare(tok, organs, taken):
            return tok.i, tok.i + 1
        qualifier = _organ_qualifier(tok, organs, taken)
        if qualifier is not None:
            taken.add(qualifier.i)
            return tok.i, tok.i + 1
        return None
    if head.i in taken or head.pos_ not in ("NOUN", "PROPN") or _owned(head, organs, taken, tok):
        return None
    forceful = head.lower_ in organs.force_heads
    owns = forceful or head.lower_ in organs.organ_heads
    if low in organs.words and owns and not _owned(tok, organs, taken):
        # "government forces" is one mention; in "an army checkpoint" the army is
        return (tok.i, head.i + 1) if forceful else (tok.i, tok.i + 1)
    if low in organs.force_modifiers and forceful and head.i == tok.i + 1:
        return tok.i, head.i + 1  # "security forces"
    return None


def _hyphenated(tok: Token) -> bool:
    """'pro-government', 'government-held': part of a hyphenated word."""
    doc = tok.doc
    return (
        "-" in tok.text
        or (tok.i > 0 and doc[tok.i - 1].text == "-")
        or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-")
    )


def _owned(tok: Token, organs: StateOrgans, taken: set[int], skip: Token | None = None) -> bool:
    """A modifier, possessor or 'of' phrase names whose organ this is."""
    for c in tok.children:
        if c == skip:
            continue
        if c.dep_ in OWNER_DEPS:
            if c.dep_ == "poss" or c.lower_ in organs.not_state_modifiers or _hyphenated(c):
                return True
            if any(t.i in taken or t.pos_ == "PROPN" for t in c.subtree):
                return True
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            return True
    return False


def _bare(tok: Token, organs: StateOrgans, taken: set[int]) -> bool:
    """A head organ with no article ("Police said", "govt soldiers" as subject), no
    owner and no 'of'; "the army" is coreference's, "a government" nobody's, but
    "a soldier was killed" is the state's like "two soldiers"."""
    indefinite = tok.lower_ in organs.bare_force_heads
    for c in tok.children:
        if c.dep_ == "predet" or (
            c.dep_ == "det" and not (indefinite and c.lower_ in organs.indefinite_determiners)
        ):
            return False
    return not _owned(tok, organs, taken)


def _organ_qualifier(tok: Token, organs: StateOrgans, taken: set[int]) -> Token | None:
    """'an officer (assumed police)', 'two members, both army': the organ word that a
    parenthesis or apposition puts on a person noun with no owner of its own."""
    if tok.lower_ not in organs.qualified_heads or _owned(tok, organs, taken):
        return None
    for c in tok.children:
        if c.dep_ not in ("appos", "parataxis"):
            continue
        words = [t for t in c.subtree if t.lower_ in organs.words and t.i not in taken]
        if len(words) == 1 and not any(t.i in taken or t.pos_ == "PROPN" for t in c.subtree):
            return words[0]
    return None


def _outside_place_names(spans: list[Span], places: list[Span]) -> list[Span]:
    """Drop a person's or group's name found inside a longer place name."""
    return [
        s
        for s in spans
        if s.label_ not in _ACTOR_LABELS
        or not any(p.start <= s.start and s.end <= p.end and len(p) > len(s) for p in places)
    ]


def doc_text(span: Span) -> str:
    """The span's text without a trailing possessive."""
    return _name_of(span, None)  # type: ignore[arg-type]


def _strip_det(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return span.doc[start : span.end]


def _name_of(span: Span, lex: Lexicon) -> str:
    """The name to resolve: the surface form without article or trailing possessive."""
    span = _strip_det(span)
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return span.doc[span.start : end].text


def _proper_run_start(head: Token) -> int | None:
    """Start of the proper-noun run right before ``head`` ("al - Tanf garrison"), if any."""
    doc = head.doc
    i = head.i - 1
    # allow one lower-case noun between: "Hmeymim air base"
    if i >= 0 and doc[i].lower_ in ("air", "naval", "military", "army"):
        i -= 1
    start = None
    while i >= 0:
        t = doc[i]
        if (t.pos_ in ("PROPN", "ADJ") and t.text[:1].isupper() and t.i > 0) or (
            t.text == "-" and start is not None
        ):
            start = i
            i -= 1
            continue
        if t.lower_ in ("al", "el", "ash", "ad", "as", "ar", "an") and start is not None:
            start = i
            i -= 1
            continue
        break
    if start is not None and doc[start].text == "-":
        start += 1
    return start


@Language.factory("kg_actors")
def make_actor_finder(nlp: Language, name: str) -> ActorFinder:
    """The component starts empty; ``kg.extract.nlp`` gives it the dictionary."""
    return ActorFinder()
