"""The entities of the store, indexed for name lookup and ranked search.

Built once per store generation (data changes only on ingest/retract). Lookup
is by IRI, canonical name or alias (case- and accent-insensitive), then by the
resolver's spelling-variant matching; search ranks exact name/alias matches,
then prefixes, then fuzzy matches (rapidfuzz).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from api.store_reads import EntityRow
from kg.errors import UnknownEntityError
from kg.model import EntityType

FUZZY_CUTOFF = 75.0
SUGGEST_CUTOFF = 70.0
SUGGEST_MARGIN = 10.0


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used as a lookup key."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = "".join(c if c.isalnum() else " " for c in plain.casefold()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Catalog:
    """Entities by IRI plus a folded-name index; immutable, rebuilt per generation."""

    by_iri: dict[str, EntityRow]
    by_name: dict[str, tuple[str, ...]]
    choices: tuple[tuple[str, str], ...]  # (display name, iri) for every name and alias
    folded: tuple[str, ...]  # fold() of each choice's name, same order

    @classmethod
    def build(cls, rows: Sequence[EntityRow]) -> Catalog:
        by_name: dict[str, list[str]] = {}
        choices: list[tuple[str, str]] = []
        for row in rows:
            for name in (row.name, *row.aliases):
                by_name.setdefault(fold(name), []).append(row.iri)
                choices.append((name, row.iri))
        return cls(
            by_iri={r.iri: r for r in rows},
            by_name={k: tuple(dict.fromkeys(v)) for k, v in by_name.items()},
            choices=tuple(choices),
            folded=tuple(fold(c[0]) for c in choices),
        )

    def lookup(
        self, name: str, resolve_iri: Callable[[str], str | None] | None = None
    ) -> EntityRow:
        """The entity called ``name``; ``UnknownEntityError`` with suggestions if none."""
        found = self.find(name, resolve_iri)
        if found is None:
            raise UnknownEntityError(name, self.suggest(name))
        return found

    def find(
        self, name: str, resolve_iri: Callable[[str], str | None] | None = None
    ) -> EntityRow | None:
        text = name.strip()
        if text in self.by_iri:
            return self.by_iri[text]
        iris = self.by_name.get(fold(text))
        if iris:
            return self._best(iris)
        if resolve_iri is not None:
            iri = resolve_iri(text)
            if iri is not None and iri in self.by_iri:
                return self.by_iri[iri]
        return None

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Up to ``n`` canonical names that look like ``name`` (only close ones, best first)."""
        out: list[str] = []
        best = 0.0
        for _, score, idx in process.extract(
            name,
            [c[0] for c in self.choices],
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=n * 4,
            score_cutoff=SUGGEST_CUTOFF,
        ):
            best = max(best, score)
            if score < best - SUGGEST_MARGIN:
                break
            canonical = self.by_iri[self.choices[idx][1]].name
            if canonical not in out:
                out.append(canonical)
            if len(out) == n:
                break
        return out

    def search(self, text: str | None, entity_type: EntityType | None = None) -> list[EntityRow]:
        """Entities ranked: exact name/alias, then prefix, then fuzzy; all when ``text`` is empty."""
        pool = [r for r in self.by_iri.values() if entity_type is None or r.type is entity_type]
        if not text or not text.strip():
            return sorted(pool, key=lambda r: (r.name.casefold(), r.iri))
        query = fold(text)
        allowed = {r.iri for r in pool}
        ranked: dict[str, tuple[int, float, str]] = {}

        def offer(iri: str, tier: int, score: float) -> None:
            if iri not in allowed:
                return
            key = (tier, -score, self.by_iri[iri].name.casefold())
            if iri not in ranked or key < ranked[iri]:
                ranked[iri] = key

        for iri in self.by_name.get(query, ()):
            offer(iri, 0, 100.0)
        for folded, iris in self.by_name.items():
            if folded.startswith(query) or any(w.startswith(query) for w in folded.split()):
                for iri in iris:
                    offer(iri, 1 if folded.startswith(query) else 2, 100.0 - len(folded))
        for _, score, idx in process.extract(
            query,
            self.folded,
            scorer=fuzz.WRatio,
            limit=50,
            score_cutoff=FUZZY_CUTOFF,
        ):
            offer(self.choices[idx][1], 3, score)
        return [self.by_iri[iri] for iri, _ in sorted(ranked.items(), key=lambda kv: kv[1])]

    def _best(self, iris: tuple[str, ...]) -> EntityRow:
        """Among entities sharing a name, prefer the named (non-generic) one."""
        rows = [self.by_iri[i] for i in iris]
        return sorted(rows, key=lambda r: (r.generic, r.iri))[0]
