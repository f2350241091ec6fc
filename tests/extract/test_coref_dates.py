"""Coreference that matters for relations, and event dates."""

from __future__ import annotations

import datetime as dt

from kg.extract.dates import parse_date

PUBLISHED = dt.date(2019, 4, 10)  # a Wednesday


def test_the_group_refers_to_the_group_in_focus(extract_text) -> None:
    found = extract_text(
        "Ahrar al-Sham released a video on Monday. The group said its fighters had shelled the Hmeymim air base."
    )
    assert ("Ahrar al-Sham", "targets", "Hmeymim Air Base") in found.triples


def test_the_group_prefers_the_subject_in_focus(extract_text) -> None:
    found = extract_text(
        "Al-Shabaab has fought the Islamic State in Puntland for years. "
        "The group was reportedly backed by Eritrea in its early days."
    )
    assert ("Eritrea", "backs", "al-Shabaab") in found.triples, found.triples


def test_pronoun_subject_in_the_next_sentence(extract_text) -> None:
    found = extract_text(
        "Ansar Dine seized Timbuktu in 2012. It later merged into JNIM with three other groups."
    )
    assert ("Ansar Dine", "partOf", "Jama'at Nasr al-Islam wal-Muslimin") in found.triples


def test_pronoun_in_reported_speech_is_the_speaker(extract_text) -> None:
    found = extract_text("The Houthis said they had targeted Aramco facilities in Jeddah.")
    (m,) = found.about("Houthis", "targets", "Jeddah")
    assert found.claimant(m) == "Houthis"


def test_demonym_president_is_the_state(extract_text) -> None:
    found = extract_text("The Syrian president thanked Moscow after Russian jets bombed Saraqeb.")
    assert ("Russia", "targets", "Saraqib") in found.triples


def test_ambiguous_group_reference_is_left_alone(extract_text) -> None:
    found = extract_text(
        "Hezbollah and Hamas exchanged messages on Tuesday. The group then shelled Kiryat Shmona."
    )
    assert not [t for t in found.triples if t[1] == "targets"]


def test_definite_attack_takes_the_last_attacker(extract_text) -> None:
    found = extract_text(
        "Russian jets struck Idlib on Monday. The strikes also hit Maarat al-Numan."
    )
    assert ("Russia", "targets", "Maarat al-Numan") in found.triples, found.triples


def test_parse_date_relative_to_the_article() -> None:
    assert parse_date("Monday", PUBLISHED) == dt.date(2019, 4, 8)
    assert parse_date("Wednesday", PUBLISHED) == PUBLISHED
    assert parse_date("June 4", PUBLISHED) == dt.date(2018, 6, 4)
    assert parse_date("April 2", PUBLISHED) == dt.date(2019, 4, 2)
    assert parse_date("4 June 2017", PUBLISHED) == dt.date(2017, 6, 4)
    assert parse_date("July", PUBLISHED) == dt.date(2018, 7, 1)
    assert parse_date("2015", PUBLISHED) == dt.date(2015, 1, 1)
    assert parse_date("yesterday", PUBLISHED) == dt.date(2019, 4, 9)
    assert parse_date("Monday", None) is None
    assert parse_date("the past", PUBLISHED) is None


def test_event_date_from_the_sentence_else_the_article(extract_text) -> None:
    found = extract_text(
        "Haftar's forces launched an offensive on Tripoli on April 4. Turkish drones struck Sirte.",
        published=PUBLISHED,
    )
    (first,) = found.about("Libyan National Army", "targets", "Tripoli")
    assert first.event_date == dt.date(2019, 4, 4)
    (second,) = found.about("Turkey", "targets", "Sirte")
    assert second.event_date == PUBLISHED
    found = extract_text("Russian jets bombed Idlib.")
    assert found.extraction.relations[0].event_date is None


def test_leading_bare_date_is_cut_off_and_still_dates_the_event(extract_text) -> None:
    found = extract_text(
        "On 9 February 2020 a Taliban sniper shot and killed an Afghan soldier in Maywand district.",
        published=dt.date(2020, 2, 11),
    )
    (m,) = found.about("Taliban", "targets", "Afghanistan")
    assert m.event_date == dt.date(2020, 2, 9)
    assert m.sentence.startswith("a Taliban sniper")
