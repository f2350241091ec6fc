"""Signed community detection, structural balance and centrality on graphs with known answers."""

from __future__ import annotations

import random

import pyoxigraph as ox
from graph_helpers import SYRIA_2015, SYRIA_2016, YEMEN_2017, make_extraction, projection, write

from kg.graph.balance import balance
from kg.graph.camps import camps
from kg.graph.centrality import brokers, central, main_backers, most_targeted
from kg.graph.project import Projection


def two_blocs_with_a_traitor():  # type: ignore[no-untyped-def]
    return projection(
        # bloc one: the Syrian government and its backers
        ("Russia", "backs", "Syria", 0.9),
        ("Iran", "backs", "Syria", 0.9),
        ("Hezbollah", "alliedWith", "Syria", 0.8),
        ("Iran", "backs", "Hezbollah", 0.9),
        # bloc two: the armed opposition and its backer
        ("Turkey", "backs", "FSA", 0.9),
        ("Turkey", "backs", "Ahrar_al-Sham", 0.8),
        ("Ahrar_al-Sham", "alliedWith", "FSA", 0.7),
        # fighting across the blocs
        ("Russia", "targets", "FSA", 0.9),
        ("Syria", "targets", "Ahrar_al-Sham", 0.9),
        ("Hezbollah", "targets", "FSA", 0.8),
        ("Turkey", "opposes", "Syria", 0.7),
        # the one tie that contradicts the split: a weak Russian contact with Ahrar al-Sham
        ("Russia", "backs", "Ahrar_al-Sham", 0.3),
        types={"Russia": "State", "Iran": "State", "Syria": "State", "Turkey": "State"},
    )


def test_two_blocs_and_the_edge_that_contradicts_them():
    result = camps(two_blocs_with_a_traitor())
    assert [sorted(m.key for m in c.members) for c in result.camps] == [
        ["Hezbollah", "Iran", "Russia", "Syria"],
        ["Ahrar_al-Sham", "FSA", "Turkey"],
    ]
    assert [(e.subject, e.relation, e.object) for e in result.contradicting] == [
        ("Russia", "backs", "Ahrar_al-Sham")
    ]
    assert result.frustration == 0.3
    assert result.unaligned == ()


def test_camps_recover_a_planted_three_way_split_and_are_seeded():
    rng = random.Random(7)
    blocs = [[f"b{b}_{i}" for i in range(12)] for b in range(3)]
    ties = []
    for bloc in blocs:
        for i, u in enumerate(bloc):
            for v in bloc[i + 1 :]:
                if rng.random() < 0.4:
                    ties.append((u, "alliedWith", v, 0.8))
    for a in range(3):
        for b in range(3):
            if a != b:
                for u in blocs[a]:
                    for v in blocs[b]:
                        if rng.random() < 0.1:
                            ties.append((u, "targets", v, 0.8))
    P = projection(*ties)
    first = camps(P, seed=1)
    assert sorted(sorted(m.key for m in c.members) for c in first.camps) == sorted(
        sorted(b) for b in blocs
    )
    assert first.frustration == 0
    assert camps(P, seed=1) == first


def test_camps_around_one_actor_and_unaligned():
    P = two_blocs_with_a_traitor()
    local = camps(P, around="Turkey", depth=1)
    members = {m.key for c in local.camps for m in c.members} | {m.key for m in local.unaligned}
    assert members == {"Turkey", "FSA", "Ahrar_al-Sham", "Syria"}
    lone = projection(
        ("A", "targets", "B", 0.9), ("B", "targets", "C", 0.9), ("A", "targets", "C", 0.9)
    )
    assert lone.graph and camps(lone).camps == ()
    assert {m.key for m in camps(lone).unaligned} == {"A", "B", "C"}


def test_balance_counts_and_explains_unbalanced_triads():
    P = projection(
        ("Russia", "backs", "Syria", 0.9),
        ("Russia", "backs", "Turkey", 0.5),
        ("Turkey", "targets", "Syria", 0.8),  # two allies of Russia fighting each other
        ("Iran", "backs", "Syria", 0.9),
        ("Iran", "alliedWith", "Russia", 0.8),  # balanced: all three allies
        ("US", "targets", "ISIS", 0.9),
        ("Russia", "targets", "ISIS", 0.9),
        ("Syria", "targets", "ISIS", 0.9),
        ("US", "opposes", "Syria", 0.7),  # unbalanced: US, Syria and ISIS all fight
    )  # balanced too: Russia and Syria, allies, both fight ISIS
    result = balance(P)
    assert (result.triads, result.balanced) == (4, 2)
    assert result.share == 0.5
    explanations = {t.explanation for t in result.unbalanced}
    assert explanations == {
        "two allies of Russia fighting each other: Syria and Turkey",
        "ISIS, Syria and US all fight each other",
    }
    triad = next(t for t in result.unbalanced if "Turkey" in t.explanation)
    assert {(e.subject, e.relation, e.object) for e in triad.edges} == {
        ("Russia", "backs", "Syria"),
        ("Russia", "backs", "Turkey"),
        ("Turkey", "targets", "Syria"),
    }


def test_enemy_of_my_enemy_is_predicted_as_inferred_only(store):
    for lines, title in ((SYRIA_2015, "a"), (SYRIA_2016, "b"), (YEMEN_2017, "c")):
        write(store, make_extraction(lines, title=title))
    before = len(store)
    P = Projection.from_store(store)
    # the SDF and Iraq both fight ISIS and no text ties them: balance predicts a positive tie
    P2 = projection(
        ("SDF", "targets", "ISIS", 0.9),
        ("Iraq", "targets", "ISIS", 0.8),
        ("SDF", "alliedWith", "US", 0.9),
    )
    predicted = {(p.a.key, p.b.key): p for p in balance(P2).predicted}
    assert predicted[("Iraq", "SDF")].sign == 1
    assert predicted[("Iraq", "SDF")].rule == "enemy of my enemy"
    assert predicted[("Iraq", "SDF")].inferred is True
    assert [v.key for v in predicted[("Iraq", "SDF")].via] == ["ISIS"]
    assert predicted[("ISIS", "US")].sign == -1
    # predictions never reach the projection or the store
    real = balance(P)
    assert all(p.inferred for p in real.predicted)
    assert not any(
        P.graph.has_edge(p.a.key, p.b.key) or P.graph.has_edge(p.b.key, p.a.key)
        for p in real.predicted
    )
    assert len(store) == before
    assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_centrality_rankings():
    P = projection(
        ("Russia", "targets", "ISIS", 0.9, None, "x"),
        ("US", "targets", "ISIS", 0.9, None, "y"),
        ("Iraq", "targets", "ISIS", 0.8, None, "z"),
        ("Turkey", "targets", "YPG", 0.9),
        ("Russia", "targets", "Idlib", 0.9),
        ("US", "backs", "SDF", 0.9),
        ("US", "backs", "YPG", 0.7),
        ("Russia", "backs", "Syria", 0.9),
        ("SDF", "partOf", "YPG", 0.5),
        ("Iran", "backs", "Syria", 0.9),
        ("Iran", "backs", "Hezbollah", 0.9),
        types={"Idlib": "Place"},
    )
    assert [(r.node.key, r.ties) for r in most_targeted(P)] == [("ISIS", 3), ("YPG", 1)]
    assert [r.node.key for r in main_backers(P)][:2] == ["Iran", "US"]
    # Syria links Russia to Iran and Hezbollah; Iran links Russia and Syria to Hezbollah.
    # The US is not a broker: the SDF's own tie to the YPG is shorter than going through it.
    assert {r.node.key for r in brokers(P)} == {"Syria", "Iran"}
    assert central(P).most_targeted == most_targeted(P)
