"""Geography frames (locatedIn, basedAt) on common news phrasings.

Sentences are written for these tests, from several conflicts (Libya, Syria,
Yemen, Ukraine, Sudan, Iraq, Mali); each case names the phrasing it covers.
"""

from __future__ import annotations

import pytest

CASES = [
    (
        "capital of",
        "Fighting spread to Mukalla, the capital of Hadramawt province, on Sunday.",
        ("Mukalla", "locatedIn", "Hadramawt Governorate"),
    ),
    (
        "capital of, Sudan",
        "Shelling hit Nyala, the capital of South Darfur state, overnight.",
        ("Nyala", "locatedIn", "South Darfur"),
    ),
    (
        "a town in Y province",
        "Russian troops shelled Kramatorsk, a city in Donetsk region, at dawn.",
        ("Kramatorsk", "locatedIn", "Donetsk Oblast"),
    ),
    (
        "base near a place",
        "Drones struck the Al-Anad air base near Aden on Monday.",
        ("Al-Anad air base", "locatedIn", "Aden"),
    ),
    (
        "home to a state's forces",
        "The Hmeimim air base, home to Russia's warplanes in Syria, was quiet.",
        ("Russia", "basedAt", "Hmeymim Air Base"),
    ),
    (
        "area of a province",
        "Turkish drones hit villages in the Tal Tamr area of northern Hasakah on Friday.",
        ("Tal Tamr", "locatedIn", "Hasakah"),
    ),
    (
        "possessive place names the airport",
        "Drones circled over Latakia's Hmeymim air base on Sunday.",
        ("Hmeymim Air Base", "locatedIn", "Latakia"),
    ),
    (
        "where troops were stationed",
        "RSF fighters seized Merowe air base, where Egyptian troops had been stationed.",
        ("Egypt", "basedAt", "Merowe Air Base"),
    ),
    (
        "base hosts troops",
        "Rockets hit Ain al-Asad air base, which hosts US troops, in western Iraq.",
        ("United States", "basedAt", "Ain al-Asad Air Base"),
    ),
    (
        "jets flying from a base",
        "Israeli jets flying from Ramat David air base struck targets near Damascus.",
        ("Israel", "basedAt", "Ramat David Airbase"),
    ),
    (
        "troops flown to a base",
        "Russian troops were flown to Kuweires airbase last week.",
        ("Russia", "basedAt", "Kuweires Air Base"),
    ),
    (
        "state-run base",
        "Drones attacked the Russian-run Hmeymim air base in Latakia province.",
        ("Russia", "basedAt", "Hmeymim Air Base"),
    ),
    (
        "a base outside a town",
        "Israeli missiles hit the Tiyas air base outside Homs overnight.",
        ("Tiyas Air Base", "locatedIn", "Homs"),
    ),
    (
        "an airfield south of a city",
        "Wagner fighters withdrew to the Jufra air base south of Sirte.",
        ("al-Jufra Air Base", "locatedIn", "Sirte"),
    ),
    (
        "a state's forces at a base",
        "Turkey's forces at al-Watiya air base were put on alert.",
        ("Turkey", "basedAt", "al-Watiya Air Base"),
    ),
    (
        "a town in a region's north",
        "Clashes erupted in Saraqeb, a town in Idlib's east, on Thursday.",
        ("Saraqib", "locatedIn", "Idlib"),
    ),
    (
        "base home to a state's troops",
        "Tartus naval base, home to Russia's Mediterranean flotilla, lies on the coast.",
        ("Russia", "basedAt", "Tartus naval base"),
    ),
    (
        "a state keeps forces at a base",
        "Russia keeps long-range bombers at the Olenya air base outside Murmansk.",
        ("Russia", "basedAt", "Olenya Air Base"),
    ),
]


@pytest.mark.parametrize(("family", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_geography_frame(extract_text, family, text, expected):
    found = extract_text(text)
    assert expected in found.triples, (family, sorted(found.triples))


def test_unrelated_capital_does_not_locate(extract_text):
    """'the capital' without a place after it says nothing about location."""
    found = extract_text("Houthi fighters marched on the capital, officials in Aden said.")
    assert not {t for t in found.triples if t[1] == "locatedIn"}


def test_flying_from_a_place_is_not_a_base(extract_text):
    """basedAt needs a base: drones flying from a region base nobody there."""
    found = extract_text("Ukrainian drones flying from Sumy region struck a depot in Kursk.")
    assert not {t for t in found.triples if t[1] == "basedAt"}, sorted(found.triples)


def test_possessive_owner_is_not_a_location(extract_text):
    """'Russia's Hmeymim base' names its operator, not where it lies."""
    found = extract_text("Russia's Hmeymim air base came under drone attack.")
    assert ("Russia", "basedAt", "Hmeymim Air Base") in found.triples
    assert not {t for t in found.triples if t[1] == "locatedIn"}, sorted(found.triples)
