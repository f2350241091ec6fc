"""RDF exports: parse with independent parsers, keep or merge graphs, byte-identical reruns."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pyoxigraph as ox
import pytest
from rdf.handmade import BASE, second_syria_extraction, syria_extraction, yemen_extraction
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import ConfigError
from kg.export.registry import FORMATS, export, get_format
from kg.rdf.triples import extraction_quads
from kg.store.oxigraph import OxigraphStore

EXTRACTIONS = (syria_extraction, second_syria_extraction, yemen_extraction)
RDF_FORMATS = [name for name, f in FORMATS.items() if f.target.startswith("kg.export.rdf:")]


def filled(order=(0, 1, 2)) -> OxigraphStore:
    store = OxigraphStore.memory()
    for i in order:
        ex = EXTRACTIONS[i]()
        store.add(ex.article.id, extraction_quads(ex, BASE))
    return store


def dump(store: OxigraphStore, fmt: str) -> bytes:
    out = io.BytesIO()
    export(store, out, fmt)
    return out.getvalue()


def distinct_triples(store: OxigraphStore) -> set:
    return {(q.subject, q.predicate, q.object) for q in store.quads()}


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_exports_are_byte_identical_whatever_the_ingest_order(fmt: str) -> None:
    assert dump(filled((0, 1, 2)), fmt) == dump(filled((2, 0, 1)), fmt)


def test_turtle_merges_graphs_into_distinct_triples_with_declared_prefixes() -> None:
    store = filled()
    ttl = dump(store, "turtle")
    parsed = {(t.subject, t.predicate, t.object) for t in ox.parse(ttl, format=ox.RdfFormat.TURTLE)}
    assert parsed == distinct_triples(store)
    text = ttl.decode()
    assert "@prefix kg: <https://w3id.org/conflict-kg/ontology#> ." in text
    assert "ns1:" not in text
    assert "kg:backs" in text and "<http://localhost:8000/id/Turkey>" in text, "absolute IRIs"
    # Turkey backs Ahrar al-Sham is stated by two articles but written once
    assert text.count("kg:backs <http://localhost:8000/id/Ahrar_al-Sham>") == 1


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils not installed")
def test_turtle_parses_with_rapper(tmp_path) -> None:
    store = filled()
    path = tmp_path / "all.ttl"
    path.write_bytes(dump(store, "turtle"))
    done = subprocess.run(
        ["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert f"returned {len(distinct_triples(store))} triples" in done.stderr


def test_trig_and_nquads_keep_one_graph_per_article() -> None:
    store = filled()
    for fmt, rdf_format in (("trig", ox.RdfFormat.TRIG), ("nq", ox.RdfFormat.N_QUADS)):
        quads = set(ox.parse(dump(store, fmt), format=rdf_format))
        assert quads == set(store.quads()), fmt
        graphs = {q.graph_name.value for q in quads}
        assert graphs == {f"{BASE}article/{ex().article.id}" for ex in EXTRACTIONS}


def test_ntriples_and_jsonld_say_the_same_as_turtle() -> None:
    store = filled()
    turtle = Graph().parse(data=dump(store, "turtle"), format="turtle")
    nt = Graph().parse(data=dump(store, "nt"), format="nt")
    doc = json.loads(dump(store, "jsonld"))
    assert doc["@context"]["kg"] == "https://w3id.org/conflict-kg/ontology#"
    assert any("kg:backs" in node for node in doc["@graph"]), "compacted with the prefixes"
    jsonld = Graph().parse(data=json.dumps(doc), format="json-ld")
    assert isomorphic(turtle, nt) and isomorphic(turtle, jsonld)
    by_oxigraph = set(ox.parse(dump(store, "jsonld"), format=ox.RdfFormat.JSON_LD))
    assert {(t.subject, t.predicate, t.object) for t in by_oxigraph} == distinct_triples(store)
    assert len(turtle) == len(distinct_triples(store))


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"'xml'.*jsonld.*turtle"):
        get_format("xml")
