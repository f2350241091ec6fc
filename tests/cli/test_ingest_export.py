"""`kg ingest`, `kg export`, `kg validate`, `kg stats`, `kg retract` on the sample articles."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from cli.kgcli import kg, kg_bytes
from kg.store import queries
from kg.store.oxigraph import OxigraphStore

SAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def ingested(home: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    store = home / "store-a"
    done = kg("ingest", SAMPLES, "--store", store, home=home)
    assert done.returncode == 0, done.stderr
    return store, done


def summary(done: subprocess.CompletedProcess[str]) -> dict[str, int]:
    counts = {}
    for line in done.stdout.splitlines():
        name, _, value = line.partition(":")
        if value.strip().isdigit():
            counts[name.strip()] = int(value)
    return counts


def stored_articles(store_dir: Path) -> int:
    with OxigraphStore.open(store_dir, read_only=True) as store:
        return len(store.article_ids())


def test_ingest_reports_and_shows_progress(ingested) -> None:
    store, done = ingested
    counts = summary(done)
    assert counts["articles read"] == counts["added"] == stored_articles(store) >= 10
    assert counts["relations added"] > 0
    progress = [line for line in done.stderr.splitlines() if "] added " in line]
    assert len(progress) == counts["added"], done.stderr


def test_reingest_changes_nothing_and_fresh_stores_export_identically(ingested, home) -> None:
    store, _ = ingested
    before = kg_bytes("export", "--store", store, "--format", "trig", home=home).stdout
    again = kg("ingest", SAMPLES, "--store", store, home=home)
    assert again.returncode == 0, again.stderr
    counts = summary(again)
    assert counts["added"] == 0 and counts["unchanged"] == counts["articles read"] > 0
    assert kg_bytes("export", "--store", store, "--format", "trig", home=home).stdout == before

    fresh = home / "store-b"
    assert kg("ingest", SAMPLES, "--store", fresh, home=home).returncode == 0
    for fmt in ("turtle", "trig", "nt", "nq", "jsonld"):
        a = kg_bytes("export", "--store", store, "--format", fmt, home=home)
        b = kg_bytes("export", "--store", fresh, "--format", fmt, home=home)
        assert a.returncode == 0, a.stderr
        assert a.stdout == b.stdout, f"{fmt} export differs between two fresh ingests"


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils not installed")
def test_turtle_export_parses_with_rapper_and_pyoxigraph_and_validates(ingested, home) -> None:
    store, _ = ingested
    out = home / "all.ttl"
    done = kg("export", "--store", store, "--format", "turtle", "-o", out, home=home)
    assert done.returncode == 0, done.stderr
    rapper = subprocess.run(
        ["rapper", "-i", "turtle", "-c", str(out)], capture_output=True, text=True
    )
    assert rapper.returncode == 0, rapper.stderr
    triples = list(ox.parse(path=str(out), format=ox.RdfFormat.TURTLE))
    assert f"returned {len(triples)} triples" in rapper.stderr
    text = out.read_text()
    assert "@prefix kg: <https://w3id.org/conflict-kg/ontology#>" in text and "ns1:" not in text

    checked = kg("validate", out, home=home)
    assert checked.returncode == 0, checked.stdout
    assert "conforms" in checked.stdout
    whole = kg("validate", "--store", store, home=home)
    assert whole.returncode == 0, whole.stdout


def test_trig_keeps_one_graph_per_article(ingested, home) -> None:
    store, _ = ingested
    trig = kg_bytes("export", "--store", store, "--format", "trig", home=home).stdout
    graphs = {q.graph_name for q in ox.parse(trig, format=ox.RdfFormat.TRIG)}
    assert len(graphs) == stored_articles(store)
    assert all(g.value.startswith("http://localhost:8000/article/") for g in graphs)


def test_stats_counts_what_is_stored(ingested, home) -> None:
    store, _ = ingested
    done = kg("stats", "--store", store, home=home)
    assert done.returncode == 0, done.stderr
    counts = summary(done)
    assert counts["articles"] == stored_articles(store)
    assert counts["statements"] > 0 and counts["entities"] > 0 and counts["relations"] > 0
    assert "State" in done.stdout


def test_retract_removes_only_what_that_article_alone_supported(ingested, home) -> None:
    store = home / "store-retract"
    shutil.copytree(ingested[0], store)
    with OxigraphStore.open(store, read_only=True) as s:
        graphs = {
            g.value: {(q.subject, q.predicate, q.object) for q in s.quads(graph=g)}
            for g in s.named_graphs()
        }
        sources = {r["article"].value: r["source"].value for r in s.query(queries.ARTICLES)}
    # the article with the most triples also stated elsewhere makes the strongest test
    target = max(
        graphs,
        key=lambda g: len(graphs[g] & set().union(*(v for k, v in graphs.items() if k != g))),
    )
    others = set().union(*(v for k, v in graphs.items() if k != target))
    only_target = graphs[target] - others
    shared = graphs[target] & others
    assert only_target and shared

    done = kg("retract", sources[target], "--store", store, home=home)
    assert done.returncode == 0, done.stderr
    assert "retracted" in done.stdout
    with OxigraphStore.open(store, read_only=True) as s:
        remaining = {(q.subject, q.predicate, q.object) for q in s.quads()}
        assert target not in {g.value for g in s.named_graphs()}
    assert remaining == others
    assert not (only_target & remaining) and shared <= remaining

    again = kg("retract", sources[target], "--store", store, home=home)
    assert again.returncode == 1
    assert again.stderr.strip().startswith(f"kg: error: {sources[target]}: no stored article")


def test_retract_by_id_prefix_and_ambiguity(ingested, home) -> None:
    store = home / "store-prefix"
    shutil.copytree(ingested[0], store)
    with OxigraphStore.open(store, read_only=True) as s:
        ids = s.article_ids()
    done = kg("retract", ids[0][:10], "--store", store, home=home)
    assert done.returncode == 0, done.stderr
    assert stored_articles(store) == len(ids) - 1
    short = kg("retract", "abc", "--store", store, home=home)
    assert short.returncode == 1 and "kg: error: abc:" in short.stderr


def test_commands_on_a_missing_store_fail_in_one_line(home) -> None:
    missing = home / "no-store-here"
    for command in ("export", "stats", "validate", "retract"):
        args = [command, "--store", missing] + (["0" * 8] if command == "retract" else [])
        done = kg(*args, home=home)
        assert done.returncode == 1, command
        assert done.stderr.count("\n") == 1 and str(missing) in done.stderr, done.stderr
    assert not missing.exists(), "reading commands never create a store"


def test_unknown_export_format_is_refused(ingested, home) -> None:
    done = kg("export", "--store", ingested[0], "--format", "xml", home=home)
    assert done.returncode == 1 and "unknown export format 'xml'" in done.stderr
