"""Placeholder: filled in by engineer G."""

from starlette.routing import BaseRoute

routes: list[BaseRoute] = []
