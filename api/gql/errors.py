"""Which errors a client may read, and which are masked.

Errors kg raises on purpose (``KgError``: unknown actor, bad input...) and
``BadRequest`` (an argument out of range) carry messages written for users;
anything else is a bug whose message could leak internals, so it is replaced
by a generic message (the server log keeps the stack trace).
"""

from __future__ import annotations

from graphql import GraphQLError

from kg.errors import KgError

MASKED_MESSAGE = "internal error while resolving this field (logged on the server)"


class BadRequest(Exception):
    """A request argument is malformed or out of range; the message says which and why."""


def should_mask(error: GraphQLError) -> bool:
    """True for errors whose text must not reach the client."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False  # syntax, validation, limits: written for clients already
    return not isinstance(original, KgError | BadRequest)
