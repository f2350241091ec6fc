"""No N+1: nested fields are batched, so store reads do not grow with the number of actors."""

from __future__ import annotations

from typing import Any

from apitest_helpers import data
from starlette.testclient import TestClient

QUERY = """query($n: Int) { actors(first: $n) { edges { node {
    name
    backers { subject { name } evidence { sentence article { title published } } }
    targets { object { name } evidence { sentence article { title } } }
} } } }"""


class CountingStore:
    """The real store, with a count of the SPARQL queries made through it."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.queries = 0

    def query(self, *args: Any, **kwargs: Any) -> Any:
        self.queries += 1
        return self._store.query(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def reads_for(client: TestClient, first: int) -> tuple[int, int]:
    state = client.app.state.kg  # type: ignore[attr-defined]
    real = state.store
    counting = CountingStore(real)
    state.store = counting
    try:
        # a new variables value each time, so the response cache cannot answer it
        got = data(client, QUERY + f"# {first}-{id(counting)}", {"n": first})
    finally:
        state.store = real
    return len(got["actors"]["edges"]), counting.queries


def test_fifty_actors_with_backers_and_evidence_take_a_bounded_number_of_reads(
    client: TestClient,
) -> None:
    few_actors, few_reads = reads_for(client, 2)
    many_actors, many_reads = reads_for(client, 50)
    assert many_actors > 10 * few_actors // 2  # the sample store has dozens of actors
    # one read for every actor's relation mentions, one for every cited article
    assert many_reads <= 2
    assert many_reads == few_reads
