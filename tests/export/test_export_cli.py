"""``kg export`` with selection options, as a user runs it; and the sample articles exported."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest

KG = [sys.executable, "-c", "from kg.cli import main; main()"]


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KG, *args], capture_output=True, text=True, timeout=120)


def test_cli_exports_an_alliance_subgraph_to_gexf(hand_store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "saudi.gexf"
    done = _kg(
        "export",
        "--store",
        str(hand_store_dir),
        "--format",
        "gexf",
        "--actor",
        "Riyadh",
        "--view",
        "alliance",
        "--depth",
        "2",
        "-o",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    G = nx.read_gexf(out)
    assert set(G.nodes) == {"Saudi_Arabia", "United_Arab_Emirates", "Southern_Transitional_Council"}


def test_cli_names_a_bad_option(hand_store_dir: Path) -> None:
    done = _kg("export", "--store", str(hand_store_dir), "--format", "csv", "--since", "soon")
    assert done.returncode == 1
    assert "since: not a date" in done.stderr
    done = _kg("export", "--store", str(hand_store_dir), "--format", "csv", "--actor", "Atlantis")
    assert done.returncode == 1 and "no actor named 'Atlantis'" in done.stderr


def test_cli_date_window_in_csv(hand_store_dir: Path) -> None:
    done = _kg("export", "--store", str(hand_store_dir), "--format", "csv", "--until", "2019")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows and all(r["first_seen"] <= "2019-12-31" for r in rows)
    assert {r["source"] for r in rows} >= {"Iran", "Saudi_Arabia", "United_Arab_Emirates"}


@pytest.mark.slow
def test_sample_articles_export_and_subgraphs(sample_store_dir: Path, tmp_path: Path) -> None:
    """The repo's sample articles, ingested by the real pipeline, in every format."""
    from kg.export.select import export_selection, select_edges, selection_from_params
    from kg.graph.neighbourhood import allies
    from kg.graph.project import Projection
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore.open(sample_store_dir, read_only=True)
    try:
        projection = Projection.from_store(store)
        for fmt, ox_format, syntax in (
            ("turtle", ox.RdfFormat.TURTLE, "turtle"),
            ("trig", ox.RdfFormat.TRIG, "trig"),
        ):
            path = tmp_path / f"samples.{fmt}"
            with path.open("wb") as out:
                export_selection(store, out, fmt, None, projection)
            assert list(ox.parse(path=str(path), format=ox_format))
            if shutil.which("rapper"):
                done = subprocess.run(
                    ["rapper", "-i", syntax, "-c", str(path)], capture_output=True, text=True
                )
                assert done.returncode == 0, done.stderr
        russia: Any = projection.resolve("Russia")
        selection = selection_from_params({"actor": russia, "view": "alliance", "depth": "2"})
        exported = {(e.source, e.relation, e.target) for e in select_edges(projection, selection)}
        expected = {
            (e.subject, e.relation, e.object) for e in allies(projection, russia, 2, 500).edges
        }
        assert exported == expected
        assert exported, "the samples say who Russia backs"
        graphml = io.BytesIO()
        export_selection(store, graphml, "graphml", selection, projection)
        G = nx.read_graphml(io.BytesIO(graphml.getvalue()), force_multigraph=True)
        assert {(u, d["relation"], v) for u, v, d in G.edges(data=True)} == expected
    finally:
        store.close()
