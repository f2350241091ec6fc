"""The exceptions kg raises.

    KgError                      base of everything kg raises on purpose
    ├── InputError               an input file or record cannot be read (names it)
    ├── StoreError               the store cannot be opened or written
    ├── UnknownEntityError       a name matches no entity (carries suggestions)
    └── ConfigError              a setting is missing or malformed

The CLI turns any ``KgError`` into a one-line message and exit code 1; the
API turns it into a GraphQL error without a stack trace.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class of kg's own errors."""


class InputError(KgError):
    """An input cannot be read; the message names the input and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class UnknownEntityError(KgError):
    """No entity has this name or alias."""

    def __init__(self, name: str, suggestions: list[str] | tuple[str, ...] = ()) -> None:
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"no actor named {name!r}{hint}")
        self.name = name
        self.suggestions = list(suggestions)


class ConfigError(KgError):
    """A setting is missing or malformed."""
