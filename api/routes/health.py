"""``/health``: is the store open, how many articles; for load balancers and probes."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from kg.errors import KgError


async def health(request: Request) -> JSONResponse:
    state = getattr(request.app.state, "kg", None)
    if state is None:
        return JSONResponse({"status": "starting"}, status_code=503)
    try:
        ids = await run_in_threadpool(state.store.article_ids)
    except (KgError, OSError) as exc:
        return JSONResponse({"status": "error", "problem": str(exc)}, status_code=503)
    return JSONResponse(
        {
            "status": "ok",
            "store": str(state.settings.store_dir),
            "read_only": state.read_only,
            "articles": len(ids),
            "generation": state.generation,
        }
    )


routes = [Route("/health", health, methods=["GET"], name="health")]
