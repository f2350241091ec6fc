"""The projection read from a real pyoxigraph store: edges, weights, names, incremental updates."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from graph_helpers import (
    SYRIA_2015,
    SYRIA_2016,
    YEMEN_2017,
    Line,
    make_extraction,
    rel,
    retract,
    write,
)

from kg.config import DEFAULT_BASE
from kg.errors import UnknownEntityError
from kg.graph.project import CLAIMED_FACTOR, HEDGED_FACTOR, Projection


def snapshot(P: Projection) -> tuple[dict, dict]:
    edges = {(u, v, k): dict(d) for u, v, k, d in P.graph.edges(keys=True, data=True)}
    nodes = {n: dict(d) for n, d in P.graph.nodes(data=True)}
    return edges, nodes


def test_one_edge_per_relation_with_sign_and_evidence_ids(store):
    write(store, make_extraction(SYRIA_2015, dt.date(2015, 10, 1)))
    P = Projection.from_store(store)
    G = P.graph
    assert set(G["Russia"]["Ahrar_al-Sham"]) == {"targets"}
    assert G["Russia"]["Ahrar_al-Sham"]["targets"]["sign"] == -1
    assert G["Russia"]["Bashar_al-Assad"]["backs"]["sign"] == 1
    assert G["Russia"]["Hmeymim_air_base"]["basedAt"]["sign"] == 0
    backs = G["Turkey"]["Ahrar_al-Sham"]["backs"]
    (statement,) = backs["statements"]
    assert "weapons across the border" in P.mention(statement).sentence
    assert backs["first_seen"] == backs["last_seen"] == dt.date(2015, 10, 1)


def test_node_attributes_come_from_the_store(store):
    write(store, make_extraction(SYRIA_2015))
    P = Projection.from_store(store)
    russia = P.graph.nodes["Russia"]
    assert russia["name"] == "Russia"
    assert russia["type"] == "State"
    assert russia["wikidata"] == "Q159"
    assert set(russia["aliases"]) == {"Moscow", "the Kremlin"}
    assert P.is_place("Idlib") and P.is_place("Hmeymim_air_base") and not P.is_place("Turkey")


def test_weight_counts_independent_articles_and_discounts_hedged_and_claimed(store):
    lines = [
        Line(
            "Russian aircraft bombed Ahrar al-Sham bases.",
            [rel("Russia", "targets", "Ahrar_al-Sham", confidence=0.8)],
        )
    ]
    # the same article repeating a claim is one source, not two
    repeated = [
        *lines,
        Line(
            "Russian jets again hit the group's depots.",
            [rel("Russia", "targets", "Ahrar_al-Sham", confidence=0.6)],
        ),
    ]
    write(store, make_extraction(repeated, title="first"))
    write(store, make_extraction(SYRIA_2015, title="second"))
    P = Projection.from_store(store)
    edge = P.graph["Russia"]["Ahrar_al-Sham"]["targets"]
    claimed = 0.9 * CLAIMED_FACTOR
    assert edge["weight"] == pytest.approx(0.8 + claimed)
    assert edge["confidence"] == pytest.approx(1 - (1 - 0.8) * (1 - claimed), abs=1e-3)
    assert len(edge["articles"]) == 2 and len(edge["statements"]) == 3

    write(store, make_extraction(SYRIA_2016))
    P = Projection.from_store(store)
    hedged = P.graph["Russia"]["Free_Syrian_Army"]["targets"]
    assert hedged["weight"] == pytest.approx(0.8 * HEDGED_FACTOR)


def test_negated_mentions_add_no_edge_and_make_asserted_edges_contested(store):
    write(store, make_extraction(SYRIA_2016))
    P = Projection.from_store(store)
    assert not P.graph.has_edge("Turkey", "Free_Syrian_Army")

    asserting = [
        Line(
            "Turkey has armed Free Syrian Army brigades since 2012.",
            [rel("Turkey", "backs", "Free_Syrian_Army", confidence=0.9)],
        )
    ]
    write(store, make_extraction(asserting, title="assert"))
    P = Projection.from_store(store)
    edge = P.graph["Turkey"]["Free_Syrian_Army"]["backs"]
    assert edge["contested"] is True
    assert edge["weight"] == pytest.approx(0.9)
    assert len(edge["negations"]) == 1
    assert edge["confidence"] < 0.9
    assert P.mention(edge["negations"][0]).negated
    assert [e[:3] for e in P.contested_edges()] == [("Turkey", "Free_Syrian_Army", "backs")]
    assert not P.graph["Russia"]["Free_Syrian_Army"]["targets"]["contested"]


def test_any_alias_resolves_and_unknown_names_get_suggestions(store):
    write(store, make_extraction(SYRIA_2015))
    write(
        store,
        make_extraction(
            [Line("U.S. jets hit Daesh oil trucks.", [rel("United_States", "targets", "ISIS")])],
            title="us",
        ),
    )
    P = Projection.from_store(store)
    assert P.resolve("Assad") == "Bashar_al-Assad"  # a person's surname
    assert P.resolve("the Kremlin") == "Russia"
    assert P.resolve("moscow") == "Russia"
    assert P.resolve("ahrar al sham") == "Ahrar_al-Sham"
    # aliases the article did not use come from extra alias lists (the actor dictionary)
    P.add_aliases({"ISIS": ["Daesh", "ISIL"], "Hmeymim_air_base": ["Khmeimim"]})
    assert P.resolve("Daesh") == "ISIS"
    with pytest.raises(UnknownEntityError) as err:
        P.resolve("Ahrar al-Shaam brigades")
    assert "Ahrar al-Sham" in err.value.suggestions
    with pytest.raises(UnknownEntityError, match="no actor named 'Narnia'"):
        P.resolve("Narnia")


def test_incremental_add_and_remove_equal_a_rebuild(store):
    ids = [
        write(store, make_extraction(SYRIA_2015, dt.date(2015, 10, 1), "a")),
        write(store, make_extraction(SYRIA_2016, dt.date(2016, 2, 1), "b")),
    ]
    P = Projection.from_store(store)
    third = write(store, make_extraction(YEMEN_2017 + SYRIA_2015[:1], dt.date(2017, 6, 5), "c"))
    version = P.version
    assert P.add_article(store, third)
    assert P.version > version
    assert snapshot(P) == snapshot(Projection.from_store(store))

    retract(store, ids[0])
    assert P.remove_article(ids[0])
    rebuilt = Projection.from_store(store)
    assert snapshot(P) == snapshot(rebuilt)
    # the edge only the removed article stated is gone; the shared one lost one article
    assert not P.graph.has_edge("Turkey", "Ahrar_al-Sham")
    assert P.graph["Russia"]["Ahrar_al-Sham"]["targets"]["articles"] == (third,)
    assert "Hmeymim_air_base" not in P.graph
    assert P.remove_article(ids[0]) is False
    assert P.add_article(store, "0" * 64) is False


def test_re_adding_an_article_replaces_its_contribution(store):
    article = write(store, make_extraction(SYRIA_2015))
    P = Projection.from_store(store)
    before = snapshot(P)
    assert P.add_article(store, article)
    assert snapshot(P) == before


def test_weights_are_finite_and_positive(store):
    for lines, title in ((SYRIA_2015, "a"), (SYRIA_2016, "b"), (YEMEN_2017, "c")):
        write(store, make_extraction(lines, title=title))
    P = Projection.from_store(store)
    for _, _, data in P.graph.edges(data=True):
        assert math.isfinite(data["weight"]) and data["weight"] > 0
        assert 0 < data["confidence"] <= 1


def test_aliases_follow_the_articles_that_state_them(store):
    from dataclasses import replace

    first = write(store, make_extraction(SYRIA_2015, title="a"))
    line = Line(
        "The Turkish government backs Ahrar al-Sham, its foreign ministry said.",
        [rel("Turkey", "backs", "Ahrar_al-Sham")],
    )
    plain = make_extraction([line], title="b")
    extraction = replace(
        plain,
        entities=tuple(
            replace(e, aliases=(*e.aliases, "Turkish government")) if e.key == "Turkey" else e
            for e in plain.entities
        ),
    )
    second = write(store, extraction)
    P = Projection.from_store(store)
    assert "Turkish government" in P.graph.nodes["Turkey"]["aliases"]
    assert P.resolve("the Turkish government") == "Turkey"
    assert len(P.graph["Turkey"]["Ahrar_al-Sham"]["backs"]["articles"]) == 2
    retract(store, second)
    P.remove_article(second)
    assert snapshot(P) == snapshot(Projection.from_store(store))
    assert "Turkish government" not in P.graph.nodes["Turkey"]["aliases"]
    with pytest.raises(UnknownEntityError):
        P.resolve("the Turkish government")
    assert P.graph["Turkey"]["Ahrar_al-Sham"]["backs"]["articles"] == (first,)


def test_transliterations_and_leading_words_resolve_when_unambiguous(store):
    write(store, make_extraction(SYRIA_2015))
    P = Projection.from_store(store)
    assert P.resolve("Hmeimim air base") == "Hmeymim_air_base"  # transliteration skeleton
    assert P.resolve("Ahrar") == "Ahrar_al-Sham"  # leading words of one name
    assert P.resolve("Hmeymim") == "Hmeymim_air_base"


def test_incremental_updates_through_kg_store():
    from kg.rdf.triples import extraction_quads
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore.memory()
    first = make_extraction(SYRIA_2015, dt.date(2015, 10, 1), "a")
    store.add(first.article.id, extraction_quads(first, DEFAULT_BASE))
    P = Projection.from_store(store)
    second = make_extraction(YEMEN_2017, dt.date(2017, 6, 5), "b")
    store.add(second.article.id, extraction_quads(second, DEFAULT_BASE))
    assert P.add_article(store, second.article.id)
    assert snapshot(P) == snapshot(Projection.from_store(store))
    assert P.graph.has_edge("Saudi_Arabia", "Houthis")
    store.retract(first.article.id)
    assert P.remove_article(first.article.id)
    assert snapshot(P) == snapshot(Projection.from_store(store))
