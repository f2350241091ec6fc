"""The ontology is what other graph stores and reasoners see: check its promises."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.model import EntityType, RelationType
from kg.rdf.vocab import KG, KG_NS

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology.ttl"


@pytest.fixture(scope="module")
def onto() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY, format="turtle")
    return g


def declared_terms(onto: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {
        str(s)[len(KG_NS) :]
        for kind in kinds
        for s in onto.subjects(RDF.type, kind)
        if str(s).startswith(KG_NS)
    }


def test_vocab_module_lists_exactly_the_ontology_terms(onto: Graph) -> None:
    in_code = {name for name in KG.__annotations__ if not name.startswith("_")}
    assert declared_terms(onto) == in_code


def test_every_term_has_a_label_and_a_comment(onto: Graph) -> None:
    for name in declared_terms(onto):
        term = URIRef(KG_NS + name)
        assert onto.value(term, RDFS.label), f"{name} has no rdfs:label"
        assert onto.value(term, RDFS.comment), f"{name} has no rdfs:comment"


def test_classes_and_relations_match_the_model(onto: Graph) -> None:
    for t in EntityType:
        assert (URIRef(KG_NS + t.value), RDF.type, OWL.Class) in onto
    for r in RelationType:
        assert (URIRef(KG_NS + r.value), RDF.type, OWL.ObjectProperty) in onto


def test_relation_groupings_give_the_sign_the_model_uses(onto: Graph) -> None:
    group = {1: KG.cooperation, -1: KG.hostility, 0: KG.geography}
    for r in RelationType:
        assert (URIRef(KG_NS + r.value), RDFS.subPropertyOf, group[r.sign]) in onto, r


def test_allied_with_is_symmetric_and_actor_subclasses_are_actors(onto: Graph) -> None:
    assert (KG.alliedWith, RDF.type, OWL.SymmetricProperty) in onto
    for cls in (KG.State, KG.ArmedGroup, KG.Organization, KG.Person):
        assert (cls, RDFS.subClassOf, KG.Actor) in onto
    assert (KG.Base, RDFS.subClassOf, KG.Place) in onto


def test_a_misspelt_term_fails_loudly() -> None:
    with pytest.raises(AttributeError):
        _ = KG.back
