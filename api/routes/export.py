"""``GET /export?format=...``: the graph, or a selection of it, in any registered format.

Selection parameters are those of ``kg export``: ``actor``, ``view``
(alliance|opposition|all), ``depth``, ``since``, ``until``,
``min_confidence``. Every parameter is checked before the first byte is
sent, so a bad one is a 400 naming it; then the body streams: the writer
runs in a worker thread and hands chunks through a small bounded queue, so
memory stays flat however large the export.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from typing import IO

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from kg.errors import UnknownEntityError
from kg.export.registry import FORMATS
from kg.export.select import (
    SelectionError,
    export_selection,
    selection_from_params,
)

PARAMS = ("format", "actor", "view", "depth", "since", "until", "min_confidence", "limit")
CHUNK = 64 * 1024


class _Cancelled(Exception):
    """The client went away: stop the writer."""


class QueueWriter:
    """A binary sink handing ~64 KB chunks to the response through a bounded queue."""

    def __init__(self, chunks: queue.Queue[bytes | BaseException | None], stop: threading.Event):
        self.chunks = chunks
        self.stop = stop
        self.buffer = bytearray()

    def write(self, data: bytes) -> int:
        self.buffer += data
        if len(self.buffer) >= CHUNK:
            self._put(bytes(self.buffer))
            self.buffer.clear()
        return len(data)

    def flush(self) -> None:
        return None

    def close(self) -> None:
        if self.buffer:
            self._put(bytes(self.buffer))
            self.buffer.clear()

    def _put(self, item: bytes | BaseException | None) -> None:
        while True:
            if self.stop.is_set():
                raise _Cancelled()
            try:
                self.chunks.put(item, timeout=0.2)
                return
            except queue.Full:
                continue


def stream_writer(write: Callable[[IO[bytes]], None]) -> AsyncIterator[bytes]:
    """Runs ``write(out)`` in a thread and yields what it writes, with backpressure."""
    chunks: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=8)
    stop = threading.Event()
    sink = QueueWriter(chunks, stop)

    def run() -> None:
        try:
            write(sink)  # type: ignore[arg-type]
            sink.close()
            sink._put(None)
        except _Cancelled:
            return
        except BaseException as exc:  # handed to the response, which ends the stream
            try:
                sink._put(exc)
            except _Cancelled:
                return

    def next_item() -> bytes | BaseException | None:
        while True:
            try:
                return chunks.get(timeout=0.5)
            except queue.Empty:
                if stop.is_set():
                    return None

    async def body() -> AsyncIterator[bytes]:
        thread = threading.Thread(target=run, name="kg-export", daemon=True)
        thread.start()
        try:
            while True:
                item = await anyio.to_thread.run_sync(next_item, abandon_on_cancel=True)
                if item is None:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            stop.set()

    return body()


def _bad(param: str, problem: str) -> Response:
    return PlainTextResponse(f"{param}: {problem}\n", status_code=400)


async def export(request: Request) -> Response:
    params = request.query_params
    unknown = sorted(set(params) - set(PARAMS))
    if unknown:
        return _bad(unknown[0], f"unknown parameter; known: {', '.join(PARAMS)}")
    fmt = params.get("format", "turtle")
    if fmt not in FORMATS:
        return _bad("format", f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    try:
        selection = selection_from_params({k: params.get(k) for k in PARAMS[1:]})
    except SelectionError as exc:
        return _bad(exc.param, exc.problem)
    state = request.app.state.kg
    projection = state.projection
    base = str(state.settings.base)
    if selection.actor is not None:
        try:
            key = projection.resolve(selection.actor)
        except UnknownEntityError as exc:
            return _bad("actor", str(exc))
        selection = replace(selection, actor=key)
    spec = FORMATS[fmt]
    store = state.store

    def write(out: IO[bytes]) -> None:
        export_selection(store, out, fmt, selection, projection, base)

    media = spec.media_type
    if media.startswith("text/") or media.endswith(("json", "xml")):
        media += "; charset=utf-8"
    headers = {
        "Content-Disposition": f'inline; filename="kg-export.{spec.extension}"',
        "X-Content-Type-Options": "nosniff",
    }
    return StreamingResponse(stream_writer(write), media_type=media, headers=headers)


routes: list[BaseRoute] = [Route("/export", export, methods=["GET", "HEAD"], name="export")]
