"""kg's own reader, resolver and extractor, loaded once and run in batches.

The harness measures the library exactly as ``kg ingest`` uses it: texts
become ``Article``s through ``kg.read.make_article``, one ``extract`` call
runs spaCy over a whole dataset, and gold names are resolved by the same
``Resolver`` the extractor uses, so a gold actor and a predicted one agree
when kg would merge them in the graph.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench.eval.score import GoldEntity, Predicted


@dataclass(frozen=True)
class Text:
    """One text handed to kg: ``doc_id`` is the harness's id for it."""

    doc_id: str
    text: str
    published: dt.date | None = None
    title: str | None = None


@dataclass(frozen=True)
class Result:
    """What kg extracted from one text: distinct asserted relations and entity keys."""

    relations: tuple[Predicted, ...]
    entities: frozenset[str]


_STOP_TOKENS = {"the", "a", "an", "of", "and", "in", "on", "at", "by", "to", "for", "'s", "s"}
_HEAD_CUT = re.compile(
    r"\s(?:in|of|from|near|at|on|who|which|that|with|inside|outside|across)\s|,\s"
)


class Engine:
    """kg's pipeline for the harness: extraction with a cache, and name resolution."""

    def __init__(self, progress: bool = True) -> None:
        from kg.resolve.dictionary import load_dictionary
        from kg.resolve.resolver import Resolver

        self.resolver: Any = Resolver.from_dictionary(load_dictionary())
        self.progress = progress
        self._cache: dict[str, Result] = {}
        self.seconds = 0.0
        self.texts = 0

    # --- extraction -------------------------------------------------------

    def extract(self, texts: Sequence[Text], label: str = "") -> dict[str, Result]:
        """Results per ``doc_id``; a text already extracted (same words) is not run again."""
        from kg.errors import KgError
        from kg.extract import extract
        from kg.read import make_article

        todo = [t for t in dict((t.text, t) for t in texts).values() if t.text not in self._cache]
        articles, by_id = [], {}
        for t in todo:
            try:
                article = make_article(
                    t.text, source=f"eval:{t.doc_id}", title=t.title, published=t.published
                )
            except KgError:
                continue
            articles.append(article)
            by_id[article.id] = t.text
        start = last = time.monotonic()
        done = 0
        for extraction in extract(articles, self.resolver):
            text = by_id.get(extraction.article.id)
            if text is None:
                continue
            self._cache[text] = _result(extraction)
            done += 1
            now = time.monotonic()
            if self.progress and (now - last > 15 or done == len(articles)):
                last = now
                rate = done / max(now - start, 1e-9)
                print(f"  {label}: {done}/{len(articles)} texts ({rate:.1f}/s)", file=sys.stderr)
        for text in (t.text for t in todo):
            self._cache.setdefault(text, Result((), frozenset()))
        self.seconds += time.monotonic() - start
        self.texts += len(articles)
        return {t.doc_id: self._cache[t.text] for t in texts}

    # --- names ------------------------------------------------------------

    def key(self, name: str) -> str:
        """The key kg gives this name: a known entity's, else the key a new one would get.

        Gold names only look up (never create), so they cannot shape what the
        extractor resolves; the resolver knows the entities texts introduced.
        """
        from kg.resolve.names import slugify
        from kg.resolve.resolver import canonical_form

        return self.known(name) or slugify(canonical_form(name)) or f"(unresolvable) {name}"

    def known(self, name: str) -> str | None:
        """The key of a dictionary entity (or one a text introduced) with this name, else None."""
        from kg.errors import InputError

        try:
            entity = self.resolver.lookup(name)
        except InputError:
            return None
        return None if entity is None else str(entity.key)

    def entity(self, surface: str, head_only: bool = False) -> GoldEntity:
        """Gold entity for a span as a dataset wrote it ("Iraqi troops", "the ISIS group").

        Accepts the key of the whole span plus the key of every dictionary
        name found inside it (so "Iraqi troops" is Iraq when "Iraqi" is a
        demonym of Iraq). With ``head_only`` names after the first
        preposition or clause are ignored ("fighters in Syria" is not Syria).
        A leader also accepts what the dictionary says they lead: kg's
        guidelines make "Putin ordered strikes" a relation of Russia's.
        """
        text = surface.strip()
        part = _HEAD_CUT.split(f" {text} ", maxsplit=1)[0].strip() if head_only else text
        keys = {self.key(text)} if _has_word(text) else set()
        keys.update(self.known_inside(part or text))
        keys.update(led for key in list(keys) if (led := self.led_by(key)))
        return GoldEntity(frozenset(keys), surface)

    def led_by(self, key: str) -> str | None:
        """The key of the state or group a dictionary person leads, if any."""
        entry = self.resolver.entry(key) if key in self.resolver else None
        leads = getattr(entry, "leads", None)
        return self.known(leads) if leads else None

    def named(self, texts: Sequence[Text]) -> dict[str, frozenset[str]]:
        """Per text, the keys of dictionary names occurring in it (what a reader could link)."""
        return {t.doc_id: frozenset(self.known_inside(t.text, hyphen_parts=True)) for t in texts}

    def known_inside(self, text: str, longest: int = 5, hyphen_parts: bool = False) -> set[str]:
        """Keys of dictionary names occurring as word n-grams of ``text``.

        With ``hyphen_parts`` hyphenated words are also tried in parts
        ("pro-Houthi" names the Houthis as a side).
        """
        words = [w.strip(".'’") or w for w in re.findall(r"[\w.'’-]+", text)]
        parts = [p for w in words for p in w.split("-") if p] if hyphen_parts else words
        keys: set[str] = set()
        for sequence in (words, parts) if parts != words else (words,):
            keys.update(self._grams(sequence, longest))
        return keys

    def _grams(self, words: list[str], longest: int) -> set[str]:
        """Longest matches first; a name inside a longer known name does not count
        ("Syrian" in "Syrian National Army" is not Syria)."""
        keys: set[str] = set()
        covered: set[int] = set()
        for size in range(min(longest, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                if covered.issuperset(range(i, i + size)):
                    continue
                gram = words[i : i + size]
                if size == 1 and (gram[0].lower() in _STOP_TOKENS or len(gram[0]) < 2):
                    continue
                key = self.known(" ".join(gram))
                if key:
                    keys.add(key)
                    covered.update(range(i, i + size))
        return keys


def _has_word(text: str) -> bool:
    return bool(re.search(r"\w", text))


def _result(extraction: Any) -> Result:
    groups = {e.key: e.group_of for e in extraction.entities}
    relations = []
    for rel in extraction.relations:
        if rel.negated:
            continue
        subject, obj = rel.subject, rel.object
        predicate = str(rel.predicate)
        if predicate == "alliedWith" and obj < subject:
            subject, obj = obj, subject
        relations.append(Predicted(subject, predicate, obj, groups.get(subject), groups.get(obj)))
    keys = set(groups) | {g for g in groups.values() if g}
    return Result(tuple(dict.fromkeys(relations)), frozenset(keys))


def predictions(results: dict[str, Result]) -> dict[str, list[Predicted]]:
    return {doc_id: list(r.relations) for doc_id, r in results.items()}


def entities(results: dict[str, Result]) -> dict[str, frozenset[str]]:
    return {doc_id: r.entities for doc_id, r in results.items()}


def evenly(rows: Sequence[Any], limit: int | None) -> list[Any]:
    """At most ``limit`` rows spread evenly over the input (keeps countries and years mixed)."""
    if limit is None or len(rows) <= limit:
        return list(rows)
    step = len(rows) / limit
    return [rows[int(i * step)] for i in range(limit)]
