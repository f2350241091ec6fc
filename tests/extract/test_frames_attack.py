"""Attack frames: particles, 'control of', mistagged verbs, munitions, casualties.

Sentences are written for these tests, from several conflicts.
"""

from __future__ import annotations

import pytest

FOUND = [
    (
        "drove X out of P targets both",
        "Somali troops drove al-Shabaab fighters out of Bulo Burde.",
        ("Somalia", "targets", "al-Shabaab"),
    ),
    (
        "pushed X out of P: the group",
        "The Syrian army pushed the Islamic State out of Palmyra.",
        ("Syria", "targets", "Islamic State"),
    ),
    (
        "pushed X out of P: the place",
        "The Syrian army pushed the Islamic State out of Palmyra.",
        ("Syria", "targets", "Palmyra"),
    ),
    (
        "pushed back an advance",
        "Ukrainian troops pushed back a Russian advance near Kupiansk.",
        ("Ukraine", "targets", "Russia"),
    ),
    (
        "took over a city",
        "The Houthis took over Sanaa in 2014.",
        ("Houthis", "targets", "Sanaa"),
    ),
    (
        "took full control of",
        "The Rapid Support Forces took full control of Nyala in October.",
        ("Rapid Support Forces", "targets", "Nyala"),
    ),
    (
        "a past tense the tagger reads as a noun",
        "Backed by Russian air strikes, the Syrian army retook Palmyra.",
        ("Syria", "targets", "Palmyra"),
    ),
    (
        "overran with coordinated subjects",
        "Wagner fighters and Malian troops overran Kidal.",
        ("Wagner Group", "targets", "Kidal"),
    ),
    (
        "took part in another's capture",
        "Russian special forces took part in the Syrian army's recapture of Palmyra.",
        ("Russia", "targets", "Palmyra"),
    ),
    (
        "participated in an offensive",
        "Hezbollah fighters participated in the offensive on Qusayr.",
        ("Hezbollah", "targets", "Qusayr"),
    ),
    (
        "dropped bombs on",
        "Russian jets dropped bombs on Maarat al-Numan.",
        ("Russia", "targets", "Maarat al-Numan"),
    ),
    (
        "among the dead in X strikes",
        "Two commanders of al-Shabaab were among the dead in US drone strikes near Jilib.",
        ("United States", "targets", "al-Shabaab"),
    ),
    (
        "entered a town in an offensive",
        "HTS fighters entered Hama on Thursday.",
        ("Hayat Tahrir al-Sham", "targets", "Hama"),
    ),
    (
        "dozens of strikes carried out",
        "Israeli jets carried out dozens of strikes on Hezbollah positions.",
        ("Israel", "targets", "Hezbollah"),
    ),
    (
        "a strike that killed a person hits the person",
        "The US drone strike that killed Qassem Soleimani angered Iran.",
        ("United States", "targets", "Qasem Soleimani"),
    ),
    (
        "killed and wounded following an ambush by X",
        "Four Somali soldiers were killed and two were wounded following an ambush by "
        "al-Shabaab militants near Afgoye.",
        ("al-Shabaab", "targets", "Somalia"),
    ),
    (
        "killed when X repulsed their attack",
        "Five Houthi fighters were killed when Saudi-led coalition forces repulsed their attack "
        "near Midi.",
        ("Saudi-led coalition", "targets", "Houthis"),
    ),
    (
        "wounded when X shelled their positions",
        "Several Ukrainian soldiers were wounded when Russian forces shelled their positions "
        "near Marinka.",
        ("Russia", "targets", "Ukraine"),
    ),
    (
        "killed when X attacked a convoy",
        "Afghan security personnel were killed when Taliban militants attacked a convoy in Ghazni.",
        ("Taliban", "targets", "Afghanistan"),
    ),
    (
        "operations by X backed by airstrikes killed",
        "On 4 May operations by Afghan special forces backed by airstrikes killed 15 Taliban "
        "militants in Kunduz.",
        ("Afghanistan", "targets", "Taliban"),
    ),
    (
        "X and/or Y militants",
        "Airstrikes by the Afghan air force killed 12 Taliban and/or ISKP militants in Kunar.",
        ("Afghanistan", "targets", "Taliban"),
    ),
    (
        "air raids reported on a city",
        "Two Saudi-led coalition air raids were reported on Sanaa.",
        ("Saudi-led coalition", "targets", "Sanaa"),
    ),
    (
        "the speaker repelled an attack by X",
        "The Sudanese army said it repelled an attack by the RSF on its headquarters in Khartoum.",
        ("Rapid Support Forces", "targets", "Sudan"),
    ),
    (
        "killed when their vehicle hit an X-planted mine",
        "Three Afghan soldiers were killed when their vehicle hit a Taliban-planted landmine "
        "in Logar.",
        ("Taliban", "targets", "Afghanistan"),
    ),
    (
        "launched an offensive and were repelled by X",
        "Russian forces launched an offensive near Vuhledar and were repelled by Ukrainian forces.",
        ("Ukraine", "targets", "Russia"),
    ),
    (
        "the when-clause hung on the coordinated casualty verb",
        "Six al-Shabaab fighters were killed and three were wounded when Somali troops "
        "repulsed their attack on Bardale.",
        ("Somalia", "targets", "al-Shabaab"),
    ),
    (
        "the subject hidden after a time phrase",
        "Over the past 24 hours airstrikes by the Afghan air force killed nine Taliban militants "
        "in Helmand.",
        ("Afghanistan", "targets", "Taliban"),
    ),
    (
        "captured a town from X: 'from' hung on the town",
        "Ukrainian troops captured the village of Robotyne from Russian forces.",
        ("Ukraine", "targets", "Russia"),
    ),
    (
        "a past tense the lemmatizer leaves alone, with 'from' on the town",
        "Houthi fighters retook the town of Harib from Yemeni government forces.",
        ("Houthis", "targets", "Yemen"),
    ),
    (
        "claimed to have foiled an attack of X: the claimant is the victim",
        "The Nigerien army claimed to have foiled an attack of Boko Haram near Diffa.",
        ("Boko Haram", "targets", "Niger"),
    ),
    (
        "coordinated verbs ending in 'were repulsed from'",
        "Russian forces shelled, assaulted, and were repulsed from Ukrainian positions near Bakhmut.",
        ("Russia", "targets", "Ukraine"),
    ),
    (
        "repelled from positions: the repelled side attacked",
        "Wagner fighters were repelled from Malian army positions near Tessalit.",
        ("Wagner Group", "targets", "Mali"),
    ),
]

NOT_FOUND = [
    (
        "repelling an attack states only the attacker's attack",
        "Afghan forces repulsed attacks by the Taliban in Kandahar.",
        ("Afghanistan", "targets", "Taliban"),
    ),
    (
        "the victim of a landmine is no attacker",
        "Three Afghan soldiers were killed when their vehicle hit a Taliban-planted landmine "
        "in Logar.",
        ("Afghanistan", "targets", "Logar Province"),
    ),
    (
        "a death during a visit is no attack",
        "Two Houthi fighters were killed when a coalition delegation visited Marib.",
        ("Saudi-led coalition", "targets", "Houthis"),
    ),
    (
        "leaflets are no bombs",
        "Syrian army helicopters dropped leaflets on Raqqa.",
        ("Syria", "targets", "Raqqa"),
    ),
    (
        "forcing out troops is no attack",
        "The junta in Niamey forced out French troops last year.",
        ("Niger", "targets", "France"),
    ),
    (
        "entering talks is no attack",
        "The Syrian government entered talks with the Kurds in Damascus.",
        ("Syria", "targets", "Damascus"),
    ),
    (
        "the killed man is not his state",
        "The US drone strike that killed Qassem Soleimani angered Iran.",
        ("United States", "targets", "Iran"),
    ),
    (
        "pushing back an advance near a town does not hit the town",
        "Ukrainian troops pushed back a Russian advance near Kupiansk.",
        ("Ukraine", "targets", "Kupiansk"),
    ),
    (
        "a threat to foil attacks is no attack",
        "The Somali army said it would thwart any attack of al-Shabaab.",
        ("al-Shabaab", "targets", "Somalia"),
    ),
    (
        "repelled by X: the repeller does not target the place",
        "Ukrainian forces were repulsed from the outskirts of Kreminna by Russian troops.",
        ("Russia", "targets", "Kreminna"),
    ),
]


@pytest.mark.parametrize(("frame", "text", "triple"), FOUND, ids=[c[0] for c in FOUND])
def test_attack_frame_found(extract_text, frame, text, triple):
    found = extract_text(text)
    assert triple in found.triples, f"{frame}: {sorted(found.triples)}"


@pytest.mark.parametrize(("frame", "text", "triple"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_attack_frame_not_found(extract_text, frame, text, triple):
    found = extract_text(text)
    assert triple not in found.triples, f"{frame}: {sorted(found.triples)}"
