"""Fixtures for the extraction tests: the real model, dictionary and resolver.

``extract_text(text, published=None)`` runs the whole extractor over one
article and returns a ``Found`` whose ``triples`` are (subject name,
predicate, object name) and whose ``mentions`` are (subject name, mention)
pairs, so tests read like the sentences they check.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from kg.model import Article, Extraction, RelationMention


@dataclass(frozen=True)
class Found:
    extraction: Extraction

    def name(self, key: str) -> str:
        return self.extraction.entity(key).name

    @property
    def triples(self) -> set[tuple[str, str, str]]:
        """Asserted relations: non-negated mentions, by entity name."""
        return {
            (self.name(r.subject), r.predicate.value, self.name(r.object))
            for r in self.extraction.relations
            if not r.negated
        }

    def about(self, subject: str, predicate: str, obj: str) -> list[RelationMention]:
        """Every mention (negated ones too) of one relation."""
        return [
            r
            for r in self.extraction.relations
            if (self.name(r.subject), r.predicate.value, self.name(r.object))
            == (subject, predicate, obj)
        ]

    def claimant(self, r: RelationMention) -> str | None:
        return self.name(r.claimed_by) if r.claimed_by else None


def make_article(text: str, published: dt.date | None = None) -> Article:
    return Article(
        id=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        source="test.txt",
        published=published,
    )


@pytest.fixture(scope="session")
def resolver(actor_dictionary: Any) -> Any:
    from kg.resolve.resolver import Resolver

    return Resolver.from_dictionary(actor_dictionary)


@pytest.fixture(scope="session")
def extract_text(nlp: Any, resolver: Any) -> Callable[..., Found]:
    from kg.extract import extract

    def run(text: str, published: dt.date | None = None) -> Found:
        (found,) = list(extract([make_article(text, published)], resolver, nlp=nlp))
        return Found(found)

    return run
