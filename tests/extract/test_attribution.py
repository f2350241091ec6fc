"""Claims, hedges, denials and hypotheticals, on sentences from several conflicts."""

from __future__ import annotations


def _only(found, s: str, p: str, o: str):
    mentions = found.about(s, p, o)
    assert mentions, sorted(found.triples)
    return mentions


def test_speaker_of_reported_speech_claims_the_relation(extract_text) -> None:
    found = extract_text("Russian forces shelled Kharkiv overnight, Ukrainian officials said.")
    (m,) = _only(found, "Russia", "targets", "Kharkiv")
    assert found.claimant(m) == "Ukraine"
    assert not m.hedged and not m.negated


def test_state_claims_its_own_strikes(extract_text) -> None:
    found = extract_text("Russia has claimed its strikes were aimed at the Islamic State.")
    (m,) = _only(found, "Russia", "targets", "Islamic State")
    assert found.claimant(m) == "Russia"


def test_according_to(extract_text) -> None:
    found = extract_text(
        "According to the Sudanese army, the Rapid Support Forces shelled El Fasher again."
    )
    (m,) = _only(found, "Rapid Support Forces", "targets", "El Fasher")
    assert found.claimant(m) == "Sudan"


def test_accusation_gives_one_mention_per_claimant(extract_text) -> None:
    found = extract_text(
        "Syrian and Russian officials have accused U.S. forces of arming the Syrian Democratic Forces."
    )
    mentions = _only(found, "United States", "backs", "Syrian Democratic Forces")
    assert {found.claimant(m) for m in mentions} == {"Syria", "Russia"}


def test_a_person_speaker_claims_for_himself(extract_text) -> None:
    found = extract_text(
        "Abdelmalek Droukdel, the leader of al-Qaeda in the Islamic Maghreb, said French jets bombed Kidal."
    )
    (m,) = _only(found, "France", "targets", "Kidal")
    assert found.claimant(m) == "Abdelmalek Droukdel"


def test_head_of_state_speaks_for_the_state(extract_text) -> None:
    found = extract_text("Putin said Russian jets had struck the Islamic State near Palmyra.")
    (m,) = _only(found, "Russia", "targets", "Islamic State")
    assert found.claimant(m) == "Russia"


def test_quoted_statement_is_claimed_by_the_group(extract_text) -> None:
    found = extract_text(
        'Ahrar al-Sham issued a statement saying: "We are now targeting the Russian base at Hmeymim airport."'
    )
    (m,) = _only(found, "Ahrar al-Sham", "targets", "Hmeymim Air Base")
    assert found.claimant(m) == "Ahrar al-Sham"


def test_news_agencies_report_but_do_not_claim(extract_text) -> None:
    found = extract_text("Houthi drones struck an oil terminal in Jeddah, Reuters reported.")
    (m,) = _only(found, "Houthis", "targets", "Jeddah")
    assert m.claimed_by is None


def test_hedges(extract_text) -> None:
    for text, triple in [
        ("The Syrian army has reportedly shelled Saraqeb.", ("Syria", "targets", "Saraqib")),
        (
            "The LNA is believed to have received drones from the United Arab Emirates.",
            ("United Arab Emirates", "backs", "Libyan National Army"),
        ),
        (
            "Wagner fighters allegedly attacked villagers near Moura.",
            ("Wagner Group", "targets", "Moura"),
        ),
        (
            "Iran may have supplied the Houthis with ballistic missiles.",
            ("Iran", "backs", "Houthis"),
        ),
        (
            "Video purportedly shows JNIM fighters attacking a Malian army post in Boni.",
            ("Jama'at Nasr al-Islam wal-Muslimin", "targets", "Boni"),
        ),
    ]:
        found = extract_text(text)
        mentions = _only(found, *triple)
        assert all(m.hedged for m in mentions), text


def test_an_adverbial_phrase_does_not_inherit_the_hedge(extract_text) -> None:
    found = extract_text(
        "Rebels were reportedly shelling the airport in response to Russian air strikes against Ahrar al-Sham."
    )
    (m,) = _only(found, "Russia", "targets", "Ahrar al-Sham")
    assert not m.hedged


def test_hedging_and_claims_lower_confidence(extract_text) -> None:
    plain = _only(extract_text("Russian jets bombed Idlib."), "Russia", "targets", "Idlib")[0]
    hedged = _only(
        extract_text("Russian jets reportedly bombed Idlib."), "Russia", "targets", "Idlib"
    )[0]
    claimed = _only(
        extract_text("Russian jets bombed Idlib, Turkish officials said."),
        "Russia",
        "targets",
        "Idlib",
    )[0]
    assert 0 < hedged.confidence < plain.confidence <= 1
    assert claimed.confidence < plain.confidence


def test_negation_and_denial(extract_text) -> None:
    found = extract_text("Ukraine denied that its drones had attacked the Kremlin.")
    (m,) = _only(found, "Ukraine", "targets", "Russia")
    assert m.negated and found.claimant(m) is None  # a denier claims the opposite
    assert ("Ukraine", "targets", "Russia") not in found.triples

    found = extract_text("Turkish troops did not attack Kurdish positions in Kobani on Monday.")
    assert all(m.negated for m in found.extraction.relations)
    assert not found.triples

    found = extract_text(
        "The airstrikes were never meant to target the Islamic State, Horowitz said."
    )
    assert not [t for t in found.triples if t[2] == "Islamic State"]


def test_hypotheticals_warnings_and_questions_yield_nothing(extract_text) -> None:
    for text in [
        "U.S. officials warned that any Russian attack on moderate rebels would escalate the war.",
        "If Turkey attacked Kobani, the Kurdish militia would withdraw.",
        "Did Russia strike the hospital in Mariupol?",
        "Russia could strike Ukrainian ports in the Black Sea.",
        "Egypt threatened to send troops to Sirte.",
        "Rather than cooperating with the United States, Russia chose its own path.",
    ]:
        assert not extract_text(text).triples, text


def test_a_definite_attack_keeps_the_source_of_its_first_report(extract_text) -> None:
    found = extract_text(
        "Saudi jets bombed Saada on Monday, Houthi officials said. "
        "The raids on Saada killed nine people, Ahmed Saleh, a local medic, told reporters."
    )
    mentions = found.about("Saudi Arabia", "targets", "Saada")
    assert len(mentions) == 2, found.triples
    assert {found.claimant(m) for m in mentions} == {"Houthis"}


def test_speaker_after_an_apposition_is_found(extract_text) -> None:
    found = extract_text(
        "Russian jets bombed Saraqeb overnight, Ahmed Saleh, a local council member, told reporters."
    )
    (m,) = found.about("Russia", "targets", "Saraqib")
    assert found.claimant(m) == "Ahmed Saleh"
