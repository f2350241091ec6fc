"""``/sparql``: SPARQL 1.1 Protocol over the store, read-only, time- and size-limited."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from starlette.routing import Route
from starlette.testclient import TestClient
from web_support import client_for

PREFIX = "PREFIX kg: <https://w3id.org/conflict-kg/ontology#>\n"
BACKS = PREFIX + "SELECT ?s ?o WHERE { ?s kg:backs ?o } ORDER BY ?s ?o"
JSON = "application/sparql-results+json"


def _rows(body: dict[str, Any]) -> list[tuple[str, ...]]:
    names = body["head"]["vars"]
    return [tuple(b[n]["value"] for n in names) for b in body["results"]["bindings"]]


def test_get_post_form_and_post_query_agree(hand_client: TestClient) -> None:
    got = hand_client.get("/sparql", params={"query": BACKS}, headers={"accept": JSON})
    form = hand_client.post("/sparql", data={"query": BACKS}, headers={"accept": JSON})
    direct = hand_client.post(
        "/sparql",
        content=BACKS.encode(),
        headers={"content-type": "application/sparql-query", "accept": JSON},
    )
    for r in (got, form, direct):
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith(JSON)
    rows = _rows(got.json())
    assert rows == _rows(form.json()) == _rows(direct.json())
    # the default graph is the union of the article graphs
    assert ("http://localhost:8000/id/Iran", "http://localhost:8000/id/Houthis") in rows
    assert (
        "http://localhost:8000/id/Turkey",
        "http://localhost:8000/id/Government_of_National_Accord",
    ) in rows


def test_result_formats_by_accept(hand_client: TestClient) -> None:
    q = {"query": BACKS}
    xml = hand_client.get("/sparql", params=q, headers={"accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert len(ET.fromstring(xml.content).findall(f"{ns}results/{ns}result")) >= 5
    text = hand_client.get("/sparql", params=q, headers={"accept": "text/csv"})
    assert text.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(text.text)))
    assert rows[0] == ["s", "o"] and len(rows) >= 6
    tsv = hand_client.get("/sparql", params=q, headers={"accept": "text/tab-separated-values"})
    assert tsv.text.splitlines()[0] == "?s\t?o"
    default = hand_client.get("/sparql", params=q)
    assert default.headers["content-type"].startswith(JSON)
    ask = hand_client.get("/sparql", params={"query": PREFIX + "ASK { ?s kg:opposes ?o }"})
    assert ask.json()["boolean"] is True
    refused = hand_client.get("/sparql", params=q, headers={"accept": "image/png"})
    assert refused.status_code == 406


def test_construct_and_describe_give_rdf(hand_client: TestClient) -> None:
    construct = PREFIX + "CONSTRUCT { ?s kg:targets ?o } WHERE { ?s kg:targets ?o }"
    ttl = hand_client.get("/sparql", params={"query": construct}, headers={"accept": "text/turtle"})
    assert ttl.status_code == 200 and ttl.headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(ttl.content, ox.RdfFormat.TURTLE))
    assert len(triples) >= 3
    nt = hand_client.get(
        "/sparql", params={"query": construct}, headers={"accept": "application/n-triples"}
    )
    assert set(ox.parse(nt.content, ox.RdfFormat.N_TRIPLES)) == set(triples)
    describe = hand_client.get(
        "/sparql", params={"query": "DESCRIBE <http://localhost:8000/id/Iran>"}
    )
    assert describe.headers["content-type"].startswith("text/turtle")
    assert b"Tehran" in describe.content


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "POST", "data": {"update": "INSERT DATA { <a:b> <a:c> <a:d> }"}},
        {
            "method": "POST",
            "content": b"DELETE WHERE { ?s ?p ?o }",
            "headers": {"content-type": "application/sparql-update"},
        },
        {"method": "GET", "params": {"update": "CLEAR ALL"}},
        {"method": "GET", "params": {"query": "DELETE WHERE { ?s ?p ?o }"}},
        {
            "method": "POST",
            "data": {"query": "PREFIX x: <a:> INSERT { ?s ?p ?o } WHERE { SELECT * { ?s ?p ?o } }"},
        },
    ],
    ids=["form-update", "sparql-update", "get-update", "update-as-query", "update-with-select"],
)
def test_updates_are_refused(hand_client: TestClient, request_kwargs: dict[str, Any]) -> None:
    before = hand_client.get(
        "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}
    ).json()
    method = request_kwargs.pop("method")
    r = hand_client.request(method, "/sparql", **request_kwargs)
    assert r.status_code == 403
    assert "read-only" in r.text
    after = hand_client.get(
        "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}
    ).json()
    assert before == after


def test_bad_requests_say_what_is_wrong(hand_client: TestClient) -> None:
    missing = hand_client.get("/sparql")
    assert missing.status_code == 400 and "query" in missing.text
    syntax = hand_client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x "})
    assert syntax.status_code == 400 and "syntax error" in syntax.text
    service = hand_client.get(
        "/sparql", params={"query": "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}
    )
    assert service.status_code == 400 and "SERVICE" in service.text
    # the word inside a string is not a SERVICE call
    literal = hand_client.get("/sparql", params={"query": 'SELECT ?s { ?s ?p "customer service" }'})
    assert literal.status_code == 200
    wrong_type = hand_client.post("/sparql", content=b"x", headers={"content-type": "text/plain"})
    assert wrong_type.status_code == 415


def test_time_limit_stops_a_runaway_query(hand_store_dir: Path) -> None:
    from api.routes.sparql import SparqlEndpoint, SparqlLimits

    with client_for(hand_store_dir) as client:
        client.app.router.routes.insert(  # type: ignore[attr-defined]
            0, Route("/sparql-tight", SparqlEndpoint(SparqlLimits(timeout_s=0.5, max_bytes=2000)))
        )
        heavy = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        slow = client.get("/sparql-tight", params={"query": heavy}, headers={"accept": "text/csv"})
        assert slow.status_code in (503, 400)
        assert "time limit" in slow.text or "larger than" in slow.text
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        slow = client.get("/sparql-tight", params={"query": count})
        assert slow.status_code == 503 and "time limit of 0.5 s" in slow.text
        big = client.get("/sparql-tight", params={"query": "SELECT * { ?s ?p ?o }"})
        assert big.status_code == 400 and "larger than 2,000 bytes" in big.text
        # the endpoint still answers afterwards
        ok = client.get("/sparql-tight", params={"query": "ASK { ?s ?p ?o }"})
        assert ok.status_code == 200 and json.loads(ok.text)["boolean"] is True


def test_export_loaded_elsewhere_answers_like_kg_sparql(hand_client: TestClient) -> None:
    """Move the graph into another store (a fresh Oxigraph) and ask the same question."""
    query = (
        PREFIX
        + "SELECT ?s ?p ?o ?sentence WHERE { ?st a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ;"
        " <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ;"
        " <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ;"
        " <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o ; kg:evidence ?sentence }"
        " ORDER BY ?s ?p ?o ?sentence"
    )
    ours = _rows(hand_client.get("/sparql", params={"query": query}).json())
    for fmt, rdf_format in (("nq", ox.RdfFormat.N_QUADS), ("turtle", ox.RdfFormat.TURTLE)):
        dump = hand_client.get("/export", params={"format": fmt})
        assert dump.status_code == 200
        other = ox.Store()
        other.load(dump.content, rdf_format)
        theirs = [
            tuple(r[v].value for v in ("s", "p", "o", "sentence"))
            for r in other.query(query, use_default_graph_as_union=True)
        ]
        assert theirs == ours and len(ours) >= 10


def test_a_browser_without_a_query_gets_a_form_whose_example_runs(hand_client: TestClient) -> None:
    from api.routes.sparql import EXAMPLE_QUERY

    page = hand_client.get("/sparql", headers={"accept": "text/html,*/*;q=0.8"})
    assert page.status_code == 200 and '<form method="get" action="/sparql">' in page.text
    assert hand_client.get("/sparql", headers={"accept": "*/*"}).status_code == 400
    rows = _rows(
        hand_client.get("/sparql", params={"query": EXAMPLE_QUERY, "format": "json"}).json()
    )
    assert ("Iran", "Houthis", next(r[2] for r in rows if r[0] == "Iran")) in rows
    assert any(r[0] == "Turkey" and r[1] == "Government of National Accord" for r in rows)
