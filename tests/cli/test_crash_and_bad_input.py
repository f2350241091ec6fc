"""A killed ingest leaves only whole articles; a second writer is refused; bad files are named."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from cli.corpus import SENTENCES, write_articles
from cli.kgcli import kg, popen
from kg.rdf.triples import RDF_STATEMENT, RDF_TYPE
from kg.store import queries
from kg.store.oxigraph import OxigraphStore

ARTICLES = 60


def statement_counts(store_dir: Path) -> dict[str, int]:
    """source file name -> number of rdf:Statement nodes stored for it."""
    counts = {}
    with OxigraphStore.open(store_dir, read_only=True) as store:
        for row in store.query(queries.ARTICLES):
            graph = row["article"]
            n = sum(1 for _ in store.quads(None, RDF_TYPE, RDF_STATEMENT, graph))
            counts[Path(row["source"].value).name] = n
    return counts


def fresh_statement_count(path: Path, home: Path) -> int:
    done = kg("extract", path, "--format", "nt", home=home)
    assert done.returncode == 0, done.stderr
    return sum(
        1
        for line in done.stdout.splitlines()
        if line.endswith("<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .")
    )


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_whole_articles_and_a_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    paths = write_articles(folder, ARTICLES)
    store = tmp_path / "store"
    first = popen("ingest", folder, "--store", store, home=tmp_path)
    try:
        # wait until at least one article is stored, then try a second writer, then kill
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            line = first.stderr.readline()
            if "] added " in line or not line:
                break
        assert first.poll() is None, "ingest finished before it could be killed"
        second = kg("ingest", folder, "--store", store, home=tmp_path)
        assert second.returncode == 1
        assert second.stderr.strip() == (
            f"kg: error: store {store} is in use by another kg process (pid {first.pid})"
        )
        os.kill(first.pid, signal.SIGKILL)
    finally:
        first.kill()
        first.wait()
    assert first.returncode == -signal.SIGKILL

    stored = statement_counts(store)
    assert 1 <= len(stored) < ARTICLES, "killed mid-run"
    checked = kg("validate", "--store", store, home=tmp_path)
    assert checked.returncode == 0, checked.stdout
    for name in sorted(stored)[:3] + sorted(stored)[-2:]:
        assert stored[name] == fresh_statement_count(folder / name, tmp_path), name

    rerun = kg("ingest", folder, "--store", store, home=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert f"unchanged:       {len(stored)}" in rerun.stdout
    assert f"added:           {ARTICLES - len(stored)}" in rerun.stdout
    assert len(statement_counts(store)) == len(paths)


def test_bad_inputs_are_named_and_the_rest_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    good = write_articles(folder, 2)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "legacy.txt").write_bytes(b"Rebels \x81\x8d attacked the town \x9d of Gao.\n")
    with (folder / "huge.txt").open("w") as handle:
        line = SENTENCES[0] + "\n"
        handle.write(line * (20 * 1024 * 1024 // len(line) + 1))
    with (folder / "feed.jsonl").open("w") as handle:
        handle.write(json.dumps({"text": " ".join(SENTENCES[6:9]), "title": "Proxy wars"}) + "\n")
        handle.write('{"text": "Sudanese army jets bombed RSF positions", "title": \n')
        handle.write(
            json.dumps({"text": " ".join(SENTENCES[9:12]), "published": "2019-04-05"}) + "\n"
        )

    done = kg("ingest", folder, "--store", tmp_path / "store", home=tmp_path, timeout=400)
    assert done.returncode == 0, done.stderr
    assert "added:           4" in done.stdout, done.stdout
    assert "skipped:         5" in done.stdout, done.stdout
    skipped = [
        line.strip() for line in done.stdout.splitlines() if line.strip().startswith("skipped ")
    ]
    for name, problem in (
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("legacy.txt", "UTF-8"),
        ("huge.txt", "too large"),
        ("feed.jsonl#2", "line 2"),
    ):
        line = next((s for s in skipped if name in s), None)
        assert line is not None, f"{name} not reported: {skipped}"
        assert problem.lower() in line.lower(), line
    assert len(statement_counts(tmp_path / "store")) == len(good) + 2


def test_nothing_readable_exits_1_with_the_reasons(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    done = kg("ingest", empty, "--store", tmp_path / "store", home=tmp_path)
    assert done.returncode == 1
    assert f"skipped {empty}:" in done.stdout


def test_a_bad_actor_file_is_named_before_any_store_is_touched(tmp_path: Path) -> None:
    actors = tmp_path / "my-actors.jsonl"
    actors.write_text('{"name": "Quwat al-Ridha", "type": "Militia"}\n')
    article = write_articles(tmp_path / "in", 1)[0]
    store = tmp_path / "store"
    done = kg("ingest", article, "--store", store, "--actors", actors, home=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith(f"kg: error: {actors}") and done.stderr.count("\n") == 1
    assert not store.exists()
