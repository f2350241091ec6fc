"""Who may write: a bearer token matching ``KG_API_TOKEN``; nobody when none is set."""

from __future__ import annotations

import hmac
from typing import Any

import strawberry
from strawberry.permission import BasePermission

READ_ONLY = (
    "this kg server is read-only: mutations are disabled because no API token is "
    "configured (start it with KG_API_TOKEN set to enable them)"
)
MISSING = "mutations need the header 'Authorization: Bearer <token>' (none was sent)"
WRONG = "the bearer token is not valid for this server"
SHARED = (
    "this kg server opened its store read-only (it runs several worker processes, and only "
    "one process may write a store): run `kg serve` with one worker to ingest or retract"
)


def check_token(configured: str | None, header: str | None) -> str | None:
    """None when the Authorization header grants writing, else why not."""
    if not configured:
        return READ_ONLY
    if not header:
        return MISSING
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return MISSING
    if not hmac.compare_digest(token.strip().encode(), configured.encode()):
        return WRONG
    return None


class CanWrite(BasePermission):
    """Attached to every mutation field."""

    message = WRONG

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        ctx = info.context
        if ctx.state.read_only:
            self.message = SHARED
            return False
        problem = check_token(
            ctx.state.settings.api_token, ctx.request.headers.get("authorization")
        )
        if problem is not None:
            self.message = problem
            return False
        return True
