"""Fixtures of the graph tests (helpers live in graph_helpers.py)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest


@pytest.fixture
def store() -> ox.Store:
    """A real, empty in-memory oxigraph store."""
    return ox.Store()
