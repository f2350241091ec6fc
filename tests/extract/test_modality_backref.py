"""Denials that refer back to an accusation: the accuser's claim stands as
theirs, and the accused's denial yields a negated mention claimed by nobody."""

from __future__ import annotations


def _negated(found, s: str, p: str, o: str):
    return [m for m in found.about(s, p, o) if m.negated]


def test_charge_rejected_in_an_apposition(extract_text) -> None:
    found = extract_text(
        "The United States accused Iran of arming the Houthis, a charge Tehran rejects."
    )
    claimed = [m for m in found.about("Iran", "backs", "Houthis") if not m.negated]
    assert [found.claimant(m) for m in claimed] == ["United States"]
    (denied,) = _negated(found, "Iran", "backs", "Houthis")
    assert found.claimant(denied) is None


def test_accusation_dismissed_by_a_capital(extract_text) -> None:
    found = extract_text(
        "Washington accused Egypt of supplying weapons to the Libyan National Army,"
        " an accusation Cairo has dismissed."
    )
    (denied,) = _negated(found, "Egypt", "backs", "Libyan National Army")
    assert found.claimant(denied) is None
    assert "Cairo has dismissed" in denied.sentence


def test_denied_role_in_the_next_sentence(extract_text) -> None:
    found = extract_text(
        "Sudan's army accused the United Arab Emirates of arming the Rapid Support Forces."
        " Abu Dhabi denied any role."
    )
    (denied,) = _negated(found, "United Arab Emirates", "backs", "Rapid Support Forces")
    assert found.claimant(denied) is None


def test_dismissed_accusation_in_the_next_sentence(extract_text) -> None:
    found = extract_text(
        "Kyiv accused Belarus of supplying fuel to Russian troops near Chernihiv."
        " Minsk dismissed the accusation."
    )
    assert _negated(found, "Belarus", "backs", "Russia")


def test_a_denial_by_someone_else_negates_nothing(extract_text) -> None:
    found = extract_text(
        "Sudan accused the United Arab Emirates of arming the Rapid Support Forces,"
        " a charge Egypt rejects."
    )
    assert found.about("United Arab Emirates", "backs", "Rapid Support Forces")
    assert not _negated(found, "United Arab Emirates", "backs", "Rapid Support Forces")


def test_an_uncontested_accusation_has_no_negated_copy(extract_text) -> None:
    found = extract_text("Ukraine accused Iran of supplying drones to Russia.")
    assert found.about("Iran", "backs", "Russia")
    assert not _negated(found, "Iran", "backs", "Russia")


def test_government_rejected_the_findings(extract_text) -> None:
    found = extract_text(
        "Investigators said Sudanese army aircraft bombed a market in Nyala."
        " The Sudanese government rejected the findings."
    )
    assert ("Sudan", "targets", "Nyala") in found.triples  # the finding is still reported
    (denied,) = _negated(found, "Sudan", "targets", "Nyala")
    assert "rejected the findings" in denied.sentence


def test_accusations_called_baseless(extract_text) -> None:
    found = extract_text(
        "Ukraine accused Russia of shelling Zaporizhzhia. The Kremlin called the accusations baseless."
    )
    claimed = [m for m in found.about("Russia", "targets", "Zaporizhzhia") if not m.negated]
    assert [found.claimant(m) for m in claimed] == ["Ukraine"]
    assert _negated(found, "Russia", "targets", "Zaporizhzhia")
