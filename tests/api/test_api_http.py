"""HTTP behaviour: health, gzip, CORS, the response cache, the offline IDE page and its assets."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from apitest_helpers import data
from starlette.testclient import TestClient

from api.app import create_app
from kg.config import Settings


def test_health_reports_the_open_store(client: TestClient) -> None:
    got = client.get("/health").json()
    assert got["status"] == "ok" and got["articles"] >= 8


def test_large_answers_are_gzipped_for_clients_that_accept_it(client: TestClient) -> None:
    query = {"query": "{ actors(first: 100) { edges { node { name aliases iri } } } }"}
    for _ in range(2):  # computed, then cached: both compressed
        response = client.post("/graphql", json=query, headers={"accept-encoding": "gzip"})
        assert response.headers["content-encoding"] == "gzip"
        assert response.json()["data"]["actors"]["edges"]


def test_repeated_queries_are_served_from_the_cache(client: TestClient) -> None:
    query = {"query": '{ actor(name: "Qatar") { backs { object { name } } } } # cache-test'}
    first = client.post("/graphql", json=query)
    second = client.post("/graphql", json=query)
    assert "x-kg-cache" not in first.headers
    assert second.headers["x-kg-cache"] == "hit"
    assert second.json() == first.json()


def test_errors_are_not_cached(client: TestClient) -> None:
    query = {"query": '{ actor(name: "Nobody At All") { name } }'}
    client.post("/graphql", json=query)
    assert "x-kg-cache" not in client.post("/graphql", json=query).headers


def test_queries_work_over_get_too(client: TestClient) -> None:
    response = client.get("/graphql", params={"query": '{ actor(name: "Turkey") { name } }'})
    assert response.json() == {"data": {"actor": {"name": "Turkey"}}}


def test_cors_allows_only_configured_origins(sample_store_dir: Path) -> None:
    settings = Settings(store_dir=sample_store_dir, cors_origins=("https://research.example.org",))
    with TestClient(create_app(settings, read_only=True)) as client:
        allowed = client.options(
            "/graphql",
            headers={
                "origin": "https://research.example.org",
                "access-control-request-method": "POST",
                "access-control-request-headers": "content-type",
            },
        )
        assert allowed.headers["access-control-allow-origin"] == "https://research.example.org"
        other = client.post(
            "/graphql",
            json={"query": "{ stats { articles } }"},
            headers={"origin": "https://elsewhere.example.com"},
        )
        assert "access-control-allow-origin" not in other.headers


def test_the_ide_page_loads_everything_from_this_server(client: TestClient) -> None:
    page = client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "GraphiQL" in page.text
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assets = [u for u in urls if not u.startswith("data:")]
    assert len(assets) == 7, assets  # react, react-dom, js-cookie, 2 css, 2 js
    assert all(u.startswith("/ide-assets/") for u in assets), assets
    assert "unpkg" not in page.text
    pinned = re.findall(
        r'(?:src|href)="(/ide-assets/[^"]+)"\s+integrity="sha384-([^"]+)"', page.text
    )
    assert len(pinned) == len(assets)
    for url, digest in pinned:
        got = client.get(url)
        assert got.status_code == 200, url
        # byte-identical to the CDN file the page was written for (subresource integrity)
        assert base64.b64encode(hashlib.sha384(got.content).digest()).decode() == digest, url


def test_missing_assets_give_a_page_that_says_how_to_install_them(
    sample_store_dir: Path, tmp_path: Path
) -> None:
    app = create_app(Settings(store_dir=sample_store_dir), read_only=True, assets_dir=tmp_path)
    with TestClient(app) as client:
        page = client.get("/graphql", headers={"accept": "text/html"})
        assert page.status_code == 503
        assert "npm ci" in page.text and "KG_ASSETS" in page.text
        assert "graphiql@3.8.3" in page.text
        # the API itself still answers
        assert data(client, "{ stats { articles } }")["stats"]["articles"] >= 8


@pytest.mark.parametrize("path", ["/", "/health"])
def test_plain_routes(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=True)
    assert response.status_code == 200
