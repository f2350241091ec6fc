"""``/embed``, ``/embed.svg``, ``/embed/snippet``: the views, their escaping and framing policy."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import handmade
import pytest
from starlette.testclient import TestClient
from web_support import client_for

SVG = "{http://www.w3.org/2000/svg}"


def _data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


def test_alliance_embed_page_carries_the_view(hand_client: TestClient) -> None:
    r = hand_client.get("/embed", params={"actor": "Riyadh", "view": "alliance", "depth": "2"})
    assert r.status_code == 200
    data = _data(r.text)
    assert {n["id"] for n in data["nodes"]} == {
        "Saudi_Arabia",
        "United_Arab_Emirates",
        "Southern_Transitional_Council",
    }
    assert data["focus"] == ["Saudi_Arabia"]
    edge = next(e for e in data["edges"] if e["relation"] == "backs")
    assert edge["sign"] == 1 and edge["evidence"][0]["hedged"] is True
    assert edge["evidence"][0]["url"] == "https://news.example.org/aden"
    # the page loads only this host's scripts: cytoscape from kg itself
    srcs = re.findall(r'<script[^>]* src="([^"]+)"', r.text)
    assert srcs == ["/static/vendor/cytoscape/cytoscape.min.js", "/static/embed/embed.js"]
    assert hand_client.get(srcs[0]).status_code == 200
    assert hand_client.get(srcs[1]).status_code == 200
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "connect-src 'self'" in csp
    assert "frame-ancestors *" in csp
    assert "x-frame-options" not in r.headers
    assert 'id="kg-open"' in r.text and "/id/Saudi_Arabia" in r.text


def test_path_and_camps_views(hand_client: TestClient) -> None:
    path = _data(
        hand_client.get("/embed", params={"view": "path", "source": "Haftar", "target": "LNA"}).text
    )
    assert [(e["source"], e["relation"], e["target"]) for e in path["edges"]] == [
        ("Khalifa_Haftar", "leads", "Libyan_National_Army")
    ]
    camps = _data(hand_client.get("/embed", params={"view": "camps"}).text)
    camp_of = {n["id"]: n["camp"] for n in camps["nodes"]}
    assert camp_of["Saudi_Arabia"] == camp_of["United_Arab_Emirates"]
    assert camp_of["Saudi_Arabia"] != camp_of["Houthis"]


def test_payloads_reach_the_page_only_as_escaped_json(hand_client: TestClient) -> None:
    r = hand_client.get("/embed", params={"actor": "RSF", "view": "opposition"})
    page = r.text
    assert "<script>window.__xss" not in page and "<img src=x" not in page
    assert "\\u003cscript\\u003ewindow.__xss=1" in page
    labels = {n["label"] for n in _data(page)["nodes"]}
    assert handmade.SCRIPT_NAME in labels  # the name itself is kept, as text
    titles = {ev["title"] for e in _data(page)["edges"] for ev in e["evidence"]}
    assert f"Khartoum fighting {handmade.IMG_NAME}" in titles


def test_svg_is_well_formed_with_escaped_text_and_a_legend(hand_client: TestClient) -> None:
    r = hand_client.get("/embed.svg", params={"actor": "RSF", "view": "opposition"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(r.content)
    assert root.find(f"{SVG}script") is None
    texts = {t.text for t in root.iter(f"{SVG}text")}
    assert handmade.SCRIPT_NAME in texts
    assert {"cooperation", "hostility", "geography"} <= texts
    hostile = [ln for ln in root.iter(f"{SVG}line") if ln.get("stroke") == "#D55E00"]
    assert hostile and all(ln.get("stroke-dasharray") for ln in hostile)
    assert "default-src 'none'" in r.headers["content-security-policy"]


def test_snippet_as_text_and_html(hand_client: TestClient) -> None:
    params = {"actor": "Iran", "view": "alliance", "depth": "2"}
    text = hand_client.get("/embed/snippet", params=params, headers={"accept": "text/plain"})
    assert text.headers["content-type"].startswith("text/plain")
    tag = text.text.strip()
    assert tag.startswith(
        '<iframe src="http://127.0.0.1:8000/embed?actor=Iran&amp;view=alliance&amp;depth=2"'
    )
    assert tag.endswith("</iframe>")
    same = hand_client.get("/embed/snippet", params={**params, "format": "text"})
    assert same.text == text.text
    html = hand_client.get("/embed/snippet", params=params, headers={"accept": "text/html"})
    assert "Copy embed snippet" in html.text and "&lt;iframe src=" in html.text


@pytest.mark.parametrize(
    "params, name",
    [
        ({"view": "alliance"}, "actor"),
        ({"actor": "Iran", "view": "map"}, "view"),
        ({"view": "path", "source": "Iran"}, "target"),
        ({"view": "path", "source": "Iran", "target": "Nowhere Brigade"}, "target"),
        ({"actor": "Iran", "depth": "9"}, "depth"),
        ({"actor": "Iran", "limit": "5000"}, "limit"),
        ({"actor": "Iran", "onload": "x"}, "onload"),
    ],
)
def test_bad_embed_parameters(hand_client: TestClient, params: dict[str, str], name: str) -> None:
    for path in ("/embed", "/embed.svg", "/embed/snippet"):
        r = hand_client.get(path, params=params)
        assert r.status_code == 400, path
        assert r.text.startswith(name + ":")
        assert r.headers["content-type"].startswith("text/plain")


def test_frame_ancestors_restricts_framing(hand_store_dir: Path) -> None:
    allowed = ("https://research.example.edu", "http://127.0.0.1:9999")
    with client_for(hand_store_dir, frame_ancestors=allowed) as client:
        r = client.get("/embed", params={"actor": "Iran"})
        assert (
            "frame-ancestors https://research.example.edu http://127.0.0.1:9999"
            in (r.headers["content-security-policy"])
        )
        svg = client.get("/embed.svg", params={"actor": "Iran"})
        assert (
            "frame-ancestors https://research.example.edu" in svg.headers["content-security-policy"]
        )


def test_markup_from_a_really_ingested_article_is_escaped(hand_client: TestClient) -> None:
    from web_support import XSS_ARTICLE, XSS_SENTENCE

    page = hand_client.get("/embed", params={"actor": "Turkey", "view": "alliance"}).text
    assert "<img src=x" not in page and "<script>window.__xss=3" not in page
    evidence = [ev for e in _data(page)["edges"] for ev in e["evidence"]]
    assert any(ev["sentence"] == XSS_SENTENCE for ev in evidence)
    assert any(ev["title"] == XSS_ARTICLE["title"] for ev in evidence)
    entity = hand_client.get("/id/Zintan_Brigade", headers={"accept": "text/html"}).text
    assert "<img src=x" not in entity and "<script>window.__xss" not in entity
    assert "&lt;img src=x onerror=&#34;window.__xss=4&#34;&gt;" in entity
    assert 'href="https://news.example.org/tripoli?a=1&amp;b=2"' in entity
    svg = hand_client.get("/embed.svg", params={"actor": "Turkey"}).text
    assert "<script" not in svg
