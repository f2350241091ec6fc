"""Who claims a relation: reporting verbs in either order, a ministry speaking
for its state, a source named at the end, quotations spanning sentences."""

from __future__ import annotations


def _one(found, s: str, p: str, o: str):
    mentions = found.about(s, p, o)
    assert mentions, sorted(found.triples)
    (m,) = mentions
    return m


def test_demonym_ministry_speaks_for_its_state(extract_text) -> None:
    found = extract_text("The Ukrainian Defence Ministry said Russian forces shelled Kherson.")
    assert found.claimant(_one(found, "Russia", "targets", "Kherson")) == "Ukraine"


def test_demonym_army_speaks_for_its_state(extract_text) -> None:
    found = extract_text(
        "The Sudanese Armed Forces said the Rapid Support Forces shelled El Fasher."
    )
    assert found.claimant(_one(found, "Rapid Support Forces", "targets", "El Fasher")) == "Sudan"


def test_possessive_ministry_speaks_for_its_state(extract_text) -> None:
    found = extract_text(
        "Sudan's foreign ministry said the UAE was arming the Rapid Support Forces."
    )
    m = _one(found, "United Arab Emirates", "backs", "Rapid Support Forces")
    assert found.claimant(m) == "Sudan"


def test_independent_organisation_keeps_its_own_name(extract_text) -> None:
    found = extract_text(
        "The Syrian Observatory for Human Rights said Russian jets struck Jisr al-Shughur."
    )
    m = _one(found, "Russia", "targets", "Jisr al-Shughur")
    assert found.claimant(m) not in (None, "Syria")


def test_inverted_reporting_clause(extract_text) -> None:
    found = extract_text("Russian forces shelled Kherson overnight, said Ukraine's military.")
    assert found.claimant(_one(found, "Russia", "targets", "Kherson")) == "Ukraine"


def test_according_to_at_the_end_of_the_sentence(extract_text) -> None:
    found = extract_text(
        "The Rapid Support Forces shelled a hospital in El Fasher, according to Médecins Sans Frontières."
    )
    m = _one(found, "Rapid Support Forces", "targets", "El Fasher")
    assert found.claimant(m) == "Médecins Sans Frontières"


def test_quotation_over_two_sentences_belongs_to_the_closing_speaker(extract_text) -> None:
    found = extract_text(
        '"Russian jets bombed Idlib overnight. They also hit Ariha," the White Helmets said.'
    )
    first = _one(found, "Russia", "targets", "Idlib")
    second = _one(found, "Russia", "targets", "Ariha")
    assert found.claimant(first) == found.claimant(second) == "White Helmets"


def test_quotation_does_not_reach_past_its_close(extract_text) -> None:
    found = extract_text(
        '"Turkish drones struck our positions near Sirte," the Libyan National Army said. '
        "Egyptian jets later bombed Derna."
    )
    assert found.claimant(_one(found, "Turkey", "targets", "Sirte")) == "Libyan National Army"
    assert found.claimant(_one(found, "Egypt", "targets", "Derna")) is None


def test_accuser_claims_the_accusation(extract_text) -> None:
    found = extract_text("Kyiv accused Tehran of supplying drones to Russia.")
    assert found.claimant(_one(found, "Iran", "backs", "Russia")) == "Ukraine"


def test_a_denial_is_nobody_s_claim(extract_text) -> None:
    found = extract_text("Turkey rejected accusations that it backs the Syrian National Army.")
    m = _one(found, "Turkey", "backs", "Syrian National Army")
    assert m.negated and found.claimant(m) is None


def test_a_speaker_who_says_not_claims_the_negation(extract_text) -> None:
    found = extract_text("Moscow said its aircraft had not carried out any strikes near Aleppo.")
    m = _one(found, "Russia", "targets", "Aleppo")
    assert m.negated and found.claimant(m) == "Russia"


def test_the_ministry_refers_back_to_the_state_s_ministry(extract_text) -> None:
    found = extract_text(
        "Russia's defence ministry said on Monday that Ukraine had launched drones overnight. "
        "The ministry said the drones targeted Belgorod."
    )
    assert found.claimant(_one(found, "Ukraine", "targets", "Belgorod")) == "Russia"


def test_the_army_refers_back_to_a_demonym_army(extract_text) -> None:
    found = extract_text(
        "The Sudanese army accused the RSF of looting. The army said the RSF shelled El Obeid."
    )
    m = _one(found, "Rapid Support Forces", "targets", "El Obeid")
    assert found.claimant(m) == "Sudan"


def test_non_restrictive_relative_clause_in_speech_is_the_writer_s(extract_text) -> None:
    found = extract_text(
        "The Houthis fired missiles at ships, saying they were acting for Palestinians in Gaza, "
        "where Israel is at war with Hamas."
    )
    assert found.claimant(_one(found, "Israel", "opposes", "Hamas")) is None


def test_final_according_to_covers_coordinated_clauses(extract_text) -> None:
    found = extract_text(
        "RSF fighters stormed the hospital in El Fasher, opened fire and looted equipment, "
        "according to the World Health Organization."
    )
    m = _one(found, "Rapid Support Forces", "targets", "El Fasher")
    assert found.claimant(m) == "World Health Organization"
