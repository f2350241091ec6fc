"""Fixtures for the web tests: the real app (F's ``create_app``) over real stores.

``hand_client`` serves the hand-made store of ``tests/export/handmade.py``
(several conflicts, an XSS-named actor); ``sample_client`` the sample
articles ingested by the real pipeline (``sample_store_dir``).
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

EXPORT_TESTS = Path(__file__).resolve().parents[1] / "export"
sys.path.insert(0, str(EXPORT_TESTS))

warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient.*")

import handmade  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from kg.config import Settings  # noqa: E402

#: an article whose title and evidence sentence carry markup, ingested by the real pipeline
XSS_ARTICLE = {
    "title": "<script>window.__xss=3</script>Tripoli clashes",
    "url": "https://news.example.org/tripoli?a=1&b=2",
    "published": "2020-03-03",
    "text": (
        "Fighters of the Zintan Brigade, backed by Turkey, shelled the Libyan National Army "
        '<img src=x onerror="window.__xss=4"> near Tripoli on Tuesday.'
    ),
}
XSS_SENTENCE = XSS_ARTICLE["text"]


@pytest.fixture(scope="session")
def hand_store_dir(
    tmp_path_factory: pytest.TempPathFactory, actor_dictionary: Any, nlp: Any
) -> Path:
    """The hand-made articles plus one real ingest (spaCy extraction) of ``XSS_ARTICLE``."""
    import json

    from kg.ingest import ingest_paths
    from kg.resolve import Resolver
    from kg.store.oxigraph import OxigraphStore

    path = tmp_path_factory.mktemp("hand-store-web")
    source = tmp_path_factory.mktemp("xss-article") / "tripoli.jsonl"
    source.write_text(json.dumps(XSS_ARTICLE) + "\n", encoding="utf-8")
    store = OxigraphStore.open(path)
    try:
        handmade.fill(store)
        report = ingest_paths([source], store, Resolver.from_dictionary(actor_dictionary), nlp)
    finally:
        store.close()
    assert report.relations_added > 0, "the extractor found no relation in the XSS article"
    return path


def client_for(store_dir: Path, **overrides: Any) -> TestClient:
    from api.app import create_app

    app = create_app(Settings(store_dir=store_dir, **overrides), read_only=True)
    return TestClient(app, base_url="http://127.0.0.1:8000")


@pytest.fixture(scope="module")
def hand_client(hand_store_dir: Path) -> Iterator[TestClient]:
    with client_for(hand_store_dir) as client:
        yield client


@pytest.fixture(scope="module")
def sample_client(sample_store_dir: Path) -> Iterator[TestClient]:
    with client_for(sample_store_dir) as client:
        yield client
