"""Shared resolver helpers: the context, actor names -> entities, graph calls off the loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import strawberry
from starlette.concurrency import run_in_threadpool

from api.gql.context import Context
from api.gql.types.actor import Actor
from api.store_reads import EntityRow
from kg.errors import UnknownEntityError
from kg.rdf.iri import entity_iri, key_from_iri

R = TypeVar("R")


def context(info: strawberry.Info) -> Context:
    found: Context = info.context
    return found


def find_entity(ctx: Context, name: str) -> EntityRow:
    """The entity a user-typed name means: IRI, canonical name, alias, spelling variant, surname.

    Raises ``UnknownEntityError`` ("no actor named 'Foo'; did you mean ...").
    """
    if not name.strip():
        raise UnknownEntityError(name)
    row = ctx.catalog.find(name, ctx.state.resolve_iri)
    if row is not None:
        return row
    with ctx.state.graph_lock:
        try:
            key = ctx.state.projection.resolve(name)
        except UnknownEntityError as exc:
            suggestions = exc.suggestions if len(exc.suggestions) > 1 else []
            raise UnknownEntityError(name, suggestions or ctx.catalog.suggest(name)) from None
    return ctx.entity(entity_iri(ctx.state.settings.base, key))


async def resolve_actor(ctx: Context, name: str) -> EntityRow:
    """``find_entity`` without blocking the event loop: exact names are dict lookups;
    spelling variants and suggestions (fuzzy matching over every name) run in a thread."""
    row = ctx.catalog.find(name)
    if row is not None:
        return row
    return await run_in_threadpool(find_entity, ctx, name)


async def resolve_optional(ctx: Context, name: str | None) -> EntityRow | None:
    return await resolve_actor(ctx, name) if name else None


def entity_key(ctx: Context, row: EntityRow) -> str:
    """The projection's node key for an entity."""
    return key_from_iri(ctx.state.settings.base, row.iri) or row.iri


def actor_for_key(ctx: Context, key: str) -> Actor:
    return Actor(row=ctx.entity(entity_iri(ctx.state.settings.base, key)))


async def on_graph(ctx: Context, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """Runs a ``kg.graph`` question in a worker thread, holding the projection's lock."""

    def call() -> R:
        with ctx.state.graph_lock:
            return fn(*args, **kwargs)

    return await run_in_threadpool(call)
