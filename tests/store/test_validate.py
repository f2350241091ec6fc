"""SHACL validation catches what breaks the layout, and passes what kg writes."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdf.handmade import BASE, second_syria_extraction, syria_extraction, yemen_extraction

from kg.errors import InputError
from kg.rdf.iri import entity_iri
from kg.rdf.triples import extraction_quads
from kg.rdf.vocab import KG_NS, PREFIXES
from kg.store.oxigraph import OxigraphStore
from kg.validate import validate


def store_with(*extractions) -> OxigraphStore:
    store = OxigraphStore.memory()
    for ex in extractions:
        store.add(ex.article.id, extraction_quads(ex, BASE))
    return store


def test_what_kg_writes_conforms() -> None:
    report = validate(store_with(syria_extraction(), second_syria_extraction(), yemen_extraction()))
    assert report.conforms, [str(v) for v in report.violations]
    assert report.triples > 50


def test_violations_name_the_node_and_the_problem() -> None:
    store = store_with(yemen_extraction())
    graph = next(iter(store.named_graphs()))
    houthis = ox.NamedNode(entity_iri(BASE, "Houthis"))
    saudi = ox.NamedNode(entity_iri(BASE, "Saudi_Arabia"))
    store.oxigraph.extend(
        [
            # a second label for one entity
            ox.Quad(
                houthis, ox.NamedNode(PREFIXES["rdfs"] + "label"), ox.Literal("Ansarallah"), graph
            ),
            # basedAt an armed group, not a base
            ox.Quad(saudi, ox.NamedNode(KG_NS + "basedAt"), houthis, graph),
        ]
    )
    report = validate(store)
    assert not report.conforms
    problems = {(v.focus, v.path) for v in report.violations}
    assert (houthis.value, PREFIXES["rdfs"] + "label") in problems
    assert (saudi.value, KG_NS + "basedAt") in problems
    based = next(v for v in report.violations if v.path == KG_NS + "basedAt")
    assert "Base" in based.message and based.value == houthis.value


def test_a_statement_without_evidence_or_article_fails() -> None:
    store = store_with(second_syria_extraction())
    statement = next(
        q.subject for q in store.quads(None, None, None) if q.predicate.value == KG_NS + "evidence"
    )
    for q in list(store.quads(statement, None, None)):
        if q.predicate.value in (KG_NS + "evidence", PREFIXES["prov"] + "wasDerivedFrom"):
            store.oxigraph.remove(q)
    report = validate(store)
    paths = {v.path for v in report.violations if v.focus == statement.value}
    assert paths == {KG_NS + "evidence", PREFIXES["prov"] + "wasDerivedFrom"}


def test_files_are_validated_and_bad_files_named(tmp_path) -> None:
    store = store_with(syria_extraction())
    good = tmp_path / "good.trig"
    store.dump(good.open("wb"), ox.RdfFormat.TRIG)
    assert validate(good).conforms
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix kg: <https://w3id.org/conflict-kg/ontology#> .\nkg:a kg:b .\n")
    with pytest.raises(InputError, match=r"broken\.ttl"):
        validate(broken)
    with pytest.raises(InputError, match=r"notes\.txt: unknown RDF file extension"):
        validate(tmp_path / "notes.txt")
