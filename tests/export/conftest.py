"""Fixtures for the export tests: a hand-built store in the kg layout (see ``handmade.py``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import handmade


@pytest.fixture(scope="session")
def hand_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A persistent store with the hand-made articles (closed: open it read-only or copy it)."""
    from kg.store.oxigraph import OxigraphStore

    path = tmp_path_factory.mktemp("hand-store")
    store = OxigraphStore.open(path)
    try:
        handmade.fill(store)
    finally:
        store.close()
    return path


@pytest.fixture
def hand_store() -> Iterator[Any]:
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore.memory()
    handmade.fill(store)
    yield store
    store.close()


@pytest.fixture
def hand_projection(hand_store: Any) -> Any:
    from kg.graph.project import Projection

    return Projection.from_store(hand_store, handmade.BASE)
