"""Read queries over the ingested sample articles, through the real app over HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apitest_helpers import data, gql
from starlette.testclient import TestClient

EVIDENCE = """
  confidence articleCount firstSeen lastSeen contested
  evidence { sentence hedged negated claimedBy { name } article { id title url published } }
"""


def article_texts(sample_articles_dir: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(sample_articles_dir.iterdir()))


def test_turkey_backs_ahrar_al_sham_with_the_sentence_that_says_so(
    client: TestClient, sample_articles_dir: Path
) -> None:
    got = data(
        client,
        "query($n: String!) { actor(name: $n) { name type backs {"
        + EVIDENCE
        + " object { name } } } }",
        {"n": "Turkey"},
    )["actor"]
    assert got["name"] == "Turkey" and got["type"] == "STATE"
    backed = {r["object"]["name"]: r for r in got["backs"]}
    assert "Ahrar al-Sham" in backed, sorted(backed)
    relation = backed["Ahrar al-Sham"]
    assert 0 < relation["confidence"] <= 1
    texts = article_texts(sample_articles_dir)
    sentences = [e["sentence"] for e in relation["evidence"]]
    assert any("Turkey" in s and "Ahrar al-Sham" in s for s in sentences), sentences
    for evidence in relation["evidence"]:
        assert " ".join(evidence["sentence"].split()) in " ".join(texts.split())
        assert len(evidence["article"]["id"]) == 64
    assert any("Ahrar al-Sham" in (e["article"]["title"] or "") for e in relation["evidence"])


def test_the_same_relation_seen_from_the_other_end(client: TestClient) -> None:
    got = data(client, '{ actor(name: "Ahrar al-Sham") { backers { subject { name } } } }')
    assert "Turkey" in {r["subject"]["name"] for r in got["actor"]["backers"]}


def test_aliases_spelling_variants_and_iris_find_the_same_actor(client: TestClient) -> None:
    russia = data(client, '{ actor(name: "Russia") { id iri name aliases wikidata } }')["actor"]
    assert russia["wikidata"] == "Q159"
    for name in ("russia", "the Kremlin", "Moscow", russia["iri"]):
        got = data(client, "query($n: String!) { actor(name: $n) { id } }", {"n": name})
        assert got["actor"]["id"] == russia["id"], name


def test_russia_is_tied_to_assad_by_a_backs_path_with_evidence(client: TestClient) -> None:
    paths = data(
        client,
        """{ path(source: "Russia", target: "Assad", sign: POSITIVE) {
              strength sign nodes { name }
              hops { source { name } target { name } forward
                     relation { predicate subject { name } object { name } evidence { sentence } } } } }""",
    )["path"]
    assert paths, "no path from Russia to Assad"
    best = paths[0]
    assert best["nodes"][0]["name"] == "Russia"
    assert best["nodes"][-1]["name"] == "Bashar al-Assad"
    assert best["sign"] == 1
    hop = best["hops"][0]
    assert hop["relation"]["predicate"] == "BACKS"
    assert any("Assad" in e["sentence"] for e in best["hops"][-1]["relation"]["evidence"])


def test_alliance_depth_two_reaches_allies_of_allies(client: TestClient) -> None:
    query = """query($d: Int) { alliance(actor: "Russia", depth: $d, limit: 100) {
        centre { name } depth truncated
        nodes { actor { name } depth via { name } strength }
        edges { subject { name } predicate object { name } sign } } }"""
    one = data(client, query, {"d": 1})["alliance"]
    two = data(client, query, {"d": 2})["alliance"]
    assert one["centre"]["name"] == "Russia"
    near = {n["actor"]["name"] for n in one["nodes"]}
    assert near
    by_depth: dict[int, set[str]] = {}
    for node in two["nodes"]:
        by_depth.setdefault(node["depth"], set()).add(node["actor"]["name"])
    assert by_depth.get(1) == near
    assert by_depth.get(2), "no ally of an ally found at depth 2"
    for node in two["nodes"]:
        if node["depth"] == 2:
            assert node["via"]["name"] in near
    # Russia backs Assad's side: Assad is within two cooperative hops
    assert "Bashar al-Assad" in by_depth[1] | by_depth[2]
    assert all(e["sign"] == 1 for e in two["edges"])


def test_opposition_lists_hostile_ties_only(client: TestClient) -> None:
    got = data(
        client,
        '{ opposition(actor: "Russia") { nodes { actor { name } } edges { predicate sign } } }',
    )["opposition"]
    assert got["nodes"]
    assert {e["predicate"] for e in got["edges"]} <= {"TARGETS", "OPPOSES"}


def test_actor_search_ranks_exact_then_prefix_then_fuzzy(client: TestClient) -> None:
    names = lambda q: [  # noqa: E731
        e["node"]["name"]
        for e in data(
            client,
            "query($q: String) { actors(search: $q, first: 10) { edges { node { name } } } }",
            {"q": q},
        )["actors"]["edges"]
    ]
    assert names("Turkey")[0] == "Turkey"
    assert names("Ahrar")[0] == "Ahrar al-Sham"
    assert "Ahrar al-Sham" in names("Ahrar al Shaam")
    states = data(client, "{ actors(type: STATE, first: 100) { edges { node { type } } } }")
    assert {e["node"]["type"] for e in states["actors"]["edges"]} == {"STATE"}


def test_actor_pages_round_trip_with_cursors(client: TestClient) -> None:
    everyone = data(client, "{ actors(first: 100) { totalCount edges { node { id } } } }")["actors"]
    wanted = [e["node"]["id"] for e in everyone["edges"]]
    assert everyone["totalCount"] == len(wanted) > 5
    seen: list[str] = []
    after = None
    while True:
        page = data(
            client,
            "query($a: String) { actors(first: 3, after: $a) { edges { cursor node { id } } "
            "pageInfo { hasNextPage hasPreviousPage endCursor } } }",
            {"a": after},
        )["actors"]
        seen += [e["node"]["id"] for e in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] == (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == wanted


def test_relations_filter_by_type_and_page(client: TestClient) -> None:
    query = """query($a: String) { relations(types: [BACKS], first: 2, after: $a) {
        totalCount edges { node { predicate subject { name } object { name } } }
        pageInfo { hasNextPage endCursor } } }"""
    first = data(client, query)["relations"]
    assert first["totalCount"] >= 3
    assert {e["node"]["predicate"] for e in first["edges"]} == {"BACKS"}
    second = data(client, query, {"a": first["pageInfo"]["endCursor"]})["relations"]

    def pairs(page: dict[str, Any]) -> set[tuple[str, str]]:
        return {(e["node"]["subject"]["name"], e["node"]["object"]["name"]) for e in page["edges"]}

    assert not pairs(first) & pairs(second)
    of_turkey = data(
        client,
        '{ relations(subject: "Ankara", types: [BACKS]) { edges { node { subject { name } } } } }',
    )
    assert {e["node"]["subject"]["name"] for e in of_turkey["relations"]["edges"]} == {"Turkey"}


def test_date_window_filters_relations(client: TestClient) -> None:
    query = """query($s: Date, $u: Date) { actor(name: "Russia") {
        backs(since: $s, until: $u) { firstSeen lastSeen object { name } } } }"""
    everything = data(client, query)["actor"]["backs"]
    assert everything
    none = data(client, query, {"s": "1990-01-01", "u": "1990-12-31"})["actor"]["backs"]
    assert none == []
    bad = gql(client, query, {"s": "2016-01-01", "u": "2015-01-01"})
    assert "since" in bad["errors"][0]["message"]


def test_articles_and_article_by_id(client: TestClient) -> None:
    listed = data(
        client,
        "{ articles(first: 100) { totalCount edges { node { id title published source } } } }",
    )
    nodes = [e["node"] for e in listed["articles"]["edges"]]
    assert listed["articles"]["totalCount"] == len(nodes) >= 8
    one = data(client, "query($i: ID!) { article(id: $i) { id title } }", {"i": nodes[0]["id"]})
    assert one["article"] == {"id": nodes[0]["id"], "title": nodes[0]["title"]}
    missing = gql(client, '{ article(id: "0000") { id } }')
    assert "no article with id '0000'" in missing["errors"][0]["message"]
    garbage = gql(client, '{ article(id: "not an/iri at all") { id } }')
    assert "neither an article id nor an article IRI" in garbage["errors"][0]["message"]


def test_stats_count_the_store(client: TestClient) -> None:
    stats = data(
        client, "{ stats { articles mentions entities relations byPredicate { predicate count } } }"
    )["stats"]
    assert stats["articles"] >= 8 and stats["mentions"] >= stats["relations"] > 0
    assert sum(c["count"] for c in stats["byPredicate"]) == stats["relations"]


def test_camps_and_balance_answer(client: TestClient) -> None:
    got = data(
        client,
        """{ camps { algorithm frustration camps { members { name } cohesion } }
             balance { triads balanced share unbalanced { explanation } predicted { rule inferred } } }""",
    )
    assert got["camps"]["camps"], got
    members = [m["name"] for c in got["camps"]["camps"] for m in c["members"]]
    assert len(members) == len(set(members))
    assert 0 <= got["balance"]["share"] <= 1
    assert all(p["inferred"] for p in got["balance"]["predicted"])


def test_unknown_actor_names_the_problem_and_suggests(client: TestClient) -> None:
    body = gql(client, '{ actor(name: "Hezbolah fighters") { name } }')
    assert body["data"] == {"actor": None}
    message = body["errors"][0]["message"]
    assert message.startswith("no actor named 'Hezbolah fighters'; did you mean 'Hezbollah'")
    nothing_close = gql(client, '{ actor(name: "Foo") { name } }')["errors"][0]["message"]
    assert nothing_close == "no actor named 'Foo'"
    body = gql(client, '{ path(source: "Zzyzx Legion", target: "Assad") { strength } }')
    assert "no actor named 'Zzyzx Legion'" in body["errors"][0]["message"]


def test_bases_read_both_ways_and_spelling_variants_resolve(client: TestClient) -> None:
    russia = data(client, '{ actor(name: "Russia") { bases { object { name } } } }')["actor"]
    bases = {r["object"]["name"] for r in russia["bases"]}
    assert any("Hmeymim" in b for b in bases), bases
    base = data(client, '{ actor(name: "Khmeimim") { name type basedHere { subject { name } } } }')[
        "actor"
    ]
    assert "Hmeymim" in base["name"] and base["type"] == "BASE"
    assert "Russia" in {r["subject"]["name"] for r in base["basedHere"]}
