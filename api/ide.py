"""The GraphiQL page, served with its JavaScript and CSS from kg itself.

strawberry's bundled page loads react, graphiql and the explorer plugin from a
CDN; research networks and CI are often offline. We take the same page, point
every CDN URL at ``/ide-assets/<package>/<file>`` (served from the npm packages
of ``package.json``), and keep the subresource-integrity hashes: the npm files
are byte-identical to the CDN ones, so a wrong version is refused by the
browser instead of half-working.
"""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from strawberry.http.ides import get_graphql_ide_html

ASSETS_PREFIX = "/ide-assets"
_CDN_URL = re.compile(r"https://unpkg\.com/((?:@[^/@\"]+/)?[^/@\"]+)@([^/\"]+)/([^\"]+)")
_REPO_NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"

EXAMPLE_QUERY = """# kg: who backs, targets, allies with whom,
# and the sentences that say so.
# Run: Ctrl-Enter or the play button.
# Schema: the book icon (Docs) on the left.
{
  actor(name: "Turkey") {
    name
    type
    backs {
      object { name }
      confidence
      evidence { sentence article { title published } }
    }
  }
}
"""


@dataclass(frozen=True)
class IdePage:
    """The rendered IDE page, or why it cannot be shown."""

    html: str
    assets_dir: Path | None
    problem: str | None = None


def assets_dir_from_env(environ: os._Environ[str] | dict[str, str] | None = None) -> Path:
    """``KG_ASSETS`` if set, else the repository's ``node_modules``."""
    env = os.environ if environ is None else environ
    given = env.get("KG_ASSETS")
    return Path(given) if given else _REPO_NODE_MODULES


def build_ide_page(assets_dir: Path) -> IdePage:
    """strawberry's GraphiQL page with every asset URL made local, checked against the files."""
    original = get_graphql_ide_html("graphiql")
    missing: list[str] = []

    def local(match: re.Match[str]) -> str:
        package, version, file = match.group(1), match.group(2), match.group(3)
        problem = _check_asset(assets_dir, package, version, file)
        if problem:
            missing.append(problem)
        return f"{ASSETS_PREFIX}/{package}/{file}"

    page = _CDN_URL.sub(local, original)
    page = page.replace("<title>Strawberry GraphiQL</title>", "<title>kg GraphiQL</title>")
    page = re.sub(
        r"const EXAMPLE_QUERY = `.*?`;", lambda _: _example_js(), page, count=1, flags=re.S
    )
    if missing:
        return IdePage(_missing_page(assets_dir, missing), None, "; ".join(missing))
    return IdePage(page, assets_dir)


def _example_js() -> str:
    return "const EXAMPLE_QUERY = " + json.dumps(EXAMPLE_QUERY) + ";"


def _check_asset(assets_dir: Path, package: str, version: str, file: str) -> str | None:
    package_json = assets_dir / package / "package.json"
    if not (assets_dir / package / file).is_file() or not package_json.is_file():
        return f"{package}@{version} ({file}) not found under {assets_dir}"
    try:
        found = json.loads(package_json.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        found = None
    if found != version:
        return f"{package} under {assets_dir} is version {found}, the IDE needs {version}"
    return None


def _missing_page(assets_dir: Path, problems: list[str]) -> str:
    items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg GraphiQL: assets missing</title></head>
<body style="font-family: sans-serif; max-width: 46em; margin: 2em auto">
<h1>The GraphQL IDE cannot load</h1>
<p>kg serves the IDE's JavaScript and CSS itself (no CDN), from the npm packages
pinned in <code>package.json</code>. They were looked for in
<code>{html.escape(str(assets_dir))}</code>:</p>
<ul>{items}</ul>
<p>To install them, run <code>npm ci</code> in the kg repository (it reads
<code>package-lock.json</code>), or set <code>KG_ASSETS</code> to a directory laid out
like <code>node_modules</code> that holds these packages, then restart <code>kg serve</code>.</p>
<p>The API itself works: POST GraphQL queries to this URL.</p>
</body></html>
"""
