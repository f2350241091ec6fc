"""Denials and negations: a denied relation is kept as a negated mention, never
asserted; the denial's scope ends at the clause it governs."""

from __future__ import annotations


def _mentions(found, s: str, p: str, o: str):
    mentions = found.about(s, p, o)
    assert mentions, sorted(found.triples)
    return mentions


def test_denial_verb_with_a_gerund_complement_negates(extract_text) -> None:
    found = extract_text("Tehran has repeatedly denied arming the Houthis in Yemen.")
    (m,) = _mentions(found, "Iran", "backs", "Houthis")
    assert m.negated
    assert ("Iran", "backs", "Houthis") not in found.triples


def test_dismissed_report_is_negated_and_claimed_by_nobody(extract_text) -> None:
    found = extract_text("The Kremlin dismissed reports that its jets bombed a market in Idlib.")
    (m,) = _mentions(found, "Russia", "targets", "Idlib")
    assert m.negated
    assert found.claimant(m) is None


def test_rejected_accusation_is_negated(extract_text) -> None:
    found = extract_text(
        "Abu Dhabi rejected accusations that it supplies weapons to the Rapid Support Forces."
    )
    (m,) = _mentions(found, "United Arab Emirates", "backs", "Rapid Support Forces")
    assert m.negated


def test_not_any_strikes_is_a_denial_not_a_hypothetical(extract_text) -> None:
    found = extract_text(
        "Russian aircraft have not carried out any strikes near Kharkiv, the ministry said."
    )
    (m,) = _mentions(found, "Russia", "targets", "Kharkiv")
    assert m.negated


def test_apposition_of_the_denier_is_outside_the_denial(extract_text) -> None:
    found = extract_text(
        "Yevgeny Prigozhin, the Wagner founder, denied that his fighters had abandoned Bakhmut."
    )
    (m,) = _mentions(found, "Yevgeny Prigozhin", "leads", "Wagner Group")
    assert not m.negated


def test_subject_of_a_negated_clause_keeps_its_relative_clause(extract_text) -> None:
    found = extract_text(
        "The Houthis, who attacked Aden in 2019, did not comment on the talks in Muscat."
    )
    (m,) = _mentions(found, "Houthis", "targets", "Aden")
    assert not m.negated


def test_responsibility_denied_in_the_same_sentence(extract_text) -> None:
    found = extract_text(
        "Kataib Hezbollah attacked the Ain al-Asad air base, but the group denied responsibility."
    )
    mentions = [
        m for m in found.extraction.relations if found.name(m.subject) == "Kataib Hezbollah"
    ]
    assert mentions and all(m.negated for m in mentions)


def test_responsibility_denied_in_a_relative_clause(extract_text) -> None:
    found = extract_text("The Wagner Group, which denied any role, attacked the village of Moura.")
    (m,) = _mentions(found, "Wagner Group", "targets", "Moura")
    assert m.negated


def test_responsibility_denied_in_the_next_sentence(extract_text) -> None:
    found = extract_text("Malian army drones struck Kidal on Sunday. Mali denied any involvement.")
    (m,) = _mentions(found, "Mali", "targets", "Kidal")
    assert m.negated


def test_denial_of_responsibility_covers_only_the_denier(extract_text) -> None:
    found = extract_text(
        "Russian missiles struck Odesa as Ukrainian drones hit Belgorod. "
        "Kyiv denied responsibility for the blast in Belgorod."
    )
    (m,) = _mentions(found, "Russia", "targets", "Odesa")
    assert not m.negated
    (m,) = _mentions(found, "Ukraine", "targets", "Belgorod")
    assert m.negated


def test_withdrawn_support_is_not_current_support(extract_text) -> None:
    found = extract_text("In 2021 Russia withdrew its support for Khalifa Haftar in Libya.")
    (m,) = _mentions(found, "Russia", "backs", "Khalifa Haftar")
    assert m.negated


def test_plain_support_is_not_negated(extract_text) -> None:
    found = extract_text("Russia increased its support for Khalifa Haftar in Libya.")
    (m,) = _mentions(found, "Russia", "backs", "Khalifa Haftar")
    assert not m.negated


def test_denied_role_in_another_matter_leaves_the_attack(extract_text) -> None:
    found = extract_text(
        "Ukrainian drones hit Belgorod on Sunday. Kyiv denied any role in the peace talks."
    )
    (m,) = _mentions(found, "Ukraine", "targets", "Belgorod")
    assert not m.negated


def test_denied_responsibility_does_not_undo_backing(extract_text) -> None:
    found = extract_text(
        "The Iran-backed Houthis fired missiles at Eilat. Iran denied any role in the attack."
    )
    (m,) = _mentions(found, "Iran", "backs", "Houthis")
    assert not m.negated


def test_a_denial_that_is_itself_negated_is_no_denial(extract_text) -> None:
    found = extract_text("Damascus did not deny that its helicopters had bombed Daraa.")
    (m,) = _mentions(found, "Syria", "targets", "Daraa")
    assert not m.negated


def test_an_unconfirmed_claim_is_not_the_silent_party_s(extract_text) -> None:
    found = extract_text("Kyiv did not confirm that its drones had struck the Engels air base.")
    (m,) = _mentions(found, "Ukraine", "targets", "Engels Air Base")
    assert not m.negated and found.claimant(m) is None


def test_an_attack_that_ended_still_happened(extract_text) -> None:
    found = extract_text("Russia halted its strikes on Kharkiv in March.")
    for m in found.about("Russia", "targets", "Kharkiv"):
        assert not m.negated
    assert ("Russia", "targets", "Kharkiv") in found.triples
