"""``kg serve`` as a real process, queried over a real socket."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
from apitest_helpers import KG, free_port, kg_serve


@pytest.mark.slow
def test_kg_serve_answers_graphql_over_a_socket(sample_store_dir: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(sample_store_dir, store)
    with kg_serve(store) as url:
        response = httpx.post(
            f"{url}/graphql",
            json={"query": '{ actor(name: "Turkey") { backs { object { name } } } }'},
            timeout=30,
        )
        assert response.status_code == 200
        backed = {r["object"]["name"] for r in response.json()["data"]["actor"]["backs"]}
        assert "Ahrar al-Sham" in backed
        health = httpx.get(f"{url}/health", timeout=5).json()
        assert health["status"] == "ok" and health["read_only"] is False
    # stopped cleanly: the store's writer lock is free again
    from kg.store.oxigraph import OxigraphStore

    OxigraphStore.open(store).close()


@pytest.mark.slow
def test_kg_serve_refuses_a_store_another_process_writes(
    sample_store_dir: Path, tmp_path: Path
) -> None:
    from kg.store.oxigraph import OxigraphStore

    store = tmp_path / "store"
    shutil.copytree(sample_store_dir, store)
    with OxigraphStore.open(store):
        proc = subprocess.run(
            [str(KG), "serve", "--store", str(store), "--port", str(free_port())],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "KG_STORE": ""},
        )
    assert proc.returncode == 1
    assert str(store) in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_kg_serve_with_workers_shares_the_store_read_only(
    sample_store_dir: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(sample_store_dir, store)
    with kg_serve(store, "--workers", "2") as url:
        assert httpx.get(f"{url}/health", timeout=5).json()["read_only"] is True
        query = httpx.post(f"{url}/graphql", json={"query": "{ stats { articles } }"}, timeout=30)
        assert query.json()["data"]["stats"]["articles"] >= 8
        write = httpx.post(
            f"{url}/graphql",
            json={"query": 'mutation { retractArticle(id: "abc") { retracted } }'},
            headers={"authorization": "Bearer anything"},
            timeout=30,
        )
        assert "read-only" in write.json()["errors"][0]["message"]
