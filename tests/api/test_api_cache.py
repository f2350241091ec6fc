"""The response cache stays within its budget and forgets nothing it should keep."""

from __future__ import annotations

import gzip

from api.cache import ResultCache


def test_cache_evicts_oldest_entries_to_stay_within_its_byte_budget() -> None:
    cache = ResultCache(max_entries=100, max_bytes=10_000)
    for i in range(20):
        cache.put(("POST", str(i).encode(), 0), b"x" * 1000)
    assert cache.size <= 10_000
    assert cache.get(("POST", b"0", 0)) is None
    newest = cache.get(("POST", b"19", 0))
    assert newest is not None and gzip.decompress(newest.gzip()) == b"x" * 1000


def test_a_new_generation_is_a_different_key() -> None:
    cache = ResultCache()
    cache.put(("POST", b"q", 1), b"old answer")
    assert cache.get(("POST", b"q", 2)) is None
    hit = cache.get(("POST", b"q", 1))
    assert hit is not None and hit.body == b"old answer"


def test_oversized_bodies_are_not_cached() -> None:
    cache = ResultCache(max_body_bytes=10)
    cache.put(("GET", b"q", 0), b"y" * 11)
    assert len(cache) == 0
