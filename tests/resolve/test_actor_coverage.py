"""The dictionary knows the actors of current conflicts by the names reporters use,
and its names do not swallow common nouns ("joint forces", "the southern front").

Each sentence goes through the real spaCy pipeline; the tests check which
dictionary entities its actor mentions name, by key, and (for leaders) the
relation a user would see.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Sahel and Lake Chad
        (
            "Dozo hunters clashed with JNIM fighters near Ségou in central Mali.",
            {"Dozo", "JNIM"},
        ),
        (
            "IS Sahel Province claimed an ambush on Nigerien forces near Tillaberi.",
            {"Islamic_State_Sahel_Province", "Niger"},
        ),
        (
            "Members of the Civilian JTF helped Nigerian troops repel an ISWAP raid on Monguno.",
            {"Civilian_Joint_Task_Force", "Nigeria", "Islamic_State_West_Africa_Province"},
        ),
        # Sudan and South Sudan
        (
            "The SPLM-N Agar faction sided with the Sudan Armed Forces against the RSF.",
            {"SPLM-N_Agar", "Sudan", "Rapid_Support_Forces"},
        ),
        (
            "SPLA-IO fighters loyal to Riek Machar attacked an SSPDF base in Upper Nile.",
            {"SPLM-IO", "Riek_Machar", "South_Sudan"},
        ),
        (
            "The White Army overran an army garrison in Nasir in March 2025.",
            {"White_Army"},
        ),
        # Somalia
        (
            "Macawisley militias and Danab commandos drove al-Shabaab out of several villages "
            "in Hiraan.",
            {"Macawisley", "Somalia", "al-Shabaab"},
        ),
        (
            "Jubaland forces clashed with federal troops in Beled Hawo, while Puntland forces "
            "pursued Islamic State fighters in the Cal Miskaad mountains.",
            {"Jubaland_forces", "Puntland_forces"},
        ),
        (
            "Ahlu Sunna Wal Jama'a fighters took control of Guriel from government troops.",
            {"Ahlu_Sunna_Wal_Jamaa"},
        ),
        # Great Lakes and Mozambique
        (
            "Nyatura and Wazalendo militias fought the M23 west of Goma.",
            {"Nyatura", "Wazalendo", "M23"},
        ),
        (
            "SAMIM troops and Rwandan soldiers fought al-Sunnah wa Jama'ah insurgents in Cabo "
            "Delgado.",
            {"SADC_Mission_in_Mozambique", "Islamic_State_Mozambique_Province"},
        ),
        # Yemen and Iraq
        (
            "The Guardians of the Republic shelled Houthi positions south of Hodeidah.",
            {"National_Resistance_Forces", "Houthis"},
        ),
        (
            "Fighters of the Peace Brigades deployed in Samarra after the attack.",
            {"Saraya_al-Salam"},
        ),
        (
            "The Tribal Mobilization Forces repelled an Islamic State attack in Anbar.",
            {"Tribal_Mobilization_Forces", "Islamic_State"},
        ),
        # Afghanistan, Pakistan and India
        (
            "The NDS said it had arrested an ISKP cell in Jalalabad.",
            {"Afghanistan", "ISIS-K"},
        ),
        (
            "Pakistan Rangers raided a BLA hideout near Turbat.",
            {"Pakistan", "Balochistan_Liberation_Army"},
        ),
        (
            "CPI (Maoist) cadres ambushed a CRPF patrol in Sukma district of Chhattisgarh.",
            {"CPI-Maoist", "India"},
        ),
        (
            "BSF troops exchanged fire with Pakistani soldiers along the border in Jammu.",
            {"India", "Pakistan"},
        ),
        # Philippines and Colombia
        (
            "The New People's Army attacked a Philippine Army detachment in Northern Samar.",
            {"New_Peoples_Army", "Philippines"},
        ),
        (
            "BIFF gunmen and the Maute group were blamed for the bombing in Mindanao.",
            {"Bangsamoro_Islamic_Freedom_Fighters", "Maute_group"},
        ),
        (
            "Segunda Marquetalia and ELN fighters clashed in Arauca.",
            {"Segunda_Marquetalia", "ELN"},
        ),
    ],
)
def test_actors_are_found_by_the_names_reporters_use(keys_in, text, expected) -> None:
    keys = keys_in(text)
    assert expected <= keys, (text, sorted(keys))


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        (
            "Somali and AU joint forces attacked al-Shabaab positions near Jowhar.",
            "Joint_Forces_Darfur",
        ),
        (
            "Joint forces loyal to the government repelled a Houthi attack on Hays.",
            "Joint_Forces_Darfur",
        ),
        (
            "Russian forces shelled Ukrainian positions on the southern front near Kherson.",
            "Southern_Front",
        ),
        (
            "Villagers in Panjshir organised a national resistance against the Taliban.",
            "National_Resistance_Forces",
        ),
        (
            "The Houthi-run National Salvation Government in Sanaa condemned the strikes.",
            "Syrian_Salvation_Government",
        ),
    ],
)
def test_common_nouns_do_not_name_a_group(keys_in, text, not_expected) -> None:
    assert not_expected not in keys_in(text), text


def test_the_darfur_joint_force_is_still_found_by_its_name(keys_in) -> None:
    keys = keys_in("The Darfur Joint Forces and the army repelled an RSF assault on El Fasher.")
    assert "Joint_Forces_Darfur" in keys
    assert "Rapid_Support_Forces" in keys


def test_the_houthi_government_is_the_houthis(keys_in) -> None:
    keys = keys_in("The National Salvation Government in Sanaa condemned the strikes.")
    assert "Houthis" in keys


def test_former_presidents_act_for_their_state(triples_in) -> None:
    triples = triples_in("Pro-Hadi forces attacked Houthi positions in Marib.")
    assert ("Yemen", "targets", "Houthis") in triples, triples
