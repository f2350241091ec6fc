"""``GET /export``: every registered format over HTTP, streamed, with selections and 400s."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from starlette.testclient import TestClient

MEDIA = {
    "turtle": "text/turtle",
    "trig": "application/trig",
    "nt": "application/n-triples",
    "nq": "application/n-quads",
    "jsonld": "application/ld+json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "cytoscape": "application/json",
    "csv": "text/csv",
}


@pytest.mark.parametrize("fmt", sorted(MEDIA))
def test_each_format_with_its_media_type(hand_client: TestClient, fmt: str) -> None:
    r = hand_client.get("/export", params={"format": fmt, "actor": "Tehran", "view": "alliance"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == MEDIA[fmt]
    body = r.content
    if fmt in ("turtle", "trig", "nt", "nq"):
        parsed = list(
            ox.parse(
                body,
                {
                    "turtle": ox.RdfFormat.TURTLE,
                    "trig": ox.RdfFormat.TRIG,
                    "nt": ox.RdfFormat.N_TRIPLES,
                    "nq": ox.RdfFormat.N_QUADS,
                }[fmt],
            )
        )
        assert any("Houthis" in str(q.object) for q in parsed)
        assert not any("Saudi_Arabia" in str(q.subject) for q in parsed)
    elif fmt == "jsonld":
        assert len(rdflib.Graph().parse(data=body, format="json-ld")) > 0
    elif fmt == "graphml":
        assert set(nx.read_graphml(io.BytesIO(body)).nodes) == {"Iran", "Houthis"}
    elif fmt == "gexf":
        assert set(nx.read_gexf(io.BytesIO(body)).nodes) == {"Iran", "Houthis"}
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(body.decode())))
        assert [(r["source"], r["relation"], r["target"]) for r in rows] == [
            ("Iran", "backs", "Houthis")
        ]


def test_whole_graph_streams_in_chunks(hand_client: TestClient) -> None:
    with hand_client.stream("GET", "/export", params={"format": "nq"}) as r:
        assert r.status_code == 200
        assert "content-length" not in r.headers
        body = b"".join(r.iter_bytes())
    assert len(list(ox.parse(body, ox.RdfFormat.N_QUADS))) > 200


@pytest.mark.parametrize(
    "params, name",
    [
        ({"format": "docx"}, "format"),
        ({"format": "csv", "view": "enemies"}, "view"),
        ({"format": "csv", "actor": "Iran", "depth": "99"}, "depth"),
        ({"format": "csv", "since": "yesterday"}, "since"),
        ({"format": "csv", "min_confidence": "2"}, "min_confidence"),
        ({"format": "csv", "actor": "Atlantis"}, "actor"),
        ({"format": "csv", "colour": "red"}, "colour"),
    ],
)
def test_bad_parameter_is_a_400_naming_it(
    hand_client: TestClient, params: dict[str, str], name: str
) -> None:
    r = hand_client.get("/export", params=params)
    assert r.status_code == 400
    assert r.text.startswith(name + ":")
