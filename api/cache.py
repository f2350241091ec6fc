"""Cached GraphQL responses, keyed by (request, store generation).

The data changes only when an article is ingested or retracted, and those
bump the generation, so a cached body is right until then and never needs
expiring by time. Bodies are kept as bytes, plus a gzipped copy made the
first time a client accepts gzip: a hit costs a dict lookup, which is what
lets the API come near a bare JSON endpoint's throughput.
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

Key = tuple[str, bytes, int]


@dataclass
class CachedBody:
    body: bytes
    gzipped: bytes | None = None

    @property
    def weight(self) -> int:
        """Bytes counted against the cache's budget (the gzipped copy is smaller; counted once)."""
        return 2 * len(self.body)

    def gzip(self) -> bytes:
        if self.gzipped is None:
            self.gzipped = gzip.compress(self.body, compresslevel=6)
        return self.gzipped


@dataclass
class ResultCache:
    """An LRU of response bodies bounded in entries and bytes; old generations age out."""

    max_entries: int = 4096
    max_bytes: int = 64_000_000
    max_body_bytes: int = 2_000_000
    hits: int = 0
    misses: int = 0
    size: int = 0
    _entries: OrderedDict[Key, CachedBody] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, key: Key) -> CachedBody | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: Key, body: bytes) -> None:
        if len(body) > self.max_body_bytes:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= old.weight
            entry = CachedBody(body)
            self._entries[key] = entry
            self.size += entry.weight
            while len(self._entries) > self.max_entries or self.size > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self.size -= dropped.weight

    def __len__(self) -> int:
        return len(self._entries)
