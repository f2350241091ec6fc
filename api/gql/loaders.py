"""DataLoaders: every batch of keys one GraphQL level asks for becomes one store read.

Created per request (in the context getter), so their caches live exactly as
long as one request and never serve another request's data. Batch functions
run the synchronous store reads in a worker thread, never on the event loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from strawberry.dataloader import DataLoader

from api import store_reads
from api.store_reads import ArticleRow, MentionRow, QueryableStore


@dataclass(frozen=True)
class Loaders:
    """The request's loaders, keyed by IRI."""

    mentions: DataLoader[str, list[MentionRow]]
    articles: DataLoader[str, ArticleRow | None]


def make_loaders(store: QueryableStore) -> Loaders:
    async def load_articles(iris: Sequence[str]) -> list[ArticleRow | None]:
        found = await run_in_threadpool(store_reads.articles, store, list(iris))
        return [found.get(iri) for iri in iris]

    articles = DataLoader(load_fn=load_articles)

    async def load_mentions(iris: Sequence[str]) -> list[list[MentionRow]]:
        found, cited = await run_in_threadpool(_mentions_and_their_articles, store, list(iris))
        # Evidence asks for its article a tick or more later, once per parent;
        # priming here keeps that at one read however the resolvers interleave.
        for iri in {m.article for rows in found.values() for m in rows}:
            articles.prime(iri, cited.get(iri))
        return [found[iri] for iri in iris]

    return Loaders(mentions=DataLoader(load_fn=load_mentions), articles=articles)


def _mentions_and_their_articles(
    store: QueryableStore, iris: list[str]
) -> tuple[dict[str, list[MentionRow]], dict[str, ArticleRow]]:
    found = store_reads.mentions_of(store, iris)
    cited = sorted({m.article for rows in found.values() for m in rows})
    return found, store_reads.articles(store, cited)
