"""The ``Mutation`` root: ingest an article from text, retract one by id.

Both take the app's write lock for the whole operation (one writer at a
time), update the graph projection incrementally and bump the store
generation, which invalidates cached query results.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import strawberry
from starlette.concurrency import run_in_threadpool

from api import store_reads
from api.gql.errors import BadRequest
from api.gql.permissions import CanWrite
from api.gql.resolve import context
from api.gql.types.actor import Actor
from api.gql.types.article import Article
from api.gql.types.relation import Relation
from api.relations import RelationFilter, aggregate
from api.state import KgState
from api.store_reads import ArticleRow, EntityRow, MentionRow
from kg.errors import InputError
from kg.rdf.iri import article_iri

MAX_TEXT_CHARS = 2_000_000


@strawberry.input(description="A news article to extract and store.")
class IngestArticleInput:
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str | None = strawberry.field(
        default=None,
        description="Where it comes from (a URL or a name); default: its url, else 'api'.",
    )


@strawberry.type(description="What ingesting an article did and what was extracted from it.")
class IngestResult:
    article: Article
    added: bool = strawberry.field(description="False when the same text was already stored.")
    actors: list[Actor] = strawberry.field(description="The entities the article names.")
    relations: list[Relation] = strawberry.field(description="The relations this article states.")


@strawberry.type
class RetractResult:
    id: strawberry.ID
    retracted: bool = strawberry.field(description="False when no such article was stored.")


@dataclass(frozen=True)
class _Ingested:
    article: ArticleRow
    added: bool
    entities: list[EntityRow]
    mentions: list[MentionRow]


@strawberry.type
class Mutation:
    @strawberry.mutation(
        permission_classes=[CanWrite],
        description="Extracts relations from an article's text and stores them (needs the API token).",
    )
    async def ingest_article(
        self, info: strawberry.Info, input: IngestArticleInput
    ) -> IngestResult:
        ctx = context(info)
        ctx.wrote = True
        _check_input(input)
        done = await run_in_threadpool(_ingest, ctx.state, input)
        ctx.catalog = await run_in_threadpool(ctx.state.catalog)
        ctx.generation = ctx.state.generation
        records = aggregate(done.mentions, RelationFilter())
        return IngestResult(
            article=Article.from_row(done.article),
            added=done.added,
            actors=[Actor(row=r) for r in done.entities],
            relations=[Relation(record=r) for r in records],
        )

    @strawberry.mutation(
        permission_classes=[CanWrite],
        description="Removes an article and every triple only it supported (needs the API token).",
    )
    async def retract_article(self, info: strawberry.Info, id: strawberry.ID) -> RetractResult:
        ctx = context(info)
        ctx.wrote = True
        article_id = str(id).strip().rsplit("/", 1)[-1]
        if not article_id:
            raise BadRequest("id: empty article id")
        retracted = await run_in_threadpool(_retract, ctx.state, article_id)
        ctx.catalog = await run_in_threadpool(ctx.state.catalog)
        ctx.generation = ctx.state.generation
        return RetractResult(id=strawberry.ID(article_id), retracted=retracted)


def _check_input(given: IngestArticleInput) -> None:
    if not given.text.strip():
        raise BadRequest("input.text: the article text is empty")
    if len(given.text) > MAX_TEXT_CHARS:
        raise BadRequest(
            f"input.text: {len(given.text)} characters is over the limit of {MAX_TEXT_CHARS}"
        )
    if given.url is not None and not given.url.startswith(("http://", "https://")):
        raise BadRequest(f"input.url: {given.url!r} is not an http(s) URL")


def _ingest(state: KgState, given: IngestArticleInput) -> _Ingested:
    from kg.ingest import ingest_articles
    from kg.read import make_article

    source = given.source or given.url or "api"
    article = make_article(
        given.text, source, title=given.title, url=given.url, published=given.published
    )
    with state.write_lock:
        report = ingest_articles(
            [article], state.store, state.resolver, nlp=state.pipeline(), base=state.settings.base
        )
        if report.skipped:
            raise InputError(source, report.skipped[0].reason)
        if report.added:
            try:
                with state.graph_lock:
                    state.projection.add_article(state.store, article.id)
            finally:
                state.changed()  # the store changed, whatever happened to the projection
    iri = article_iri(state.settings.base, article.id)
    row = store_reads.articles(state.store, [iri]).get(iri)
    if row is None:
        raise InputError(source, "the article was not stored")
    return _Ingested(
        row,
        bool(report.added),
        store_reads.entities(state.store, iri),
        store_reads.mentions_in(state.store, iri),
    )


def _retract(state: KgState, article_id: str) -> bool:
    with state.write_lock:
        removed = state.store.retract(article_id)
        if removed:
            try:
                with state.graph_lock:
                    state.projection.remove_article(article_id)
            finally:
                state.changed()
    return bool(removed)
