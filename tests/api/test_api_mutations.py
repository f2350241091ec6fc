"""Mutations: read-only without a token, refused with a wrong one, ingest and retract with the right one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from apitest_helpers import data, gql

TOKEN = "correct-horse-battery-staple"

ARTICLE = {
    "title": "Drone strike hits Saudi oil plant as Houthi campaign widens",
    "url": "https://news.example.org/2019/09/14/abqaiq",
    "published": "2019-09-14",
    "text": (
        "Houthi drones struck the Abqaiq oil processing plant in eastern Saudi Arabia on Saturday, "
        "halting about half of the kingdom's crude output, officials said.\n\n"
        "Iran backs the Houthis, who have fought a Saudi-led coalition in Yemen since 2015. "
        "Saudi Arabia has bombed Houthi positions around Sanaa for four years.\n\n"
        "The United Arab Emirates has armed the Southern Transitional Council in Aden."
    ),
}

INGEST = """mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
    added article { id title published url } actors { name type }
    relations { predicate subject { name } object { name } evidence { sentence article { id } } } } }"""
RETRACT = "mutation($id: ID!) { retractArticle(id: $id) { id retracted } }"


def test_without_a_configured_token_the_api_is_read_only(
    writable_store: Path, make_client: Callable[..., Any]
) -> None:
    with make_client(writable_store) as client:
        body = gql(client, INGEST, {"input": ARTICLE}, authorization=f"Bearer {TOKEN}")
        assert body["data"] is None
        assert "read-only" in body["errors"][0]["message"]
        assert "KG_API_TOKEN" in body["errors"][0]["message"]
        # queries stay public
        assert data(client, "{ stats { articles } }")["stats"]["articles"] >= 8


def test_missing_or_wrong_tokens_are_refused(
    writable_store: Path, make_client: Callable[..., Any]
) -> None:
    with make_client(writable_store, api_token=TOKEN) as client:
        before = data(client, "{ stats { articles } }")["stats"]["articles"]
        missing = gql(client, INGEST, {"input": ARTICLE})
        assert "Authorization: Bearer" in missing["errors"][0]["message"]
        wrong = gql(client, INGEST, {"input": ARTICLE}, authorization="Bearer guess")
        assert "not valid" in wrong["errors"][0]["message"]
        retract = gql(client, RETRACT, {"id": "0" * 64}, authorization="Bearer guess")
        assert "not valid" in retract["errors"][0]["message"]
        assert data(client, "{ stats { articles } }")["stats"]["articles"] == before


def test_ingest_then_query_then_retract(
    writable_store: Path, make_client: Callable[..., Any]
) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    with make_client(writable_store, api_token=TOKEN) as client:
        before = data(client, "{ stats { articles relations } }")["stats"]

        done = gql(client, INGEST, {"input": ARTICLE}, **auth)
        assert "errors" not in done, done["errors"]
        result = done["data"]["ingestArticle"]
        assert result["added"] is True
        article_id = result["article"]["id"]
        assert result["article"]["title"] == ARTICLE["title"]
        assert result["article"]["published"] == "2019-09-14"
        assert result["relations"], "nothing was extracted from the article"
        named = {a["name"] for a in result["actors"]}
        for relation in result["relations"]:
            assert {relation["subject"]["name"], relation["object"]["name"]} <= named
        for relation in result["relations"]:
            for evidence in relation["evidence"]:
                assert evidence["sentence"] in ARTICLE["text"]
                assert evidence["article"]["id"] == article_id

        # the new relations are queryable, with this article as evidence
        picked = result["relations"][0]
        field = {"BACKS": "backs", "TARGETS": "targets"}.get(picked["predicate"])
        after = data(client, "{ stats { articles relations } }")["stats"]
        assert after["articles"] == before["articles"] + 1
        if field:
            query = (
                "query($n: String!) { actor(name: $n) { "
                + field
                + " { object { name } evidence { article { id } } } } }"
            )
            got = data(client, query, {"n": picked["subject"]["name"]})["actor"][field]
            cited = {e["article"]["id"] for r in got for e in r["evidence"]}
            assert article_id in cited

        again = gql(client, INGEST, {"input": ARTICLE}, **auth)["data"]["ingestArticle"]
        assert again["added"] is False and again["article"]["id"] == article_id

        gone = gql(client, RETRACT, {"id": article_id}, **auth)["data"]["retractArticle"]
        assert gone == {"id": article_id, "retracted": True}
        assert data(client, "{ stats { articles relations } }")["stats"] == before
        missing = gql(client, "query($i: ID!) { article(id: $i) { id } }", {"i": article_id})
        assert "no article" in missing["errors"][0]["message"]
        twice = gql(client, RETRACT, {"id": article_id}, **auth)["data"]["retractArticle"]
        assert twice["retracted"] is False


def test_ingest_refuses_bad_input_by_name(
    writable_store: Path, make_client: Callable[..., Any]
) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    with make_client(writable_store, api_token=TOKEN) as client:
        empty = gql(client, INGEST, {"input": {**ARTICLE, "text": "   "}}, **auth)
        assert "input.text" in empty["errors"][0]["message"]
        bad_url = gql(client, INGEST, {"input": {**ARTICLE, "url": "javascript:alert(1)"}}, **auth)
        assert "input.url" in bad_url["errors"][0]["message"]
        bad_date = gql(client, INGEST, {"input": {**ARTICLE, "published": "14/09/2019"}}, **auth)
        assert (
            "published" in bad_date["errors"][0]["message"]
            or "Date" in bad_date["errors"][0]["message"]
        )


def test_cached_answers_change_after_an_ingest(
    writable_store: Path, make_client: Callable[..., Any]
) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    query = {"query": "{ stats { articles } }"}
    with make_client(writable_store, api_token=TOKEN) as client:
        first = client.post("/graphql", json=query).json()["data"]["stats"]["articles"]
        assert client.post("/graphql", json=query).headers.get("x-kg-cache") == "hit"
        gql(client, INGEST, {"input": ARTICLE}, **auth)
        fresh = client.post("/graphql", json=query)
        assert "x-kg-cache" not in fresh.headers
        assert fresh.json()["data"]["stats"]["articles"] == first + 1
