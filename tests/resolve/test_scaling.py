"""Resolution work per name stays bounded as the number of entities grows."""

from __future__ import annotations

import itertools

from kg.model import EntityType
from kg.resolve.dictionary import load_dictionary
from kg.resolve.index import BlockingIndex, FormKind
from kg.resolve.resolver import Resolver

CONSONANTS = "bdfgklmnprstzj"
VOWELS = "aiou"


def synthetic_names(count: int) -> list[str]:
    """Distinct group names that differ in their consonants: "Liwa Badiko Ruzamo" ...

    (Names differing only in vowels are transliteration variants by design.)
    """
    words = [
        a + VOWELS[i % 4] + b + VOWELS[(i + 1) % 4] + c + VOWELS[(i + 2) % 4]
        for i, (a, b, c) in enumerate(itertools.product(CONSONANTS, repeat=3))
    ]
    pairs = itertools.product(words, words[::-1])
    return [f"Liwa {x.capitalize()} {y.capitalize()}" for x, y in itertools.islice(pairs, count)]


def vowel_variant(name: str) -> str:
    """The same name as another outlet might transliterate it (i->e, u->o, doubled a)."""
    return name.replace("i", "e").replace("u", "o").replace("a", "aa", 1)


def test_twenty_thousand_names_never_compare_all_pairs():
    names = synthetic_names(20_000)
    assert len(set(names)) == 20_000
    resolver = Resolver.from_dictionary(load_dictionary())
    index = resolver.index
    keys = [resolver.resolve(name, EntityType.ARMED_GROUP).key for name in names]
    assert len(set(keys)) == len(names), "distinct consonant frames stay distinct entities"

    # every 4th name comes back in another spelling: it joins its entity
    for name, key in zip(names[::4], keys[::4], strict=True):
        variant = vowel_variant(name)
        assert variant != name
        assert resolver.resolve(variant, EntityType.ARMED_GROUP).key == key, variant

    lookups = len(names) + len(names[::4])
    all_pairs = lookups * (len(names) - 1)
    assert 0 < index.comparisons <= lookups * index.max_candidates
    assert index.comparisons < all_pairs / 1000
    assert index.largest_candidate_set <= index.max_candidates


def test_a_crowded_block_returns_a_bounded_candidate_set():
    index = BlockingIndex(max_candidates=32)
    for n in range(2_000):  # 2,000 different entities all spelt "Liwa Bakar ..." alike
        index.add(f"group_{n}", "Liwa Bakar", FormKind.NAME, n)
        index.add(f"group_{n}", f"Liwa Bakar {n}", FormKind.ALIAS, n)
    assert len(index.same_skeleton("labakar")) <= 32
    scored = index.similar("Liwa Bakr")
    assert 0 < len(scored) <= 32
    assert index.comparisons <= 32


def test_suggestions_read_a_bounded_candidate_set():
    resolver = Resolver.from_dictionary(load_dictionary())
    for name in synthetic_names(5_000):
        resolver.resolve(name, EntityType.ARMED_GROUP)
    before = resolver.index.comparisons
    resolver.suggest("Liwa Badiko")  # shares the very common token "liwa" with all 5,000
    assert resolver.index.comparisons - before <= resolver.index.max_candidates
