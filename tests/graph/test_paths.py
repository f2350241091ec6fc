"""Strongest paths: cost choice, sign filter, k alternatives, evidence on every hop."""

from __future__ import annotations

import datetime as dt

import pytest
from graph_helpers import SYRIA_2015, SYRIA_2016, make_extraction, projection, write

from kg.errors import UnknownEntityError
from kg.graph.paths import explain
from kg.graph.project import Projection


def test_direct_backs_path_with_its_sentence(store):
    write(store, make_extraction(SYRIA_2015, dt.date(2015, 10, 1)))
    P = Projection.from_store(store)
    (best, *_) = explain(P, "Ankara", "Ahrar al-Sham", sign="positive")
    assert [n.key for n in best.nodes] == ["Turkey", "Ahrar_al-Sham"]
    (hop,) = best.hops
    assert (hop.edge.subject, hop.edge.relation, hop.edge.object) == (
        "Turkey",
        "backs",
        "Ahrar_al-Sham",
    )
    assert "supplies Ahrar al-Sham with weapons" in hop.evidence[0].sentence
    assert hop.evidence[0].title == "A report"

    (assad,) = explain(P, "Russia", "Assad", sign="positive", k=1)
    assert assad.hops[0].edge.relation == "backs"
    assert "backed Bashar al-Assad" in assad.hops[0].evidence[0].sentence


def test_strongest_path_weighs_probability_against_length():
    P = projection(
        ("Iran", "backs", "Houthis", 0.3),  # a weak direct tie
        ("Iran", "backs", "IRGC_Quds_Force", 0.95),
        ("IRGC_Quds_Force", "backs", "Houthis", 0.95),
        ("Iran", "backs", "Hezbollah", 0.6),
        ("Hezbollah", "backs", "Houthis", 0.6),
    )
    paths = explain(P, "Iran", "Houthis", k=3)
    assert [[n.key for n in p.nodes] for p in paths] == [
        ["Iran", "IRGC_Quds_Force", "Houthis"],  # 0.95 * 0.95 = 0.90: worth one more hop
        ["Iran", "Houthis"],  # 0.3 direct beats 0.6 * 0.6 = 0.36 through an intermediary
        ["Iran", "Hezbollah", "Houthis"],
    ]
    assert [p.strength for p in paths] == pytest.approx([0.9025, 0.3, 0.36], abs=1e-3)
    assert paths[0].cost < paths[1].cost < paths[2].cost
    # a merely stronger detour does not beat a sound direct tie
    direct = projection(
        ("Russia", "backs", "Syria", 0.7),
        ("Russia", "backs", "Iran", 0.95),
        ("Iran", "backs", "Syria", 0.95),
    )
    assert [n.key for n in explain(direct, "Russia", "Syria", k=1)[0].nodes] == ["Russia", "Syria"]


def test_hops_are_walked_either_way_and_report_their_direction():
    P = projection(("Russia", "backs", "Syria", 0.9), ("Iran", "backs", "Syria", 0.9))
    (path,) = explain(P, "Russia", "Iran", k=2)
    assert [(h.source, h.target) for h in path.hops] == [("Russia", "Syria"), ("Syria", "Iran")]
    assert [(h.edge.subject, h.edge.object) for h in path.hops] == [
        ("Russia", "Syria"),
        ("Iran", "Syria"),
    ]
    assert path.sign == 1


def test_sign_filter(store):
    write(store, make_extraction(SYRIA_2015, title="a"))
    write(store, make_extraction(SYRIA_2016, title="b"))
    P = Projection.from_store(store)
    negative = explain(P, "Turkey", "Russia", sign="negative")
    assert negative == []  # Turkey's only tie is backing
    anyway = explain(P, "Turkey", "Russia", sign="any", k=1)[0]
    assert [h.edge.relation for h in anyway.hops] == ["backs", "targets"]
    assert anyway.sign == -1
    # geography never links actors: Russia's base is not a path to Latakia's other users
    assert explain(P, "Russia", "Latakia") == []
    with pytest.raises(ValueError, match="sign must be"):
        explain(P, "Turkey", "Russia", sign="hostile")


def test_time_window_and_confidence_floor_change_the_answer():
    D = dt.date
    P = projection(
        ("SAF", "alliedWith", "RSF", 0.9, D(2019, 4, 11)),
        ("RSF", "targets", "SAF", 0.9, D(2023, 4, 15)),
        ("Egypt", "backs", "SAF", 0.5, D(2023, 5, 1)),
        ("Egypt", "backs", "RSF", 0.4, D(2019, 6, 1)),
    )
    assert [h.edge.relation for h in explain(P, "SAF", "RSF", until=D(2020, 1, 1))[0].hops] == [
        "alliedWith"
    ]
    after = explain(P, "SAF", "RSF", since=D(2023, 1, 1))
    assert [h.edge.relation for h in after[0].hops] == ["targets"]
    assert len(after) == 1  # Egypt's 2019 tie to the RSF is outside the window
    assert explain(P, "Egypt", "RSF", min_confidence=0.45) != []
    assert all(len(p.hops) > 1 for p in explain(P, "Egypt", "RSF", min_confidence=0.45))


def test_unknown_names_and_same_actor_are_clear_errors():
    P = projection(("Russia", "backs", "Syria", 0.9))
    with pytest.raises(UnknownEntityError, match="Narnia"):
        explain(P, "Narnia", "Syria")
    with pytest.raises(ValueError, match="same actor"):
        explain(P, "Syria", "syria")


def test_pruned_search_agrees_with_networkx_on_random_signed_graphs():
    import itertools
    import random

    import networkx as nx

    from kg.graph.paths import hop_cost

    rng = random.Random(3)
    relations = ["backs", "targets", "alliedWith", "opposes", "basedAt"]
    for trial in range(8):
        n = 30
        ties = []
        for i in range(n):
            # a few hubs, many leaves: the case the pruning is for
            for _ in range(1 + (12 if i < 3 else 1)):
                j = rng.randrange(n)
                if j != i:
                    ties.append(
                        (f"n{i}", rng.choice(relations), f"n{j}", round(rng.uniform(0.05, 1.0), 2))
                    )
        P = projection(*ties)
        for sign, wanted in (("any", {1, -1}), ("positive", {1})):
            H = nx.Graph()
            for u, v, data in P.graph.edges(data=True):
                if data["sign"] in wanted:
                    c = hop_cost(data)
                    if not H.has_edge(u, v) or H[u][v]["c"] > c:
                        H.add_edge(u, v, c=c)
            for a, b in itertools.islice(itertools.combinations(sorted(H), 2), 0, None, 7):
                ours = explain(P, a, b, sign=sign, k=3)
                try:
                    theirs = list(
                        itertools.islice(nx.shortest_simple_paths(H, a, b, weight="c"), 3)
                    )
                except nx.NetworkXNoPath:
                    assert ours == [], (trial, a, b)
                    continue
                costs = [sum(H[x][y]["c"] for x, y in itertools.pairwise(p)) for p in theirs]
                assert [round(p.cost, 6) for p in ours] == pytest.approx(costs, abs=1e-6), (
                    trial,
                    sign,
                    a,
                    b,
                )
                assert all(p.hops[0].source == a and p.hops[-1].target == b for p in ours)
