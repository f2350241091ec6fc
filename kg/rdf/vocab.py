"""The terms kg writes, one attribute per ontology.ttl term.

``KG`` is a closed namespace: a misspelt term raises ``AttributeError`` at
import time instead of writing a triple nobody can query.
``tests/rdf/test_vocab.py`` checks that this list and ontology.ttl agree.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

from kg.model import EntityType, RelationType

ONTOLOGY_IRI = "https://w3id.org/conflict-kg/ontology"
KG_NS = ONTOLOGY_IRI + "#"


class KG(DefinedNamespace):
    """kg's own ontology terms."""

    _NS = Namespace(KG_NS)
    _fail = True

    # classes
    Actor: URIRef
    State: URIRef
    ArmedGroup: URIRef
    Organization: URIRef
    Person: URIRef
    GenericGroup: URIRef
    Place: URIRef
    Base: URIRef
    Article: URIRef
    # relation groupings
    relation: URIRef
    cooperation: URIRef
    hostility: URIRef
    geography: URIRef
    # relations
    backs: URIRef
    targets: URIRef
    alliedWith: URIRef
    opposes: URIRef
    basedAt: URIRef
    locatedIn: URIRef
    partOf: URIRef
    leads: URIRef
    # claim properties (on rdf:Statement nodes)
    evidence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    confidence: URIRef
    claimedBy: URIRef
    hedged: URIRef
    negated: URIRef
    eventDate: URIRef
    rule: URIRef
    # entity and article data
    contentHash: URIRef
    genericGroupOf: URIRef


PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

#: Prefixes every serialisation declares (no ``ns1:``).
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "wd": str(WD),
}


def class_iri(entity_type: EntityType) -> URIRef:
    return URIRef(KG_NS + entity_type.value)


def relation_iri(relation: RelationType) -> URIRef:
    return URIRef(KG_NS + relation.value)


def relation_from_iri(iri: str) -> RelationType | None:
    """The relation a predicate IRI names, or None if it is not one of the eight."""
    if not iri.startswith(KG_NS):
        return None
    try:
        return RelationType(iri[len(KG_NS) :])
    except ValueError:
        return None
