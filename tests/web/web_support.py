"""Shared by the web tests (a plain module with a unique name, so imports are unambiguous)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient.*")

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


def client_for(store_dir: Path, **overrides: Any) -> TestClient:
    from api.app import create_app

    app = create_app(Settings(store_dir=store_dir, **overrides), read_only=True)
    return TestClient(app, base_url="http://127.0.0.1:8000")
