"""Publication dates: from metadata strings and from a date line near the top.

News text states its date in many forms ("Published 3 October 2015",
"Oct. 1, 2015", "2015-10-01", "1 October 2015 12:00 GMT"). Only the first
lines are searched, so a date mentioned in the story ("in March 2011") is
not taken for the publication date. Slash dates (01/10/2015) are skipped
because day and month order cannot be told apart.
"""

from __future__ import annotations

import datetime as dt
import re

#: How far into the text a date line may be (in lines and characters).
TOP_LINES = 8
TOP_CHARS = 800

#: Month names and abbreviations (lower case) -> month number; also used by
#: kg.extract.dates for event dates.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
)

#: Words that mark a line as the article's own date line.
_DATE_CUE = re.compile(r"\b(published|posted|updated|date[d]?|last modified)\b", re.IGNORECASE)


def parse_date(value: str) -> dt.date | None:
    """A date from a metadata string: ISO date or datetime, or a written date.

    Returns None when ``value`` holds no complete, valid date.
    """
    value = value.strip()
    if not value:
        return None
    iso = value.replace("Z", "+00:00") if value.endswith("Z") else value
    try:
        return dt.datetime.fromisoformat(iso).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    return _first_date(value)


def find_date(text: str) -> dt.date | None:
    """The publication date stated near the top of an article, or None.

    A line with a cue ("Published", "Updated") wins over a bare date line;
    otherwise the first date in the first lines is taken.
    """
    top = text[:TOP_CHARS].splitlines()[:TOP_LINES]
    first: dt.date | None = None
    for line in top:
        found = _first_date(line)
        if found is None:
            continue
        if _DATE_CUE.search(line):
            return found
        if first is None:
            first = found
    return first


def _first_date(text: str) -> dt.date | None:
    best: tuple[int, dt.date] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found = _to_date(match)
            if found is not None and (best is None or match.start() < best[0]):
                best = (match.start(), found)
                break
    return best[1] if best else None


def _to_date(match: re.Match[str]) -> dt.date | None:
    month_text = match.group("month").lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text)
    if month is None:
        return None
    try:
        return dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None
