"""``/sparql``: a read-only SPARQL 1.1 Query endpoint over the store.

Protocol: ``GET ?query=``, ``POST`` form ``query=`` and ``POST
application/sparql-query``; ``default-graph-uri``/``named-graph-uri``
are honoured. Without them the default graph is the union of the
per-article named graphs, so ``?s kg:backs ?o`` finds every asserted tie.
Updates are refused (403) and federated ``SERVICE`` calls too (400): no
request may leave the host.

Each query runs in a worker thread with a time limit and a cap on the size
of its serialised result. pyoxigraph cannot be interrupted mid-evaluation,
so the worker writes its result through a sink that stops it at the first
write past the deadline or the cap, and a semaphore bounds how many
evaluations (including ones a client already gave up on) run at once.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

import anyio
import anyio.to_thread
import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from api.routes.linked_data import best_media_type

RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
#: ``?format=`` shortcuts for clients that cannot set Accept.
FORMAT_ALIASES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
}
RESULT_ORDER = [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "application/json",
    "application/xml",
]
GRAPH_ORDER = ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]


@dataclass(frozen=True)
class SparqlLimits:
    """How long one query may run, how big its answer may be, how many run at once."""

    timeout_s: float = 15.0
    max_bytes: int = 20_000_000
    max_running: int = 2


class QueryRefused(Exception):
    """The request is not a query this endpoint will run; ``status`` says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class _ShowForm(Exception):
    """A browser opened /sparql without a query: show the query form."""


EXAMPLE_QUERY = """PREFIX kg: <https://w3id.org/conflict-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

# Who backs whom, with the sentence that says so
SELECT ?backer ?backed ?sentence WHERE {
  ?st rdf:subject ?s ; rdf:predicate kg:backs ; rdf:object ?o ; kg:evidence ?sentence .
  ?s rdfs:label ?backer . ?o rdfs:label ?backed .
}
ORDER BY ?backer ?backed
LIMIT 50
"""


class _Stop(OSError):
    """Raised from the result sink to abort a query past its deadline or size cap."""


class _CappedSink:
    """A binary file-like object that aborts the writer at the deadline or the size cap."""

    def __init__(self, deadline: float, max_bytes: int, cancelled: threading.Event) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.cancelled = cancelled
        self.too_big = False

    def write(self, data: bytes) -> int:
        if self.cancelled.is_set() or time.monotonic() > self.deadline:
            raise _Stop("time limit")
        self.size += len(data)
        if self.size > self.max_bytes:
            self.too_big = True
            raise _Stop("size cap")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        return None


_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
_UPDATE_WORDS = re.compile(
    r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b", re.IGNORECASE
)
_QUERY_WORDS = re.compile(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.IGNORECASE)
_LEXEMES = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*"
)


def _code_only(query: str) -> str:
    """The query with strings, IRIs and comments blanked, so keywords can be spotted safely."""
    return _LEXEMES.sub(" ", query)


def looks_like_update(query: str) -> bool:
    """True when the text uses SPARQL Update keywords (checked when it fails to parse as a query)."""
    return bool(_UPDATE_WORDS.search(_code_only(query)))


def check_query(query: str) -> None:
    """Refuse what a read-only, host-local endpoint must not run, before parsing it."""
    code = _code_only(query)
    if _SERVICE.search(code):
        raise QueryRefused(
            400, "SERVICE (federated query) is disabled: this endpoint never calls other hosts"
        )
    if _UPDATE_WORDS.search(code) and not _QUERY_WORDS.search(code):
        raise QueryRefused(403, _UPDATE_REFUSED)


_UPDATE_REFUSED = (
    "SPARQL Update is not allowed: /sparql is read-only. "
    "Change the graph with `kg ingest` / `kg retract` or the GraphQL mutations."
)


def raw_store(store: Any) -> ox.Store:
    """The pyoxigraph ``Store`` behind kg's store wrapper (or the store itself)."""
    if isinstance(store, ox.Store):
        return store
    inner = store.oxigraph
    assert isinstance(inner, ox.Store)
    return inner


@dataclass(frozen=True)
class QueryRequest:
    """One parsed protocol request."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format: str | None = None


@dataclass(frozen=True)
class QueryAnswer:
    body: bytes
    media_type: str


def execute(
    store: ox.Store,
    request: QueryRequest,
    accept: str,
    limits: SparqlLimits,
    cancelled: threading.Event,
    gate: threading.BoundedSemaphore,
) -> QueryAnswer:
    """Run one query to a serialised answer (in a worker thread)."""
    deadline = time.monotonic() + limits.timeout_s
    if not gate.acquire(timeout=limits.timeout_s):
        raise QueryRefused(503, "the SPARQL endpoint is busy with other queries; retry later")
    result: Any = None
    try:
        kwargs: dict[str, Any] = {}
        if request.default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
        else:
            kwargs["use_default_graph_as_union"] = True
        if request.named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
        try:
            result = store.query(request.query, **kwargs)
        except SyntaxError as exc:
            if looks_like_update(request.query):
                raise QueryRefused(403, _UPDATE_REFUSED) from None
            raise QueryRefused(400, f"SPARQL syntax error: {exc}") from None
        if cancelled.is_set():
            raise _Stop("time limit")
        sink = _CappedSink(deadline, limits.max_bytes, cancelled)
        try:
            if isinstance(result, ox.QueryTriples):
                media = best_media_type(accept, GRAPH_ORDER, request.format)
                if media is None:
                    raise QueryRefused(406, _not_acceptable(accept, GRAPH_ORDER))
                result.serialize(sink, GRAPH_TYPES[media])
            else:
                media = best_media_type(accept, RESULT_ORDER, request.format)
                if media is None:
                    raise QueryRefused(406, _not_acceptable(accept, RESULT_ORDER))
                result.serialize(sink, RESULT_TYPES[media])
        except _Stop:
            raise
        except OSError as exc:
            if sink.too_big:
                raise _Stop("size cap") from None
            if time.monotonic() > deadline or cancelled.is_set():
                raise _Stop("time limit") from None
            raise QueryRefused(400, f"query failed: {exc}") from None
        if sink.too_big:
            raise _Stop("size cap")
        return QueryAnswer(b"".join(sink.parts), media)
    finally:
        # pyoxigraph results must be dropped on the thread that made them, not where the
        # exception carrying this frame ends up
        result = None
        gate.release()


def _not_acceptable(accept: str, offered: list[str]) -> str:
    return f"cannot answer in any type of Accept: {accept!r}; offered: {', '.join(offered)}"


async def parse_request(request: Request) -> QueryRequest:
    """The query of a GET or POST protocol request, or a QueryRefused naming the problem."""
    params = request.query_params
    fmt = params.get("format")
    if fmt is not None and fmt not in FORMAT_ALIASES:
        raise QueryRefused(
            400, f"format: unknown value {fmt!r}; use one of {', '.join(FORMAT_ALIASES)}"
        )
    media_format = FORMAT_ALIASES.get(fmt) if fmt else None
    default_graphs = tuple(params.getlist("default-graph-uri"))
    named_graphs = tuple(params.getlist("named-graph-uri"))
    if request.method == "GET":
        if "update" in params:
            raise QueryRefused(403, _UPDATE_REFUSED)
        query = params.get("query")
        if query is None:
            if best_media_type(request.headers.get("accept"), ["text/plain", "text/html"]) == (
                "text/html"
            ):
                raise _ShowForm()
            raise QueryRefused(400, "query: missing parameter (GET /sparql?query=SELECT ...)")
        return QueryRequest(query, default_graphs, named_graphs, media_format)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-update":
        raise QueryRefused(403, _UPDATE_REFUSED)
    if content_type == "application/x-www-form-urlencoded":
        # parsed here (not request.form()): urlencoded needs no multipart library
        try:
            form = parse_qs((await request.body()).decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            raise QueryRefused(400, "request body: not valid UTF-8") from None
        if "update" in form:
            raise QueryRefused(403, _UPDATE_REFUSED)
        queries = form.get("query")
        if not queries:
            raise QueryRefused(400, "query: missing form field (POST query=SELECT ...)")
        if len(queries) > 1:
            raise QueryRefused(400, "query: given more than once")
        query = queries[0]
        default_graphs += tuple(form.get("default-graph-uri", ()))
        named_graphs += tuple(form.get("named-graph-uri", ()))
        return QueryRequest(query, default_graphs, named_graphs, media_format)
    if content_type == "application/sparql-query":
        body = await request.body()
        try:
            query = body.decode("utf-8")
        except UnicodeDecodeError:
            raise QueryRefused(400, "request body: not valid UTF-8") from None
        return QueryRequest(query, default_graphs, named_graphs, media_format)
    raise QueryRefused(
        415,
        f"Content-Type {content_type or '(none)'!r} not supported; use "
        "application/sparql-query or application/x-www-form-urlencoded",
    )


class SparqlEndpoint:
    """The ASGI endpoint; one instance holds its limits and its concurrency gate."""

    def __init__(self, limits: SparqlLimits | None = None) -> None:
        self.limits = limits or SparqlLimits()
        self.gate = threading.BoundedSemaphore(self.limits.max_running)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        request = Request(scope, receive)
        response = await self.respond(request)
        await response(scope, receive, send)

    async def respond(self, request: Request) -> Response:
        if request.method not in ("GET", "POST"):
            return _error(405, "use GET or POST", {"Allow": "GET, POST"})
        try:
            parsed = await parse_request(request)
            for graph in (*parsed.default_graphs, *parsed.named_graphs):
                _check_iri(graph)
            check_query(parsed.query)
            store = raw_store(request.app.state.kg.store)
            accept = request.headers.get("accept", "*/*")
            cancelled = threading.Event()
            answer: QueryAnswer | None = None
            with anyio.move_on_after(self.limits.timeout_s + 0.5):
                answer = await anyio.to_thread.run_sync(
                    execute,
                    store,
                    parsed,
                    accept,
                    self.limits,
                    cancelled,
                    self.gate,
                    abandon_on_cancel=True,
                )
            if answer is None:
                cancelled.set()
                raise _Stop("time limit")
        except _ShowForm:
            from api.routes.linked_data import TEMPLATES

            page = TEMPLATES.get_template("sparql_form.html").render(
                example=EXAMPLE_QUERY,
                timeout=f"{self.limits.timeout_s:g}",
                max_mb=f"{self.limits.max_bytes / 1e6:g}",
            )
            return HTMLResponse(page, headers={"Vary": "Accept"})
        except QueryRefused as exc:
            return _error(exc.status, exc.message)
        except _Stop as exc:
            if str(exc) == "size cap":
                return _error(
                    400,
                    f"result larger than {self.limits.max_bytes:,} bytes: add LIMIT, "
                    "or use /export for whole-graph dumps",
                )
            return _error(
                503,
                f"query exceeded the time limit of {self.limits.timeout_s:g} s and was stopped; "
                "narrow it or add LIMIT",
            )
        return Response(
            answer.body,
            media_type=answer.media_type,
            headers={"Vary": "Accept", "Cache-Control": "no-store"},
        )


def _check_iri(value: str) -> None:
    try:
        ox.NamedNode(value)
    except ValueError as exc:
        raise QueryRefused(400, f"graph IRI {value!r} is not a valid IRI: {exc}") from None


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


endpoint = SparqlEndpoint()

routes: list[BaseRoute] = [Route("/sparql", endpoint, methods=["GET", "POST"], name="sparql")]
