"""Limits and errors a public API owes its users: depth, page size, cost, no stack traces."""

from __future__ import annotations

from apitest_helpers import gql
from starlette.testclient import TestClient

from api.gql.limits import MAX_COST, MAX_DEPTH, MAX_PAGE_SIZE


def test_page_size_over_the_limit_is_refused(client: TestClient) -> None:
    body = gql(client, "{ actors(first: 5000) { totalCount } }")
    message = body["errors"][0]["message"]
    assert f"1 to {MAX_PAGE_SIZE}" in message and "first: 5000" in message


def test_too_deep_queries_are_refused_before_running(client: TestClient) -> None:
    inner = "name"
    for _ in range(MAX_DEPTH):
        inner = f"backers {{ subject {{ {inner} }} }}"
    body = gql(client, f'{{ actor(name: "Russia") {{ {inner} }} }}')
    assert body.get("data") is None
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]


def test_expensive_queries_are_refused_with_their_cost(client: TestClient) -> None:
    query = """{ actors(first: 100) { edges { node {
        backers { subject { backers { subject { backers { evidence { sentence } } } } } } } } } }"""
    body = gql(client, query)
    assert body.get("data") is None
    message = body["errors"][0]["message"]
    assert "too expensive" in message and str(MAX_COST) in message


def test_graph_arguments_out_of_range_are_named(client: TestClient) -> None:
    body = gql(client, '{ alliance(actor: "Russia", depth: 50) { depth } }')
    assert "depth: 50 is out of range" in body["errors"][0]["message"]
    body = gql(client, '{ alliance(actor: "Russia", minConfidence: 3) { depth } }')
    assert "minConfidence" in body["errors"][0]["message"]


def test_bad_cursor_is_refused_not_restarted(client: TestClient) -> None:
    body = gql(client, '{ actors(after: "not-a-cursor") { totalCount } }')
    assert "'not-a-cursor' is not a cursor" in body["errors"][0]["message"]


def test_syntax_errors_and_bad_json_get_clear_answers(client: TestClient) -> None:
    body = gql(client, "{ actor(name: ) }")
    assert "Syntax Error" in body["errors"][0]["message"]
    response = client.post(
        "/graphql", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert "JSON" in response.text and "Traceback" not in response.text


def test_unexpected_failures_are_masked_without_stack_traces(client: TestClient) -> None:
    state = client.app.state.kg  # type: ignore[attr-defined]
    projection = state.projection
    state.projection = None  # break the server's internals: every graph question now fails
    try:
        response = client.post(
            "/graphql", json={"query": '{ alliance(actor: "Russia") { depth } stats { articles } }'}
        )
    finally:
        state.projection = projection
    body = response.json()
    assert response.status_code == 200
    assert body["data"]["alliance"] is None
    assert body["errors"][0]["message"].startswith("internal error")
    for text in (response.text,):
        assert "Traceback" not in text and "AttributeError" not in text and ".py" not in text


def test_unknown_routes_and_methods_leak_nothing(client: TestClient) -> None:
    response = client.put("/graphql", content=b"{}")
    assert response.status_code == 405
    assert "Traceback" not in response.text


def test_the_ides_introspection_query_passes_the_limits(client: TestClient) -> None:
    from graphql import get_introspection_query

    query = get_introspection_query(descriptions=True, input_value_deprecation=True)
    body = gql(client, query)
    assert "errors" not in body
    names = {t["name"] for t in body["data"]["__schema"]["types"]}
    assert {"Actor", "Relation", "Evidence", "Subgraph"} <= names
