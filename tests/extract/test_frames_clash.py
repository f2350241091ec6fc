"""Fighting frames: reciprocal clashes, casualties of a named attacker, weapons
planted by a group, things owned by the side that is hit.

A clash has two sides and each attacks the other, so "A and B clashed"
gives A targets B and B targets A, never a relation between parties on one
side. Sentences are written for these tests, from several conflicts.
"""

from __future__ import annotations

import pytest

JNIM = "Jama'at Nasr al-Islam wal-Muslimin"

FOUND = [
    (
        "A and B clashed: A's side",
        "Houthi fighters and Saudi forces clashed near Haradh on Tuesday.",
        ("Houthis", "targets", "Saudi Arabia"),
    ),
    (
        "A and B clashed: B's side",
        "Houthi fighters and Saudi forces clashed near Haradh on Tuesday.",
        ("Saudi Arabia", "targets", "Houthis"),
    ),
    (
        "A and B forces clashed",
        "The Arakan Army and Myanmar military forces clashed in Rakhine State.",
        ("Myanmar", "targets", "Arakan Army"),
    ),
    (
        "A clashed with B: B fires back",
        "The Rapid Support Forces clashed with the Sudanese army in Omdurman.",
        ("Sudan", "targets", "Rapid Support Forces"),
    ),
    (
        "A clashed with B and C: C fires back",
        "JNIM fighters clashed with Malian soldiers and Wagner Group mercenaries near Mopti.",
        ("Wagner Group", "targets", JNIM),
    ),
    (
        "A and B exchanged fire",
        "Al-Shabaab and Somali troops exchanged fire near Mogadishu.",
        ("Somalia", "targets", "al-Shabaab"),
    ),
    (
        "clashes between A and B: the second side",
        "Clashes between the Taliban and the Islamic State killed ten fighters in Jowzjan.",
        ("Islamic State", "targets", "Taliban"),
    ),
    (
        "between A and C on one side and B on the other: C",
        "Fighting broke out between the Sudanese army and the Darfur Joint Forces on one side "
        "and the Rapid Support Forces on the other.",
        ("Rapid Support Forces", "targets", "Sudan"),
    ),
    (
        "clashes involving A and B",
        "Clashes involving the Arakan Army and the Myanmar military were reported in Chin State.",
        ("Arakan Army", "targets", "Myanmar"),
    ),
    (
        "A attacked P, sparking clashes with B",
        "Al-Shabaab attacked a base in Lower Shabelle, sparking clashes with Somali troops.",
        ("Somalia", "targets", "al-Shabaab"),
    ),
    (
        "A's soldiers killed during clashes with B: B hits A",
        "Seven Afghan soldiers were killed during clashes with the Taliban in Kunduz.",
        ("Taliban", "targets", "Afghanistan"),
    ),
    (
        "A's soldiers killed during clashes with B: A hits B",
        "Seven Afghan soldiers were killed during clashes with the Taliban in Kunduz.",
        ("Afghanistan", "targets", "Taliban"),
    ),
    (
        "A and B engaged in a firefight",
        "The Nigerian army and Boko Haram fighters engaged in a firefight in Borno.",
        ("Boko Haram", "targets", "Nigeria"),
    ),
    (
        "had an encounter with B",
        "Indian security forces had an encounter with Lashkar-e-Taiba militants in Pulwama.",
        ("Lashkar-e-Taiba", "targets", "India"),
    ),
    (
        "a bomb planted by X killed N Y soldiers",
        "A roadside bomb planted by al-Shabaab killed five Somali soldiers near Afgoye.",
        ("al-Shabaab", "targets", "Somalia"),
    ),
    (
        "hit by an X-planted IED",
        "An Afghan army vehicle was hit by a Taliban-planted IED in Kandahar.",
        ("Taliban", "targets", "Afghanistan"),
    ),
    (
        "a landmine laid by X",
        "A landmine laid by the Houthis killed two Yemeni soldiers in Taiz.",
        ("Houthis", "targets", "Yemen"),
    ),
    (
        "N Y fighters died in an X airstrike",
        "Eight Houthi fighters died in a Saudi airstrike near Saada.",
        ("Saudi Arabia", "targets", "Houthis"),
    ),
    (
        "N Y soldiers died in an X ambush",
        "Five Somali soldiers died in an al-Shabaab ambush near Baidoa.",
        ("al-Shabaab", "targets", "Somalia"),
    ),
    (
        "a checkpoint manned by X",
        "Al-Shabaab attacked a checkpoint manned by Somali soldiers in Lower Shabelle.",
        ("al-Shabaab", "targets", "Somalia"),
    ),
    (
        "coordinated states under 'forces of'",
        "The forces of Sudan and South Sudan clashed near Heglig.",
        ("Sudan", "targets", "South Sudan"),
    ),
    (
        "military forces of A and B exchanged fire",
        "Military forces of India and Pakistan exchanged fire along the Line of Control.",
        ("Pakistan", "targets", "India"),
    ),
    (
        "the other side read as a gerund's subject",
        "Taliban militants clashed with Afghan army forces killing four soldiers in Helmand.",
        ("Afghanistan", "targets", "Taliban"),
    ),
    (
        "were engaged in fighting with X",
        "Nigerian troops were engaged in heavy fighting with Boko Haram in Borno.",
        ("Nigeria", "targets", "Boko Haram"),
    ),
    (
        "encountered an armed group: a clash",
        "Afghan security forces encountered Taliban militants during an operation in Kunduz.",
        ("Taliban", "targets", "Afghanistan"),
    ),
    (
        "encountered an armed group: both sides",
        "Nigerian troops encountered Boko Haram fighters near Bama on Sunday.",
        ("Nigeria", "targets", "Boko Haram"),
    ),
]

NOT_FOUND = [
    (
        "two parties of one side of 'clashed with' do not fight each other",
        "JNIM fighters clashed with Malian soldiers and Wagner Group mercenaries near Mopti.",
        ("Mali", "targets", "Wagner Group"),
    ),
    (
        "two parties of one side of 'clashed with' do not fight each other (reverse)",
        "JNIM fighters clashed with Malian soldiers and Wagner Group mercenaries near Mopti.",
        ("Wagner Group", "targets", "Mali"),
    ),
    (
        "coordinated doers clashing with unnamed rebels are allies",
        "Syrian and Russian forces clashed with rebels near Hama.",
        ("Syria", "targets", "Russia"),
    ),
    (
        "one side of 'between ... on one side' is no fight",
        "Fighting broke out between the Sudanese army and the Darfur Joint Forces on one side "
        "and the Rapid Support Forces on the other.",
        ("Sudan", "targets", "Joint Force of the Armed Struggle Movements"),
    ),
    (
        "a prisoner exchange is no exchange of fire",
        "A prisoner exchange between Russia and Ukraine took place on the Belarusian border.",
        ("Russia", "targets", "Ukraine"),
    ),
    (
        "exchanging prisoners is no fight",
        "The Houthis and Saudi Arabia exchanged prisoners in Sanaa.",
        ("Saudi Arabia", "targets", "Houthis"),
    ),
    (
        "condemning clashes is no part in them",
        "The Taliban condemned the clashes with Pakistani forces at the Torkham crossing.",
        ("Taliban", "targets", "Pakistan"),
    ),
    (
        "a hypothetical clash",
        "Any clash between Turkey and Greece would damage NATO.",
        ("Greece", "targets", "Turkey"),
    ),
    (
        "a denied clash is not asserted",
        "The Houthis denied that their fighters clashed with Saudi forces.",
        ("Saudi Arabia", "targets", "Houthis"),
    ),
    (
        "encountered resistance names no one",
        "Afghan forces encountered stiff resistance near Kunduz.",
        ("Afghanistan", "targets", "Kunduz"),
    ),
]


@pytest.mark.parametrize(("frame", "text", "triple"), FOUND, ids=[c[0] for c in FOUND])
def test_clash_frame_found(extract_text, frame, text, triple):
    found = extract_text(text)
    assert triple in found.triples, f"{frame}: {sorted(found.triples)}"


@pytest.mark.parametrize(("frame", "text", "triple"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_clash_frame_not_found(extract_text, frame, text, triple):
    found = extract_text(text)
    assert triple not in found.triples, f"{frame}: {sorted(found.triples)}"


def test_denied_clash_is_reported_as_negated(extract_text):
    found = extract_text("The Houthis denied that their fighters clashed with Saudi forces.")
    mentions = found.about("Saudi Arabia", "targets", "Houthis")
    assert mentions and all(r.negated for r in mentions)
