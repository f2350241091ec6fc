"""The actor dictionary: known states, groups, people, bases and places, as data.

Why data: coverage grows by reviewing JSONL lines, not by editing code.
The built-in files are ``kg/data/actors*.jsonl`` (one entity a line, sorted
by type then name); users add their own files (``--actors FILE`` or
``KG_ACTORS``). A user line whose ``name`` matches an existing entry (after
normalisation) adds its aliases, demonyms and forces to that entry and
overrides the scalar fields it gives; any other line adds a new entity.

Fields (see docs/DESIGN.md): ``name`` and ``type`` (State, ArmedGroup,
Organization, Person, Base, Place) are required for a new entity;
optional ``aliases``, ``demonyms`` ("Russian", standing for the actor),
``forces`` (state forces and agencies that act for it: "VKS", "CIA"),
``wikidata`` (QID), ``key`` (IRI slug override), ``leads`` (a person's
state or group), ``located_in``, ``country``, ``operator`` (a base's user),
``metonym_for`` (a capital's state: "Moscow denied" is Russia, "strikes on
Moscow" the city), ``shared`` (aliases knowingly shared with another entry, e.g. a city named
like its province) and ``note`` (a reviewer's note on a judgement call).

Judgement calls recorded in the data's ``note`` fields include: state
forces, intelligence services and military branches (IRGC and its Quds
Force, Syrian Arab Army, SAF, Tatmadaw) are ``forces`` of their state,
following GUIDELINES.md ("a country or its government, armed forces");
capitals are metonyms for a government only where that government sits
there (not "Sanaa" for Yemen, "Tripoli" for Libya or "Khartoum" for Sudan).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import Entity, EntityType
from kg.resolve.names import is_acronym, normalize, slugify

__all__ = ["DATA_DIR", "ActorDictionary", "ActorEntry", "builtin_files", "load_dictionary"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

_QID = re.compile(r"^Q[1-9][0-9]*$")
_KEY = re.compile(r"^[A-Za-z0-9_.-]+$")
_LIST_FIELDS = ("aliases", "demonyms", "forces", "shared")
_TEXT_FIELDS = (
    "wikidata",
    "key",
    "leads",
    "located_in",
    "country",
    "operator",
    "metonym_for",
    "note",
)
_KNOWN_FIELDS = frozenset(("name", "type", *_LIST_FIELDS, *_TEXT_FIELDS))


@dataclass(frozen=True)
class ActorEntry:
    """One entity of the dictionary, after merging user files."""

    name: str
    type: EntityType
    key: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    forces: tuple[str, ...] = ()
    wikidata: str | None = None
    leads: str | None = None
    located_in: str | None = None
    country: str | None = None
    operator: str | None = None
    #: a city that also stands for a state ("Moscow denied" = Russia); the
    #: extractor picks the reading by the mention's syntactic role
    metonym_for: str | None = None
    shared: tuple[str, ...] = ()
    note: str | None = None
    source: str = ""

    def forms(self) -> tuple[str, ...]:
        """Every surface form that names this entity outright (no demonyms)."""
        return _unique((self.name, *self.aliases, *self.forces))

    def to_entity(self) -> Entity:
        aliases = tuple(f for f in self.forms() if f != self.name)
        return Entity(self.key, self.name, self.type, aliases, self.wikidata)


@dataclass(frozen=True)
class ActorDictionary:
    """All entries, in file order, with look-ups by name and by key."""

    entries: tuple[ActorEntry, ...]
    _by_norm: dict[str, ActorEntry] = field(init=False, repr=False, compare=False)
    _by_key: dict[str, ActorEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_norm", {normalize(e.name): e for e in self.entries})
        object.__setattr__(self, "_by_key", {e.key: e for e in self.entries})

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, name: str) -> ActorEntry | None:
        """The entry whose canonical name is ``name`` (normalised comparison)."""
        return self._by_norm.get(normalize(name))

    def by_key(self, key: str) -> ActorEntry | None:
        return self._by_key.get(key)

    def ruler_patterns(
        self,
        tokenize: Callable[[str], Sequence[str]] | None = None,
        demonym_label: str | None = "DEMONYM",
    ) -> list[dict[str, Any]]:
        """spaCy EntityRuler patterns: label = entity type, id = entity key.

        Names and aliases match case-insensitively but never an all-lower-case
        single word ("Turkey", not "turkey"); acronyms match their exact
        case ("IS" never matches "is"; "ISIS" also as "Isis"). Pass the
        pipeline's tokenizer as ``tokenize`` (e.g. ``lambda s: [t.text for t
        in nlp.make_doc(s)]``) so patterns split like the text does; without
        it a close imitation of spaCy's English tokenizer is used.
        Demonyms get ``demonym_label`` (None leaves them out).
        """
        split = tokenize or _approx_tokens
        patterns: list[dict[str, Any]] = []
        seen: set[tuple[str, str, str]] = set()

        def add(label: str, key: str, pattern: list[dict[str, Any]]) -> None:
            marker = (label, key, json.dumps(pattern, sort_keys=True))
            if marker not in seen:
                seen.add(marker)
                patterns.append({"label": label, "pattern": pattern, "id": key})

        for entry in self.entries:
            label = entry.type.value
            for form in entry.forms():
                form = _strip_the(form)
                tokens = list(split(form))
                if not tokens:
                    continue
                if is_acronym(form):
                    add(label, entry.key, [{"ORTH": t} for t in tokens])
                    if len(form.replace(".", "")) > 3 and "." not in form:
                        add(label, entry.key, [{"ORTH": form.capitalize()}])
                    continue
                add(label, entry.key, _lower_pattern(tokens))
            if demonym_label:
                for demonym in entry.demonyms:
                    tokens = list(split(demonym))
                    if tokens:
                        add(demonym_label, entry.key, _lower_pattern(tokens))
        return patterns


def builtin_files() -> tuple[Path, ...]:
    """The shipped dictionary files, in load order."""
    return tuple(sorted(DATA_DIR.glob("actors*.jsonl")))


def load_dictionary(extra_files: Iterable[str | Path] = ()) -> ActorDictionary:
    """The built-in dictionary extended by ``extra_files`` (later files win)."""
    entries = list(_builtin_entries())
    for path in extra_files:
        entries = _merge(entries, _read_file(Path(path)))
    _check_keys(entries)
    return ActorDictionary(tuple(entries))


def _check_keys(entries: list[ActorEntry]) -> None:
    """Two entities with one key would share an IRI: refuse, naming both lines."""
    owner: dict[str, ActorEntry] = {}
    for entry in entries:
        other = owner.setdefault(entry.key, entry)
        if other is not entry:
            raise InputError(
                entry.source,
                f"key {entry.key!r} of {entry.name!r} is already used by "
                f"{other.name!r} ({other.source}); set a different 'key'",
            )


@lru_cache(maxsize=1)
def _builtin_entries() -> tuple[ActorEntry, ...]:
    entries: list[ActorEntry] = []
    for path in builtin_files():
        entries = _merge(entries, _read_file(path))
    return tuple(entries)


def _read_file(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """Raw, checked records of one JSONL file, each with its "file:line"."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError(str(path), "actor file not found") from exc
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"actor file is not UTF-8 ({exc.reason})") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot read actor file ({exc.strerror})") from exc
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"not valid JSON ({exc.msg})") from exc
        records.append((where, _checked(where, record)))
    return records


def _checked(where: str, record: object) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise InputError(where, "expected a JSON object with at least a 'name'")
    unknown = sorted(set(record) - _KNOWN_FIELDS)
    if unknown:
        raise InputError(where, f"unknown field(s) {', '.join(unknown)}")
    name = record.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InputError(where, "'name' must be a non-empty string")
    if "type" in record:
        valid = [t.value for t in EntityType]
        if record["type"] not in valid:
            raise InputError(where, f"type {record['type']!r} is not one of {', '.join(valid)}")
    for list_field in _LIST_FIELDS:
        value = record.get(list_field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise InputError(where, f"'{list_field}' must be a list of non-empty strings")
    for text_field in _TEXT_FIELDS:
        value = record.get(text_field)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise InputError(where, f"'{text_field}' must be a non-empty string")
    if record.get("wikidata") and not _QID.match(record["wikidata"]):
        raise InputError(where, f"wikidata {record['wikidata']!r} is not a QID like 'Q159'")
    if record.get("key") and not _KEY.match(record["key"]):
        raise InputError(where, f"key {record['key']!r} may only use A-Z a-z 0-9 _ . -")
    return record


def _merge(
    entries: list[ActorEntry], records: list[tuple[str, dict[str, Any]]]
) -> list[ActorEntry]:
    """Apply records to entries: same normalised name extends, new name appends."""
    position = {normalize(e.name): i for i, e in enumerate(entries)}
    for where, record in records:
        norm = normalize(record["name"])
        if norm in position:
            index = position[norm]
            entries[index] = _extended(entries[index], record, where)
            continue
        if "type" not in record:
            raise InputError(
                where, f"new actor {record['name']!r} needs a 'type' (no entry has this name)"
            )
        key = record.get("key") or slugify(record["name"])
        if not key:
            raise InputError(where, f"cannot make an ASCII key from {record['name']!r}; add 'key'")
        entries.append(
            ActorEntry(
                name=record["name"].strip(),
                type=EntityType(record["type"]),
                key=key,
                aliases=_unique(record.get("aliases", [])),
                demonyms=_unique(record.get("demonyms", [])),
                forces=_unique(record.get("forces", [])),
                wikidata=record.get("wikidata"),
                leads=record.get("leads"),
                located_in=record.get("located_in"),
                country=record.get("country"),
                operator=record.get("operator"),
                metonym_for=record.get("metonym_for"),
                shared=_unique(record.get("shared", [])),
                note=record.get("note"),
                source=where,
            )
        )
        position[norm] = len(entries) - 1
    return entries


def _extended(entry: ActorEntry, record: dict[str, Any], where: str) -> ActorEntry:
    changes: dict[str, Any] = {
        f: _unique((*getattr(entry, f), *record.get(f, []))) for f in _LIST_FIELDS
    }
    changes.update({f: record[f] for f in _TEXT_FIELDS if record.get(f)})
    if "type" in record:
        changes["type"] = EntityType(record["type"])
    changes["source"] = f"{entry.source}; {where}"
    return replace(entry, **changes)


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        value = value.strip()
        if value and value not in out:
            out.append(value)
    return tuple(out)


def _strip_the(form: str) -> str:
    return form[4:] if form.lower().startswith("the ") else form


def _lower_pattern(tokens: list[str]) -> list[dict[str, Any]]:
    if len(tokens) == 1:
        return [{"LOWER": tokens[0].lower(), "IS_LOWER": False}]
    return [{"LOWER": t.lower()} for t in tokens]


_APPROX_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’]\w+)*|[^\w\s]")


def _approx_tokens(text: str) -> list[str]:
    """Close to spaCy's English tokenizer for names: hyphens and "'s" split off."""
    tokens: list[str] = []
    for token in _APPROX_TOKEN.findall(text):
        if token.lower().endswith(("'s", "’s")) and len(token) > 2:
            tokens.extend((token[:-2], token[-2:]))
        else:
            tokens.append(token)
    return tokens
