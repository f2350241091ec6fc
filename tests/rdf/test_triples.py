"""Extraction -> quads follows the RDF layout of docs/DESIGN.md."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import shutil
import subprocess

import pyoxigraph as ox
import pytest

from kg.model import Entity, EntityType, Extraction, RelationType
from kg.rdf.iri import entity_iri, key_from_iri, statement_iri
from kg.rdf.triples import extraction_quads
from kg.rdf.vocab import KG_NS, PREFIXES
from rdf.handmade import (
    BASE,
    article,
    mention,
    second_syria_extraction,
    syria_extraction,
    yemen_extraction,
)

RDF = PREFIXES["rdf"]
XSD = PREFIXES["xsd"]


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def kg(local: str) -> ox.NamedNode:
    return ox.NamedNode(KG_NS + local)


def ent(key: str) -> ox.NamedNode:
    return ox.NamedNode(entity_iri(BASE, key))


def triples(quads: list[ox.Quad]) -> set[tuple[ox.NamedNode, ox.NamedNode, object]]:
    return {(q.subject, q.predicate, q.object) for q in quads}


def values(quads: list[ox.Quad], subject: object, predicate: ox.NamedNode) -> list[object]:
    return [q.object for q in quads if q.subject == subject and q.predicate == predicate]


def statement_nodes(quads: list[ox.Quad]) -> list[ox.NamedNode]:
    return [
        q.subject
        for q in quads
        if q.predicate == n(RDF + "type") and q.object == n(RDF + "Statement")
    ]


def test_everything_lands_in_the_article_graph() -> None:
    ex = syria_extraction()
    quads = extraction_quads(ex, BASE)
    assert {q.graph_name for q in quads} == {n(f"{BASE}article/{ex.article.id}")}
    assert len(quads) == len(set(quads)), "no duplicate quads"


def test_article_metadata() -> None:
    ex = syria_extraction()
    quads = extraction_quads(ex, BASE)
    node = n(f"{BASE}article/{ex.article.id}")
    assert values(quads, node, n(RDF + "type")) == [kg("Article")]
    assert values(quads, node, n("http://purl.org/dc/terms/title")) == [
        ox.Literal("Rebels shell positions")
    ]
    assert values(quads, node, n("http://purl.org/dc/terms/date")) == [
        ox.Literal("2015-10-07", datatype=n(XSD + "date"))
    ]
    assert values(quads, node, n("http://purl.org/dc/terms/source")) == [ox.Literal("syria.txt")]
    assert values(quads, node, kg("contentHash")) == [ox.Literal(ex.article.id)]


def test_entities_carry_type_label_aliases_and_wikidata() -> None:
    quads = extraction_quads(syria_extraction(), BASE)
    russia = ent("Russia")
    assert values(quads, russia, n(RDF + "type")) == [kg("State")]
    assert values(quads, russia, n(PREFIXES["rdfs"] + "label")) == [ox.Literal("Russia")]
    assert sorted(str(v) for v in values(quads, russia, n(PREFIXES["skos"] + "altLabel"))) == [
        '"Moscow"',
        '"the Kremlin"',
    ]
    assert values(quads, russia, n(PREFIXES["owl"] + "sameAs")) == [
        n("http://www.wikidata.org/entity/Q159")
    ]
    latakia = ent("Latakia")
    assert values(quads, latakia, n(PREFIXES["owl"] + "sameAs")) == [], "no QID, no sameAs"


def test_generic_group_is_tied_to_its_backer() -> None:
    quads = extraction_quads(syria_extraction(), BASE)
    militias = ent("pro-Iranian_militias")
    assert set(values(quads, militias, n(RDF + "type"))) == {kg("GenericGroup"), kg("ArmedGroup")}
    assert values(quads, militias, kg("genericGroupOf")) == [ent("Iran")]


def test_statement_carries_every_claim_property_typed() -> None:
    ex = syria_extraction()
    quads = extraction_quads(ex, BASE)
    based = ex.relations[1]
    node = n(
        statement_iri(
            BASE, ex.article.id, "Russia", "basedAt", "Hmeymim_air_base", based.start, based.end
        )
    )
    expect = {
        (n(RDF + "type"), n(RDF + "Statement")),
        (n(RDF + "subject"), ent("Russia")),
        (n(RDF + "predicate"), kg("basedAt")),
        (n(RDF + "object"), ent("Hmeymim_air_base")),
        (kg("evidence"), ox.Literal(based.sentence)),
        (kg("startOffset"), ox.Literal(str(based.start), datatype=n(XSD + "integer"))),
        (kg("endOffset"), ox.Literal(str(based.end), datatype=n(XSD + "integer"))),
        (kg("confidence"), ox.Literal("0.550", datatype=n(XSD + "decimal"))),
        (kg("claimedBy"), ent("Russia")),
        (kg("hedged"), ox.Literal("true", datatype=n(XSD + "boolean"))),
        (kg("negated"), ox.Literal("false", datatype=n(XSD + "boolean"))),
        (kg("eventDate"), ox.Literal("2015-09-30", datatype=n(XSD + "date"))),
        (n(PREFIXES["prov"] + "wasDerivedFrom"), n(f"{BASE}article/{ex.article.id}")),
    }
    assert {(q.predicate, q.object) for q in quads if q.subject == node} == expect
    # a hedged, attributed mention still asserts the relation
    assert (ent("Russia"), kg("basedAt"), ent("Hmeymim_air_base")) in triples(quads)


def test_event_date_falls_back_to_the_article_date_and_rule_is_kept() -> None:
    ex = syria_extraction()
    quads = extraction_quads(ex, BASE)
    backs = next(
        s
        for s in statement_nodes(quads)
        if values(quads, s, n(RDF + "predicate")) == [kg("backs")]
        and values(quads, s, n(RDF + "subject")) == [ent("Turkey")]
    )
    assert values(quads, backs, kg("eventDate")) == [
        ox.Literal("2015-10-07", datatype=n(XSD + "date"))
    ]
    assert values(quads, backs, kg("rule")) == [ox.Literal("apposition_backed_by")]
    assert values(quads, backs, kg("claimedBy")) == [], "claimedBy only when attributed"


def test_no_event_date_when_neither_text_nor_article_gives_one() -> None:
    quads = extraction_quads(yemen_extraction(), BASE)
    assert statement_nodes(quads)
    assert not [q for q in quads if q.predicate == kg("eventDate")]


def test_negated_mention_is_evidence_but_never_asserted() -> None:
    quads = extraction_quads(syria_extraction(), BASE)
    assert (ent("Iran"), kg("backs"), ent("pro-Iranian_militias")) not in triples(quads)
    denial = [
        s for s in statement_nodes(quads) if values(quads, s, n(RDF + "subject")) == [ent("Iran")]
    ]
    assert len(denial) == 1
    assert values(quads, denial[0], kg("negated")) == [
        ox.Literal("true", datatype=n(XSD + "boolean"))
    ]
    assert (ent("Turkey"), kg("backs"), ent("Ahrar_al-Sham")) in triples(quads)


def test_allied_with_has_the_smaller_key_as_subject() -> None:
    quads = extraction_quads(yemen_extraction(), BASE)
    assert (ent("Saudi_Arabia"), kg("alliedWith"), ent("United_Arab_Emirates")) in triples(quads)
    assert (ent("United_Arab_Emirates"), kg("alliedWith"), ent("Saudi_Arabia")) not in triples(
        quads
    )
    allied = [
        s
        for s in statement_nodes(quads)
        if values(quads, s, n(RDF + "predicate")) == [kg("alliedWith")]
    ]
    assert values(quads, allied[0], n(RDF + "subject")) == [ent("Saudi_Arabia")]


def test_confidence_is_clamped_to_one() -> None:
    quads = extraction_quads(yemen_extraction(), BASE)
    confidences = {str(q.object.value) for q in quads if q.predicate == kg("confidence")}
    assert confidences == {"0.800", "1.000"}


def test_statement_iri_is_sha256_of_the_mention_identity() -> None:
    ex = second_syria_extraction()
    m = ex.relations[0]
    digest = hashlib.sha256(
        "\x1f".join(
            (ex.article.id, "Turkey", "backs", "Ahrar_al-Sham", str(m.start), str(m.end))
        ).encode()
    ).hexdigest()[:32]
    assert statement_nodes(extraction_quads(ex, BASE)) == [n(f"{BASE}statement/{digest}")]


def test_deterministic_whatever_the_input_order() -> None:
    ex = syria_extraction()
    shuffled = dataclasses.replace(
        ex, entities=tuple(reversed(ex.entities)), relations=tuple(reversed(ex.relations))
    )
    assert (
        extraction_quads(ex, BASE) == extraction_quads(ex, BASE) == extraction_quads(shuffled, BASE)
    )


def test_base_is_configurable_and_odd_keys_stay_valid_iris() -> None:
    other = "https://conflicts.example.org/kg/"
    quads = extraction_quads(syria_extraction(), other)
    assert all(str(q.subject.value).startswith(other) for q in quads)
    odd = "Liwa al-Quds (Syria) [pro-gov]"
    iri = entity_iri(other, odd)
    ox.NamedNode(iri)  # raises on an invalid IRI
    assert key_from_iri(other, iri) == odd


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils not installed")
def test_turtle_of_one_article_parses_with_rapper(tmp_path) -> None:
    quads = extraction_quads(syria_extraction(), BASE)
    ttl = ox.serialize(
        (ox.Triple(q.subject, q.predicate, q.object) for q in quads),
        format=ox.RdfFormat.TURTLE,
        prefixes=PREFIXES,
    )
    path = tmp_path / "one.ttl"
    path.write_bytes(ttl)
    done = subprocess.run(
        ["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert f"returned {len(quads)} triples" in done.stderr


def test_a_claim_keeps_every_claimant_and_its_denial_gets_a_node_of_its_own() -> None:
    sentence = (
        "Syrian and Russian officials accused U.S. forces at al-Tanf of arming rebels, "
        "a charge Washington denied."
    )
    text = "Pentagon rejects charges\n\n" + sentence
    art = article(text, "tanf.txt", published=dt.date(2018, 11, 2))
    said = {"hedged": False, "confidence": 0.7}
    relations = (
        mention(
            text,
            sentence,
            "United_States",
            RelationType.BACKS,
            "Syrian_rebels",
            claimed_by="Syria",
            **said,
        ),
        mention(
            text,
            sentence,
            "United_States",
            RelationType.BACKS,
            "Syrian_rebels",
            claimed_by="Russia",
            **said,
        ),
        mention(
            text,
            sentence,
            "United_States",
            RelationType.BACKS,
            "Syrian_rebels",
            negated=True,
            confidence=0.9,
        ),
    )
    entities = (
        Entity("United_States", "United States", EntityType.STATE),
        Entity("Syrian_rebels", "Syrian rebels", EntityType.ARMED_GROUP),
        Entity("Syria", "Syria", EntityType.STATE),
        Entity("Russia", "Russia", EntityType.STATE),
    )
    quads = extraction_quads(Extraction(art, entities, relations), BASE)
    nodes = statement_nodes(quads)
    assert len(nodes) == 2
    false = ox.Literal("false", datatype=n(XSD + "boolean"))
    (claim,) = [node for node in nodes if values(quads, node, kg("negated")) == [false]]
    (denial,) = [node for node in nodes if node != claim]
    assert sorted(v.value for v in values(quads, claim, kg("claimedBy"))) == [
        ent("Russia").value,
        ent("Syria").value,
    ]
    assert values(quads, claim, kg("confidence")) == [
        ox.Literal("0.700", datatype=n(XSD + "decimal"))
    ]
    # the denial is nobody's claim, and is kept as evidence against the relation
    assert values(quads, denial, kg("claimedBy")) == []
    assert values(quads, denial, kg("negated")) == [ox.Literal("true", datatype=n(XSD + "boolean"))]
    # the accusers' claim still asserts the relation
    assert (ent("United_States"), kg("backs"), ent("Syrian_rebels")) in triples(quads)
