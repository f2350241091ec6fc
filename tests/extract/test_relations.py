"""Each relation pattern family, on news-style sentences from several conflicts.

The sentences are written for these tests (Syria, Yemen, Libya, Ukraine,
Sudan, the Sahel, Iraq, Somalia); each case names the family it exercises.
"""

from __future__ import annotations

import pytest

CASES = [
    # active voice
    (
        "active",
        "Saudi-led coalition jets struck Houthi positions in Hodeidah on Tuesday.",
        ("Saudi-led coalition", "targets", "Houthis"),
    ),
    (
        "active",
        "The Rapid Support Forces shelled El Fasher for a third straight day.",
        ("Rapid Support Forces", "targets", "El Fasher"),
    ),
    (
        "active, demonym force noun",
        "Russian forces shelled Kharkiv overnight, damaging a power station.",
        ("Russia", "targets", "Kharkiv"),
    ),
    (
        "active, verb and preposition",
        "Ahrar al-Sham has fought against the Islamic State in the Aleppo countryside.",
        ("Ahrar al-Sham", "opposes", "Islamic State"),
    ),
    # passive voice and coordination of the agents
    (
        "passive, coordinated agents",
        "Haftar's Libyan National Army, backed by the UAE and Egypt, advanced on Tripoli.",
        ("Egypt", "backs", "Libyan National Army"),
    ),
    (
        "passive, coordinated agents",
        "Haftar's Libyan National Army, backed by the UAE and Egypt, advanced on Tripoli.",
        ("United Arab Emirates", "backs", "Libyan National Army"),
    ),
    (
        "passive",
        "Russian positions in Kherson were attacked by Ukrainian special forces.",
        ("Ukraine", "targets", "Russia"),
    ),
    # apposition
    (
        "apposition with a participle",
        "Hezbollah, a Shiite movement armed by Iran, sent fighters to Qusayr.",
        ("Iran", "backs", "Hezbollah"),
    ),
    # compound modifiers
    (
        "compound modifier X-backed",
        "The Turkish-backed Syrian National Army captured the town of Afrin.",
        ("Turkey", "backs", "Syrian National Army"),
    ),
    (
        "compound modifier, possessive base",
        "Drones hit the Russian army's Hmeymim air base overnight.",
        ("Russia", "basedAt", "Hmeymim Air Base"),
    ),
    # coordination on the object side
    (
        "coordinated objects",
        "The Syrian army shelled Ariha and Saraqeb in Idlib province.",
        ("Syria", "targets", "Saraqib"),
    ),
    # relative clauses
    (
        "relative clause, passive",
        "The Houthis, who are backed by Iran, have attacked ships in the Red Sea.",
        ("Iran", "backs", "Houthis"),
    ),
    (
        "relative clause, location",
        "Fighting spread to Tessalit, which is located in the Kidal region.",
        ("Tessalit", "locatedIn", "Kidal"),
    ),
    # X's ally Y
    (
        "possessive ally",
        "Hezbollah, Iran's closest ally in Lebanon, deployed fighters near Homs.",
        ("Iran", "backs", "Hezbollah"),
    ),
    (
        "demonym ally",
        "The raids were meant to shore up Russian ally President Bashar al-Assad.",
        ("Russia", "backs", "Syria"),
    ),
    # in support of
    (
        "in support of",
        "Wagner fighters arrived in Bangui in 2018 in support of President Faustin-Archange Touadera's government.",
        ("Wagner Group", "backs", "Central African Republic"),
    ),
    # nominal attacks
    (
        "nominal targets, demonym owner",
        "Residents counted dozens of Russian air strikes in Bakhmut and Avdiivka.",
        ("Russia", "targets", "Avdiivka"),
    ),
    (
        "nominal targets, light verb",
        "Kyiv launched an attack on the Russian naval base in Sevastopol.",
        ("Ukraine", "targets", "Russia"),
    ),
    (
        "nominal targets, response",
        "The Sudanese army responded with air strikes on RSF bases in Omdurman.",
        ("Sudan", "targets", "Rapid Support Forces"),
    ),
    # target of
    (
        "the target of",
        "Al-Shabaab has long been the target of both Kenyan and Somali forces.",
        ("Kenya", "targets", "al-Shabaab"),
    ),
    (
        "the target of",
        "Al-Shabaab has long been the target of both Kenyan and Somali forces.",
        ("Somalia", "targets", "al-Shabaab"),
    ),
    # leads
    (
        "leader apposition",
        "Khalifa Haftar, the commander of the Libyan National Army, flew to Moscow.",
        ("Khalifa Haftar", "leads", "Libyan National Army"),
    ),
    (
        "title with demonym",
        "Ukrainian President Volodymyr Zelensky visited troops near Bakhmut.",
        ("Volodymyr Zelensky", "leads", "Ukraine"),
    ),
    (
        "led by",
        "The Wagner Group, which was led by Yevgeny Prigozhin, withdrew from Bakhmut.",
        ("Yevgeny Prigozhin", "leads", "Wagner Group"),
    ),
    # partOf
    (
        "member noun",
        "JNIM, an al-Qaeda affiliate active across the Sahel, claimed the ambush.",
        ("Jama'at Nasr al-Islam wal-Muslimin", "partOf", "al-Qaeda"),
    ),
    (
        "coalition that includes",
        "Jaish al-Fatah, a coalition of rebel groups that includes Ahrar al-Sham, seized Idlib city.",
        ("Ahrar al-Sham", "partOf", "Jaish al-Fatah"),
    ),
    # basedAt
    (
        "stationed at",
        "Around 2,500 U.S. troops are stationed at Ain al-Asad air base in Anbar province.",
        ("United States", "basedAt", "Ain al-Asad Air Base"),
    ),
    (
        "base at",
        "Rebels shelled the Russian base at Hmeymim from the hills.",
        ("Russia", "basedAt", "Hmeymim Air Base"),
    ),
    # locatedIn
    (
        "near",
        "Clashes erupted at Mitiga airport near Tripoli.",
        ("Mitiga International Airport", "locatedIn", "Tripoli"),
    ),
    (
        "direction of",
        "Drones struck Al-Anad air base, north of Aden, on Sunday.",
        ("Al-Anad Air Base", "locatedIn", "Aden"),
    ),
    (
        "apposition place near",
        "Shelling hit Talbiseh and Rastan, two towns near Homs, overnight.",
        ("Rastan", "locatedIn", "Homs"),
    ),
    # clashes, shared objects, dates glued to the subject, attacks with an agent
    (
        "clash between",
        "Heavy clashes took place between the Rapid Support Forces and the Sudanese army in Omdurman.",
        ("Rapid Support Forces", "targets", "Sudan"),
    ),
    (
        "clash with",
        "Taliban militants clashed with Afghan commandos in Balkh province.",
        ("Taliban", "targets", "Afghanistan"),
    ),
    (
        "coordinated verbs share the object",
        "Iraqi forces targeted and destroyed three Islamic State tunnels in Anbar.",
        ("Iraq", "targets", "Islamic State"),
    ),
    (
        "date phrase without a comma",
        "On 4 March 2021 Al-Shabaab militants attacked Kenyan troops near Lamu.",
        ("al-Shabaab", "targets", "Kenya"),
    ),
    (
        "killed in strikes conducted by",
        "Four PKK militants were killed in airstrikes conducted by the Turkish army near Dohuk.",
        ("Turkey", "targets", "Kurdistan Workers' Party"),
    ),
    (
        "instrument of an infinitive",
        "The Houthis used drones to attack Saudi Aramco facilities in Abqaiq.",
        ("Houthis", "targets", "Saudi Arabia"),
    ),
    # alliedWith
    (
        "fight alongside",
        "Ansar Dine fought alongside al-Qaeda in the Islamic Maghreb in northern Mali.",
        ("Ansar Dine", "alliedWith", "al-Qaeda in the Islamic Maghreb"),
    ),
]


@pytest.mark.parametrize(("family", "text", "triple"), CASES, ids=[c[0] for c in CASES])
def test_relation_family(
    extract_text, family: str, text: str, triple: tuple[str, str, str]
) -> None:
    found = extract_text(text)
    got = {_loose(t) for t in found.triples}
    if triple[1] == "alliedWith":  # symmetric
        got |= {(o, p, s) for s, p, o in got}
    assert _loose(triple) in got, sorted(found.triples)


def _loose(triple: tuple[str, str, str]) -> tuple[str, str, str]:
    s, p, o = triple
    return (s.lower(), p, o.lower())


def test_no_self_relations_and_types_are_enforced(extract_text) -> None:
    found = extract_text(
        "Russian jets bombed Latakia, and Russia's Hmeymim air base lies near Latakia."
    )
    types = {e.name: e.type.value for e in found.extraction.entities}
    for r in found.extraction.relations:
        assert r.subject != r.object
        s, o = found.name(r.subject), found.name(r.object)
        if r.predicate.value == "locatedIn":
            assert types[s] in ("Base", "Place") and types[o] == "Place"
        if r.predicate.value == "basedAt":
            assert types[o] == "Base"


def test_a_state_is_never_located_in_a_place(extract_text) -> None:
    found = extract_text("Hmeymim air base near Latakia on Syria's Mediterranean coast was hit.")
    assert ("Hmeymim Air Base", "locatedIn", "Latakia") in found.triples
    assert not [t for t in found.triples if t[1] == "locatedIn" and t[2] == "Syria"]


def test_alongside_is_not_an_alliance_with_the_victim(extract_text) -> None:
    found = extract_text(
        "Islamist groups have been targeted alongside the Islamic State by Russian jets."
    )
    assert ("Russia", "targets", "Islamic State") in found.triples
    assert not [t for t in found.triples if t[1] == "alliedWith"]


def test_sentences_end_at_line_breaks(extract_text) -> None:
    found = extract_text(
        "Houthi rebels fire missiles at Saudi airport\n"
        "Saudi Arabia intercepted most of them on Monday."
    )
    for r in found.extraction.relations:
        assert "\n" not in r.sentence


def test_attack_suffered_by_the_subject(extract_text) -> None:
    found = extract_text("Iraqi forces came under heavy fire from Islamic State fighters in Mosul.")
    assert ("Islamic State", "targets", "Iraq") in found.triples


def test_war_with(extract_text) -> None:
    found = extract_text(
        "Hezbollah, which fought a month-long war with Israel in 2006, sent fighters to Syria."
    )
    assert ("Hezbollah", "opposes", "Israel") in found.triples


def test_noise_and_odd_input_do_not_break_extraction(extract_text) -> None:
    for text in [
        "",
        "   \n\n  ",
        "?!?!",
        "ISIS ISIS ISIS ISIS",
        "\u202e\u200b Russia \u0000 struck \ufffd Idlib",
        "Russia " * 500,
        "and and and, the the of by by -",
    ]:
        found = extract_text(text)
        for r in found.extraction.relations:
            assert text[r.start : r.end] == r.sentence
