"""Actors: dictionary names, metonyms and demonyms, leaders, unseen names, generic groups."""

from __future__ import annotations

from kg.model import EntityType


def test_metonyms_stand_for_the_state(extract_text) -> None:
    for text in [
        "Moscow supplied the RSF with surface-to-air missiles.",
        "The Kremlin supplied the RSF with surface-to-air missiles.",
        "Russian jets bombed RSF positions near Khartoum.",
        "Russian air forces bombed RSF positions near Khartoum.",
    ]:
        found = extract_text(text)
        assert any(s == "Russia" for s, _p, _o in found.triples), (text, found.triples)


def test_demonym_on_people_is_not_the_state(extract_text) -> None:
    found = extract_text("Syrian rebels attacked the Hmeymim air base.")
    assert not [t for t in found.triples if t[0] == "Syria"]


def test_leader_acts_for_the_state_but_keeps_leads(extract_text) -> None:
    found = extract_text(
        "Russian President Vladimir Putin ordered strikes on Islamic State positions near Palmyra."
    )
    assert ("Russia", "targets", "Islamic State") in found.triples
    assert ("Vladimir Putin", "leads", "Russia") in found.triples
    types = {e.name: e.type for e in found.extraction.entities}
    assert types["Vladimir Putin"] is EntityType.PERSON


def test_unseen_actors_are_found_by_ner_and_head_nouns(extract_text) -> None:
    found = extract_text("The Northern Storm Brigade shelled Kurdish positions in Azaz.")
    names = {e.name: e.type for e in found.extraction.entities}
    assert names.get("Northern Storm Brigade") is EntityType.ARMED_GROUP, names
    assert ("Northern Storm Brigade", "targets", "Azaz") in found.triples
    found = extract_text("The Kraken Regiment attacked Russian positions near Kharkiv.")
    assert ("Kraken Regiment", "targets", "Russia") in found.triples, found.triples


def test_unseen_base_from_its_head_noun(extract_text) -> None:
    found = extract_text("Turkish drones struck Qamishli airport, east of Amuda, on Friday.")
    types = {e.name: e.type for e in found.extraction.entities}
    bases = [n for n, t in types.items() if t is EntityType.BASE]
    assert bases, types


def test_generic_groups_are_unnamed_nodes_tied_to_their_backer(extract_text) -> None:
    found = extract_text(
        "Pro-Iranian militias fired rockets at Ain al-Asad air base, while Turkish-backed rebels shelled Manbij."
    )
    generic = {e.name: e for e in found.extraction.entities if e.group_of}
    assert len(generic) == 2, found.extraction.entities
    backers = {found.name(e.group_of) for e in generic.values()}
    assert backers == {"Iran", "Turkey"}
    for e in generic.values():
        assert e.type is EntityType.ARMED_GROUP
        assert (found.name(e.group_of), "backs", e.name) in found.triples
    assert any(t[0] in generic and t[1] == "targets" for t in found.triples)


def test_generic_group_is_not_merged_into_a_named_group(extract_text) -> None:
    found = extract_text(
        "Turkish-backed rebels and the Turkish-backed Syrian National Army both shelled Manbij."
    )
    keys = {e.key for e in found.extraction.entities}
    names = {e.name for e in found.extraction.entities}
    assert "Syrian National Army" in names
    generic = [e for e in found.extraction.entities if e.group_of]
    assert generic and all(e.key in keys and e.name != "Syrian National Army" for e in generic)


def test_aliases_seen_in_the_article_are_kept(extract_text) -> None:
    found = extract_text("Daesh fighters attacked Kirkuk, and ISIL later claimed the raid.")
    (isis,) = [e for e in found.extraction.entities if e.name == "Islamic State"]
    assert "Daesh" in isis.aliases


def test_forces_loyal_to_a_leader_are_the_leaders_forces(extract_text) -> None:
    found = extract_text(
        "Pro-Haftar forces shelled Mitiga airport, while pro-Assad troops attacked Saraqeb."
    )
    assert ("Libyan National Army", "targets", "Mitiga International Airport") in found.triples
    assert ("Syria", "targets", "Saraqib") in found.triples
    assert not [e for e in found.extraction.entities if e.group_of]


def test_state_organs_belong_to_the_only_state_named(extract_text) -> None:
    found = extract_text(
        "The army shelled RSF positions in Omdurman on Sunday. Sudanese officials gave no toll."
    )
    assert ("Sudan", "targets", "Rapid Support Forces") in found.triples
    found = extract_text(
        "The army shelled RSF positions while Egyptian and Emirati envoys met in Jeddah."
    )
    assert not [
        t for t in found.triples if t[1] == "targets" and t[0] in ("Egypt", "United Arab Emirates")
    ]


def test_anti_prefix_names_the_enemy_not_the_group(extract_text) -> None:
    found = extract_text(
        "Anti-Houthi and affiliated forces attacked pro-Houthi forces near Hays in Hodeidah."
    )
    assert not [t for t in found.triples if t[0] == "Houthis" and t[1] == "targets"], found.triples
    found = extract_text(
        "Anti-Taliban fighters of the National Resistance Front ambushed Taliban forces in Panjshir."
    )
    assert not [t for t in found.triples if t[0] == "Taliban"], found.triples
    found = extract_text("Anti-Russian partisans blew up a railway bridge near Melitopol.")
    assert not [t for t in found.triples if t[0] == "Russia"], found.triples


def test_capital_inside_a_landmark_name_is_not_its_state(extract_text) -> None:
    for text in [
        "Israeli warplanes struck militia positions in the Baghdad Bridge area between"
        " Damascus and Homs.",
        "Taliban fighters shelled a checkpoint on Kabul Road in Kandahar.",
        "Gunmen in Misrata attacked a bank on Tripoli Street.",
    ]:
        found = extract_text(text)
        objects = {o for _s, p, o in found.triples if p == "targets"}
        assert not objects & {"Iraq", "Afghanistan", "Libya", "Baghdad", "Kabul", "Tripoli"}, (
            text,
            found.triples,
        )
    found = extract_text("Moscow's forces shelled Kharkiv overnight.")
    assert ("Russia", "targets", "Kharkiv") in found.triples


def test_numbered_unit_stands_for_its_owner(extract_text) -> None:
    found = extract_text("Islamic State militants attacked the PMF's 56th Brigade near Tarmiyah.")
    assert ("Islamic State", "targets", "Popular Mobilization Forces") in found.triples
    found = extract_text("Saudi-led coalition jets bombed the Houthis' 3rd Brigade in Marib.")
    assert any(o == "Houthis" for _s, p, o in found.triples if p == "targets"), found.triples
    found = extract_text("Russia's 64th Motorized Rifle Brigade shelled villages near Bucha.")
    assert ("Russia", "targets", "Bucha") in found.triples, found.triples
    names = {e.name for e in found.extraction.entities}
    assert "64th Motorized Rifle Brigade" not in names
