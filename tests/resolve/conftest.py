"""Fixtures for the dictionary-coverage tests: what a sentence's mentions and
relations resolve to, through the real spaCy pipeline and resolver."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from kg.extract import extract
from kg.model import Article
from kg.resolve.resolver import Resolver


@pytest.fixture(scope="module")
def keys_in(nlp: Any, actor_dictionary: Any):
    """text -> keys of the dictionary entities its actor mentions name."""

    def run(text: str) -> set[str]:
        entries = (actor_dictionary.get(m.name) for m in nlp(text)._.kg_mentions)
        return {e.key for e in entries if e is not None}

    return run


@pytest.fixture(scope="module")
def triples_in(nlp: Any, actor_dictionary: Any):
    """text -> asserted (subject key, predicate, object key) relations."""

    def run(text: str) -> set[tuple[str, str, str]]:
        article = Article(id=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")
        resolver = Resolver.from_dictionary(actor_dictionary)
        (found,) = list(extract([article], resolver, nlp=nlp))
        return {(r.subject, r.predicate.value, r.object) for r in found.relations if not r.negated}

    return run
