"""The ``kg_paragraphs`` component: a line break always ends a sentence.

Cleaned articles keep one paragraph (or headline) per line, often without
final punctuation; the parser would otherwise glue a headline to the
paragraph after it. It runs before the parser, which keeps preset starts.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token after any newline as a sentence start."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc
