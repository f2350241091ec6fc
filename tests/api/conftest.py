"""Fixtures for the API tests: the real app over the real sample store, called over HTTP.

``client`` serves the session's sample store read-only (nothing may write
it); tests that write get ``writable_store``, a private copy.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest

from kg.config import Settings

warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient.*")

from starlette.testclient import TestClient  # noqa: E402

from api.app import create_app  # noqa: E402

ClientFactory = Callable[..., AbstractContextManager[TestClient]]


@pytest.fixture
def make_client() -> ClientFactory:
    """``with make_client(store_dir, **settings) as client:`` runs the app's lifespan around it."""

    @contextmanager
    def factory(store_dir: Path, read_only: bool = False, **overrides: Any) -> Iterator[TestClient]:
        settings = Settings(store_dir=store_dir, **overrides)
        app = create_app(settings, read_only=read_only)
        with TestClient(app, base_url="http://127.0.0.1:8000") as client:
            yield client

    return factory


@pytest.fixture(scope="module")
def client(sample_store_dir: Path) -> Iterator[TestClient]:
    app = create_app(Settings(store_dir=sample_store_dir), read_only=True)
    with TestClient(app, base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


@pytest.fixture
def writable_store(sample_store_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(sample_store_dir, copy)
    (copy / "kg.lock").unlink(missing_ok=True)
    return copy
