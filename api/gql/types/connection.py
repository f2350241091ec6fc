"""Relay-style connections: ``edges { cursor node }``, ``pageInfo``, ``totalCount``.

Cursors are opaque to clients (base64 of the list's name and a position);
a malformed cursor, or one from another list, is refused with a message that
says so rather than silently restarting at the top.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import strawberry

from api.gql.errors import BadRequest
from api.gql.limits import page_size

T = TypeVar("T")
S = TypeVar("S")


@strawberry.type(description="Where a page sits in its list.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int


def encode_cursor(kind: str, position: int) -> str:
    return base64.urlsafe_b64encode(f"{kind}:{position}".encode()).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str) -> int:
    """The position after which the next page starts; ``BadRequest`` if the cursor is not ours."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        text = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
        got_kind, _, position = text.rpartition(":")
        if got_kind == kind and position.isdigit():
            return int(position)
    except (binascii.Error, UnicodeError, ValueError):
        pass
    raise BadRequest(f"after: {cursor!r} is not a cursor of this {kind} list")


def paginate(
    kind: str,
    items: Sequence[S],
    first: int | None,
    after: str | None,
    wrap: Callable[[S], T],
) -> Connection[T]:
    """One page of ``items`` as a connection (``wrap`` turns an item into its GraphQL node)."""
    size = page_size(first)
    start = decode_cursor(kind, after) + 1 if after else 0
    chunk = items[start : start + size]
    edges = [Edge(cursor=encode_cursor(kind, start + i), node=wrap(x)) for i, x in enumerate(chunk)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=start + len(chunk) < len(items),
            has_previous_page=start > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=len(items),
    )
