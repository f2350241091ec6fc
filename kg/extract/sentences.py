"""The ``kg_paragraphs`` component: sentence starts the parser should not guess.

Cleaned articles keep one paragraph (or headline) per line, often without
final punctuation, so a line break always ends a sentence. Event notes
often open with a date and no comma ("On 4 February 2020 Afghan forces
killed ..."), which the small parser reads as one long prepositional
phrase; the date phrase is cut off as its own segment (``kg.extract.dates``
still reads it). It runs before the parser, which keeps preset starts.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.extract.dates import MONTHS

LEADS = frozenset({"on", "reported", "as", "since", "in"})


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark sentence starts after line breaks and after a leading bare date."""
    starts = [0]
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
            starts.append(tok.i)
    for start in starts:
        end = _date_prefix_end(doc, start)
        if end is not None:
            doc[end].is_sent_start = True
    return doc


def _date_prefix_end(doc: Doc, start: int) -> int | None:
    """Index right after "On 4 February 2020" / "Reported on Feb 13" at ``start``,
    when no comma follows it."""
    i = start
    while i < len(doc) and i - start < 3 and doc[i].lower_ in LEADS:
        i += 1
    if i == start:
        return None
    j = i
    saw_month = saw_day = False
    while j < len(doc) and j - i < 4:
        tok: Token = doc[j]
        word = tok.lower_.strip(".")
        if word in MONTHS and tok.text[:1].isupper():
            saw_month = True
        elif tok.like_num and len(tok.text) <= 4:
            saw_day = True
        else:
            break
        j += 1
    if not (saw_month and saw_day) or j >= len(doc):
        return None
    nxt = doc[j]
    if nxt.is_punct or nxt.is_space:
        return None
    return j
