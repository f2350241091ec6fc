"""A blocking index over entity name forms, so matching stays sub-quadratic.

Why: comparing a new name with every known entity grows with the square of
the graph. Instead each form is filed under a few exact keys (its
normalised form, its transliteration skeleton, its case-preserving acronym,
its word tokens, their prefixes and skeletons); a look-up reads only the
postings under the query's keys and compares at most ``max_candidates`` of
them.
``comparisons`` counts the string-similarity calls made, for tests.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from rapidfuzz import fuzz

from kg.resolve.names import acronym_key, is_acronym, is_short_acronym, normalize, skeleton

__all__ = ["BlockingIndex", "FormKind", "Posting"]

#: Tokens too common to block on ("army", "forces" ...) and articles.
_STOP_TOKENS = frozenset(
    [
        "al",
        "the",
        "of",
        "and",
        "for",
        "in",
        "on",
        "de",
        "la",
        "le",
        "du",
        "des",
        "army",
        "forces",
        "force",
        "front",
        "brigade",
        "brigades",
        "battalion",
        "division",
        "regiment",
        "group",
        "movement",
        "party",
        "council",
        "state",
        "islamic",
        "national",
        "people",
        "peoples",
        "liberation",
        "revolutionary",
        "republic",
        "united",
        "democratic",
        "union",
        "air",
        "base",
        "airbase",
        "airport",
        "naval",
        "new",
        "south",
        "north",
        "east",
        "west",
        "central",
        "southern",
        "northern",
        "eastern",
        "western",
        "governorate",
        "province",
        "oblast",
        "region",
        "district",
        "city",
    ]
)
_PREFIX = 4


class FormKind(IntEnum):
    """How a form names its entity; lower wins when several entities share a key."""

    NAME = 0
    ALIAS = 1
    FORCE = 2
    DEMONYM = 3


@dataclass(frozen=True)
class Posting:
    """One name form of one entity, as filed in the index."""

    key: str
    form: str
    norm: str
    kind: FormKind
    rank: int  # order of the entity in the dictionary (stable tie-break)


@dataclass(frozen=True)
class _Stats:
    lookups: int
    comparisons: int
    max_block: int


class BlockingIndex:
    """Name forms filed under exact keys; every look-up is a few dict reads."""

    def __init__(self, max_candidates: int = 64) -> None:
        self.max_candidates = max_candidates
        self._by_norm: dict[str, list[Posting]] = defaultdict(list)
        self._by_skeleton: dict[str, list[Posting]] = defaultdict(list)
        self._by_acronym: dict[str, list[Posting]] = defaultdict(list)
        self._by_token: dict[str, list[Posting]] = defaultdict(list)
        self._by_initials: dict[str, list[Posting]] = defaultdict(list)
        self._seen: set[tuple[str, str, str]] = set()
        self.comparisons = 0
        self.lookups = 0
        self.largest_candidate_set = 0

    def add(self, key: str, form: str, kind: FormKind, rank: int) -> None:
        """File one form of entity ``key`` (idempotent)."""
        form = form.strip()
        norm = normalize(form)
        if not norm or (key, norm, form) in self._seen:
            return
        self._seen.add((key, norm, form))
        posting = Posting(key, form, norm, kind, rank)
        if is_acronym(form):
            self._by_acronym[acronym_key(form)].append(posting)
            if is_short_acronym(form):
                return  # "IS", "US": never by lower-case form, never fuzzy
        else:
            skel = skeleton(form)
            if skel:
                self._by_skeleton[skel].append(posting)
            letters = initials(form)
            if len(letters) >= 3:
                self._by_initials[letters].append(posting)
        self._by_norm[norm].append(posting)
        for token in _block_tokens(norm):
            self._by_token[token].append(posting)
            self._by_token["^" + token[:_PREFIX]].append(posting)
            self._by_token["~" + skeleton(token)].append(posting)

    def add_all(self, key: str, forms: Iterable[tuple[str, FormKind]], rank: int) -> None:
        for form, kind in forms:
            self.add(key, form, kind, rank)

    def acronym(self, form: str) -> list[Posting]:
        """Entities with exactly this acronym (case-sensitive, dots ignored)."""
        self.lookups += 1
        return list(self._by_acronym.get(acronym_key(form), ()))

    def by_initials(self, letters: str) -> list[Posting]:
        """Multi-word forms whose capitalised words' initials spell ``letters``."""
        self.lookups += 1
        return self._bounded(list(self._by_initials.get(letters, ())))

    def exact(self, norm: str) -> list[Posting]:
        """Forms whose normalised key equals ``norm``."""
        self.lookups += 1
        return list(self._by_norm.get(norm, ()))

    def same_skeleton(self, skel: str) -> list[Posting]:
        """Forms with this transliteration skeleton (bounded)."""
        self.lookups += 1
        found = self._by_skeleton.get(skel, ())
        return self._bounded(list(found))

    def similar(self, name: str, cutoff: float = 0.0) -> list[tuple[float, Posting]]:
        """Forms sharing a block with ``name``, scored by rapidfuzz, best first.

        Candidates come from the name's normalised key, skeleton, rare tokens,
        token prefixes and token skeletons, smallest (most telling) block
        first; the set is capped at ``max_candidates``, so the work per call
        is bounded whatever the index size.
        """
        self.lookups += 1
        norm = normalize(name)
        blocks: list[list[Posting]] = [
            self._by_norm.get(norm, []),
            self._by_acronym.get(acronym_key(name), []) if is_acronym(name) else [],
            self._by_skeleton.get(skeleton(name), []),
        ]
        for token in _block_tokens(norm):
            blocks.append(self._by_token.get(token, []))
            blocks.append(self._by_token.get("^" + token[:_PREFIX], []))
            blocks.append(self._by_token.get("~" + skeleton(token), []))
        candidates: dict[tuple[str, str], Posting] = {}
        for block in sorted((b for b in blocks if b), key=len):
            for posting in block[: self.max_candidates]:
                candidates.setdefault((posting.key, posting.norm), posting)
                if len(candidates) >= self.max_candidates:
                    break
            if len(candidates) >= self.max_candidates:
                break
        self.largest_candidate_set = max(self.largest_candidate_set, len(candidates))
        scored = []
        for posting in candidates.values():
            self.comparisons += 1
            score = fuzz.WRatio(norm, posting.norm)
            if score >= cutoff:
                scored.append((score, posting))
        scored.sort(key=lambda sp: (-sp[0], sp[1].kind, sp[1].rank, sp[1].form))
        return scored

    def ratio(self, a: str, b: str) -> float:
        """Counted string similarity (0-100) of two normalised names."""
        self.comparisons += 1
        return float(fuzz.ratio(a, b))

    def _bounded(self, postings: list[Posting]) -> list[Posting]:
        postings = postings[: self.max_candidates]
        self.largest_candidate_set = max(self.largest_candidate_set, len(postings))
        return postings

    def stats(self) -> _Stats:
        return _Stats(self.lookups, self.comparisons, self.largest_candidate_set)


def initials(form: str) -> str:
    """ "State Board of Antiquities and Heritage" -> "SBAH" (capitalised words only)."""
    words = re.split(r"[\s\-]+", form.strip())
    return "".join(w[0] for w in words if w[:1].isupper() and w[:1].isalpha())


def _block_tokens(norm: str) -> list[str]:
    return [t for t in norm.split() if len(t) >= 3 and t not in _STOP_TOKENS]
