"""Mention names -> one ``Entity`` per real-world actor, with a stable key.

Why: "ISIS", "Isis", "Islamic State" and "Daesh", or "Khmeimim" and
"Hmeymim", must become one node, in this article and the next, on any
machine. The resolver tries, in order, and stops at the first hit:

1. the exact acronym ("IS", "U.S.": case-sensitive, so never "is"/"us");
2. the normalised form of any name, alias, force or demonym;
3. a qualified name: "Islamic State (Yemen)", "HTS: Hayat Tahrir al Sham";
4. the thing after a possessive: "Lebanon's Hezbollah";
5. a person behind a title: "Hezbollah leader Hassan Nasrallah";
6. a state, group or leader followed by an apparatus noun ("Russian jets",
   "Houthi fighters", "Russia's defence ministry", "Haftar's forces",
   "the armed forces of Ukraine");
7. a known name behind descriptive modifiers ("U.S.-backed SDF");
8. a transliteration skeleton, guarded by length, type and similarity;
9. an unlisted acronym spelling exactly one known name ("SBAH").

An unseen name becomes a new entity keyed by its own slug and is indexed,
so its later variants resolve to it. Every step is a dict look-up in the
``BlockingIndex``; nothing scans all entities.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from kg.errors import InputError, UnknownEntityError
from kg.model import Entity, EntityType
from kg.resolve.canonical import canonical_form, clean_surface, digest_key, split_words
from kg.resolve.dictionary import ActorDictionary, ActorEntry, load_dictionary
from kg.resolve.index import BlockingIndex, FormKind, Posting
from kg.resolve.kinds import compatible, refine_type
from kg.resolve.names import (
    MIN_SKELETON,
    acronym_key,
    consonants,
    is_acronym,
    is_short_acronym,
    normalize,
    skeleton,
    slugify,
)
from kg.resolve.words import (
    COMPOUND_MODIFIER,
    DIGITS,
    FUNCTION_WORDS,
    GROUP_ADJECTIVES,
    GROUP_MEMBERS,
    NAME_PARTICLES,
    NEGATING,
    STATE_PHRASES,
    TITLES,
)

__all__ = ["Resolver"]


class Resolver:
    """Resolves surface names to entities; remembers new ones for later articles."""

    def __init__(self, dictionary: ActorDictionary | None = None) -> None:
        self.dictionary = dictionary if dictionary is not None else load_dictionary()
        self.index = BlockingIndex()
        self._lock = threading.RLock()
        self._entities: dict[str, Entity] = {}
        self._rank: dict[str, int] = {}
        #: keys of cities that also stand for a state (``metonym_for``)
        self._metonyms = frozenset(e.key for e in self.dictionary if e.metonym_for)
        for entry in self.dictionary:
            self._add_entry(entry)

    @classmethod
    def from_dictionary(cls, dictionary: ActorDictionary) -> Resolver:
        return cls(dictionary)

    # --- public surface -------------------------------------------------

    def resolve(self, name: str, type_hint: EntityType | None = None) -> Entity:
        """The entity ``name`` stands for; an unseen name becomes a new entity."""
        with self._lock:  # the API may resolve from several threads
            found = self.lookup(name, type_hint)
            if found is None:
                return self._create(name, type_hint)
            surface = clean_surface(name)
            if self._spelling_of(surface, found.key):
                self._remember_variant(found.key, surface)
            return self._entities[found.key]

    def lookup(self, name: str, type_hint: EntityType | None = None) -> Entity | None:
        """The known entity ``name`` stands for, or None (never creates)."""
        surface = clean_surface(name)
        if not surface:
            raise InputError(repr(name), "empty actor name")
        if not normalize(surface):
            raise InputError(repr(name), "actor name has no letters or digits")
        key = self._match(surface, type_hint)
        return self._entities[key] if key else None

    def require(self, name: str, type_hint: EntityType | None = None) -> Entity:
        """Like ``lookup`` but an unknown name raises ``UnknownEntityError`` with suggestions."""
        found = self.lookup(name, type_hint)
        if found is None:
            raise UnknownEntityError(name, self.suggest(name))
        return found

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Up to ``n`` canonical names close to ``name`` ("did you mean ...")."""
        out: list[str] = []
        for _score, posting in self.index.similar(name, cutoff=60):
            label = self._entities[posting.key].name
            if label not in out:
                out.append(label)
            if len(out) == n:
                break
        return out

    def add_known(self, entities: Iterable[Entity]) -> None:
        """Load entities already in a store, so resolution holds across runs."""
        with self._lock:
            for entity in entities:
                if entity.key in self._entities:
                    for alias in (entity.name, *entity.aliases):
                        self._remember_variant(entity.key, alias)
                    continue
                self._register(entity)

    def entity(self, key: str) -> Entity:
        return self._entities[key]

    def entry(self, key: str) -> ActorEntry | None:
        """The dictionary entry behind an entity key (None for learned entities)."""
        return self.dictionary.by_key(key)

    def entities(self) -> list[Entity]:
        """Every entity known so far, in a stable order (dictionary, then learned)."""
        return sorted(self._entities.values(), key=lambda e: (self._rank[e.key], e.key))

    def __contains__(self, key: object) -> bool:
        return key in self._entities

    # --- matching -------------------------------------------------------

    def _spelling_of(self, surface: str, key: str) -> bool:
        """Is ``surface`` another spelling of the name (not a phrase about it)?"""
        if is_acronym(surface):
            return True
        return any(p.key == key for p in self.index.exact(normalize(surface))) or any(
            p.key == key for p in self.index.same_skeleton(skeleton(surface))
        )

    def _match(self, surface: str, hint: EntityType | None) -> str | None:
        direct = self._match_direct(surface, hint)
        if direct:
            return direct
        norm = normalize(surface)
        return (
            self._match_qualified(surface, hint)
            or self._match_owned(surface, hint)
            or self._match_titled_person(surface)
            or self._match_apparatus(surface)
            or self._match_modified(surface, hint)
            or self._match_skeleton(surface, norm, hint)
            or self._match_initials(surface, hint)
        )

    def _match_direct(self, surface: str, hint: EntityType | None) -> str | None:
        if is_acronym(surface):
            hits = self.index.acronym(surface)
            if hits:
                return self._pick(hits, hint)
            if is_short_acronym(surface):
                return None
        norm = normalize(surface)
        if not norm:
            return None
        hits = self.index.exact(norm)
        return self._pick(hits, hint) if hits else None

    def _match_qualified(self, surface: str, hint: EntityType | None) -> str | None:
        """Names carrying a qualifier: "Islamic State (Iraq)", "HTS: Hayat Tahrir al Sham".

        With a parenthesis, a named unit after it wins ("Military Forces of
        Libya (2016-) Government of National Accord" is the GNA), then the
        name without it; with "ACRONYM: Name", the name, then the acronym.
        """
        if re.search(r"\band/or\b", surface):
            return None  # "Taliban and/or Islamic State": not one actor
        paren = re.match(r"^(.*?)\s*\(([^()]*)\)\s*(.*)$", surface)
        if paren:
            before, inside, after = (g.strip() for g in paren.groups())
            candidates = [after, f"{before} {after}".strip()]
            if inside and not re.search(r"\d", inside):
                # "Islamic State (West Africa)" is the West Africa branch if one is known
                candidates[1:1] = [f"{before} in {inside}", f"{before} {inside}"]
            for candidate in (*candidates, before):
                if candidate:
                    key = self._match(candidate, hint)
                    if key:
                        return key
            return None
        colon = re.match(r"^([^:]{1,40}):\s+(.+)$", surface)
        if colon:
            return self._match(colon.group(2), hint) or self._match_direct(colon.group(1), hint)
        return None

    def _match_owned(self, surface: str, hint: EntityType | None) -> str | None:
        """ "Lebanon's Hezbollah", "Russia's Wagner Group": the named thing after the possessive."""
        parts = re.split(r"['’]s\s+", surface, maxsplit=1)
        if len(parts) != 2 or not parts[0].strip():
            return None
        return self._match_direct(parts[1], hint)

    def _match_titled_person(self, surface: str) -> str | None:
        """ "Syrian President Bashar al-Assad", "Hezbollah leader Hassan Nasrallah"."""
        tokens = split_words(surface)
        for size in range(len(tokens) - 1, 0, -1):
            if normalize(tokens[-size - 1]) not in TITLES:
                continue
            key = self._match_direct(" ".join(tokens[-size:]), EntityType.PERSON)
            if key and self._entities[key].type is EntityType.PERSON:
                return key
        return None

    def _match_apparatus(self, surface: str) -> str | None:
        of_form = re.match(r"^(?:the\s+)?(.+?)\s+of\s+(?:the\s+)?(.+)$", surface, re.IGNORECASE)
        if of_form and tuple(normalize(of_form.group(1)).split()) in STATE_PHRASES:
            # "the armed forces of Ukraine", "Military Forces of Russia Air Force"
            key = self._match_direct(of_form.group(2), None) or self._match_apparatus(
                of_form.group(2)
            )
            if key and self._entities[key].type is EntityType.STATE:
                return key
        tokens = split_words(surface)
        lowered = [normalize(t) for t in tokens]
        for size in range(min(4, len(tokens) - 1), 0, -1):
            tail = tuple(w for w in lowered[-size:] if w)
            head = " ".join(tokens[:-size])
            if not head.strip() or not tail:
                continue
            phrase = " ".join(tail)
            is_state_word = tail in STATE_PHRASES
            is_group_word = phrase in GROUP_MEMBERS
            if not (is_state_word or is_group_word):
                continue
            key = self._match_direct(head, None)
            if key and self._entities[key].type is EntityType.PERSON:
                key = self._led_by(key)  # "Putin's forces", "Haftar's fighters"
            if not key:
                continue
            kind = self._entities[key].type
            if is_state_word and kind is EntityType.STATE:
                return key
            if is_group_word and kind in (EntityType.ARMED_GROUP, EntityType.ORGANIZATION):
                return key
        return None

    def _match_modified(self, surface: str, hint: EntityType | None) -> str | None:
        """A known name behind descriptive modifiers.

        "U.S.-backed Syrian Democratic Forces", "the jihadist group Hayat
        Tahrir al-Sham", "the Iran-backed Houthi rebels". Only modifiers are
        skipped (lower-case words, "X-backed"-style compounds, "Kurdish"...); the
        rest must name an entity outright, so "Turkish-backed rebels" stays
        unresolved (a generic group) and "anti-Hamas" is never Hamas.
        """
        tokens = surface.split()
        for i in range(1, len(tokens)):
            word = tokens[i - 1]
            if not self._is_modifier(word):
                return None
            rest = " ".join(tokens[i:])
            key = self._match_direct(rest, hint) or self._match_apparatus(rest)
            if key:
                return key
        return None

    def _is_modifier(self, word: str) -> bool:
        if COMPOUND_MODIFIER.match(word):
            return True
        head = re.split(r"[-‐‑]", word)[0].lower()
        if (
            head in NEGATING
            or head in NAME_PARTICLES
            or head in FUNCTION_WORDS
            or ("-" in word and word[:1].islower())
        ):
            return False
        # not demonyms: "Iraqi Hezbollah" is not Lebanese Hezbollah
        return word[:1].islower() or word in GROUP_ADJECTIVES

    def _match_skeleton(self, surface: str, norm: str, hint: EntityType | None) -> str | None:
        if is_acronym(surface):
            return None
        skel = skeleton(surface)
        size = consonants(skel)
        if size < MIN_SKELETON:
            return None  # "Homs", "Kyiv": too short to merge on spelling alone
        best: tuple[float, Posting] | None = None
        for posting in self.index.same_skeleton(skel):
            entity_type = self._entities[posting.key].type
            if not compatible(hint, entity_type) or posting.kind is FormKind.DEMONYM:
                continue
            if DIGITS.findall(norm) != DIGITS.findall(posting.norm):
                continue  # "Division 13" is never "Division 31"
            if size == MIN_SKELETON:
                if min(len(norm), len(posting.norm)) < 5:
                    continue
                needed = 80.0  # three consonants: only near-identical spellings
            else:
                needed = 60.0
            score = self.index.ratio(norm, posting.norm)
            if score >= needed and (best is None or score > best[0]):
                best = (score, posting)
        return best[1].key if best else None

    def _match_initials(self, surface: str, hint: EntityType | None) -> str | None:
        """An unlisted acronym that spells one known name: "SBAH" after "State Board of ..."."""
        if not is_acronym(surface) or len(acronym_key(surface)) < 3:
            return None
        keys = {p.key for p in self.index.by_initials(acronym_key(surface))}
        keys = {k for k in keys if compatible(hint, self._entities[k].type)}
        return keys.pop() if len(keys) == 1 else None

    def _pick(self, hits: list[Posting], hint: EntityType | None) -> str:
        def order(p: Posting) -> tuple[int, int, int, str]:
            entity_type = self._entities[p.key].type
            fit = (
                0
                if hint is None or hint == entity_type
                else 1
                if compatible(hint, entity_type)
                else 2
            )
            if hint is None and p.key in self._metonyms:
                fit = 1  # "Moscow" alone is Russia; the extractor asks for the city by type
            return (fit, int(p.kind), p.rank, p.key)

        return min(hits, key=order).key

    def _led_by(self, person_key: str) -> str | None:
        """The state or group a dictionary person leads, if any."""
        entry = self.dictionary.by_key(person_key)
        if entry is None or not entry.leads:
            return None
        return self._match_direct(entry.leads, None)

    def _is_demonym(self, token: str) -> bool:
        return any(p.kind is FormKind.DEMONYM for p in self.index.exact(normalize(token)))

    # --- registering ----------------------------------------------------

    def _add_entry(self, entry: ActorEntry) -> None:
        if entry.key in self._entities:
            raise InputError(entry.source, f"key {entry.key!r} is used by two entries")
        self._entities[entry.key] = entry.to_entity()
        rank = len(self._rank)
        self._rank[entry.key] = rank
        self.index.add(entry.key, entry.name, FormKind.NAME, rank)
        for alias in entry.aliases:
            self.index.add(entry.key, alias, FormKind.ALIAS, rank)
        for force in entry.forces:
            self.index.add(entry.key, force, FormKind.FORCE, rank)
        for demonym in entry.demonyms:
            self.index.add(entry.key, demonym, FormKind.DEMONYM, rank)

    def _register(self, entity: Entity) -> None:
        self._entities[entity.key] = entity
        rank = len(self._rank)
        self._rank[entity.key] = rank
        self.index.add(entity.key, entity.name, FormKind.NAME, rank)
        for alias in entity.aliases:
            self.index.add(entity.key, alias, FormKind.ALIAS, rank)

    def _create(self, name: str, hint: EntityType | None) -> Entity:
        canonical = canonical_form(name, hint)
        entity_type = refine_type(canonical, hint)
        base = slugify(canonical) or digest_key(canonical)
        key = base
        n = 1
        while key in self._entities:  # a different entity already owns this slug
            key = f"{base}_{entity_type.value}" + (f"_{n}" if n > 1 else "")
            n += 1
        entity = Entity(key, canonical, entity_type)
        self._register(entity)
        self._remember_variant(key, name)
        return self._entities[key]

    def _remember_variant(self, key: str, name: str) -> None:
        """Index a new spelling of a learned entity and keep it as an alias."""
        surface = clean_surface(name)
        entity = self._entities[key]
        if not surface or surface == entity.name or surface in entity.aliases:
            return
        if self.dictionary.by_key(key) is not None:
            return  # dictionary entries keep their reviewed aliases
        if normalize(surface) == normalize(entity.name) and not is_acronym(surface):
            return
        self._entities[key] = Entity(
            entity.key,
            entity.name,
            entity.type,
            (*entity.aliases, surface),
            entity.wikidata,
            entity.group_of,
        )
        self.index.add(key, surface, FormKind.ALIAS, self._rank[key])
