"""Support frames: deliveries, purpose clauses, reversed 'receive ... from' roles.

Sentences are written for these tests, from several conflicts; each names the
frame it exercises and the relation a reader would draw from it.
"""

from __future__ import annotations

import pytest

FOUND = [
    (
        "receive ... from reverses the roles",
        "The Houthis received drones and missile parts from Iran.",
        ("Iran", "backs", "Houthis"),
    ),
    (
        "receive ... from with a new kind of weapon",
        "Ukraine received air defence systems and armoured vehicles from Germany.",
        ("Germany", "backs", "Ukraine"),
    ),
    (
        "coordinated passive participles share the agent",
        "The Rapid Support Forces are funded and armed by the United Arab Emirates.",
        ("United Arab Emirates", "backs", "Rapid Support Forces"),
    ),
    (
        "fronted participle describes the subject",
        "Supported by Turkish drones, the Government of National Accord pushed back "
        "the Libyan National Army.",
        ("Turkey", "backs", "Government of National Accord"),
    ),
    (
        "purpose clause: sent fighters to help Y",
        "Iran sent fighters to help the Assad government.",
        ("Iran", "backs", "Syria"),
    ),
    (
        "shore up",
        "Ankara deployed troops to shore up the Government of National Accord.",
        ("Turkey", "backs", "Government of National Accord"),
    ),
    (
        "turn to X for support",
        "Mali turned to Russia for military support after French troops left.",
        ("Russia", "backs", "Mali"),
    ),
    (
        "relative clause carries the delivered thing",
        "The drones that Iran supplied to the Houthis were used against shipping.",
        ("Iran", "backs", "Houthis"),
    ),
    (
        "X-made weapons received",
        "The Sudanese army has received Iranian-made drones.",
        ("Iran", "backs", "Sudan"),
    ),
    (
        "appositive body describes the organisation, not the person",
        "Aidarous al-Zubaidi, the head of the Southern Transitional Council, the "
        "separatist body backed by the United Arab Emirates, arrived in Aden.",
        ("United Arab Emirates", "backs", "Southern Transitional Council"),
    ),
    (
        "a coalition of X-backed factions",
        "The Syrian National Army, a coalition of Turkish-backed factions, attacked Manbij.",
        ("Turkey", "backs", "Syrian National Army"),
    ),
    (
        "named contractors fighting for a commander",
        "Wagner Group contractors fighting for Haftar shot down a drone.",
        ("Wagner Group", "backs", "Khalifa Haftar"),
    ),
    (
        "an unnamed description beside a name",
        "Asaib Ahl al-Haq, an Iran-backed militia, denied the attack.",
        ("Iran", "backs", "Asa'ib Ahl al-Haq"),
    ),
]

NOT_FOUND = [
    (
        "a delivery is not an attack",
        "The Houthis received drones and missile parts from Iran.",
        ("Iran", "targets", "Houthis"),
    ),
    (
        "the person beside an organisation is not the one backed",
        "Aidarous al-Zubaidi, the head of the Southern Transitional Council, the "
        "separatist body backed by the United Arab Emirates, arrived in Aden.",
        ("United Arab Emirates", "backs", "Aidarous al-Zubaidi"),
    ),
    (
        "fighting for a town backs no one",
        "Ukrainian troops fought for Bakhmut for months.",
        ("Ukraine", "backs", "Bakhmut"),
    ),
]


@pytest.mark.parametrize(("frame", "text", "triple"), FOUND, ids=[c[0] for c in FOUND])
def test_support_frame_found(extract_text, frame, text, triple):
    found = extract_text(text)
    assert triple in found.triples, f"{frame}: {sorted(found.triples)}"


@pytest.mark.parametrize(("frame", "text", "triple"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_support_frame_not_found(extract_text, frame, text, triple):
    found = extract_text(text)
    assert triple not in found.triples, f"{frame}: {sorted(found.triples)}"
