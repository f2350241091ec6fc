"""Embeddable graph views: ``/embed`` (interactive), ``/embed.svg`` (static), ``/embed/snippet``.

``/embed?actor=Russia&view=alliance|opposition|camps&depth=2`` and
``/embed?view=path&source=A&target=B`` render the same graph questions as
``kg graph`` (``kg.graph``: neighbourhood, paths, camps) as a page meant
for an ``<iframe>``: Cytoscape.js, served by kg itself, draws it; clicking a
tie shows its evidence sentences with links to the articles.

Safety: every text from an article reaches the page only as JSON inside
``<script type="application/json">`` (with ``<``, ``>``, ``&`` escaped) and
is put on screen with ``textContent``; the SVG escapes it as XML. A strict
Content-Security-Policy allows scripts, styles and requests from this host
only. Framing is allowed from anywhere unless ``KG_FRAME_ANCESTORS`` lists
the origins that may frame the views (CSP ``frame-ancestors``).
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import networkx as nx
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from api.routes.linked_data import TEMPLATES, best_media_type
from kg.errors import UnknownEntityError
from kg.export.select import Selection, SelectionError, select_edges, selection_from_params

STATIC_DIR = Path(__file__).resolve().parent.parent / "static" / "embed"
CYTOSCAPE_PATH = "/static/vendor/cytoscape/cytoscape.min.js"
VIEWS = ("alliance", "opposition", "path", "camps")
PARAMS = (
    "actor",
    "view",
    "depth",
    "source",
    "target",
    "since",
    "until",
    "min_confidence",
    "limit",
    "width",
    "height",
    "format",
)
DEFAULT_NODES = 60
MAX_NODES = 400
EVIDENCE_PER_EDGE = 5

#: Okabe-Ito: distinguishable with the common colour-vision deficiencies
POSITIVE = "#0072B2"
HOSTILE = "#D55E00"
GEOGRAPHY = "#888888"
CAMP_COLOURS = ("#56B4E9", "#E69F00", "#009E73", "#F0E442", "#CC79A7", "#0072B2", "#D55E00")
NODE_FILL = "#F2F2F2"
SHAPES = {
    "State": "round-rectangle",
    "ArmedGroup": "diamond",
    "Organization": "hexagon",
    "Person": "ellipse",
    "Base": "triangle",
    "Place": "pentagon",
}


class BadParam(Exception):
    def __init__(self, param: str, problem: str) -> None:
        super().__init__(f"{param}: {problem}")
        self.param = param
        self.problem = problem


# ---------------------------------------------------------------- the view's data


@dataclass
class EmbedNode:
    id: str
    label: str
    type: str
    shape: str
    url: str | None
    focus: bool = False
    camp: int | None = None
    x: float = 0.0
    y: float = 0.0


@dataclass
class EmbedEdge:
    id: str
    source: str
    target: str
    relation: str
    sign: int
    weight: float
    confidence: float
    first_seen: str | None
    last_seen: str | None
    width: float
    evidence: list[dict[str, Any]] = field(default_factory=list)
    evidence_total: int = 0
    contested: bool = False


@dataclass
class EmbedView:
    title: str
    view: str
    focus: tuple[str, ...]
    nodes: list[EmbedNode]
    edges: list[EmbedEdge]
    truncated: bool = False
    camps: int = 0


@dataclass(frozen=True)
class EmbedRequest:
    view: str
    selection: Selection
    source: str | None = None
    target: str | None = None


def parse_params(params: Any) -> EmbedRequest:
    """The embed parameters, each checked (``BadParam`` names the bad one)."""
    unknown = sorted(set(params) - set(PARAMS))
    if unknown:
        raise BadParam(unknown[0], f"unknown parameter; known: {', '.join(PARAMS)}")
    view = params.get("view") or "alliance"
    if view not in VIEWS:
        raise BadParam("view", f"unknown view {view!r}; use one of {', '.join(VIEWS)}")
    raw = {k: params.get(k) for k in ("actor", "depth", "since", "until", "min_confidence")}
    raw["limit"] = params.get("limit") or str(DEFAULT_NODES)
    raw["view"] = view if view in ("alliance", "opposition") else "all"
    if view == "path":
        raw["depth"] = None
        raw["actor"] = None
    try:
        selection = selection_from_params(raw)
    except SelectionError as exc:
        raise BadParam(exc.param, exc.problem) from None
    if selection.limit > MAX_NODES:
        raise BadParam("limit", f"an embed shows at most {MAX_NODES} actors")
    source = (params.get("source") or "").strip() or None
    target = (params.get("target") or "").strip() or None
    if view == "path":
        if not source:
            raise BadParam("source", "required for view=path")
        if not target:
            raise BadParam("target", "required for view=path")
    elif view in ("alliance", "opposition") and selection.actor is None:
        raise BadParam("actor", f"required for view={view}")
    return EmbedRequest(view, selection, source, target)


def _resolve(projection: Any, name: str, param: str) -> str:
    try:
        return str(projection.resolve(name))
    except UnknownEntityError as exc:
        raise BadParam(param, str(exc)) from None


def build_view(projection: Any, req: EmbedRequest, base: str) -> EmbedView:
    """Nodes, ties and evidence of one embed request, laid out (seeded, repeatable)."""
    graph = projection.graph
    sel = req.selection
    focus: tuple[str, ...] = ()
    camp_of: dict[str, int] = {}
    truncated = False
    if req.view in ("alliance", "opposition"):
        actor = _resolve(projection, sel.actor or "", "actor")
        sel = replace(sel, actor=actor)
        keys = [(e.source, e.target, e.relation) for e in select_edges(projection, sel)]
        focus = (actor,)
        nodes = {actor} | {n for s, t, _ in keys for n in (s, t)}
        title = f"{projection.name(actor)}: {req.view}"
        truncated = len(nodes) >= sel.limit + 1
    elif req.view == "path":
        from kg.graph.paths import explain

        source = _resolve(projection, req.source or "", "source")
        target = _resolve(projection, req.target or "", "target")
        if source == target:
            raise BadParam("target", "source and target are the same actor")
        paths = explain(
            projection,
            source,
            target,
            k=3,
            since=sel.since,
            until=sel.until,
            min_confidence=sel.min_confidence,
            evidence=0,
        )
        keys = sorted(
            {(h.edge.subject, h.edge.object, h.edge.relation) for p in paths for h in p.hops}
        )
        focus = (source, target)
        nodes = {source, target} | {n for s, t, _ in keys for n in (s, t)}
        title = f"{projection.name(source)} \u2192 {projection.name(target)}"
        if not paths:
            title += " (no path)"
    else:
        from kg.graph.camps import camps

        around = _resolve(projection, sel.actor, "actor") if sel.actor else None
        found = camps(
            projection,
            around=around,
            depth=sel.depth,
            since=sel.since,
            until=sel.until,
            min_confidence=sel.min_confidence,
        )
        for index, camp in enumerate(found.camps):
            for member in camp.members:
                camp_of[member.key] = index
        alone = [n.key for n in found.unaligned]
        ranked = sorted(camp_of, key=lambda n: (camp_of[n], n)) + sorted(alone)
        if len(ranked) > sel.limit:
            truncated = True
            ranked = ranked[: sel.limit]
        nodes = set(ranked)
        if around:
            nodes.add(around)
            focus = (around,)
        scoped = replace(sel, actor=None, view="all")
        keys = sorted(
            (u, v, k)
            for u in nodes
            for v, keyed in graph._succ[u].items()
            if v in nodes
            for k, d in keyed.items()
            if d["sign"] != 0 and scoped.admits(d)
        )
        title = (
            f"Camps around {projection.name(around)}" if around else "Camps"
        ) + f" ({len(found.camps)})"
    view = EmbedView(
        title=title,
        view=req.view,
        focus=focus,
        nodes=[_node(projection, n, base, n in focus, camp_of.get(n)) for n in sorted(nodes)],
        edges=[_edge(projection, s, t, r, base) for s, t, r in sorted(keys)],
        truncated=truncated,
        camps=len(set(camp_of.values())),
    )
    _layout(view, size=160.0 * math.sqrt(max(len(view.nodes), 1)))
    return view


def _node(projection: Any, key: str, base: str, focus: bool, camp: int | None) -> EmbedNode:
    data = projection.graph.nodes[key] if key in projection.graph else {}
    kind = str(data.get("type") or "")
    iri = str(data.get("iri") or "")
    url = "/" + iri[len(base) :] if iri.startswith(base) else None
    return EmbedNode(
        id=key,
        label=str(data.get("name") or key),
        type=kind or "Actor",
        shape=SHAPES.get(kind, "ellipse"),
        url=url,
        focus=focus,
        camp=camp,
    )


def _edge(projection: Any, s: str, t: str, relation: str, base: str) -> EmbedEdge:
    data = projection.graph[s][t][relation]
    statements = tuple(data.get("statements", ())) + tuple(data.get("negations", ()))
    mentions = sorted(
        (projection.mention(m) for m in statements),
        key=lambda m: (m.negated, -m.strength, str(m.event_date or ""), m.id),
    )
    evidence = []
    for m in mentions[:EVIDENCE_PER_EDGE]:
        article = projection.article(m.article)
        url = (
            article.url if article.url and article.url.startswith(("https://", "http://")) else None
        )
        evidence.append(
            {
                "sentence": m.sentence,
                "title": article.title or article.source or "article",
                "url": url,
                "date": str(m.event_date or article.date)
                if (m.event_date or article.date)
                else None,
                "claimed_by": projection.name(m.claimed_by)
                if m.claimed_by and m.claimed_by in projection.graph
                else m.claimed_by,
                "hedged": m.hedged,
                "negated": m.negated,
                "confidence": m.confidence,
            }
        )
    weight = float(data.get("weight", 0.0))
    return EmbedEdge(
        id=f"{s}|{relation}|{t}",
        source=s,
        target=t,
        relation=relation,
        sign=int(data.get("sign", 0)),
        weight=weight,
        confidence=float(data.get("confidence", 0.0)),
        first_seen=str(data["first_seen"]) if data.get("first_seen") else None,
        last_seen=str(data["last_seen"]) if data.get("last_seen") else None,
        width=round(1.5 + 2.5 * math.log1p(weight * 2), 2),
        evidence=evidence,
        evidence_total=len(statements),
        contested=bool(data.get("contested")),
    )


def _layout(view: EmbedView, size: float = 1000.0) -> None:
    """Seeded spring layout (networkx): the SVG uses it, the interactive view starts from it.

    Each connected component is laid out on its own and the components are
    placed on a grid, largest first, so separate conflicts do not pile up.
    """
    g = nx.Graph()
    g.add_nodes_from(n.id for n in view.nodes)
    for e in view.edges:
        if e.source != e.target:
            g.add_edge(e.source, e.target, weight=1.0 + e.weight)
    if not view.nodes:
        return
    parts = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
    columns = math.ceil(math.sqrt(len(parts)))
    rows = math.ceil(len(parts) / columns)
    cell = 2.0 / max(columns, rows)
    pos: dict[str, tuple[float, float]] = {}
    for index, part in enumerate(parts):
        local = _component_layout(g.subgraph(part))
        cx = -1.0 + cell * (index % columns + 0.5)
        cy = -1.0 + cell * (index // columns + 0.5)
        shrink = 0.38 * cell * (1.0 if len(part) > 2 else 0.6)
        for node, (x, y) in local.items():
            pos[node] = (cx + x * shrink, cy + y * shrink)
    for n in view.nodes:
        x, y = pos[n.id]
        n.x = round(float(x) * size / 2, 2)
        n.y = round(float(y) * size / 2, 2)


def _component_layout(g: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1] for one connected component (seeded, so repeatable)."""
    nodes = sorted(g.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    start = {
        n: (math.cos(2 * math.pi * i / len(nodes)), math.sin(2 * math.pi * i / len(nodes)))
        for i, n in enumerate(nodes)
    }
    raw = nx.spring_layout(g, pos=start, seed=7, iterations=100, weight="weight")
    span = max(max(abs(float(v)) for v in xy) for xy in raw.values()) or 1.0
    return {n: (float(x) / span, float(y) / span) for n, (x, y) in raw.items()}


def view_json(view: EmbedView) -> dict[str, Any]:
    return {
        "title": view.title,
        "view": view.view,
        "focus": list(view.focus),
        "truncated": view.truncated,
        "nodes": [n.__dict__ for n in view.nodes],
        "edges": [e.__dict__ for e in view.edges],
    }


def script_json(value: Any) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>``, ``&`` and line separators escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# ---------------------------------------------------------------- SVG

_SVG_W, _SVG_H = 900, 640


def render_svg(view: EmbedView) -> str:
    """The view as a standalone SVG with a legend; every text is XML-escaped."""
    pad, legend_h = 70, 84
    xs = [n.x for n in view.nodes] or [0.0]
    ys = [n.y for n in view.nodes] or [0.0]
    span_x = max(max(xs) - min(xs), 1.0)
    span_y = max(max(ys) - min(ys), 1.0)
    scale = min((_SVG_W - 2 * pad) / span_x, (_SVG_H - 2 * pad - legend_h) / span_y)
    if len(view.nodes) <= 1:
        scale = 1.0

    def at(n: EmbedNode) -> tuple[float, float]:
        cx = pad + (n.x - min(xs)) * scale + ((_SVG_W - 2 * pad) - span_x * scale) / 2
        cy = pad + 30 + (n.y - min(ys)) * scale
        if len(view.nodes) <= 1:
            cx, cy = _SVG_W / 2, _SVG_H / 2
        return round(cx, 1), round(cy, 1)

    where = {n.id: at(n) for n in view.nodes}
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_SVG_W}" height="{_SVG_H}" '
        f'viewBox="0 0 {_SVG_W} {_SVG_H}" font-family="sans-serif" role="img" '
        f"aria-label={quoteattr('kg: ' + view.title)}>\n",
        f"<title>{xml_escape('kg: ' + view.title)}</title>\n",
        "<defs>",
    ]
    for name, colour in (("pos", POSITIVE), ("neg", HOSTILE), ("geo", GEOGRAPHY)):
        out.append(
            f'<marker id="arrow-{name}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="11" '
            'markerHeight="11" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
            f'<path d="M0,0 L10,5 L0,10 z" '
            f'fill="{colour}"/></marker>'
        )
    out.append("</defs>\n")
    out.append('<rect width="100%" height="100%" fill="#ffffff"/>\n')
    out.append(
        f'<text x="16" y="28" font-size="18" font-weight="bold">{xml_escape(view.title)}</text>\n'
    )
    for e in view.edges:
        if e.source not in where or e.target not in where:
            continue
        (x1, y1), (x2, y2) = where[e.source], where[e.target]
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1.0
        # stop short of the target node so the arrowhead shows
        x2s, y2s = x2 - dx / dist * 16, y2 - dy / dist * 16
        colour, dash, marker = _edge_style(e.sign)
        arrow = "" if e.relation == "alliedWith" else f' marker-end="url(#arrow-{marker})"'
        label = f"{e.relation} ({e.evidence_total} evidence)"
        out.append(
            f'<line x1="{x1}" y1="{y1}" x2="{round(x2s, 1)}" y2="{round(y2s, 1)}" '
            f'stroke="{colour}" stroke-width="{e.width}"{dash}{arrow}>'
            f"<title>{xml_escape(label)}</title></line>\n"
        )
    for n in view.nodes:
        x, y = where[n.id]
        fill = CAMP_COLOURS[n.camp % len(CAMP_COLOURS)] if n.camp is not None else NODE_FILL
        stroke_w = 3 if n.focus else 1.5
        out.append(_svg_shape(n.shape, x, y, fill, stroke_w, n.label))
        out.append(
            f'<text x="{x}" y="{round(y + 28, 1)}" font-size="12" text-anchor="middle">'
            f"{xml_escape(n.label)}</text>\n"
        )
    out.append(_svg_legend(_SVG_H - legend_h + 10, view.camps))
    out.append("</svg>\n")
    return "".join(out)


def _edge_style(sign: int) -> tuple[str, str, str]:
    if sign > 0:
        return POSITIVE, "", "pos"
    if sign < 0:
        return HOSTILE, ' stroke-dasharray="8 5"', "neg"
    return GEOGRAPHY, ' stroke-dasharray="2 4"', "geo"


def _svg_shape(shape: str, x: float, y: float, fill: str, stroke_w: float, label: str) -> str:
    r = 14
    common = f'fill="{fill}" stroke="#333333" stroke-width="{stroke_w}"'
    tip = f"<title>{xml_escape(label)}</title>"
    if shape == "round-rectangle":
        return f'<rect x="{x - r}" y="{y - 11}" width="{2 * r}" height="22" rx="5" {common}>{tip}</rect>\n'
    if shape == "ellipse":
        return f'<circle cx="{x}" cy="{y}" r="{r}" {common}>{tip}</circle>\n'
    sides = {"diamond": 4, "hexagon": 6, "triangle": 3, "pentagon": 5}.get(shape, 8)
    offset = -math.pi / 2
    points = " ".join(
        f"{round(x + r * 1.15 * math.cos(offset + 2 * math.pi * i / sides), 1)},"
        f"{round(y + r * 1.15 * math.sin(offset + 2 * math.pi * i / sides), 1)}"
        for i in range(sides)
    )
    return f'<polygon points="{points}" {common}>{tip}</polygon>\n'


def _svg_legend(top: float, camps: int) -> str:
    parts = [f'<g transform="translate(16,{top})" font-size="12">']
    x = 0
    for label, sign in (("cooperation", 1), ("hostility", -1), ("geography", 0)):
        colour, dash, _ = _edge_style(sign)
        parts.append(
            f'<line x1="{x}" y1="8" x2="{x + 34}" y2="8" stroke="{colour}" stroke-width="3"{dash}/>'
            f'<text x="{x + 40}" y="12">{label}</text>'
        )
        x += 130
    x = 0
    for kind, shape in SHAPES.items():
        parts.append(_svg_shape(shape, x + 10, 36, NODE_FILL, 1.2, kind).replace("\n", ""))
        parts.append(f'<text x="{x + 28}" y="40">{kind}</text>')
        x += 115
    if camps:
        parts.append(f'<text x="0" y="64">node colour: camp (1-{camps})</text>')
    parts.append("</g>\n")
    return "".join(parts)


# ---------------------------------------------------------------- HTTP


def frame_ancestors(settings: Any) -> str:
    """``frame-ancestors`` value: the configured origins, else any."""
    allowed = [
        o
        for o in getattr(settings, "frame_ancestors", ()) or ()
        if o and re.fullmatch(r"[A-Za-z0-9*:/._\-\[\]']+", o)
    ]
    return " ".join(allowed) if allowed else "*"


def embed_csp(settings: Any) -> str:
    return (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
        f"frame-ancestors {frame_ancestors(settings)}"
    )


def _bad(exc: BadParam) -> Response:
    return PlainTextResponse(f"{exc.param}: {exc.problem}\n", status_code=400)


def _query_string(request: Request, drop: tuple[str, ...] = ("format", "width", "height")) -> str:
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k not in drop]
    return urlencode(pairs)


def _origin(request: Request) -> str:
    return str(request.base_url).rstrip("/")


async def embed_page(request: Request) -> Response:
    state = request.app.state.kg
    try:
        req = parse_params(request.query_params)
        view = build_view(state.projection, req, str(state.settings.base))
    except BadParam as exc:
        return _bad(exc)
    origin = _origin(request)
    focus_url = next((n.url for n in view.nodes if n.focus and n.url), None)
    body = TEMPLATES.get_template("embed.html").render(
        title=view.title,
        data=script_json(view_json(view)),
        cytoscape=CYTOSCAPE_PATH,
        open_url=origin + (focus_url or "/graphql"),
        svg_url=origin + "/embed.svg?" + _query_string(request),
        origin=origin,
        empty=not view.nodes,
        camps=view.view == "camps",
        truncated=view.truncated,
    )
    return HTMLResponse(
        body,
        headers={
            "Content-Security-Policy": embed_csp(state.settings),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )


async def embed_svg(request: Request) -> Response:
    state = request.app.state.kg
    try:
        req = parse_params(request.query_params)
        view = build_view(state.projection, req, str(state.settings.base))
    except BadParam as exc:
        return _bad(exc)
    return Response(
        render_svg(view),
        media_type="image/svg+xml",
        headers={
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
            f"frame-ancestors {frame_ancestors(state.settings)}",
            "X-Content-Type-Options": "nosniff",
        },
    )


def iframe_snippet(src: str, title: str, width: int = 640, height: int = 480) -> str:
    """The ``<iframe>`` tag a researcher pastes into a page (attribute values escaped)."""
    return (
        f'<iframe src="{html.escape(src, quote=True)}" width="{width}" height="{height}" '
        f'style="border:1px solid #ccc" title="{html.escape(title, quote=True)}" '
        'loading="lazy" referrerpolicy="no-referrer"></iframe>'
    )


def _dimension(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(str(raw))
    except ValueError:
        raise BadParam(name, f"not a whole number: {raw!r}") from None
    if not 100 <= value <= 4000:
        raise BadParam(name, f"must be between 100 and 4000 pixels, not {value}")
    return value


async def embed_snippet(request: Request) -> Response:
    state = request.app.state.kg
    fmt = request.query_params.get("format")
    try:
        if fmt not in (None, "", "text", "html"):
            raise BadParam("format", f"unknown value {fmt!r}; use text or html")
        width = _dimension(request, "width", 640)
        height = _dimension(request, "height", 480)
        req = parse_params(request.query_params)
        view = build_view(state.projection, req, str(state.settings.base))
    except BadParam as exc:
        return _bad(exc)
    query = _query_string(request)
    src = f"{_origin(request)}/embed?{query}"
    snippet = iframe_snippet(src, f"kg: {view.title}", width, height)
    wants = "text/plain" if fmt == "text" else "text/html" if fmt == "html" else None
    media = best_media_type(request.headers.get("accept"), ["text/html", "text/plain"], wants)
    if media == "text/plain":
        return PlainTextResponse(snippet + "\n", headers={"Vary": "Accept"})
    body = TEMPLATES.get_template("embed_snippet.html").render(
        title=view.title,
        snippet=snippet,
        embed_path="/embed?" + query,
        svg_path="/embed.svg?" + query,
        svg_snippet=f'<img src="{html.escape(_origin(request) + "/embed.svg?" + query)}" '
        f'alt="{html.escape("kg: " + view.title)}">',
    )
    return HTMLResponse(body, headers={"Vary": "Accept"})


async def cytoscape_js(request: Request) -> Response:
    from api.ide import assets_dir_from_env

    path = assets_dir_from_env() / "cytoscape" / "dist" / "cytoscape.min.js"
    if not path.is_file():
        return PlainTextResponse(
            f"cytoscape.min.js not found at {path}: run `npm ci` in the kg repository "
            "or set KG_ASSETS to a node_modules-like directory holding cytoscape 3.34.4\n",
            status_code=404,
        )
    return FileResponse(
        path,
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=86400"},
    )


def entity_embed_query(label: str) -> str:
    """The query string of an entity's default embed (its alliance graph, depth 2)."""
    return urlencode({"actor": label, "view": "alliance", "depth": 2})


routes: list[BaseRoute] = [
    Route("/embed", embed_page, methods=["GET", "HEAD"], name="embed"),
    Route("/embed.svg", embed_svg, methods=["GET", "HEAD"], name="embed-svg"),
    Route("/embed/snippet", embed_snippet, methods=["GET", "HEAD"], name="embed-snippet"),
    Route(CYTOSCAPE_PATH, cytoscape_js, methods=["GET", "HEAD"], name="cytoscape"),
    Mount("/static/embed", StaticFiles(directory=STATIC_DIR), name="embed-static"),
]
