"""Signed views, date windows, confidence floors, and the allies/opponents BFS."""

from __future__ import annotations

import datetime as dt

import pytest
from graph_helpers import projection

from kg.graph.neighbourhood import allies, opponents
from kg.graph.views import alliance_graph, opposition_graph

D = dt.date


def libya():  # type: ignore[no-untyped-def]
    return projection(
        ("UAE", "backs", "LNA", 0.9, D(2019, 4, 4)),
        ("Russia", "backs", "LNA", 0.7, D(2019, 9, 1)),
        ("Wagner_Group", "partOf", "Russia", 0.5, D(2019, 9, 1)),
        ("Turkey", "backs", "GNA", 0.9, D(2020, 1, 2)),
        ("LNA", "targets", "GNA", 0.8, D(2019, 4, 5)),
        ("LNA", "targets", "Tripoli", 0.9, D(2019, 4, 5)),
        ("Turkey", "targets", "LNA", 0.6, D(2020, 5, 18)),
        ("GNA", "opposes", "LNA", 0.4, D(2020, 6, 1)),
        ("LNA", "basedAt", "Al_Jufra", 0.9, D(2020, 6, 1)),
        types={"Tripoli": "Place", "Al_Jufra": "Base", "UAE": "State", "Turkey": "State"},
    )


def test_views_split_signs_and_leave_geography_out():
    P = libya()
    assert {k for *_, k in alliance_graph(P.graph).edges(keys=True)} == {"backs", "partOf"}
    assert {k for *_, k in opposition_graph(P.graph).edges(keys=True)} == {"targets", "opposes"}
    assert P.graph.number_of_edges() == 9  # the views copy and remove nothing


def test_date_window_keeps_edges_whose_evidence_overlaps_it():
    P = libya()
    early = opposition_graph(P.graph, until=D(2019, 12, 31))
    assert sorted((u, v) for u, v in early.edges()) == [("LNA", "GNA"), ("LNA", "Tripoli")]
    late = alliance_graph(P.graph, since=D(2020, 1, 1))
    assert list(late.edges()) == [("Turkey", "GNA")]
    with pytest.raises(ValueError, match="after until"):
        alliance_graph(P.graph, since=D(2021, 1, 1), until=D(2020, 1, 1))


def test_min_confidence_drops_weak_ties():
    P = libya()
    strong = alliance_graph(P.graph, min_confidence=0.8)
    assert sorted(strong.edges()) == [("Turkey", "GNA"), ("UAE", "LNA")]


def test_allies_ranked_by_weight_both_directions():
    P = libya()
    result = allies(P, "LNA")
    assert [n.node.key for n in result.nodes] == ["UAE", "Russia"]
    assert all(n.depth == 1 for n in result.nodes)
    assert {(e.subject, e.object) for e in result.edges} == {("UAE", "LNA"), ("Russia", "LNA")}
    assert result.edges[0].statements == ("m0",)


def test_allies_depth_two_reaches_allies_of_allies():
    P = libya()
    result = allies(P, "LNA", depth=2)
    assert [(n.node.key, n.depth, n.via) for n in result.nodes] == [
        ("UAE", 1, "LNA"),
        ("Russia", 1, "LNA"),
        ("Wagner_Group", 2, "Russia"),
    ]
    assert ("Wagner_Group", "partOf", "Russia") in {
        (e.subject, e.relation, e.object) for e in result.edges
    }


def test_opponents_leave_places_out_and_limit_truncates():
    P = libya()
    result = opponents(P, "LNA")
    assert [n.node.key for n in result.nodes] == ["GNA", "Turkey"]
    # both the LNA's attack and the GNA's stated opposition tie them
    assert {e.relation for e in result.edges if {e.subject, e.object} == {"LNA", "GNA"}} == {
        "targets",
        "opposes",
    }
    capped = opponents(P, "LNA", limit=1)
    assert [n.node.key for n in capped.nodes] == ["GNA"] and capped.truncated
    assert opponents(P, "LNA", since=D(2020, 3, 1)).nodes[0].node.key == "Turkey"


def test_bad_arguments_are_named():
    P = libya()
    with pytest.raises(ValueError, match="depth"):
        allies(P, "LNA", depth=0)
    with pytest.raises(ValueError, match="min_confidence"):
        allies(P, "LNA", min_confidence=2)


def test_edges_keep_each_nodes_tie_and_are_capped_on_dense_blocs():
    from kg.graph.neighbourhood import neighbourhood
    from kg.graph.views import Scope

    members = [f"militia_{i}" for i in range(8)]
    ties = [("Iran", "backs", m, 0.5 + i / 20) for i, m in enumerate(members)]
    ties += [(a, "alliedWith", b, 0.9) for i, a in enumerate(members) for b in members[i + 1 :]]
    P = projection(*ties)
    result = neighbourhood(P, "Iran", Scope(sign=1), depth=1, limit=8, max_edges=10)
    assert len(result.edges) == 10
    brought_in = {(e.subject, e.object) for e in result.edges if e.subject == "Iran"}
    assert brought_in == {("Iran", m) for m in members}  # every node's own tie is kept
    assert allies(P, "Iran", limit=8).edges[0].relation == "alliedWith"  # strongest first
