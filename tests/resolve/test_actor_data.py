"""The shipped actor dictionary stays valid, reviewable and free of silent clashes."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from kg.model import EntityType
from kg.resolve.dictionary import builtin_files, load_dictionary
from kg.resolve.names import acronym_key, is_short_acronym, normalize
from kg.resolve.resolver import Resolver

TYPE_ORDER = [t.value for t in EntityType]


@pytest.fixture(scope="module")
def records():
    out = []
    for path in builtin_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                out.append((f"{path.name}:{number}", json.loads(line)))
    return out


@pytest.fixture(scope="module")
def dictionary():
    return load_dictionary()


def test_every_line_loads_with_a_valid_type(records, dictionary):
    assert len(dictionary) == len(records) >= 900
    assert all(r["type"] in TYPE_ORDER for _, r in records)


def test_one_entity_a_line_sorted_by_type_then_name(records):
    for path in builtin_files():
        rows = [r for where, r in records if where.startswith(path.name + ":")]
        order = [(TYPE_ORDER.index(r["type"]), r["name"].casefold()) for r in rows]
        assert order == sorted(order), f"{path.name} is not sorted by type then name"


def test_names_and_keys_are_unique(records, dictionary):
    names = [normalize(r["name"]) for _, r in records]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    keys = [e.key for e in dictionary]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+", k) for k in keys)


def test_no_alias_is_shared_by_two_entities_unless_documented(dictionary):
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in dictionary:
        for form in (*entry.forms(), *entry.demonyms):
            key = acronym_key(form) if is_short_acronym(form) else normalize(form)
            owners[key].add(entry.name)
    clashes = {
        form: names
        for form, names in owners.items()
        if len(names) > 1
        and not all(any(normalize(s) == form for s in dictionary.get(n).shared) for n in names)
        and not _capital_and_its_state(dictionary, names)
    }
    assert not clashes, f"aliases shared without a 'shared' note: {clashes}"


def _capital_and_its_state(dictionary, names: set[str]) -> bool:
    """A capital shares its name with the state it stands for ("Moscow"): documented
    by the city's ``metonym_for``."""
    if len(names) != 2:
        return False
    a, b = (dictionary.get(n) for n in names)
    return a.metonym_for == b.name or b.metonym_for == a.name


def test_wikidata_ids_are_well_formed_and_unique(dictionary):
    qids = [e.wikidata for e in dictionary if e.wikidata]
    assert all(re.fullmatch(r"Q[1-9][0-9]*", q) for q in qids)
    assert len(qids) == len(set(qids))


def test_references_name_entries_of_a_sensible_type(dictionary):
    resolver = Resolver.from_dictionary(dictionary)
    allowed = {
        "leads": {EntityType.STATE, EntityType.ARMED_GROUP, EntityType.ORGANIZATION},
        "located_in": {EntityType.PLACE, EntityType.STATE},
        "country": {EntityType.STATE},
        "operator": {EntityType.STATE, EntityType.ARMED_GROUP, EntityType.ORGANIZATION},
    }
    problems = []
    for entry in dictionary:
        for field, types in allowed.items():
            ref = getattr(entry, field)
            if ref is None:
                continue
            target = resolver.lookup(ref)
            if target is None or target.type not in types:
                problems.append(f"{entry.source}: {field} {ref!r} -> {target}")
    assert not problems, problems


def test_leads_only_on_people_and_located_in_only_on_places_and_bases(dictionary):
    for entry in dictionary:
        if entry.leads:
            assert entry.type is EntityType.PERSON, entry.source
        if entry.located_in:
            assert entry.type in (EntityType.PLACE, EntityType.BASE), entry.source


def test_every_un_member_state_is_covered(dictionary):
    states = [e for e in dictionary if e.type is EntityType.STATE]
    assert len(states) >= 193
    for name in ("Russia", "Syria", "Yemen", "Sudan", "Ukraine", "Libya", "Mali", "Niger"):
        assert dictionary.get(name).type is EntityType.STATE


def test_contested_capitals_are_places_not_government_metonyms(dictionary):
    resolver = Resolver.from_dictionary(dictionary)
    for city in ("Sanaa", "Tripoli", "Khartoum"):
        assert resolver.resolve(city).type is EntityType.PLACE
    for capital, state in (
        ("Moscow", "Russia"),
        ("Ankara", "Turkey"),
        ("Abu Dhabi", "United_Arab_Emirates"),
        ("Riyadh", "Saudi_Arabia"),
        ("Washington", "United_States"),
    ):
        assert resolver.resolve(capital).key == state
