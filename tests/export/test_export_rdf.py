"""RDF exports (whole graph and selections) read back by pyoxigraph, rapper and rdflib."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import handmade
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.export.select import Selection, export_selection, select_edges, selection_from_params
from kg.rdf.vocab import KG_NS

RAPPER = shutil.which("rapper")
RDF_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "turtle"),
    "trig": (ox.RdfFormat.TRIG, "trig"),
    "nt": (ox.RdfFormat.N_TRIPLES, "ntriples"),
    "nq": (ox.RdfFormat.N_QUADS, "nquads"),
}
RELATIONS = {
    KG_NS + r
    for r in (
        "backs",
        "targets",
        "alliedWith",
        "opposes",
        "basedAt",
        "locatedIn",
        "partOf",
        "leads",
    )
}
STATEMENT = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _export(store: Any, projection: Any, fmt: str, selection: Selection | None = None) -> bytes:
    out = io.BytesIO()
    export_selection(store, out, fmt, selection, projection, handmade.BASE)
    return out.getvalue()


def _rapper_count(path: Path, syntax: str) -> int:
    assert RAPPER, "rapper (raptor2-utils) is not installed"
    done = subprocess.run(
        [RAPPER, "-i", syntax, "-c", str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return int(done.stderr.split("returned")[1].split()[0])


ALLIANCE = {"actor": "Saudi Arabia", "view": "alliance", "depth": "2"}


@pytest.mark.parametrize(
    "params", [{}, ALLIANCE, {"since": "2020"}], ids=["whole", "actor", "date"]
)
@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_formats_parse_with_pyoxigraph_and_rapper(
    hand_store: Any, hand_projection: Any, tmp_path: Path, fmt: str, params: dict[str, str]
) -> None:
    selection = selection_from_params(params)
    body = _export(hand_store, hand_projection, fmt, selection)
    ox_format, rapper_syntax = RDF_FORMATS[fmt]
    parsed = list(ox.parse(body, ox_format))
    assert parsed
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(body)
    distinct = (
        {(q.subject, q.predicate, q.object) for q in parsed}
        if fmt in ("turtle", "nt")
        else {(q.subject, q.predicate, q.object, q.graph_name) for q in parsed}
    )
    assert _rapper_count(path, rapper_syntax) == len(distinct)
    if fmt in ("trig", "nq"):
        graphs = {q.graph_name for q in parsed}
        assert all(isinstance(g, ox.NamedNode) and "/article/" in g.value for g in graphs)


def test_turtle_declares_prefixes_and_absolute_iris(hand_store: Any, hand_projection: Any) -> None:
    text = _export(hand_store, hand_projection, "turtle").decode()
    assert "@prefix kg: <https://w3id.org/conflict-kg/ontology#> ." in text
    assert "ns1:" not in text and "@base" not in text
    assert "<http://localhost:8000/id/Iran>" in text


def test_trig_keeps_one_graph_per_article(hand_store: Any, hand_projection: Any) -> None:
    quads = list(ox.parse(_export(hand_store, hand_projection, "trig"), ox.RdfFormat.TRIG))
    assert {q.graph_name for q in quads} == set(hand_store.named_graphs())
    assert len(quads) == len(hand_store)


@pytest.mark.parametrize("params", [{}, ALLIANCE], ids=["whole", "actor"])
def test_jsonld_parses_with_rdflib_and_has_a_context(
    hand_store: Any, hand_projection: Any, params: dict[str, str]
) -> None:
    selection = selection_from_params(params)
    body = _export(hand_store, hand_projection, "jsonld", selection)
    assert b'"@context"' in body
    graph = rdflib.Graph().parse(data=body, format="json-ld")
    turtle = _export(hand_store, hand_projection, "turtle", selection)
    expected = rdflib.Graph().parse(data=turtle, format="turtle")
    assert len(graph) == len(expected) > 0
    assert isomorphic(graph, expected)


def _relation_triples(body: bytes) -> set[tuple[str, str, str]]:
    return {
        (t.subject.value, t.predicate.value[len(KG_NS) :], t.object.value)
        for t in ox.parse(body, ox.RdfFormat.N_TRIPLES)
        if t.predicate.value in RELATIONS
    }


def _key(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


@pytest.mark.parametrize(
    "params",
    [
        ALLIANCE,
        {"actor": "Houthis", "view": "opposition"},
        {"actor": "Haftar", "view": "alliance"},
        {"since": "2022-01-01"},
        {"min_confidence": "0.85"},
    ],
)
def test_rdf_selection_holds_exactly_the_selected_edges(
    hand_store: Any, hand_projection: Any, params: dict[str, str]
) -> None:
    selection = selection_from_params(params)
    if selection.actor:
        from dataclasses import replace

        selection = replace(selection, actor=hand_projection.resolve(selection.actor))
    edges = select_edges(hand_projection, selection)
    assert edges
    body = _export(hand_store, hand_projection, "nt", selection)
    asserted = {(_key(s), p, _key(o)) for s, p, o in _relation_triples(body)}
    expected = set()
    for e in edges:
        pair = (
            (e.source, e.target)
            if e.relation != "alliedWith"
            else tuple(sorted((e.source, e.target)))
        )
        expected.add((pair[0], e.relation, pair[1]))
    assert asserted == expected
    # every statement node is one of the selected edges' mentions, and all of them are there
    memory = ox.Store()
    memory.extend(
        ox.Quad(t.subject, t.predicate, t.object) for t in ox.parse(body, ox.RdfFormat.N_TRIPLES)
    )
    statements = {
        _key(q.subject.value) for q in memory.quads_for_pattern(None, RDF_TYPE, STATEMENT)
    }
    wanted = {s for e in edges for s in (*e.data["statements"], *e.data["negations"])}
    assert statements == wanted
    # every entity a statement names is described (type and label) in the export
    rows = memory.query(
        "SELECT DISTINCT ?e WHERE { ?st a rdf:Statement . "
        "{ ?st rdf:subject ?e } UNION { ?st rdf:object ?e } UNION { ?st <"
        + KG_NS
        + "claimedBy> ?e } "
        "FILTER NOT EXISTS { ?e a ?t ; rdfs:label ?l } }",
        prefixes={
            "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        },
    )
    assert [r["e"] for r in rows] == []


def test_selection_export_is_valid_against_the_shapes(
    hand_store: Any, hand_projection: Any, tmp_path: Path
) -> None:
    from kg.validate import validate

    for name, params in (
        ("whole", {}),
        ("alliance", ALLIANCE),
        ("hostile", {"view": "opposition"}),
    ):
        path = tmp_path / f"{name}.ttl"
        path.write_bytes(
            _export(hand_store, hand_projection, "turtle", selection_from_params(params))
        )
        report = validate(path)
        assert report.conforms, [str(v) for v in report.violations][:5]


def test_denied_tie_keeps_its_evidence_but_is_not_asserted(
    hand_store: Any, hand_projection: Any
) -> None:
    body = _export(hand_store, hand_projection, "nt")
    assert ("Iran", "backs", "pro-Iranian_militias") not in {
        (_key(s), p, _key(o)) for s, p, o in _relation_triples(body)
    }
    assert b"Tehran denied that it arms pro-Iranian militias in Yemen." in body
