"""Export format name -> writer, each imported only when used.

A writer is ``write(store, out)``: it streams the store to a binary file
object. Add a format by adding one ``ExportFormat`` line to ``FORMATS``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

from kg.errors import ConfigError

Writer = Callable[..., None]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: where its writer lives and how to label its output."""

    name: str
    target: str  # "module:function"
    media_type: str
    extension: str
    description: str

    def writer(self) -> Writer:
        module_name, attr = self.target.split(":")
        writer: Writer = getattr(importlib.import_module(module_name), attr)
        return writer


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "turtle", "kg.export.rdf:write_turtle", "text/turtle", "ttl", "Turtle, graphs merged"
        ),
        ExportFormat(
            "trig",
            "kg.export.rdf:write_trig",
            "application/trig",
            "trig",
            "TriG, one graph per article",
        ),
        ExportFormat(
            "nt",
            "kg.export.rdf:write_ntriples",
            "application/n-triples",
            "nt",
            "N-Triples, graphs merged",
        ),
        ExportFormat(
            "nq",
            "kg.export.rdf:write_nquads",
            "application/n-quads",
            "nq",
            "N-Quads, one graph per article",
        ),
        ExportFormat(
            "jsonld",
            "kg.export.rdf:write_jsonld",
            "application/ld+json",
            "jsonld",
            "JSON-LD, graphs merged",
        ),
        ExportFormat(
            "graphml",
            "kg.export.network:write_graphml",
            "application/graphml+xml",
            "graphml",
            "GraphML network (Gephi, yEd, networkx): one edge per relation",
        ),
        ExportFormat(
            "gexf",
            "kg.export.network:write_gexf",
            "application/gexf+xml",
            "gexf",
            "GEXF 1.3 network (Gephi): one edge per relation",
        ),
        ExportFormat(
            "cytoscape",
            "kg.export.network:write_cytoscape",
            "application/json",
            "cyjs",
            "Cytoscape.js elements JSON",
        ),
        ExportFormat(
            "csv",
            "kg.export.network:write_csv",
            "text/csv",
            "csv",
            "CSV edge list with evidence counts",
        ),
    )
}


def get_format(name: str) -> ExportFormat:
    """The format called ``name``; a clear error listing the known ones otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ConfigError(f"unknown export format {name!r} (known: {known})") from None


def export(store: Any, out: IO[bytes], fmt: str, **options: Any) -> None:
    """Writes ``store`` to ``out`` in format ``fmt``."""
    get_format(fmt).writer()(store, out, **options)
