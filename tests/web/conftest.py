"""Fixtures for the web tests: the real app (F's ``create_app``) over real stores.

``hand_client`` serves the hand-made store of ``tests/export/handmade.py``
(several conflicts, an XSS-named actor) plus one article with markup in its
title and sentence, ingested by the real pipeline.
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
from web_support import XSS_ARTICLE, client_for  # noqa: E402


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


@pytest.fixture(scope="module")
def hand_client(hand_store_dir: Path) -> Iterator[TestClient]:
    with client_for(hand_store_dir) as client:
        yield client
