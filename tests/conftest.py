"""Session fixtures shared by every test folder.

- ``nlp``: the spaCy pipeline, loaded once per session (about 1 s).
- ``sample_articles_dir``: ``examples/articles`` of this checkout.
- ``sample_store_dir``: a store directory with the sample articles ingested
  once per session through the real pipeline (``kg.ingest.ingest_paths``).
  It is closed after ingest: open it with
  ``OxigraphStore.open(path, read_only=True)``, or copy it
  (``shutil.copytree``) before writing to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
#: Flags that keep Chromium quiet on a machine with no network but loopback.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (./dev test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    path = REPO / "tests" / "artifacts"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="session")
def sample_articles_dir() -> Path:
    return REPO / "examples" / "articles"


@pytest.fixture(scope="session")
def actor_dictionary() -> Any:
    from kg.resolve.dictionary import load_dictionary

    return load_dictionary()


@pytest.fixture(scope="session")
def nlp(actor_dictionary: Any) -> Any:
    from kg.extract.nlp import load_pipeline

    return load_pipeline(actor_dictionary)


@pytest.fixture(scope="session")
def sample_store_dir(
    tmp_path_factory: pytest.TempPathFactory,
    sample_articles_dir: Path,
    actor_dictionary: Any,
    nlp: Any,
) -> Path:
    from kg.ingest import ingest_paths
    from kg.resolve.resolver import Resolver
    from kg.store.oxigraph import OxigraphStore

    path = tmp_path_factory.mktemp("sample-store")
    store = OxigraphStore.open(path)
    try:
        report = ingest_paths(
            [sample_articles_dir], store, Resolver.from_dictionary(actor_dictionary), nlp
        )
    finally:
        store.close()
    assert report.added > 0, report.skipped
    return path
