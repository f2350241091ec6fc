"""Alliance cues beyond "allied with": fighting alongside, side by side, and
defence pacts make partners (alliedWith, either way round)."""

from __future__ import annotations

import pytest


def _allied(found, a: str, b: str) -> bool:
    return (a, "alliedWith", b) in found.triples or (b, "alliedWith", a) in found.triples


def test_coordinated_doers_struck_alongside_a_partner(extract_text) -> None:
    found = extract_text(
        "Russian and Syrian jets struck rebel positions in Idlib alongside Hezbollah fighters."
    )
    assert _allied(found, "Russia", "Hezbollah")
    assert _allied(found, "Syria", "Hezbollah")
    assert ("Hezbollah", "targets", "Idlib") in found.triples


def test_fought_side_by_side_with(extract_text) -> None:
    found = extract_text(
        "Chadian troops fought side by side with French forces against jihadists in northern Mali."
    )
    assert _allied(found, "Chad", "France")


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Russia and Belarus signed a mutual defence pact in 1999.", "Russia", "Belarus"),
        (
            "Turkey and Azerbaijan signed a defence agreement in Shusha in 2021.",
            "Turkey",
            "Azerbaijan",
        ),
    ],
)
def test_signed_defence_pact_makes_partners(extract_text, text: str, a: str, b: str) -> None:
    assert _allied(extract_text(text), a, b)


def test_possessive_allies(extract_text) -> None:
    found = extract_text("Damascus and its Russian allies pressed the offensive on Aleppo.")
    assert _allied(found, "Syria", "Russia")


def test_trade_deal_and_a_mere_meeting_make_no_alliance(extract_text) -> None:
    found = extract_text(
        "Egypt and Ethiopia signed a trade agreement. Houthi fighters attacked Marib"
        " while Saudi jets patrolled overhead."
    )
    assert not _allied(found, "Egypt", "Ethiopia")
    assert not any(p == "alliedWith" for _, p, _ in found.triples)
