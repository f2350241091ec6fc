"""Network exports of the projection: GraphML, GEXF, Cytoscape.js JSON and a CSV edge list.

One edge per (subject, relation, object) with the attributes Gephi and
Cytoscape users filter on: relation, sign, weight, confidence, first/last
seen, article and evidence counts. Each writer emits one node or edge at a
time to a binary stream (no document tree in memory), so exporting a large
graph keeps memory flat.

The registry entry points (``write_graphml`` ...) take the store like the
RDF writers do, plus optional ``projection`` (built from the store when not
given), ``selection`` and ``base``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from kg.config import DEFAULT_BASE
from kg.export.select import SelectedEdge, Selection, select_edges, selected_nodes

__all__ = [
    "EdgeRecord",
    "NodeRecord",
    "network_records",
    "write_csv",
    "write_cytoscape",
    "write_gexf",
    "write_graphml",
]


@dataclass(frozen=True)
class NodeRecord:
    """One entity as network exports show it."""

    key: str
    label: str
    type: str
    iri: str
    wikidata: str | None = None
    generic_of: str | None = None


@dataclass(frozen=True)
class EdgeRecord:
    """One projected edge with its evidence summary."""

    source: str
    target: str
    relation: str
    sign: int
    weight: float
    confidence: float
    first_seen: dt.date | None
    last_seen: dt.date | None
    article_count: int
    evidence_count: int
    negation_count: int
    contested: bool

    @property
    def id(self) -> str:
        return f"{self.source}|{self.relation}|{self.target}"


NODE_FIELDS: tuple[tuple[str, str], ...] = (
    ("label", "string"),
    ("type", "string"),
    ("iri", "string"),
    ("wikidata", "string"),
    ("generic_of", "string"),
)
EDGE_FIELDS: tuple[tuple[str, str], ...] = (
    ("relation", "string"),
    ("sign", "int"),
    ("weight", "double"),
    ("confidence", "double"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("article_count", "int"),
    ("evidence_count", "int"),
    ("negation_count", "int"),
    ("contested", "boolean"),
)


def node_record(key: str, data: dict[str, Any], base: str) -> NodeRecord:
    return NodeRecord(
        key=key,
        label=str(data.get("name") or key),
        type=str(data.get("type") or ""),
        iri=str(data.get("iri") or f"{base}id/{key}"),
        wikidata=data.get("wikidata") or None,
        generic_of=data.get("generic_of") or None,
    )


def edge_record(edge: SelectedEdge) -> EdgeRecord:
    d = edge.data
    return EdgeRecord(
        source=edge.source,
        target=edge.target,
        relation=edge.relation,
        sign=int(d.get("sign", 0)),
        weight=float(d.get("weight", 0.0)),
        confidence=float(d.get("confidence", 0.0)),
        first_seen=d.get("first_seen"),
        last_seen=d.get("last_seen"),
        article_count=len(d.get("articles", ())),
        evidence_count=len(d.get("statements", ())),
        negation_count=len(d.get("negations", ())),
        contested=bool(d.get("contested", False)),
    )


def network_records(
    projection: Any, selection: Selection | None = None, base: str | None = None
) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    """Nodes and edges of a selection of the projection (the whole graph by default).

    A selection's actor may be any name or alias: it is resolved through the
    projection first.
    """
    selection = selection or Selection()
    base = str(base or getattr(projection, "base", None) or DEFAULT_BASE)
    graph = projection.graph
    actor = None
    if selection.actor is not None:
        actor = projection.resolve(selection.actor)
        selection = replace(selection, actor=actor)
    edges = select_edges(projection, selection)
    keys = sorted(graph.nodes) if selection.is_whole else selected_nodes(edges, actor)
    nodes = [node_record(k, graph.nodes[k], base) for k in keys]
    return nodes, [edge_record(e) for e in edges]


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _node_values(n: NodeRecord) -> dict[str, Any]:
    return {name: getattr(n, name) for name, _ in NODE_FIELDS}


def _edge_values(e: EdgeRecord) -> dict[str, Any]:
    return {name: getattr(e, name) for name, _ in EDGE_FIELDS}


# ---------------------------------------------------------------- GraphML

_GRAPHML_TYPES = {"string": "string", "int": "int", "double": "double", "boolean": "boolean"}


def graphml_lines(nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> Iterator[str]:
    """GraphML, one element a line (directed; parallel edges have distinct ids)."""
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    for name, kind in NODE_FIELDS:
        yield f'  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{_GRAPHML_TYPES[kind]}"/>\n'
    for name, kind in EDGE_FIELDS:
        yield f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{_GRAPHML_TYPES[kind]}"/>\n'
    yield '  <graph id="kg" edgedefault="directed">\n'
    for n in nodes:
        data = "".join(
            f'<data key="n_{k}">{escape(_value(v))}</data>'
            for k, v in _node_values(n).items()
            if v is not None
        )
        yield f"    <node id={quoteattr(n.key)}>{data}</node>\n"
    for e in edges:
        data = "".join(
            f'<data key="e_{k}">{escape(_value(v))}</data>'
            for k, v in _edge_values(e).items()
            if v is not None
        )
        yield (
            f"    <edge id={quoteattr(e.id)} source={quoteattr(e.source)} "
            f"target={quoteattr(e.target)}>{data}</edge>\n"
        )
    yield "  </graph>\n</graphml>\n"


# ---------------------------------------------------------------- GEXF

_GEXF_TYPES = {"string": "string", "int": "integer", "double": "double", "boolean": "boolean"}


def gexf_lines(nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> Iterator[str]:
    """GEXF 1.3: ``kind`` = relation keeps parallel edges apart in Gephi; weight on the edge."""
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield (
        '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n'
    )
    yield "  <meta><creator>kg</creator><description>conflict knowledge graph</description></meta>\n"
    yield '  <graph defaultedgetype="directed" mode="static">\n'
    yield '    <attributes class="node" mode="static">\n'
    for name, kind in NODE_FIELDS[1:]:
        yield f'      <attribute id="{name}" title="{name}" type="{_GEXF_TYPES[kind]}"/>\n'
    yield "    </attributes>\n"
    yield '    <attributes class="edge" mode="static">\n'
    for name, kind in EDGE_FIELDS:
        if name == "weight":
            continue
        yield f'      <attribute id="{name}" title="{name}" type="{_GEXF_TYPES[kind]}"/>\n'
    yield "    </attributes>\n"
    yield "    <nodes>\n"
    for n in nodes:
        values = "".join(
            f"<attvalue for={quoteattr(k)} value={quoteattr(_value(v))}/>"
            for k, v in _node_values(n).items()
            if k != "label" and v is not None
        )
        yield (
            f"      <node id={quoteattr(n.key)} label={quoteattr(n.label)}>"
            f"<attvalues>{values}</attvalues></node>\n"
        )
    yield "    </nodes>\n    <edges>\n"
    for e in edges:
        values = "".join(
            f"<attvalue for={quoteattr(k)} value={quoteattr(_value(v))}/>"
            for k, v in _edge_values(e).items()
            if k != "weight" and v is not None
        )
        yield (
            f"      <edge id={quoteattr(e.id)} source={quoteattr(e.source)} "
            f"target={quoteattr(e.target)} kind={quoteattr(e.relation)} "
            f"label={quoteattr(e.relation)} weight={quoteattr(repr(e.weight))}>"
            f"<attvalues>{values}</attvalues></edge>\n"
        )
    yield "    </edges>\n  </graph>\n</gexf>\n"


# ---------------------------------------------------------------- Cytoscape.js


def cytoscape_node(n: NodeRecord) -> dict[str, Any]:
    data = {"id": n.key, **{k: v for k, v in _node_values(n).items() if v is not None}}
    return {"group": "nodes", "data": data}


def cytoscape_edge(e: EdgeRecord) -> dict[str, Any]:
    values = {k: _json_value(v) for k, v in _edge_values(e).items() if v is not None}
    return {
        "group": "edges",
        "data": {"id": e.id, "source": e.source, "target": e.target, **values},
    }


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def cytoscape_lines(nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> Iterator[str]:
    """Cytoscape.js elements JSON (``cy.json({elements: ...})`` / ``cy.add``), one element a line."""
    yield '{"format_version": "1.0", "generated_by": "kg", "elements": {"nodes": [\n'
    first = True
    for n in nodes:
        yield ("" if first else ",\n") + json.dumps(cytoscape_node(n), ensure_ascii=False)
        first = False
    yield '\n], "edges": [\n'
    first = True
    for e in edges:
        yield ("" if first else ",\n") + json.dumps(cytoscape_edge(e), ensure_ascii=False)
        first = False
    yield "\n]}}\n"


# ---------------------------------------------------------------- CSV

CSV_COLUMNS = (
    "source",
    "target",
    "relation",
    "sign",
    "weight",
    "confidence",
    "first_seen",
    "last_seen",
    "article_count",
    "evidence_count",
    "negation_count",
    "contested",
    "source_label",
    "target_label",
    "source_iri",
    "target_iri",
)


def csv_lines(nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> Iterator[str]:
    """An edge list with evidence counts and both ends' labels and IRIs (RFC 4180)."""
    by_key = {n.key: n for n in nodes}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield flush()
    for e in edges:
        s, t = by_key.get(e.source), by_key.get(e.target)
        writer.writerow(
            [
                e.source,
                e.target,
                e.relation,
                e.sign,
                e.weight,
                e.confidence,
                _value(e.first_seen),
                _value(e.last_seen),
                e.article_count,
                e.evidence_count,
                e.negation_count,
                _value(e.contested),
                s.label if s else e.source,
                t.label if t else e.target,
                s.iri if s else "",
                t.iri if t else "",
            ]
        )
        yield flush()


# ---------------------------------------------------------------- registry entry points


def _write(lines: Iterable[str], out: IO[bytes]) -> None:
    chunk: list[str] = []
    size = 0
    for line in lines:
        chunk.append(line)
        size += len(line)
        if size >= 65536:
            out.write("".join(chunk).encode("utf-8"))
            chunk, size = [], 0
    if chunk:
        out.write("".join(chunk).encode("utf-8"))


def _records(
    store: Any, projection: Any, selection: Selection | None, base: str | None
) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    if projection is None:
        from kg.graph.project import Projection

        projection = Projection.from_store(store, base or DEFAULT_BASE)
    return network_records(projection, selection, base)


def _writer(
    lines: Callable[[list[NodeRecord], list[EdgeRecord]], Iterable[str]],
) -> Callable[..., None]:
    """A registry writer that streams ``lines`` of the selected network."""

    def write(
        store: Any,
        out: IO[bytes],
        projection: Any = None,
        selection: Selection | None = None,
        base: str | None = None,
    ) -> None:
        _write(lines(*_records(store, projection, selection, base)), out)

    return write


write_graphml = _writer(graphml_lines)
write_gexf = _writer(gexf_lines)
write_cytoscape = _writer(cytoscape_lines)
write_csv = _writer(csv_lines)
