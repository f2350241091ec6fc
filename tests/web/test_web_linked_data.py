"""Entity IRIs dereference: RDF by content negotiation, a readable HTML page, 404s."""

from __future__ import annotations

import json
from pathlib import Path

import handmade
import pyoxigraph as ox
import pytest
import rdflib
from starlette.testclient import TestClient

IRAN = "http://localhost:8000/id/Iran"


@pytest.mark.parametrize(
    "accept, media, fmt",
    [
        ("text/turtle", "text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
        (
            "text/turtle;q=0.5, application/n-triples",
            "application/n-triples",
            ox.RdfFormat.N_TRIPLES,
        ),
        ("*/*", "text/turtle", ox.RdfFormat.TURTLE),
    ],
)
def test_entity_rdf_by_accept(
    hand_client: TestClient, accept: str, media: str, fmt: ox.RdfFormat
) -> None:
    r = hand_client.get("/id/Iran", headers={"accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    assert "Accept" in r.headers["vary"]
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(r.content, fmt)}
    iran = ox.NamedNode(IRAN)
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    assert ox.Triple(iran, label, ox.Literal("Iran")) in triples
    assert (
        ox.Triple(
            iran,
            ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs"),
            ox.NamedNode("http://www.wikidata.org/entity/Q794"),
        )
        in triples
    )
    evidence = {t.object.value for t in triples if t.predicate.value.endswith("#evidence")}
    assert any("supplied the Houthis with drones" in s for s in evidence)
    # the denial is there as evidence, and the article it came from is described
    assert any(s.startswith("Tehran denied") for s in evidence)
    titles = {t.object.value for t in triples if t.predicate.value.endswith("/title")}
    assert "Yemen: drones and strikes" in titles


def test_jsonld_entity_reads_with_rdflib(hand_client: TestClient) -> None:
    r = hand_client.get("/id/Iran", headers={"accept": "application/ld+json"})
    graph = rdflib.Graph().parse(data=r.content, format="json-ld")
    assert (rdflib.URIRef(IRAN), rdflib.RDFS.label, rdflib.Literal("Iran")) in graph
    assert "@context" in json.loads(r.content)


def test_entity_html_page(hand_client: TestClient) -> None:
    r = hand_client.get(
        "/id/Wagner_Group", headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert '<h1 id="name">Wagner Group</h1>' in page
    assert "ArmedGroup" in page and "Wagner" in page
    assert "Wagner Group fighters led the assault on Bakhmut for Moscow." in page
    assert 'href="https://news.example.org/ukraine"' in page
    assert "claimed by Government of National Accord" in page
    assert 'href="/id/Libyan_National_Army"' in page
    assert "Copy embed snippet" in page and "/embed?actor=Wagner+Group" in page
    wikidata = hand_client.get("/id/Iran", headers={"accept": "text/html"}).text
    assert 'href="http://www.wikidata.org/entity/Q794"' in wikidata
    assert "denied" in wikidata  # the denied tie is shown as such


def test_format_parameter_overrides_accept(hand_client: TestClient) -> None:
    r = hand_client.get("/id/Iran?format=nt", headers={"accept": "text/html"})
    assert r.headers["content-type"].startswith("application/n-triples")
    bad = hand_client.get("/id/Iran?format=pdf")
    assert bad.status_code == 400 and "format" in bad.text


def test_unknown_entity_is_404_in_both_forms(hand_client: TestClient) -> None:
    html = hand_client.get("/id/Atlantis_Liberation_Front", headers={"accept": "text/html"})
    assert html.status_code == 404 and "No such entity" in html.text
    ttl = hand_client.get("/id/Atlantis_Liberation_Front", headers={"accept": "text/turtle"})
    assert ttl.status_code == 404 and "Atlantis_Liberation_Front" in ttl.text
    odd = hand_client.get(
        "/id/%3Cscript%3Ealert(1)%3C%2Fscript%3E", headers={"accept": "text/html"}
    )
    assert odd.status_code == 404 and "<script>alert(1)" not in odd.text
    assert hand_client.get("/id/Iran", headers={"accept": "image/png"}).status_code == 406


def test_entity_page_escapes_names_from_articles(hand_client: TestClient) -> None:
    page = hand_client.get("/id/xss-script-group", headers={"accept": "text/html"}).text
    assert handmade.SCRIPT_NAME not in page
    assert "&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=" in page
    # the name also appears where others link to it
    rsf = hand_client.get("/id/Rapid_Support_Forces", headers={"accept": "text/html"}).text
    assert handmade.SCRIPT_NAME not in rsf and "&lt;script&gt;" in rsf


def test_iris_under_a_configured_base_dereference_here(tmp_path: Path) -> None:
    """With KG_BASE set to a public IRI base, /id/<key> on this server answers for it."""
    from web_support import client_for

    from kg.store.oxigraph import OxigraphStore

    base = "https://w3id.org/conflict-kg/data/"
    store = OxigraphStore.open(tmp_path / "store")
    try:
        handmade.fill(store, base)
    finally:
        store.close()
    with client_for(tmp_path / "store", base=base) as client:
        ttl = client.get("/id/Iran", headers={"accept": "application/n-triples"})
        assert ttl.status_code == 200
        assert f'<{base}id/Iran> <http://www.w3.org/2000/01/rdf-schema#label> "Iran"' in ttl.text
        page = client.get("/id/Iran", headers={"accept": "text/html"}).text
        assert 'href="/id/Houthis"' in page
        assert client.get("/id/Iran?format=ttl").status_code == 200
