"""A state's forces named without the state: "government forces", "an army
checkpoint", "Military Forces of X", "pro-government militias".

The state is the one the text puts in focus (its places, the state it names);
a named entity, an owner ("the rebel government", "opposition forces") or a
text that leaves the state open gives nothing.
"""

from __future__ import annotations

from kg.model import EntityType


def _group_backer(found, name: str) -> str | None:
    for e in found.extraction.entities:
        if e.name == name and e.group_of:
            return found.name(e.group_of)
    return None


def test_an_army_checkpoint_is_the_state_of_the_place(extract_text) -> None:
    found = extract_text(
        "Al-Shabaab fighters attacked an army checkpoint near Baidoa on Tuesday, "
        "killing three soldiers."
    )
    assert ("al-Shabaab", "targets", "Somalia") in found.triples, found.triples


def test_government_forces_in_helmand_are_afghanistan(extract_text) -> None:
    found = extract_text(
        "Government forces shelled Taliban positions in Helmand province overnight."
    )
    assert ("Afghanistan", "targets", "Taliban") in found.triples, found.triples


def test_security_forces_near_mopti_are_mali(extract_text) -> None:
    found = extract_text("Security forces raided a JNIM camp near Mopti on Tuesday.")
    assert ("Mali", "targets", "Jama'at Nasr al-Islam wal-Muslimin") in found.triples, found.triples


def test_the_military_with_no_state_named_is_the_country_of_the_places(extract_text) -> None:
    found = extract_text(
        "The military carried out airstrikes on Kachin Independence Army positions "
        "near Laiza in Kachin State."
    )
    assert ("Myanmar", "targets", "Kachin Independence Army") in found.triples, found.triples


def test_the_army_in_omdurman_is_sudan(extract_text) -> None:
    found = extract_text("The army shelled Rapid Support Forces positions in Omdurman on Sunday.")
    assert ("Sudan", "targets", "Rapid Support Forces") in found.triples, found.triples


def test_government_positions_belong_to_the_host_not_the_invader(extract_text) -> None:
    found = extract_text("Russian forces shelled government positions near Kharkiv on Monday.")
    assert ("Russia", "targets", "Ukraine") in found.triples, found.triples


def test_regime_positions_shelled_by_a_foreign_army(extract_text) -> None:
    found = extract_text(
        "Turkish forces shelled regime positions near Tal Rifaat in the countryside of Aleppo."
    )
    assert ("Turkey", "targets", "Syria") in found.triples, found.triples


def test_govt_is_never_an_entity_of_its_own(extract_text) -> None:
    found = extract_text("Al-Shabaab militants attacked Govt soldiers near Mogadishu on Friday.")
    assert ("al-Shabaab", "targets", "Somalia") in found.triples, found.triples
    assert not [e for e in found.extraction.entities if e.name.lower().startswith("govt")]


def test_military_forces_of_a_state_are_that_state(extract_text) -> None:
    found = extract_text(
        "Military Forces of Ukraine shelled Donetsk People's Republic positions near Horlivka."
    )
    assert ("Ukraine", "targets", "Donetsk People's Republic") in found.triples, found.triples
    assert not [e for e in found.extraction.entities if "forces" in e.name.lower()]


def test_no_state_in_focus_gives_nothing(extract_text) -> None:
    found = extract_text("Government forces shelled rebel positions overnight, witnesses said.")
    assert not [e for e in found.extraction.entities if e.type is EntityType.STATE], found.triples


def test_a_named_government_beats_the_state_in_focus(extract_text) -> None:
    found = extract_text(
        "Forces of the Government of National Accord shelled Libyan National Army "
        "positions near Sirte."
    )
    assert ("Government of National Accord", "targets", "Libyan National Army") in found.triples
    assert not [t for t in found.triples if t[0] == "Libya"], found.triples


def test_a_rebel_government_is_not_the_state(extract_text) -> None:
    found = extract_text("The rebel government in Sanaa said its fighters struck Marib.")
    assert not [t for t in found.triples if t[0] == "Yemen"], found.triples


def test_opposition_forces_are_not_the_state(extract_text) -> None:
    found = extract_text("Opposition forces shelled government positions near Aleppo.")
    assert not [t for t in found.triples if t[0] == "Syria"], found.triples


def test_pro_government_militias_are_backed_by_the_state_in_focus(extract_text) -> None:
    found = extract_text("Pro-government militias attacked Taliban fighters in Kunduz province.")
    assert ("Afghanistan", "backs", "Pro-government militias") in found.triples, found.triples
    assert _group_backer(found, "Pro-government militias") == "Afghanistan"


def test_pro_government_militias_without_a_state_in_focus_are_nobody(extract_text) -> None:
    found = extract_text("Pro-government militias clashed with rebels, a local official said.")
    assert not [e for e in found.extraction.entities if e.group_of], found.triples


def test_a_leaders_militias_are_backed_by_what_he_leads(extract_text) -> None:
    found = extract_text("Pro-Haftar militias shelled the outskirts of Tripoli in April.")
    assert ("Libyan National Army", "backs", "Pro-Haftar militias") in found.triples, found.triples
    assert not [t for t in found.triples if t[0] == "Khalifa Haftar" and t[1] == "backs"]


def test_pro_iranian_militias_stay_backed_by_iran(extract_text) -> None:
    found = extract_text(
        "Pro-Iranian militias fired rockets at the Ain al-Asad air base in Anbar on Sunday."
    )
    assert ("Iran", "backs", "Pro-Iranian militias") in found.triples, found.triples


def test_soldiers_killed_by_insurgents_are_the_state_of_the_place(extract_text) -> None:
    found = extract_text("Islamic State militants killed two policemen near Mosul on Sunday.")
    assert ("Islamic State", "targets", "Iraq") in found.triples, found.triples


def test_bare_troops_are_nobody_when_another_state_is_named(extract_text) -> None:
    found = extract_text("Russian troops advanced on Bakhmut. Troops also shelled Kramatorsk.")
    assert not [t for t in found.triples if t[0] == "Ukraine"], found.triples


def test_pro_government_militias_named_by_example_are_not_a_group(extract_text) -> None:
    found = extract_text(
        "Regime forces supported by pro-government militias including Hezbollah "
        "captured Saraqib in Idlib province."
    )
    assert not [e for e in found.extraction.entities if e.group_of], found.triples
    assert ("Syria", "targets", "Saraqib") in found.triples, found.triples


def test_forces_loyal_to_a_leader_are_what_he_leads(extract_text) -> None:
    found = extract_text("Forces loyal to Khalifa Haftar shelled Tripoli on Saturday.")
    assert ("Libyan National Army", "targets", "Tripoli") in found.triples, found.triples


def test_a_soldier_killed_in_an_attack_is_the_state_of_the_place(extract_text) -> None:
    found = extract_text(
        "A soldier was killed when Houthi fighters attacked a checkpoint in Marib on Monday."
    )
    assert ("Houthis", "targets", "Yemen") in found.triples, found.triples


def test_army_sergeants_are_the_state_of_the_place(extract_text) -> None:
    found = extract_text("Taliban fighters killed two army sergeants in Kandahar on Sunday.")
    assert ("Taliban", "targets", "Afghanistan") in found.triples, found.triples


def test_a_commando_soldier_is_the_state_of_the_place(extract_text) -> None:
    found = extract_text("JNIM militants ambushed a patrol near Mopti, killing a commando soldier.")
    assert ("Jama'at Nasr al-Islam wal-Muslimin", "targets", "Mali") in found.triples, found.triples


def test_an_officer_qualified_as_police_is_the_state(extract_text) -> None:
    found = extract_text(
        "One officer (assumed police) was wounded following an attack by Taliban "
        "militants in Kunduz province."
    )
    assert ("Taliban", "targets", "Afghanistan") in found.triples, found.triples


def test_border_guards_belong_to_the_host_not_the_foreign_attacker(extract_text) -> None:
    found = extract_text("Russian forces shelled border guards near Sumy on Thursday.")
    assert ("Russia", "targets", "Ukraine") in found.triples, found.triples
    assert not [t for t in found.triples if t[2] == "Russia"], found.triples


def test_a_child_soldier_is_nobody(extract_text) -> None:
    found = extract_text("Al-Shabaab fighters recruited a child soldier near Baidoa last year.")
    assert not [e for e in found.extraction.entities if e.type is EntityType.STATE], found.triples


def test_a_soldier_with_no_known_place_is_nobody(extract_text) -> None:
    found = extract_text(
        "Two NPA rebels were killed while a government soldier was wounded during clashes "
        "between the NPA and the military in Barangay Tagbayani, Samar."
    )
    assert not [e for e in found.extraction.entities if e.type is EntityType.STATE], found.triples


def test_a_govt_force_is_the_state_not_an_organisation(extract_text) -> None:
    found = extract_text(
        "Al-Shabaab militants attacked a Govt force (Jubaland security forces) near Kismayo."
    )
    assert ("al-Shabaab", "targets", "Somalia") in found.triples, found.triples
    assert not [e for e in found.extraction.entities if e.name.lower() == "govt force"]


def test_rangers_shot_dead_are_the_state_of_the_place(extract_text) -> None:
    found = extract_text("Al-Shabaab gunmen shot and killed two rangers near Jowhar on Friday.")
    assert ("al-Shabaab", "targets", "Somalia") in found.triples, found.triples
