"""Entity finding and typing: weapons are never actors, capitals read by role,
lone generic words name nobody, unknown names typed by their context."""

from __future__ import annotations

import pytest

from kg.model import EntityType


def mentions(nlp, text: str) -> list[tuple[str, str, EntityType]]:
    """(surface text, name asked of the resolver, type) of each mention."""
    doc = nlp(text)
    return [(m.text, m.name, m.type) for m in doc._.kg_mentions]


@pytest.mark.parametrize(
    "text",
    [
        "A Wing Loong drone struck a convoy of the Libyan National Army near Sirte.",
        "Russian forces launched Shahed drones and Kalibr cruise missiles at Odesa overnight.",
        "Ukraine fired HIMARS rockets and ATACMS missiles at a Russian depot in Melitopol.",
        "Two Su-24 bombers and a Mirage jet were seen over Idlib province.",
    ],
)
def test_weapons_are_never_entities(nlp, text) -> None:
    weapons = ("Wing Loong", "Shahed", "Kalibr", "HIMARS", "ATACMS", "Su-24", "Mirage")
    for surface, name, _kind in mentions(nlp, text):
        assert not any(w in name for w in weapons), (surface, name, text)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Turkish Bayraktar drones struck Wagner positions near Sirte.", "Turkey"),
        ("Emirati Mirage fighters bombed the town of Gharyan.", "United Arab Emirates"),
        ("Russian Su-34 jets bombed the village of Kafr Nabl in Idlib.", "Russia"),
    ],
)
def test_demonym_with_a_weapon_is_the_state_acting(extract_text, text, state) -> None:
    found = extract_text(text)
    assert any(s == state and p == "targets" for s, p, _o in found.triples), found.triples
    names = {e.name for e in found.extraction.entities}
    assert not any(n.startswith(("Turkish", "Emirati", "Russian")) for n in names), names


def test_capital_struck_is_the_city(extract_text) -> None:
    found = extract_text("Russian missiles struck central Kyiv early on Monday, officials said.")
    assert ("Russia", "targets", "Kyiv") in found.triples, found.triples
    assert found.extraction.entity("Kyiv").type is EntityType.PLACE


@pytest.mark.parametrize(
    ("text", "surface", "name", "kind"),
    [
        ("Kyiv accused Moscow of shelling the Zaporizhzhia plant.", "Kyiv", "Ukraine", "State"),
        ("Kyiv accused Moscow of shelling the Zaporizhzhia plant.", "Moscow", "Russia", "State"),
        ("Tehran has armed the Houthis for years.", "Tehran", "Iran", "State"),
        ("The junta in Niamey expelled French troops.", "Niamey", "Niamey", "Place"),
        (
            "Jihadists attacked a checkpoint on the outskirts of Bamako.",
            "Bamako",
            "Bamako",
            "Place",
        ),
        ("Israeli jets struck targets in Damascus on Sunday.", "Damascus", "Damascus", "Place"),
        ("Militias loyal to Tehran shelled the base.", "Tehran", "Iran", "State"),
    ],
)
def test_capital_is_read_by_its_role(nlp, text, surface, name, kind) -> None:
    found = [(n, k) for s, n, k in mentions(nlp, text) if s == surface]
    assert found == [(name, EntityType(kind))], mentions(nlp, text)


def test_capital_backed_is_the_state(extract_text) -> None:
    found = extract_text("Moscow-backed militias shelled the town of Avdiivka.")
    backers = {s for s, p, _o in found.triples if p == "backs"}
    assert backers == {"Russia"}, found.triples


@pytest.mark.parametrize(
    "text",
    [
        "Army chief Abdel Fattah al-Burhan visited Port Sudan on Tuesday.",
        "Forces loyal to the Government pushed into the old city of Mosul.",
    ],
)
def test_a_lone_generic_word_is_no_entity(nlp, text) -> None:
    names = {n.lower() for _s, n, _k in mentions(nlp, text)}
    assert not names & {"army", "forces", "government"}, names


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Turkish-backed factions shelled the town of Jinderes, south-west of Afrin.", "Jinderes"),
        ("Heavy fighting was reported in Um Rawaba on Friday.", "Um Rawaba"),
        ("RSF fighters raided Kabkabiya, a town west of El Fasher, on Monday.", "Kabkabiya"),
        ("RSF drones hit the village of Um Batah in Gezira state.", "Um Batah"),
        ("Rebels stormed the Dahiyat al-Assad district of Aleppo.", "Dahiyat al-Assad district"),
    ],
)
def test_unknown_place_is_typed_by_its_context(nlp, text, place) -> None:
    kinds = {n: k for _s, n, k in mentions(nlp, text)}
    assert kinds.get(place) is EntityType.PLACE, kinds


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Fajr Libya", "Libya Dawn"),
        ("the February 17 Martyrs Brigade", "February 17 Martyrs Brigade"),
        ("GATIA", "Imghad Tuareg Self-Defence Group and Allies"),
        ("Popular Mobilisation Forces", "Popular Mobilization Forces"),
        ("the Sudan Shield Forces", "Sudan Shield Forces"),
    ],
)
def test_added_armed_groups_resolve(resolver, alias, name) -> None:
    entity = resolver.resolve(alias)
    assert (entity.name, entity.type) == (name, EntityType.ARMED_GROUP)


def test_capital_entry_carries_both_readings(resolver) -> None:
    assert resolver.resolve("Moscow").key == "Russia"
    city = resolver.resolve("Moscow", EntityType.PLACE)
    assert (city.name, city.type) == ("Moscow", EntityType.PLACE)
    assert resolver.resolve("Kiev", EntityType.PLACE).name == "Kyiv"
    # near-names stay apart
    assert resolver.resolve("Niamey").key != resolver.resolve("Nigeria").key


def test_named_darfur_leader_is_a_person_not_an_organisation(nlp) -> None:
    text = "Fighters of the Sudan Liberation Army, led by Minni Minawi, held El Fasher."
    kinds = {n: k for _s, n, k in mentions(nlp, text)}
    assert kinds.get("Minni Minawi") is EntityType.PERSON, kinds


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("The RSF said it had captured the airport at Merowe on Saturday.", "Merowe airport"),
        ("Houthi drones struck the air base at Al-Anad overnight.", "Al-Anad air base"),
        # a place the dictionary does not know; a known one stays the place (see below)
        (
            "French troops used the base in Madama to patrol the Libyan border.",
            "Madama base",
        ),
        (
            "A rocket attack on the K1 military base near Kirkuk wounded four soldiers.",
            "K1 military base",
        ),
    ],
)
def test_base_named_by_its_place(nlp, text, base) -> None:
    kinds = {n: k for _s, n, k in mentions(nlp, text)}
    assert kinds.get(base) is EntityType.BASE, kinds


def test_base_in_a_known_place_is_that_place(nlp) -> None:
    kinds = {n: k for _s, n, k in mentions(nlp, "French troops left the base in Tessalit in 2021.")}
    assert kinds.get("Tessalit") is EntityType.PLACE, kinds
    assert "Tessalit base" not in kinds, kinds
