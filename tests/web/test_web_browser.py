"""The embed in a real browser: drawn inside an iframe of another origin, clickable, offline, safe.

kg is served by uvicorn on one port; a second tiny server on another port
serves a "research site" page that frames ``/embed``. Headless Chromium
(Debian's) loads it through playwright. The screenshot lands in
tests/artifacts/.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from kg.config import Settings

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def kg_server(hand_store_dir: Path) -> Iterator[str]:
    import uvicorn

    from api.app import create_app

    port = _free_port()
    app = create_app(Settings(store_dir=hand_store_dir), read_only=True)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "kg server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def host_site(tmp_path_factory: pytest.TempPathFactory, kg_server: str) -> Iterator[str]:
    """Another origin (another port) whose page frames kg's embed, as a research site would."""
    root = tmp_path_factory.mktemp("site")
    pages = {
        "index.html": ("Who fights whom in Khartoum", "actor=RSF&amp;view=opposition&amp;depth=2"),
        "libya.html": (
            "Who backs whom around Tripoli",
            "actor=Turkey&amp;view=alliance&amp;depth=2",
        ),
        "camps.html": ("Camps", "view=camps"),
    }
    for name, (heading, query) in pages.items():
        (root / name).write_text(
            "<!doctype html><html><head><meta charset='utf-8'><title>Research notes</title></head>"
            f"<body style='font-family:sans-serif;margin:16px'><h1 style='font-size:18px'>{heading}</h1>"
            f"<iframe id='kg' src='{kg_server}/embed?{query}' width='760' height='520' "
            "style='border:1px solid #ccc' title='kg graph'></iframe></body></html>",
            encoding="utf-8",
        )
    port = _free_port()
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    httpd.shutdown()
    httpd.server_close()


class Watch:
    """Every request the page makes, and anything that hints an injected script ran."""

    def __init__(self, page: Any) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda req: self.requests.append(req.url))
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith("http://127.0.0.1:")
                else route.abort()
            ),
        )

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_local_and_clean(self) -> None:
        outside = [u for u in self.requests if not u.startswith("http://127.0.0.1:")]
        assert outside == [], f"requests left the host: {outside}"
        assert self.dialogs == [], f"an injected script opened a dialog: {self.dialogs}"
        assert self.errors == [], self.errors


def _kg_frame(page: Any) -> Any:
    frame = page.frame_locator("#kg")
    frame.locator("html[data-kg-ready='1']").wait_for(timeout=15000)
    return next(f for f in page.frames if "/embed" in f.url)


def test_embed_draws_in_a_foreign_iframe_and_shows_evidence(
    browser: Any, host_site: str, kg_server: str, artifacts_dir: Path
) -> None:
    page = browser.new_page(viewport={"width": 820, "height": 620})
    watch = Watch(page)
    page.goto(host_site + "/index.html")
    frame = _kg_frame(page)
    assert kg_server.rsplit(":", 1)[1] != host_site.rsplit(":", 1)[1]

    # the graph is in cytoscape's model, laid out, and painted on its canvases
    model = frame.evaluate(
        "() => ({nodes: kgCy.nodes().map(n => n.data('label')).sort(),"
        " edges: kgCy.edges().map(e => e.id()).sort()})"
    )
    assert "Rapid Support Forces" in model["nodes"]
    assert "Sudanese Armed Forces" in model["nodes"]
    assert "Rapid_Support_Forces|opposes|Sudanese_Armed_Forces" in model["edges"]
    painted = frame.evaluate(
        """() => Array.from(document.querySelectorAll('#cy canvas')).some(c => {
             const ctx = c.getContext('2d'); if (!ctx || !c.width) return false;
             const d = ctx.getImageData(0, 0, c.width, c.height).data;
             for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
             return false; })"""
    )
    assert painted, "nothing painted on the graph canvases"

    panel = _click_edge(page, frame, "Rapid_Support_Forces|opposes|Sudanese_Armed_Forces")
    assert "Rapid Support Forces opposes Sudanese Armed Forces" in panel.inner_text()
    sentence = "The Rapid Support Forces are at war with the Sudanese Armed Forces in Khartoum."
    assert sentence in panel.inner_text()
    link = panel.locator("a").first
    assert link.get_attribute("href") == "https://news.example.org/khartoum"
    assert link.get_attribute("target") == "_blank"

    page.screenshot(path=str(artifacts_dir / "embed-in-iframe.png"))

    # the payload names are drawn as text and never run
    labels = model["nodes"]
    assert handmade_script_name() in labels
    assert page.evaluate("() => window.__xss") is None
    assert frame.evaluate("() => window.__xss") is None
    assert frame.locator("img[src='x']").count() == 0
    watch.assert_local_and_clean()
    page.close()


def test_entity_and_snippet_pages_do_not_run_payloads(browser: Any, kg_server: str) -> None:
    page = browser.new_page()
    watch = Watch(page)
    page.goto(kg_server + "/id/xss-script-group")
    assert page.locator("h1").inner_text() == handmade_script_name()
    assert page.evaluate("() => window.__xss") is None
    page.goto(kg_server + "/id/Rapid_Support_Forces")
    assert handmade_script_name() in page.locator("main").inner_text()
    assert page.evaluate("() => window.__xss") is None
    page.goto(kg_server + "/embed.svg?actor=RSF&view=opposition")
    assert page.evaluate("() => window.__xss") is None
    page.goto(kg_server + "/embed/snippet?actor=xss-script-group&view=opposition")
    assert page.evaluate("() => window.__xss") is None
    snippet = page.locator("#snippet").input_value()
    assert snippet.startswith("<iframe src=") and "/embed?actor=xss-script-group" in snippet
    watch.assert_local_and_clean()
    page.close()


def _click_edge(page: Any, frame: Any, edge_id: str) -> Any:
    """Clicks the middle of a drawn tie, where a user would, and waits for its evidence."""
    point = frame.evaluate(
        """(id) => { const e = kgCy.getElementById(id); const m = e.renderedMidpoint();
                     const r = document.getElementById('cy').getBoundingClientRect();
                     return {x: r.left + m.x, y: r.top + m.y}; }""",
        edge_id,
    )
    box = page.locator("#kg").bounding_box()
    panel = frame.locator("#kg-evidence")
    assert panel.is_hidden()
    page.mouse.click(box["x"] + 1 + point["x"], box["y"] + 1 + point["y"])
    panel.wait_for(state="visible", timeout=5000)
    return panel


def test_evidence_with_markup_from_a_real_article_shows_as_text(
    browser: Any, host_site: str, artifacts_dir: Path
) -> None:
    from web_support import XSS_ARTICLE, XSS_SENTENCE

    page = browser.new_page(viewport={"width": 820, "height": 620})
    watch = Watch(page)
    page.goto(host_site + "/libya.html")
    frame = _kg_frame(page)
    panel = _click_edge(page, frame, "Turkey|backs|Zintan_Brigade")
    text = panel.inner_text()
    assert XSS_SENTENCE in text
    assert XSS_ARTICLE["title"] in text
    assert frame.locator("img[src='x']").count() == 0
    assert frame.evaluate("() => window.__xss") is None
    page.screenshot(path=str(artifacts_dir / "embed-libya-evidence.png"))
    page.goto(host_site + "/camps.html")
    frame = _kg_frame(page)
    assert frame.evaluate("() => kgCy.nodes().length") >= 10
    page.screenshot(path=str(artifacts_dir / "embed-camps.png"))
    watch.assert_local_and_clean()
    page.close()


def handmade_script_name() -> str:
    import handmade

    return handmade.SCRIPT_NAME
