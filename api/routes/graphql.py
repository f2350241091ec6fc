"""``/graphql``: the strawberry view, the offline IDE, and the result cache in front.

A ``Route`` (not ``Mount``, which answers 307 for ``/graphql``). Queries
whose answer is cached skip strawberry entirely; everything else runs
through it and, when it is a successful read, is cached under the current
store generation. Mutation responses are never cached.
"""

from __future__ import annotations

import gzip

from cross_web import HTTPException
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from api.cache import CachedBody, Key, ResultCache
from api.gql.context import Context
from api.gql.loaders import make_loaders
from api.gql.schema import schema
from api.ide import IdePage
from api.state import KgState

GRAPHQL_PATH = "/graphql"
GZIP_MIN_BYTES = 500
GZIP_LEVEL = 6
#: the browser itself refuses any request the IDE page would make to another host
IDE_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'"
)


class KgGraphQL(GraphQL):
    """strawberry's ASGI view with kg's context and the locally served IDE."""

    def __init__(self, ide: IdePage) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.ide = ide

    async def get_context(self, request: Request, response: Response | None = None) -> Context:  # type: ignore[override]
        state: KgState = request.app.state.kg
        generation = state.generation
        catalog = state.cached_catalog()
        if catalog is None:
            catalog = await run_in_threadpool(state.catalog)
        return Context(
            request=request,
            response=response,
            state=state,
            catalog=catalog,
            generation=generation,
            loaders=make_loaders(state.store),
        )

    async def render_graphql_ide(self, request: Request) -> Response:
        status = 200 if self.ide.problem is None else 503
        return HTMLResponse(
            self.ide.html, status_code=status, headers={"content-security-policy": IDE_CSP}
        )


def cache_key(request: Request, body: bytes, generation: int) -> Key | None:
    """The cache key of a read request, or None when the request must not be cached."""
    if request.method == "POST":
        kind = request.headers.get("content-type", "")
        return ("POST", body, generation) if kind.startswith("application/json") else None
    if request.method == "GET" and "query" in request.query_params:
        return ("GET", request.url.query.encode(), generation)
    return None


def graphql_route(ide: IdePage) -> Route:
    view = KgGraphQL(ide)
    cache = ResultCache()

    async def endpoint(request: Request) -> Response:
        state: KgState = request.app.state.kg
        body = await request.body() if request.method == "POST" else b""
        key = cache_key(request, body, state.generation)
        if key is not None:
            hit = cache.get(key)
            if hit is not None:
                return _cached_response(request, hit)
        context = await view.get_context(request)
        try:
            response = await view.run(request, context=context)  # type: ignore[call-overload]
        except HTTPException as exc:
            return PlainTextResponse(exc.reason, status_code=exc.status_code)
        if response.media_type != "application/json":
            return response  # the IDE page
        body = bytes(response.body)
        if (
            key is not None
            and not context.wrote
            and response.status_code == 200
            and b'"errors":' not in body
        ):
            cache.put(key, body)
        if _wants_gzip(request, body):
            compressed = gzip.compress(body, compresslevel=GZIP_LEVEL)
            response.body = compressed
            response.headers["content-encoding"] = "gzip"
            response.headers["content-length"] = str(len(compressed))
            response.headers["vary"] = "Accept-Encoding"
        return response

    return Route(GRAPHQL_PATH, endpoint, methods=["GET", "POST"], name="graphql")


def _wants_gzip(request: Request, body: bytes) -> bool:
    return len(body) >= GZIP_MIN_BYTES and "gzip" in request.headers.get("accept-encoding", "")


def _cached_response(request: Request, hit: CachedBody) -> Response:
    if _wants_gzip(request, hit.body):
        return Response(
            hit.gzip(),
            media_type="application/json",
            headers={"content-encoding": "gzip", "vary": "Accept-Encoding", "x-kg-cache": "hit"},
        )
    return Response(hit.body, media_type="application/json", headers={"x-kg-cache": "hit"})
