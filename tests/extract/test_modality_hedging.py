"""Hedges: a relation the text marks as uncertain is kept, flagged ``hedged``
and given less confidence than the same relation stated plainly."""

from __future__ import annotations

import pytest


def _one(found, s: str, p: str, o: str):
    mentions = found.about(s, p, o)
    assert mentions, sorted(found.triples)
    (m,) = mentions
    return m


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        (
            "Egypt allegedly supplied weapons to the Libyan National Army.",
            ("Egypt", "backs", "Libyan National Army"),
        ),
        ("Iran is believed to be arming the Houthis.", ("Iran", "backs", "Houthis")),
        (
            "Russian jets appear to have struck Maarat al-Numan.",
            ("Russia", "targets", "Maarat al-Numan"),
        ),
        ("The Wagner Group is said to back the Malian army.", ("Wagner Group", "backs", "Mali")),
        ("Egypt is thought to back Khalifa Haftar.", ("Egypt", "backs", "Khalifa Haftar")),
        ("Russian forces may have shelled Zaporizhzhia.", ("Russia", "targets", "Zaporizhzhia")),
        ("Suspected Russian drones struck Odesa overnight.", ("Russia", "targets", "Odesa")),
        ("Alleged Wagner fighters attacked Moura in March.", ("Wagner Group", "targets", "Moura")),
        (
            "According to unverified reports, the Rapid Support Forces shelled Omdurman.",
            ("Rapid Support Forces", "targets", "Omdurman"),
        ),
        ("Unconfirmed reports say Turkish jets bombed Kobani.", ("Turkey", "targets", "Kobani")),
    ],
)
def test_hedge_cues(extract_text, text: str, relation: tuple[str, str, str]) -> None:
    m = _one(extract_text(text), *relation)
    assert m.hedged and not m.negated


def test_hedge_lowers_confidence(extract_text) -> None:
    plain = _one(extract_text("Turkish drones struck Sirte."), "Turkey", "targets", "Sirte")
    hedged = _one(
        extract_text("Turkish drones reportedly struck Sirte."), "Turkey", "targets", "Sirte"
    )
    assert hedged.hedged and not plain.hedged
    assert hedged.confidence < plain.confidence


def test_named_source_is_not_a_hedge(extract_text) -> None:
    found = extract_text(
        "The Sudanese army's reports say the Rapid Support Forces shelled El Obeid."
    )
    m = _one(found, "Rapid Support Forces", "targets", "El Obeid")
    assert not m.hedged


def test_attributed_claim_is_not_hedged(extract_text) -> None:
    found = extract_text("Ukraine's air force said Russian bombers struck Dnipro.")
    m = _one(found, "Russia", "targets", "Dnipro")
    assert not m.hedged
    assert found.claimant(m) == "Ukraine"
