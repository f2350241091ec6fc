"""GraphML, GEXF, Cytoscape JSON and CSV exports read back by independent readers."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import handmade
import networkx as nx
import pytest

from kg.export.select import Selection, export_selection, select_edges, selection_from_params


def _export(store: Any, projection: Any, fmt: str, selection: Selection | None = None) -> bytes:
    out = io.BytesIO()
    export_selection(store, out, fmt, selection, projection, handmade.BASE)
    return out.getvalue()


def _projected_edges(projection: Any) -> set[tuple[str, str, str]]:
    return {(u, v, k) for u, v, k in projection.graph.edges(keys=True)}


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_xml_network_formats_read_back_with_networkx(
    hand_store: Any, hand_projection: Any, fmt: str, reader: Any, tmp_path: Any
) -> None:
    path = tmp_path / f"kg.{fmt}"
    path.write_bytes(_export(hand_store, hand_projection, fmt))
    G = reader(path)
    assert G.is_directed() and G.is_multigraph()
    assert set(G.nodes) == set(hand_projection.graph.nodes)
    found = {(u, v, d["relation"]) for u, v, d in G.edges(data=True)}
    assert found == _projected_edges(hand_projection)
    # the attributes Gephi users filter on, with the projection's values
    data = next(d for u, v, d in G.edges(data=True) if (u, v) == ("Iran", "Houthis"))
    edge = hand_projection.graph["Iran"]["Houthis"]["backs"]
    assert data["sign"] == 1 and data["relation"] == "backs"
    assert data["weight"] == pytest.approx(edge["weight"])
    assert data["first_seen"] == "2019-05-14" and data["last_seen"] == "2019-05-14"
    assert data["article_count"] == 1 and data["evidence_count"] == 1
    hostile = [d for u, v, d in G.edges(data=True) if (u, v) == ("Saudi_Arabia", "Houthis")]
    assert sorted(d["relation"] for d in hostile) == ["opposes", "targets"]
    assert {d["sign"] for d in hostile} == {-1}
    # names with markup survive as text
    labels = {d.get("label") for _, d in G.nodes(data=True)}
    assert handmade.SCRIPT_NAME in labels


def test_gexf_keeps_parallel_relations_apart(hand_store: Any, hand_projection: Any) -> None:
    text = _export(hand_store, hand_projection, "gexf").decode()
    assert 'kind="backs"' in text and 'kind="targets"' in text
    assert 'version="1.3"' in text


def test_cytoscape_json_is_an_elements_document(hand_store: Any, hand_projection: Any) -> None:
    doc = json.loads(_export(hand_store, hand_projection, "cytoscape"))
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    ids = {n["data"]["id"] for n in nodes}
    assert ids == set(hand_projection.graph.nodes)
    assert {(e["data"]["source"], e["data"]["target"], e["data"]["relation"]) for e in edges} == (
        _projected_edges(hand_projection)
    )
    for e in edges:
        assert e["data"]["source"] in ids and e["data"]["target"] in ids
    assert len({e["data"]["id"] for e in edges}) == len(edges)


def test_csv_edge_list_has_evidence_counts(hand_store: Any, hand_projection: Any) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(hand_store, hand_projection, "csv").decode())))
    assert len(rows) == hand_projection.graph.number_of_edges()
    wagner = next(r for r in rows if r["source"] == "Wagner_Group" and r["relation"] == "backs")
    assert wagner["evidence_count"] == "1" and wagner["article_count"] == "1"
    assert wagner["target_label"] == "Libyan National Army"
    assert wagner["source_iri"] == handmade.BASE + "id/Wagner_Group"
    # a denial is counted, never turned into a tie of its own
    assert not any(r["target"] == "pro-Iranian_militias" for r in rows)


def test_alliance_subgraph_export_is_exactly_the_neighbourhood(
    hand_store: Any, hand_projection: Any
) -> None:
    from kg.graph.neighbourhood import allies

    selection = selection_from_params({"actor": "Riyadh", "view": "alliance", "depth": "2"})
    rows = list(
        csv.DictReader(io.StringIO(_export(hand_store, hand_projection, "csv", selection).decode()))
    )
    exported = {(r["source"], r["target"], r["relation"]) for r in rows}
    expected = {
        (e.subject, e.object, e.relation) for e in allies(hand_projection, "Saudi_Arabia", 2).edges
    }
    assert exported == expected
    assert exported == {
        ("Saudi_Arabia", "United_Arab_Emirates", "alliedWith"),
        ("United_Arab_Emirates", "Southern_Transitional_Council", "backs"),
    }
    G = nx.read_graphml(io.BytesIO(_export(hand_store, hand_projection, "graphml", selection)))
    assert set(G.nodes) == {"Saudi_Arabia", "United_Arab_Emirates", "Southern_Transitional_Council"}


def test_opposition_view_and_date_window(hand_store: Any, hand_projection: Any) -> None:
    opposition = selection_from_params({"actor": "Houthis", "view": "opposition"})
    edges = {(e.source, e.relation, e.target) for e in select_edges(hand_projection, opposition)}
    assert edges == {("Saudi_Arabia", "targets", "Houthis"), ("Saudi_Arabia", "opposes", "Houthis")}
    recent = selection_from_params({"since": "2022-01-01"})
    edges = {(e.source, e.relation, e.target) for e in select_edges(hand_projection, recent)}
    assert edges == {
        ("Russia", "targets", "Ukraine"),
        ("Russia", "backs", "Wagner_Group"),
        ("Rapid_Support_Forces", "opposes", "Sudanese_Armed_Forces"),
        ("xss-script-group", "targets", "Rapid_Support_Forces"),
    }
    confident = selection_from_params({"min_confidence": "0.85"})
    for e in select_edges(hand_projection, confident):
        assert e.data["confidence"] >= 0.85


@pytest.mark.parametrize(
    "params, param",
    [
        ({"view": "friends"}, "view"),
        ({"actor": "Iran", "depth": "0"}, "depth"),
        ({"actor": "Iran", "depth": "two"}, "depth"),
        ({"depth": "2"}, "depth"),
        ({"since": "last week"}, "since"),
        ({"since": "2020-01-01", "until": "2019-01-01"}, "since"),
        ({"min_confidence": "1.5"}, "min_confidence"),
        ({"min_confidence": "high"}, "min_confidence"),
        ({"actor": "Iran", "limit": "0"}, "limit"),
    ],
)
def test_bad_selection_parameters_are_named(params: dict[str, str], param: str) -> None:
    from kg.export.select import SelectionError

    with pytest.raises(SelectionError) as info:
        selection_from_params(params)
    assert info.value.param == param
    assert str(info.value).startswith(param + ":")


def test_unknown_actor_fails_before_writing(hand_store: Any, hand_projection: Any) -> None:
    from kg.errors import UnknownEntityError

    out = io.BytesIO()
    with pytest.raises(UnknownEntityError):
        export_selection(
            hand_store, out, "turtle", Selection(actor="Atlantis"), hand_projection, handmade.BASE
        )
    assert out.getvalue() == b""
