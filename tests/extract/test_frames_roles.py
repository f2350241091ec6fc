"""Role frames: who leads, who is part of what, who is allied with whom.

Titles lead only when they head the whole state or group ("President X",
"army chief" does not lead the state, a spokesman never leads); a title word
is never an entity. Sentences are written for these tests, from several
conflicts.
"""

from __future__ import annotations

import pytest

FOUND = [
    (
        "title before a speaker",
        "President Emmanuel Macron said France would keep its troops in Niger.",
        ("Emmanuel Macron", "leads", "France"),
    ),
    (
        "title as an entity-like phrase with an honorific",
        "Iran's Supreme Leader, Ayatollah Ali Khamenei, praised the strikes.",
        ("Ali Khamenei", "leads", "Iran"),
    ),
    (
        "the government of Prime Minister X",
        "The Tripoli government of Prime Minister Abdul Hamid Dbeibah rejected the deal.",
        ("Abdul Hamid Dbeibah", "leads", "Government of National Accord"),
    ),
    (
        "junta led by a rank and name",
        "Burkina Faso's junta, led by Captain Ibrahim Traore, expelled French troops.",
        ("Ibrahim Traore", "leads", "Burkina Faso"),
    ),
    (
        "a leader title, then a rank",
        "Mali's junta leader, Colonel Assimi Goita, met Russian officials.",
        ("Assimi Goita", "leads", "Mali"),
    ),
    (
        "chief of an armed group",
        "Hezbollah's chief, Hassan Nasrallah, vowed revenge.",
        ("Hassan Nasrallah", "leads", "Hezbollah"),
    ),
    (
        "led by X, and Y: X leads the first only",
        "The Badr Organisation, led by Hadi al-Amiri, and Kataib Hezbollah attacked "
        "Islamic State positions.",
        ("Hadi al-Amiri", "leads", "Badr Organization"),
    ),
    (
        "the X faction led by Y: Y leads X",
        "The Sudan Liberation Army faction led by Minni Minawi joined the army.",
        ("Minni Minawi", "leads", "Sudan Liberation Army"),
    ),
    (
        "an insurgency inside a state",
        "The PKK has waged an insurgency inside Turkey since 1984.",
        ("Kurdistan Workers' Party", "opposes", "Turkey"),
    ),
    (
        "fighters from a named group fight alongside another",
        "Hundreds of fighters from the Sudan Liberation Army have been fighting "
        "alongside the Rapid Support Forces.",
        ("Sudan Liberation Army", "alliedWith", "Rapid Support Forces"),
    ),
    (
        "a base is home to forces",
        "Hmeymim air base is home to Russian warplanes.",
        ("Russia", "basedAt", "Hmeymim Air Base"),
    ),
    (
        "a base, home to a state's fleet",
        "The Engels air base, home to Russia's strategic bomber fleet, was hit.",
        ("Russia", "basedAt", "Engels Air Base"),
    ),
    (
        "forms part of",
        "Kataib Hezbollah forms part of the Popular Mobilisation Forces.",
        ("Kataib Hezbollah", "partOf", "Popular Mobilization Forces"),
    ),
    (
        "the backbone of",
        "The YPG is the backbone of the Syrian Democratic Forces.",
        ("People's Protection Units", "partOf", "Syrian Democratic Forces"),
    ),
    (
        "a member of the X coalition",
        "Ahrar al-Sham is a member of the Jaish al-Fatah coalition.",
        ("Ahrar al-Sham", "partOf", "Jaish al-Fatah"),
    ),
    (
        "a state allied to a group is its patron, either way round",
        "Iran, Hezbollah's main ally, denied involvement.",
        ("Iran", "backs", "Hezbollah"),
    ),
    (
        "its Russian allies: partners, no patron named",
        "Mali and its Russian allies bombed Kidal.",
        ("Mali", "alliedWith", "Russia"),
    ),
    (
        "their Iranian backers: a patron",
        "The Houthis and their Iranian backers deny the charge.",
        ("Iran", "backs", "Houthis"),
    ),
    (
        "fought together",
        "The Houthis and Hezbollah fought together in Syria.",
        ("Houthis", "alliedWith", "Hezbollah"),
    ),
    (
        "joined forces",
        "Hamas and Islamic Jihad joined forces in Gaza.",
        ("Hamas", "alliedWith", "Palestinian Islamic Jihad"),
    ),
    (
        "signed a mutual defence pact with",
        "Ethiopia signed a mutual defence pact with Eritrea.",
        ("Ethiopia", "alliedWith", "Eritrea"),
    ),
]

NOT_FOUND = [
    (
        "a leader does not lead himself",
        "The Sudan Liberation Army faction led by Minni Minawi joined the army.",
        ("Minni Minawi", "leads", "Minni Minawi"),
    ),
    (
        "the partner one fights alongside is not a fighter of the clause",
        "Hezbollah fighters fought alongside the Syrian army in Qusayr.",
        ("Syria", "alliedWith", "Syria"),
    ),
    (
        "a spokesman does not lead",
        "Kremlin spokesman Dmitry Peskov said Moscow would respond.",
        ("Dmitry Peskov", "leads", "Russia"),
    ),
    (
        "an army chief does not lead the state",
        "Sudan's army chief General Abdel Fattah al-Burhan visited Port Sudan on Monday.",
        ("Abdel Fattah al-Burhan", "leads", "Sudan"),
    ),
    (
        "a general of a force does not lead it",
        "Iran said Mohammad Reza Zahedi, a general of its Revolutionary Guards, was killed.",
        ("Mohammad Reza Zahedi", "leads", "Iran"),
    ),
    (
        "led by X, and Y: X does not lead the second",
        "The Badr Organisation, led by Hadi al-Amiri, and Kataib Hezbollah attacked "
        "Islamic State positions.",
        ("Hadi al-Amiri", "leads", "Kataib Hezbollah"),
    ),
    (
        "a commander of a unit does not lead it as a group",
        "The strike also killed Wissam al-Tawil, the commander of Hezbollah's southern front.",
        ("Wissam al-Tawil", "leads", "southern front"),
    ),
    (
        "a group does not back the state that is its ally",
        "Iran, Hezbollah's main ally, denied involvement.",
        ("Hezbollah", "backs", "Iran"),
    ),
    (
        "a peace treaty is no alliance",
        "Sudan signed a peace treaty with South Sudan.",
        ("Sudan", "alliedWith", "South Sudan"),
    ),
]


@pytest.mark.parametrize(("frame", "text", "triple"), FOUND, ids=[c[0] for c in FOUND])
def test_role_frame_found(extract_text, frame, text, triple):
    found = extract_text(text)
    assert triple in _symmetric(found.triples), f"{frame}: {sorted(found.triples)}"


@pytest.mark.parametrize(("frame", "text", "triple"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_role_frame_not_found(extract_text, frame, text, triple):
    found = extract_text(text)
    assert triple not in _symmetric(found.triples), f"{frame}: {sorted(found.triples)}"


def _symmetric(triples: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """alliedWith holds both ways round."""
    return triples | {(o, p, s) for s, p, o in triples if p == "alliedWith"}


def test_title_word_is_never_an_entity(extract_text):
    found = extract_text("Iran's Supreme Leader, Ayatollah Ali Khamenei, praised the strikes.")
    names = {found.name(r.object) for r in found.extraction.relations}
    names |= {found.name(r.subject) for r in found.extraction.relations}
    assert "Supreme Leader" not in names
