"""SHACL validation of what kg wrote (schema/shapes.ttl), over a store or an RDF file.

The ontology is mixed into the data so ``sh:class kg:Actor`` accepts every
subclass. Graphs are merged first: the rules hold for the whole graph, e.g.
an entity must keep one label across all articles.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import SH

from kg.errors import ConfigError, InputError
from kg.store.oxigraph import OxigraphStore

_ROOT = Path(__file__).resolve().parent.parent
SHAPES_PATH = _ROOT / "schema" / "shapes.ttl"
ONTOLOGY_PATH = _ROOT / "ontology.ttl"

#: file extension -> pyoxigraph format, for `kg validate FILE`
FILE_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}


@dataclass(frozen=True)
class Violation:
    """One failed constraint: which node, along which property, and why."""

    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str
    severity: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value is not None else ""
        return f"{self.focus}{where}{value}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]
    triples: int


def validate(target: OxigraphStore | str | Path) -> ValidationReport:
    """Validates a store, or an RDF file whose format is known from its extension."""
    if isinstance(target, OxigraphStore):
        return validate_store(target)
    return validate_file(Path(target))


def validate_store(store: OxigraphStore) -> ValidationReport:
    from kg.export.rdf import merged_triples

    buffer = io.BytesIO()
    ox.serialize(merged_triples(store), buffer, ox.RdfFormat.N_TRIPLES)
    return validate_graph(Graph().parse(data=buffer.getvalue(), format="nt"))


def validate_file(path: Path) -> ValidationReport:
    fmt = FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FILE_FORMATS))
        raise InputError(str(path), f"unknown RDF file extension (known: {known})")
    try:
        quads = ox.parse(path=str(path), format=fmt)
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
        buffer = io.BytesIO()
        ox.serialize(triples, buffer, ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:
        raise InputError(str(path), f"not valid {fmt.name}: {exc}") from exc
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc
    return validate_graph(Graph().parse(data=buffer.getvalue(), format="nt"))


def validate_graph(data: Graph) -> ValidationReport:
    """Runs the shapes over one rdflib graph."""
    import pyshacl

    shapes, ontology = _schema()
    conforms, results, _text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        meta_shacl=False,
    )
    return ValidationReport(bool(conforms), _violations(results), len(data))


def _schema() -> tuple[Graph, Graph]:
    for path in (SHAPES_PATH, ONTOLOGY_PATH):
        if not path.is_file():
            raise ConfigError(f"{path} is missing: kg validate needs the repository's schema files")
    return Graph().parse(SHAPES_PATH, format="turtle"), Graph().parse(
        ONTOLOGY_PATH, format="turtle"
    )


def _violations(results: Graph) -> tuple[Violation, ...]:
    found = []
    for result in results.subjects(SH.resultSeverity, None):
        fields = {str(p).rsplit("#", 1)[-1]: str(o) for p, o in results.predicate_objects(result)}
        found.append(
            Violation(
                focus=fields.get("focusNode", ""),
                path=fields.get("resultPath"),
                value=fields.get("value"),
                message=fields.get("resultMessage", "constraint violated"),
                shape=fields.get("sourceShape", ""),
                severity=fields.get("resultSeverity", "").rsplit("#", 1)[-1],
            )
        )
    return tuple(sorted(found, key=lambda v: (v.focus, v.path or "", v.message, v.value or "")))
