"""Surface names from several conflicts resolve to one entity each, and no further."""

from __future__ import annotations

import pytest

from kg.errors import InputError, UnknownEntityError
from kg.model import Entity, EntityType
from kg.resolve.dictionary import load_dictionary
from kg.resolve.resolver import Resolver


@pytest.fixture(scope="module")
def dictionary():
    return load_dictionary()


@pytest.fixture
def resolver(dictionary):
    return Resolver.from_dictionary(dictionary)


@pytest.mark.parametrize(
    "variants",
    [
        ("ISIS", "Isis", "Islamic State", "Daesh", "ISIL", "IS", "the Islamic State group"),
        ("Hmeymim", "Khmeimim", "Hmeimim air base", "Humaymim"),
        ("Houthis", "Ansar Allah", "the Houthi movement", "Houthi rebels", "Ansarullah"),
        ("Hemedti", "Mohamed Hamdan Dagalo", "Mohammed Hamdan Dagalo"),
        ("Kyiv", "Kiev", "Ukraine", "Ukrainian forces"),
        ("Hay'at Tahrir al-Sham", "Hayat Tahrir ash-Sham", "HTS", "HTS fighters"),
        ("Hezbollah", "Hizballah", "Hizbollah", "Lebanon's Hezbollah"),
        ("Rapid Support Forces", "RSF", "the paramilitary Rapid Support Forces"),
        ("Russia", "Moscow", "the Kremlin", "Russian jets", "Russia's defence ministry", "VKS"),
        ("Kuweires airfield", "Kweires", "Kuwayris"),
        ("Jabhat al-Nusra", "Nusra Front", "Jabhat Fateh al-Sham", "al-Nusra"),
        ("Libyan National Army", "LNA", "Haftar's forces"),
        (
            "Syria",
            "Damascus",
            "the Assad regime",
            "Syrian Arab Army",
            "SAA",
            "Syrian government forces",
        ),
        ("Bashar al-Assad", "Assad", "Syrian President Bashar al-Assad", "President Bashar Assad"),
    ],
)
def test_spelling_variants_resolve_to_one_entity(resolver, variants):
    keys = {resolver.resolve(v).key for v in variants}
    assert len(keys) == 1, {v: resolver.resolve(v).key for v in variants}


def test_lebanon_possessive_does_not_collapse_to_lebanon(resolver):
    # "Lebanon's Hezbollah" is Hezbollah, not the state
    assert resolver.resolve("Lebanon's Hezbollah").key == "Hezbollah"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Iran", "Iraq"),
        ("Hama", "Hamas"),
        ("Homs", "Hama"),
        ("Homs", "Hamas"),
        ("Hezbollah", "Kataib Hezbollah"),
        ("Ahrar al-Sham", "Ahrar al-Sharqiya"),
        ("Niger", "Nigeria"),
        ("Sudan", "South Sudan"),
        ("al-Qaeda", "Al-Qaeda in the Arabian Peninsula"),
    ],
)
def test_similar_names_of_different_entities_stay_apart(resolver, a, b):
    assert resolver.resolve(a).key != resolver.resolve(b).key


def test_short_acronyms_match_only_their_exact_case(resolver):
    assert resolver.resolve("IS").key == "Islamic_State"
    assert resolver.lookup("is") is None
    assert resolver.resolve("US").key == "United_States"
    assert resolver.lookup("us") is None
    # longer acronyms are written in title case by some outlets
    assert resolver.resolve("Nato").key == resolver.resolve("NATO").key


def test_demonym_plus_apparatus_stands_for_the_state_but_not_for_rebels(resolver):
    assert resolver.resolve("Turkish troops").key == "Turkey"
    assert resolver.resolve("Emirati drones").key == "United_Arab_Emirates"
    assert resolver.lookup("Syrian rebels") is None
    assert resolver.lookup("pro-Iranian militias") is None
    assert resolver.lookup("Turkish-backed rebels") is None


def test_leader_possessive_stands_for_what_they_lead(resolver):
    assert resolver.resolve("Putin's forces").key == "Russia"
    assert resolver.resolve("Hemedti's fighters").key == "Rapid_Support_Forces"


def test_unseen_name_becomes_a_stable_new_entity_and_its_variants_follow(resolver):
    first = resolver.resolve("Tajammu al-Aaza", EntityType.ARMED_GROUP)
    assert first.key == "Tajammu_al-Aaza"
    assert first.type is EntityType.ARMED_GROUP
    assert resolver.resolve("Tajamu al-Izza", EntityType.ARMED_GROUP).key == first.key
    assert "Tajamu al-Izza" in resolver.entity(first.key).aliases
    # a fresh resolver (another run, another machine) mints the same key
    again = Resolver.from_dictionary(load_dictionary())
    assert again.resolve("Tajammu al-Aaza", EntityType.ARMED_GROUP).key == first.key


def test_unseen_name_key_is_its_canonical_slug(resolver):
    assert resolver.resolve("Liwa al-Quds", EntityType.ARMED_GROUP).key == "Liwa_al-Quds"
    assert resolver.resolve("the Liwa al-Quds's", EntityType.ARMED_GROUP).key == "Liwa_al-Quds"
    person = resolver.resolve("Brigadier General Suheil al-Hassan", EntityType.PERSON)
    assert person.key == "Suheil_al-Hassan"
    assert person.name == "Suheil al-Hassan"


def test_unseen_names_do_not_merge_with_short_lookalikes(resolver):
    homsi = resolver.resolve("Hamsa", EntityType.PLACE)
    assert homsi.key not in {"Homs", "Hama", "Hamas"}


def test_types_guard_transliteration_matches(resolver):
    group = resolver.resolve("Katibat Suqur al-Jabal", EntityType.ARMED_GROUP)
    place = resolver.resolve("Katibat Suqour al-Jabal", EntityType.PLACE)
    assert group.key != place.key
    # a third spelling goes to the node of the compatible type
    assert resolver.resolve("Katibat Suqoor al-Jabal", EntityType.ARMED_GROUP).key == group.key


def test_type_is_guessed_from_the_name_when_no_hint(resolver):
    assert resolver.resolve("Abu Zuhur airfield").type is EntityType.BASE
    assert resolver.resolve("Sahel Liberation Brigade").type is EntityType.ARMED_GROUP
    assert resolver.resolve("Kafr Tal village").type is EntityType.PLACE


def test_add_known_restores_entities_from_a_store(dictionary):
    stored = [
        Entity("Tajammu_al-Aaza", "Tajammu al-Aaza", EntityType.ARMED_GROUP, ("Tajammu al-Izza",)),
        Entity("Russia", "Russia", EntityType.STATE, ("Kremlin",)),
    ]
    resolver = Resolver.from_dictionary(dictionary)
    resolver.add_known(stored)
    # a later article spelling it differently joins the stored node
    assert resolver.resolve("Tajamu al-Izza", EntityType.ARMED_GROUP).key == "Tajammu_al-Aaza"
    assert resolver.resolve("Russia").key == "Russia"


def test_slug_collision_with_a_different_entity_gets_a_distinct_key(resolver):
    # "Hama Governorate" and a group literally named "Hama-Governorate" slug apart
    resolver.resolve("Tiger Brigade", EntityType.ARMED_GROUP)
    other = resolver.resolve("Tiger-Brigade Place", EntityType.PLACE)
    assert other.key != "Tiger_Brigade"


def test_suggest_offers_close_names(resolver):
    assert "Hezbollah" in resolver.suggest("Hezbolah")
    assert "Hayat Tahrir al-Sham" in resolver.suggest("Tahrir al-Shaam")
    with pytest.raises(UnknownEntityError) as info:
        resolver.require("Ahrar al-Shams")
    assert "Ahrar al-Sham" in str(info.value)


def test_empty_name_is_a_clear_error(resolver):
    with pytest.raises(InputError, match="empty actor name"):
        resolver.resolve("   ")


def test_entities_come_out_in_stable_order(dictionary):
    a = Resolver.from_dictionary(dictionary)
    b = Resolver.from_dictionary(dictionary)
    for name in ("Liwa Abu al-Fadl al-Abbas", "Katibat al-Bayda", "Usud al-Sharqiya"):
        a.resolve(name, EntityType.ARMED_GROUP)
    for name in ("Katibat al-Bayda", "Usud al-Sharqiya", "Liwa Abu al-Fadl al-Abbas"):
        b.resolve(name, EntityType.ARMED_GROUP)
    assert {e.key for e in a.entities()} == {e.key for e in b.entities()}
    assert [e.key for e in a.entities()][:50] == [e.key for e in b.entities()][:50]


def test_titles_before_a_known_person_are_read_through(resolver):
    assert resolver.resolve("Hezbollah leader Hassan Nasrallah").key == "Hassan_Nasrallah"
    assert resolver.resolve("Russian Foreign Minister Sergei Lavrov").key == "Sergei_Lavrov"
    assert resolver.resolve("RSF commander Mohamed Hamdan Dagalo").key == "Mohamed_Hamdan_Dagalo"


def test_headline_caps_give_the_same_key_as_the_article_text(resolver):
    shouted = resolver.resolve("KATIBAT AL-BAYDA", EntityType.ARMED_GROUP)
    assert shouted.key == "Katibat_al-Bayda"
    assert resolver.resolve("Katibat al-Bayda", EntityType.ARMED_GROUP).key == shouted.key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Islamic State (Iraq)", "Islamic_State"),
        ("HTS: Hayat Tahrir al Sham", "Hayat_Tahrir_al-Sham"),
        ("the armed forces of Ukraine", "Ukraine"),
        ("Military Forces of Russia (2000-) Air Force", "Russia"),
        (
            "Military Forces of Libya (2016-) Government of National Accord",
            "Government_of_National_Accord",
        ),
        ("Haftar loyalists", "Libyan_National_Army"),
    ],
)
def test_qualified_and_structured_names_resolve(resolver, name, key):
    assert resolver.resolve(name).key == key


def test_a_parenthesised_place_picks_the_local_branch_when_one_is_known(resolver):
    assert resolver.resolve("Islamic State (Afghanistan)").key == "ISIS-K"
    assert resolver.resolve("Islamic State (Yemen)").key == "Islamic_State_Yemen_Province"
    assert resolver.resolve("Islamic State (Syria)").key == "Islamic_State"


def test_alternatives_are_not_one_actor(resolver):
    assert resolver.lookup("Taliban and/or Islamic State (Afghanistan)") is None


def test_an_unlisted_acronym_finds_the_one_name_it_spells(resolver):
    board = resolver.resolve("State Board of Antiquities and Heritage", EntityType.ORGANIZATION)
    assert resolver.resolve("SBAH").key == board.key
    # two names spelling the same initials: no guess
    resolver.resolve("Kafr Nasih Defence Brigade", EntityType.ARMED_GROUP)
    resolver.resolve("Kafr Nubl Defence Battalion", EntityType.ARMED_GROUP)
    assert resolver.lookup("KNDB") is None


def test_role_descriptions_are_not_mistaken_for_names(resolver):
    role = resolver.resolve("Foreign Office Minister", EntityType.PERSON)
    assert role.name == "Foreign Office Minister"
    person = resolver.resolve("Defence Minister Yoav Gallant", EntityType.PERSON)
    assert person.key == "Yoav_Gallant"


def test_names_outside_latin_script_get_stable_ascii_keys(dictionary):
    first = Resolver.from_dictionary(dictionary).resolve("هيئة تحرير الشام", EntityType.ARMED_GROUP)
    again = Resolver.from_dictionary(dictionary).resolve("هيئة تحرير الشام", EntityType.ARMED_GROUP)
    assert first.key == again.key
    assert first.key.isascii() and first.key.replace("_", "").isalnum()


def test_letters_nfkd_does_not_decompose_still_match(resolver):
    town = resolver.resolve("Diyarbakır", EntityType.PLACE)
    assert resolver.resolve("Diyarbakir", EntityType.PLACE).key == town.key == "Diyarbakir"


def test_punctuation_only_name_is_a_clear_error(resolver):
    with pytest.raises(InputError, match="no letters or digits"):
        resolver.resolve("—")


@pytest.mark.parametrize(
    "name",
    ["Liwa Ahfad al-Rasul", "Katibat al-Farouq", "Saraya al-Mukhtar", "Sahel Defence Brigade"],
)
def test_an_organisation_hint_yields_to_an_armed_head_word(resolver, name):
    assert resolver.resolve(name, EntityType.ORGANIZATION).type is EntityType.ARMED_GROUP


def test_a_plain_organisation_keeps_its_hint(resolver):
    ngo = resolver.resolve("Syrian American Medical Society", EntityType.ORGANIZATION)
    assert ngo.type is EntityType.ORGANIZATION


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("U.S.-backed Syrian Democratic Forces", "Syrian_Democratic_Forces"),
        ("the Kurdish-led SDF", "Syrian_Democratic_Forces"),
        ("the jihadist group Hayat Tahrir al-Sham", "Hayat_Tahrir_al-Sham"),
        ("the Iran-backed Houthi rebels", "Houthis"),
        ("the paramilitary Rapid Support Forces", "Rapid_Support_Forces"),
        ("Wagner-linked Africa Corps", "Wagner_Group"),
    ],
)
def test_descriptive_modifiers_before_a_known_name_are_skipped(resolver, name, key):
    assert resolver.resolve(name).key == key


@pytest.mark.parametrize(
    "name",
    ["Turkish-backed rebels", "Turkish-backed Syrian rebels", "anti-Hamas", "pro-Assad militias"],
)
def test_modifiers_alone_never_name_the_patron_or_the_opponent(resolver, name):
    found = resolver.lookup(name)
    assert found is None or found.key not in {"Turkey", "Hamas", "Syria", "Bashar_al-Assad"}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("the Syrian president", "Syria"),
        ("Iran's supreme leader", "Iran"),
        ("the Turkish defence minister", "Turkey"),
        ("Houthi leader", "Houthis"),
    ],
)
def test_office_holders_act_for_their_state_or_group(resolver, name, key):
    assert resolver.resolve(name).key == key


@pytest.mark.parametrize(
    "name", ["victims of ISIS", "opponents of Assad", "fighters loyal to Assad"]
)
def test_a_name_after_a_preposition_is_not_the_phrase(resolver, name):
    found = resolver.lookup(name)
    assert found is None or found.key not in {"Islamic_State", "Bashar_al-Assad"}


def test_phrases_about_a_learned_entity_are_not_kept_as_its_aliases(resolver):
    group = resolver.resolve("Liwa Suqour al-Ghab", EntityType.ARMED_GROUP)
    assert resolver.resolve("Liwa Suqour al-Ghab fighters").key == group.key
    assert resolver.resolve("Liwa Saqour al-Ghab", EntityType.ARMED_GROUP).key == group.key
    assert resolver.entity(group.key).aliases == ("Liwa Saqour al-Ghab",)


def test_a_nationality_before_a_group_name_does_not_borrow_another_countrys_group(resolver):
    assert resolver.resolve("Lebanese Hezbollah").key == "Hezbollah"
    iraqi = resolver.resolve("Iraqi Hezbollah", EntityType.ARMED_GROUP)
    assert iraqi.key != "Hezbollah"


def test_concurrent_resolution_mints_one_key_per_name(dictionary):
    from concurrent.futures import ThreadPoolExecutor

    resolver = Resolver.from_dictionary(dictionary)
    names = [f"Liwa Shuhada Qarya {n}" for n in range(200)]

    def resolve_all(_: int) -> list[str]:
        return [resolver.resolve(name, EntityType.ARMED_GROUP).key for name in names]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(resolve_all, range(4)))
    assert all(r == results[0] for r in results)
    assert len(set(results[0])) == len(names)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Liwa al-Fath 11", "Liwa al-Fath 1"), ("Firqat al-Sahel 13", "Firqat al-Sahel 31")],
)
def test_numbered_units_never_merge_across_numbers(resolver, a, b):
    first = resolver.resolve(a, EntityType.ARMED_GROUP)
    assert resolver.resolve(b, EntityType.ARMED_GROUP).key != first.key
