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

import hashlib
import re
import threading
from collections.abc import Iterable

from kg.errors import InputError, UnknownEntityError
from kg.model import Entity, EntityType
from kg.resolve.dictionary import ActorDictionary, ActorEntry, load_dictionary
from kg.resolve.index import BlockingIndex, FormKind, Posting
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

__all__ = ["Resolver", "canonical_form", "compatible", "guess_type", "refine_type"]

_ACTORS = frozenset((EntityType.STATE, EntityType.ARMED_GROUP, EntityType.ORGANIZATION))
_GEO = frozenset((EntityType.BASE, EntityType.PLACE))

#: Words for a state's apparatus and office-holders: "<Russian|Russia's> <jets>",
#: "the Syrian president" act for the state (GUIDELINES.md: leaders acting for it).
STATE_APPARATUS = frozenset(
    (
        "forces",
        "armed forces",
        "army",
        "military",
        "troops",
        "soldiers",
        "jets",
        "warplanes",
        "fighter jets",
        "aircraft",
        "planes",
        "helicopters",
        "drones",
        "air force",
        "air forces",
        "navy",
        "naval forces",
        "marines",
        "government",
        "regime",
        "authorities",
        "administration",
        "officials",
        "leadership",
        "ministry",
        "defence ministry",
        "defense ministry",
        "ministry of defence",
        "ministry of defense",
        "foreign ministry",
        "interior ministry",
        "security forces",
        "special forces",
        "intelligence",
        "intelligence services",
        "artillery",
        "missiles",
        "warships",
        "coast guard",
        "border guards",
        "military police",
        "police",
        "ground forces",
        "air defences",
        "air defenses",
        "embassy",
        "diplomats",
        "state media",
        "government forces",
        "regime forces",
        "army units",
        "military forces",
        "police forces",
        "gendarmerie",
        "national guard",
        "presidential guard",
        "president",
        "prime minister",
        "premier",
        "foreign minister",
        "defence minister",
        "defense minister",
        "interior minister",
        "leader",
        "supreme leader",
        "king",
        "emir",
        "crown prince",
        "head of state",
        "delegation",
        "negotiators",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "commanders",
        "generals",
        "officers",
        "pilots",
        "state television",
        "state tv",
    )
)
#: Words for a group's members: "<Houthi|HTS> <fighters>" acts for the group.
GROUP_MEMBERS = frozenset(
    [
        "fighters",
        "militants",
        "rebels",
        "militia",
        "militias",
        "militiamen",
        "forces",
        "troops",
        "members",
        "insurgents",
        "gunmen",
        "jihadists",
        "units",
        "mercenaries",
        "operatives",
        "commanders",
        "leadership",
        "leaders",
        "extremists",
        "terrorists",
        "cells",
        "guerrillas",
        "combatants",
        "soldiers",
        "peacekeepers",
        "officials",
        "spokesman",
        "faction",
        "factions",
        "loyalists",
        "leader",
        "chief",
        "commander",
        "emir",
        "delegation",
        "negotiators",
        "spokesperson",
        "media office",
    ]
)
_TITLES = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "foreign",
        "defence",
        "defense",
        "interior",
        "supreme",
        "leader",
        "gen",
        "general",
        "lt",
        "lieutenant",
        "col",
        "colonel",
        "maj",
        "major",
        "field",
        "marshal",
        "brig",
        "brigadier",
        "commander",
        "chief",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sheikh",
        "shaykh",
        "sheik",
        "king",
        "queen",
        "prince",
        "crown",
        "emir",
        "ayatollah",
        "grand",
        "mullah",
        "imam",
        "chancellor",
        "secretary",
        "state",
        "premier",
        "sultan",
        "spokesman",
        "spokeswoman",
        "envoy",
        "ambassador",
        "sen",
        "senator",
        "rep",
        "admiral",
        "adm",
        "capt",
        "captain",
        "sgt",
        "sergeant",
        "former",
        "late",
        "self",
        "proclaimed",
        "de",
        "facto",
    ]
)
_STATE_PHRASES = frozenset(tuple(p.split()) for p in STATE_APPARATUS)
#: Head words that make an organisation an armed group, in English and in the
#: Arabic of faction names (jaish "army", liwa "brigade", kataib "battalions",
#: saraya "companies", faylaq "legion", firqa "division", tajammu "grouping").
_ARMED_WORDS = re.compile(
    r"\b(brigades?|battalions?|militias?|militiamen|regiment|legion|army|armed forces|"
    r"mujahideen|jaish|jaysh|jeish|liwa|alwiya|kataib|katibat?|saraya|faylaq|failaq|"
    r"firqat?|tajamm?u|quwat|jabhat|ansar|military council)\b"
)
#: Head words for an unseen name with no hint, tried in this order.
_GUESS = (
    (
        EntityType.BASE,
        re.compile(
            r"\b(air ?base|airbase|airfield|airport|air station|naval base|garrison|"
            r"military base|base|camp|barracks|outpost)\b"
        ),
    ),
    (
        EntityType.PLACE,
        re.compile(
            r"\b(governorate|province|oblast|district|city|town|village|region|"
            r"valley|mountains?|desert|countryside|neighbou?rhood|border|crossing)\b"
        ),
    ),
    (EntityType.ARMED_GROUP, _ARMED_WORDS),
    (
        EntityType.ORGANIZATION,
        re.compile(
            r"\b(ministry|agency|committee|commission|observatory|council|"
            r"union|organi[sz]ation|institute|foundation|network|news|company|bank|"
            r"university|association|office|red cross|red crescent|party|program+e|"
            r"society|centre|center|fund|charity|court|tribunal|mission)\b"
        ),
    ),
    (
        EntityType.ARMED_GROUP,
        re.compile(
            r"\b(front|forces|movement|division|guards?|corps|groups?|rebels|fighters|"
            r"militants|insurgents|jihadists|gunmen)\b"
        ),
    ),
)


def refine_type(name: str, hint: EntityType | None) -> EntityType:
    """The type of an unseen name: the hint, unless it is a vaguer guess.

    NER says ORG for armed groups and organisations alike, so an ORG-based
    hint yields to an armed head word ("Liwa ...", "... Brigade").
    """
    if hint is None:
        return guess_type(name)
    if hint is EntityType.ORGANIZATION and _ARMED_WORDS.search(normalize(name)):
        return EntityType.ARMED_GROUP
    return hint


#: "Turkish-backed", "U.S.-led", "Iran-aligned": a modifier naming a patron, not the group.
_COMPOUND_MODIFIER = re.compile(
    r"^[\w.'’]+-(?:backed|led|allied|aligned|linked|affiliated|supported|funded|trained|"
    r"armed|sponsored|controlled|dominated|majority|based|run|influenced|leaning)$",
    re.IGNORECASE,
)
#: Words that turn a name into its opposite or past: "anti-Hamas", "pro-Assad", "ex-FSA".
_NEGATING = frozenset(("pro", "anti", "non", "counter", "ex", "former", "rival", "breakaway"))
#: Words that relate a phrase to a name rather than describe it: "victims of ISIS".
_FUNCTION_WORDS = frozenset(
    [
        "of",
        "against",
        "by",
        "from",
        "with",
        "to",
        "for",
        "in",
        "on",
        "at",
        "near",
        "into",
        "over",
        "under",
        "between",
        "among",
        "and",
        "or",
        "but",
        "than",
        "as",
        "like",
        "loyal",
        "opposed",
        "close",
        "allied",
        "linked",
        "tied",
        "who",
        "which",
        "that",
        "whose",
    ]
)
#: Capitalised adjectives that describe rather than name a group.
_GROUP_ADJECTIVES = frozenset(
    (
        "Kurdish", "Arab", "Sunni", "Shia", "Shiite", "Shi'ite", "Druze", "Alawite",
        "Christian", "Islamist", "Jihadist", "Salafist", "Salafi", "Tuareg", "Fulani",
        "Turkmen", "Yazidi", "Assyrian", "Tribal", "Bedouin",
    )
)  # fmt: skip


def compatible(a: EntityType | None, b: EntityType | None) -> bool:
    """Could a name typed ``a`` and an entity typed ``b`` be the same thing?"""
    if a is None or b is None or a == b:
        return True
    return (a in _ACTORS and b in _ACTORS) or (a in _GEO and b in _GEO)


def guess_type(name: str) -> EntityType:
    """A type for an unseen name given without a hint, from its head words."""
    norm = normalize(name)
    for entity_type, pattern in _GUESS:
        if pattern.search(norm):
            return entity_type
    return EntityType.ARMED_GROUP


class Resolver:
    """Resolves surface names to entities; remembers new ones for later articles."""

    def __init__(self, dictionary: ActorDictionary | None = None) -> None:
        self.dictionary = dictionary if dictionary is not None else load_dictionary()
        self.index = BlockingIndex()
        self._lock = threading.RLock()
        self._entities: dict[str, Entity] = {}
        self._rank: dict[str, int] = {}
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
            surface = _clean_surface(name)
            if self._spelling_of(surface, found.key):
                self._remember_variant(found.key, surface)
            return self._entities[found.key]

    def lookup(self, name: str, type_hint: EntityType | None = None) -> Entity | None:
        """The known entity ``name`` stands for, or None (never creates)."""
        surface = _clean_surface(name)
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
        tokens = _words(surface)
        for size in range(len(tokens) - 1, 0, -1):
            if normalize(tokens[-size - 1]) not in _TITLES:
                continue
            key = self._match_direct(" ".join(tokens[-size:]), EntityType.PERSON)
            if key and self._entities[key].type is EntityType.PERSON:
                return key
        return None

    def _match_apparatus(self, surface: str) -> str | None:
        of_form = re.match(r"^(?:the\s+)?(.+?)\s+of\s+(?:the\s+)?(.+)$", surface, re.IGNORECASE)
        if of_form and tuple(normalize(of_form.group(1)).split()) in _STATE_PHRASES:
            # "the armed forces of Ukraine", "Military Forces of Russia Air Force"
            key = self._match_direct(of_form.group(2), None) or self._match_apparatus(
                of_form.group(2)
            )
            if key and self._entities[key].type is EntityType.STATE:
                return key
        tokens = _words(surface)
        lowered = [normalize(t) for t in tokens]
        for size in range(min(4, len(tokens) - 1), 0, -1):
            tail = tuple(w for w in lowered[-size:] if w)
            head = " ".join(tokens[:-size])
            if not head.strip() or not tail:
                continue
            phrase = " ".join(tail)
            is_state_word = tail in _STATE_PHRASES
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
        if _COMPOUND_MODIFIER.match(word):
            return True
        head = re.split(r"[-‐‑]", word)[0].lower()
        if (
            head in _NEGATING
            or head in _NAME_PARTICLES
            or head in _FUNCTION_WORDS
            or ("-" in word and word[:1].islower())
        ):
            return False
        # not demonyms: "Iraqi Hezbollah" is not Lebanese Hezbollah
        return word[:1].islower() or word in _GROUP_ADJECTIVES

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
        base = slugify(canonical) or _digest_key(canonical)
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
        surface = _clean_surface(name)
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


def canonical_form(name: str, hint: EntityType | None = None) -> str:
    """The name an unseen entity is labelled and keyed by.

    Leading "the", a trailing possessive and, for people, everything up to
    the last title ("Hezbollah commander Ali Karaki" -> "Ali Karaki") are
    dropped; an all-caps headline form is title-cased ("LIWA AL-QUDS" ->
    "Liwa al-Quds"), so the same name gets the same key however it is cased.
    """
    surface = _clean_surface(name)
    surface = re.sub(r"^(?:the)\s+", "", surface, flags=re.IGNORECASE)
    surface = re.sub(r"(?:['’]s|['’])$", "", surface).strip()
    words = surface.split()
    if hint is EntityType.PERSON:
        titles = [i for i, w in enumerate(words[:-1]) if normalize(w) in _TITLES]
        if titles and _looks_like_a_name(words[titles[-1] + 1 :]):
            words = words[titles[-1] + 1 :]
    if len(words) > 1 and all(w.isupper() for w in words if any(c.isalpha() for c in w)):
        words = [_title_word(w, first=(i == 0)) for i, w in enumerate(words)]
    return " ".join(words)


_NAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "abu",
        "umm",
        "de",
        "van",
        "von",
        "der",
        "da",
        "di",
        "la",
        "le",
    ]
)


def _looks_like_a_name(words: list[str]) -> bool:
    """ "Ali Karaki", "Abu Bakr al-Baghdadi"; not "for the Middle East", "Office Minister"."""
    if not words or not words[0][:1].isupper():
        return False
    for word in words:
        if normalize(word) in _TITLES:
            return False
        head = word.split("-")[0].lower()
        if not word[:1].isupper() and head not in _NAME_PARTICLES:
            return False
    return True


_LOWER_PARTICLES = frozenset(
    [
        "al",
        "el",
        "ash",
        "as",
        "ad",
        "ar",
        "at",
        "az",
        "an",
        "ad",
        "bin",
        "ibn",
        "wal",
        "of",
        "the",
        "and",
        "de",
        "du",
        "la",
        "le",
    ]
)


def _title_word(word: str, first: bool) -> str:
    if not re.search(r"[AEIOUY]", word):
        return word  # "DDG", "HTS": an acronym inside a shouted name keeps its case
    parts = word.split("-")
    out = []
    for i, part in enumerate(parts):
        lower = part.lower()
        if lower in _LOWER_PARTICLES and not (first and i == 0 and len(parts) == 1):
            out.append(lower)
        else:
            out.append(part[:1].upper() + part[1:].lower())
    return "-".join(out)


def _digest_key(name: str) -> str:
    """A stable ASCII key for a name with no Latin letters ("Київ", "هيئة ...")."""
    return "x" + hashlib.sha256(normalize(name).encode("utf-8")).hexdigest()[:16]


def _clean_surface(name: str) -> str:
    text = re.sub(r"\s+", " ", name or "").strip().strip(' "“”«»,;:')
    if text.count("(") != text.count(")"):
        text = text.strip("()[] ")
    return text


def _words(surface: str) -> list[str]:
    return [w for w in re.split(r"[\s\-‐‑–—]+", surface) if w]
