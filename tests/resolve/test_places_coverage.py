"""The dictionary's provinces, regions and front-line towns tell kg which country a
report is about, so that a bare "government forces" or "soldiers" becomes that state.

Each sentence names no state for the organ: only a place does. The tests run the
real spaCy pipeline and check the relations a user would see, plus the names that
must stay what they are (the state Niger, a SWAT team).
"""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import EntityType


@pytest.fixture(scope="module")
def places_in(nlp: Any, actor_dictionary: Any):
    """text -> {key: type} of the dictionary entities its actor mentions name."""

    def run(text: str) -> dict[str, EntityType]:
        entries = (actor_dictionary.get(m.name) for m in nlp(text)._.kg_mentions)
        return {e.key: e.type for e in entries if e is not None}

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Government forces killed 12 al-Shabaab fighters in an operation in Lower "
            "Shabelle on Tuesday.",
            ("Somalia", "targets", "al-Shabaab"),
        ),
        (
            "JNIM fighters ambushed soldiers near Douentza in the Mopti region.",
            ("JNIM", "targets", "Mali"),
        ),
        (
            "ISWAP fighters attacked troops in Damboa, Borno state, on Sunday.",
            ("Islamic_State_West_Africa_Province", "targets", "Nigeria"),
        ),
        (
            "Government forces launched airstrikes on Taliban positions in Nangarhar province.",
            ("Afghanistan", "targets", "Taliban"),
        ),
        (
            "Houthi drones struck government forces near Mokha, military sources said.",
            ("Houthis", "targets", "Yemen"),
        ),
        (
            "Arakan Army fighters seized an army base in Paletwa in Chin State.",
            ("Arakan_Army", "targets", "Myanmar"),
        ),
        (
            "JNIM militants attacked an army outpost in the Centre-Nord region.",
            ("JNIM", "targets", "Burkina_Faso"),
        ),
        (
            "Soldiers killed three BLA militants in Turbat, Kech district.",
            ("Pakistan", "targets", "Balochistan_Liberation_Army"),
        ),
    ],
)
def test_a_province_or_town_makes_its_country_the_state_in_focus(triples_in, text, expected):
    assert expected in triples_in(text)


def test_a_named_foreign_party_does_not_take_the_focus_from_the_place(triples_in):
    found = triples_in("Kenyan troops and government forces recaptured Afmadow from al-Shabaab.")
    assert ("Somalia", "targets", "al-Shabaab") in found
    assert ("Kenya", "targets", "al-Shabaab") in found
    assert ("Kenya", "targets", "Somalia") not in found


def test_a_place_in_a_province_is_located_in_it(triples_in):
    found = triples_in("Arakan Army fighters seized an army base in Paletwa in Chin State.")
    assert ("Paletwa", "locatedIn", "Chin_State") in found


@pytest.mark.parametrize(
    ("text", "key", "kind"),
    [
        ("Niger's junta expelled French troops in 2023.", "Niger", EntityType.STATE),
        ("Gunmen abducted 20 farmers in Niger State.", "Niger_State", EntityType.PLACE),
        ("Houthi fighters shelled a school in Sa'ada.", "Saada", EntityType.PLACE),
        ("Clashes were reported in Al Hudaydah.", "Hodeidah", EntityType.PLACE),
        ("Militants stormed a village in Shabeellaha Hoose.", "Lower_Shabelle", EntityType.PLACE),
    ],
)
def test_spellings_reporters_use_name_the_right_entity(places_in, text, key, kind):
    assert places_in(text).get(key) is kind


def test_common_words_and_foreign_names_stay_free(places_in):
    found = places_in("SWAT officers arrested two suspects in Texas; Karen said the Plateau held.")
    assert not any(kind is EntityType.PLACE for kind in found.values()), found
