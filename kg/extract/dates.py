"""Event dates from the words of a sentence, relative to the article's date.

"on June 4", "on Wednesday", "in July", "since 2015", "last week",
"yesterday", "on 4 June 2019": the date the relation held, resolved against
the publication date (a weekday or a month without a year is the latest one
not after it). Anything unreadable falls back to the article date.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from kg.read.dates import MONTHS

WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")


def parse_date(text: str, published: dt.date | None) -> dt.date | None:
    """The date ``text`` (a DATE entity) names, or None when it names none."""
    low = text.lower().replace(",", " ")
    words = low.split()
    if published is not None:
        if "yesterday" in words:
            return published - dt.timedelta(days=1)
        if "today" in words or "tonight" in words:
            return published
        if "last" in words and "week" in words:
            return published - dt.timedelta(days=7)
    year_m = YEAR.search(low)
    year = int(year_m.group(1)) if year_m else None
    month = next((MONTHS[w.strip(".")] for w in words if w.strip(".") in MONTHS), None)
    if month == 5 and "may" in words and not year and not DAY.search(low.replace("may", "")):
        # "may" alone is more often the modal verb than the month
        month = None if len(words) == 1 and published is None else month
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    if month is not None:
        rest = low
        if year_m:
            rest = rest.replace(year_m.group(1), " ")
        day_m = DAY.search(rest)
        day = int(day_m.group(1)) if day_m and 1 <= int(day_m.group(1)) <= 31 else 1
        if year is None:
            if published is None:
                return None
            year = published.year
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                return None
            if candidate > published:
                year -= 1
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    if weekday is not None and published is not None:
        back = (published.weekday() - weekday) % 7
        return published - dt.timedelta(days=back)
    if year is not None:
        return dt.date(year, 1, 1)
    return None


def event_date(sent: Span, trigger: Token, published: dt.date | None) -> dt.date | None:
    """The date of the event the trigger names: a DATE in its clause, else in its sentence."""
    dates = [e for e in sent.ents if e.label_ == "DATE"]
    if not dates and sent.start > 0:
        # "On 4 February 2020 | Afghan forces ...": the date segment cut off before
        before = sent.doc[sent.start - 1].sent
        if len(before) <= 6:
            parsed = [parse_date(e.text, published) for e in before.ents if e.label_ == "DATE"]
            usable = [d for d in parsed if d is not None and (published is None or d <= published)]
            return usable[0] if usable else published
    if not dates:
        return published
    ancestors = {trigger.i, *(t.i for t in trigger.ancestors)}

    def attached(ent: Span) -> bool:
        head = ent.root.head
        return head.i in ancestors or (head.head.i in ancestors and head.dep_ == "prep")

    ordered = sorted(dates, key=lambda e: (not attached(e), abs(e.start - trigger.i)))
    for ent in ordered:
        found = parse_date(ent.text, published)
        if found is not None:
            if published is not None and found > published:
                continue
            return found
    return published
