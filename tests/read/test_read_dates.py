"""Publication dates from metadata strings and from the top of the text."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.read.dates import find_date, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-10-01", dt.date(2015, 10, 1)),
        ("2015-10-01T23:30:00Z", dt.date(2015, 10, 1)),
        ("2015-10-01T23:30:00+03:00", dt.date(2015, 10, 1)),
        ("2015-10-01 12:00", dt.date(2015, 10, 1)),
        ("1 October 2015", dt.date(2015, 10, 1)),
        ("Oct. 1, 2015", dt.date(2015, 10, 1)),
        ("September 30th, 2015", dt.date(2015, 9, 30)),
        ("", None),
        ("tomorrow", None),
        ("2015-13-45", None),
        ("31 February 2016", None),
    ],
)
def test_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("Published 3 October 2015", dt.date(2015, 10, 3)),
        ("Oct. 1, 2015", dt.date(2015, 10, 1)),
        ("2015-10-01", dt.date(2015, 10, 1)),
        ("1 October 2015 12:00 GMT", dt.date(2015, 10, 1)),
        ("By a staff reporter, Sept 9, 2023", dt.date(2023, 9, 9)),
        ("Updated: 24 Feb 2022, 06:10", dt.date(2022, 2, 24)),
    ],
)
def test_find_date_in_a_date_line_near_the_top(top: str, expected: dt.date) -> None:
    text = f"Russian troops cross into Ukraine\n\n{top}\n\nRussian forces attacked Ukraine."

    assert find_date(text) == expected


def test_published_line_wins_over_an_earlier_bare_date() -> None:
    text = "Looking back at 12 March 2011\nPublished 15 March 2021\n\nTen years of war."

    assert find_date(text) == dt.date(2021, 3, 15)


def test_dates_deep_in_the_story_are_not_publication_dates() -> None:
    intro = "\n\n".join(f"Paragraph {n} about the siege of Mariupol." for n in range(10))
    text = f"Mariupol falls\n\n{intro}\n\nThe siege began on 1 March 2022."

    assert find_date(text) is None


def test_slash_dates_and_month_year_alone_are_ignored() -> None:
    assert find_date("Libya talks\n01/10/2015\nIn March 2011 protests began.") is None
