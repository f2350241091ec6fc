"""The GraphQL IDE in headless Chromium: it runs a query offline, with no request to another host."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from apitest_helpers import kg_serve

QUERY = '{ actor(name: "Turkey") { name backs { object { name } confidence } } }'


@pytest.mark.browser
def test_graphiql_runs_a_query_with_every_request_to_the_kg_server(
    sample_store_dir: Path, tmp_path: Path, browser: Any, artifacts_dir: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(sample_store_dir, store)
    requests: list[str] = []
    with kg_serve(store) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        try:
            page.on("request", lambda r: requests.append(r.url))
            page.on("websocket", lambda ws: requests.append(ws.url))
            page.goto(f"{url}/graphql", wait_until="networkidle", timeout=60_000)
            editor = page.locator(".graphiql-query-editor .CodeMirror").first
            editor.wait_for(state="visible", timeout=60_000)
            editor.click()
            page.keyboard.press("Control+A")
            page.keyboard.press("Delete")
            page.keyboard.type(QUERY, delay=5)
            page.keyboard.press("Escape")  # close any completion popup
            page.keyboard.press("Shift+Control+P")  # prettify, so the screenshot reads well
            page.locator(".graphiql-execute-button").click()
            page.wait_for_function(
                "() => (document.querySelector('.graphiql-response') || {}).innerText"
                "?.includes('Ahrar al-Sham')",
                timeout=60_000,
            )
            response_text = page.locator(".graphiql-response").inner_text()
            # CodeMirror's completion list stays open after typing; it hides the query in the picture
            page.evaluate("document.querySelectorAll('.CodeMirror-hints').forEach(e => e.remove())")
            page.screenshot(path=str(artifacts_dir / "graphiql.png"))
        finally:
            page.close()
    assert '"name": "Turkey"' in response_text
    server = urlsplit(url).netloc
    foreign = [u for u in requests if not u.startswith("data:") and urlsplit(u).netloc != server]
    assert requests and not foreign, foreign
    assert any("/ide-assets/graphiql/" in u for u in requests)
