"""``create_app(settings)``: the Starlette application, its wiring readable in one place.

The lifespan opens the store, builds the graph projection and the resolver,
and keeps them in ``app.state.kg`` (``api.state.KgState``); handlers read
them from there. Middleware: CORS (origins from ``KG_CORS_ORIGINS``), gzip (``/graphql``
compresses its own answers, so it can cache them compressed).
Nothing a client receives ever carries a stack trace: unexpected exceptions
become a plain "internal error" (the log keeps the trace).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from api.ide import ASSETS_PREFIX, assets_dir_from_env, build_ide_page
from api.routes import embed, export, health, linked_data, sparql
from api.routes.graphql import GRAPHQL_PATH, graphql_route
from api.state import close_state, open_state
from kg.cli.serve_cmd import READ_ONLY_ENV
from kg.config import Settings

log = logging.getLogger("kg.api")


def create_app(
    settings: Settings | None = None,
    read_only: bool | None = None,
    assets_dir: Path | None = None,
) -> Starlette:
    """The kg web app. ``settings`` default to the environment (``KG_*``)."""
    settings = settings or Settings.from_env()
    if read_only is None:
        read_only = os.environ.get(READ_ONLY_ENV, "") == "1"
    assets = assets_dir or assets_dir_from_env()
    ide = build_ide_page(assets)
    if ide.problem:
        log.warning("GraphQL IDE assets unavailable: %s", ide.problem)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state = await run_in_threadpool(open_state, settings, read_only)
        app.state.kg = state
        # start-up objects (schema, projection, catalog) live as long as the app: keep them
        # out of the garbage collector's scans, which otherwise stall requests now and then
        gc.freeze()
        try:
            yield
        finally:
            await run_in_threadpool(close_state, state)

    routes: list[BaseRoute] = [
        Route("/", _home, methods=["GET"], name="home"),
        graphql_route(ide),
        *health.routes,
        *export.routes,
        *linked_data.routes,
        *sparql.routes,
        *embed.routes,
    ]
    if ide.assets_dir is not None:
        routes.append(
            Mount(ASSETS_PREFIX, StaticFiles(directory=ide.assets_dir), name="ide-assets")
        )
    middleware = [
        Middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "Accept"],
            max_age=600,
        ),
        # /graphql compresses its own answers (and caches them compressed)
        Middleware(
            SkipPaths,  # type: ignore[arg-type]
            inner=GZipMiddleware,
            paths=frozenset({GRAPHQL_PATH}),
            minimum_size=500,
        ),
    ]
    return Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={Exception: _internal_error},
    )


class SkipPaths:
    """Applies an ASGI middleware to every path except the given ones."""

    def __init__(self, app: ASGIApp, inner: type, paths: frozenset[str], **options: Any) -> None:
        self.app = app
        self.wrapped = inner(app, **options)
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] in self.paths:
            await self.app(scope, receive, send)
        else:
            await self.wrapped(scope, receive, send)


async def _home(request: Request) -> Response:
    return RedirectResponse(GRAPHQL_PATH, status_code=302)


async def _internal_error(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return PlainTextResponse("internal error (logged on the server)", status_code=500)
