"""Every ``Doc._`` attribute kg uses, registered once, in one place.

spaCy keeps extension names on the class for the whole process, so they are
registered here at import time (never with ``force=True`` elsewhere) and
each component only reads or writes the values on its own Doc.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: name -> default value of each Doc extension
DOC_EXTENSIONS: dict[str, object] = {
    # list[ActorMention]: actors, bases and places found by kg_actors
    "kg_mentions": None,
    # str | None: the state in focus (kg.extract.focus), decided once by kg_actors
    "kg_focus": None,
    # list[Candidate]: relation candidates found by kg_relations
    "kg_candidates": None,
    # datetime.date | None: the article's publication date (for relative dates)
    "kg_published": None,
    # dict[int, ActorMention]: trigger token index -> its antecedent (kg_coref)
    "kg_coref": None,
}


def register_extensions() -> None:
    """Register kg's Doc extensions; safe to call more than once."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
