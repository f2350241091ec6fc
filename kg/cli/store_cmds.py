"""Core commands: extract, ingest, export, stats, validate, retract.

Thin: parse flags, call kg.ingest / kg.store / kg.export / kg.validate,
print. Progress goes to stderr, results to stdout; every error is one line
naming the input (``kg: error: ...``, exit code 1).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from kg.config import Settings
from kg.errors import KgError, StoreError
from kg.model import IngestReport, Skipped

_STORE_HELP = "store directory (default: $KG_STORE, else the per-user data directory)"
_ACTORS_HELP = "extra actor dictionary (JSONL); repeatable, adds to $KG_ACTORS"

store_option = click.option(
    "--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), help=_STORE_HELP
)
actors_option = click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help=_ACTORS_HELP,
)


def _settings(store_dir: Path | None = None, actor_files: Sequence[Path] = ()) -> Settings:
    settings = Settings.from_env(store_dir=store_dir)
    if actor_files:
        settings = Settings.from_env(
            store_dir=store_dir, actor_files=settings.actor_files + tuple(actor_files)
        )
    return settings


def _dictionary(settings: Settings) -> Any:
    """The built-in actor dictionary extended by the user's files (errors name the file)."""
    from kg.resolve.dictionary import load_dictionary

    return load_dictionary(settings.actor_files)


def _pipeline(dictionary: Any) -> tuple[Any, Any]:
    """The resolver and spaCy pipeline for an actor dictionary."""
    from kg.extract.nlp import load_pipeline
    from kg.resolve.resolver import Resolver

    return Resolver.from_dictionary(dictionary), load_pipeline(dictionary)


# ------------------------------------------------------------------ extract


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "nt", "jsonld"]),
    default="turtle",
    show_default=True,
    help="output RDF format",
)
@actors_option
def extract(files: tuple[Path, ...], fmt: str, actor_files: tuple[Path, ...]) -> None:
    """Print what FILES say as RDF on stdout, without touching a store."""
    from kg.export.registry import export
    from kg.ingest import extract_each
    from kg.rdf.triples import extraction_quads
    from kg.read import read_paths
    from kg.store.oxigraph import OxigraphStore

    settings = _settings(actor_files=actor_files)
    resolver, nlp = _pipeline(_dictionary(settings))

    def articles() -> Iterator[Any]:
        for item in read_paths([str(f) for f in files]):
            if isinstance(item, Skipped):
                _error(f"{item.source}: {item.reason}")
            else:
                yield item

    store = OxigraphStore.memory()
    extracted = 0
    for article, result in extract_each(articles(), resolver, nlp):
        if isinstance(result, Skipped):
            _error(f"{result.source}: {result.reason}")
            continue
        store.add(article.id, extraction_quads(result, settings.base))
        extracted += 1
    if extracted == 0:
        sys.exit(1)  # click.Exit is swallowed by main(standalone_mode=False)
    export(store, sys.stdout.buffer, fmt)
    sys.stdout.buffer.flush()


# ------------------------------------------------------------------- ingest


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@actors_option
def ingest(paths: tuple[Path, ...], store_dir: Path | None, actor_files: tuple[Path, ...]) -> None:
    """Add the articles in PATHS (files or folders) to the store; unchanged ones are skipped."""
    from kg.ingest import ingest_paths
    from kg.store.oxigraph import OxigraphStore

    settings = _settings(store_dir, actor_files)
    dictionary = _dictionary(settings)  # a bad actor file fails before the store is touched
    store = OxigraphStore.open(settings.store_dir)
    try:
        resolver, nlp = _pipeline(dictionary)
        with _progress(_estimate_inputs(paths)) as show:
            report = ingest_paths(paths, store, resolver, nlp, show, settings.base)
    finally:
        store.close()
    _print_report(report, settings.store_dir)
    if report.added == 0 and report.unchanged == 0 and report.skipped:
        sys.exit(1)  # click.Exit is swallowed by main(standalone_mode=False)


@contextmanager
def _progress(total: int) -> Iterator[Any]:
    """A progress bar on a terminal; one line per article otherwise (logs, tests)."""
    if sys.stderr.isatty():
        with click.progressbar(length=max(total, 1), label="ingesting", file=sys.stderr) as bar:

            def tick(event: Any) -> None:
                if event.done > bar.length:  # the estimate was low (JSONL lines, folders)
                    bar.length = event.done
                bar.update(1)
                if event.status == "skipped":
                    click.echo(f"\nskipped {event.source}: {event.reason}", err=True)

            yield tick
        return

    def line(event: Any) -> None:
        detail = f" ({event.relations} relations)" if event.status == "added" else ""
        detail = f": {event.reason}" if event.status == "skipped" else detail
        click.echo(
            f"[{event.done}/{max(total, event.done)}] {event.status} {event.source}{detail}",
            err=True,
        )

    yield line


def _estimate_inputs(paths: Sequence[Path]) -> int:
    """Roughly how many articles PATHS hold (files, plus lines of JSONL), for the progress bar."""
    from kg.read import find_inputs

    count = 0
    for found in find_inputs([str(p) for p in paths]):
        if isinstance(found, str) and found.lower().endswith(".jsonl"):
            try:
                with open(found, "rb") as handle:
                    count += sum(1 for raw in handle if raw.strip())
            except OSError:
                count += 1
        else:
            count += 1
    return count


def _print_report(report: IngestReport, store_dir: Path) -> None:
    click.echo(f"store:           {store_dir}")
    click.echo(f"articles read:   {report.read}")
    click.echo(f"added:           {report.added}")
    click.echo(f"unchanged:       {report.unchanged}")
    click.echo(f"skipped:         {len(report.skipped)}")
    click.echo(f"relations added: {report.relations_added}")
    for item in report.skipped:
        click.echo(f"  skipped {item.source}: {item.reason}")


# ------------------------------------------------------------------- export


@click.command()
@click.option(
    "--format",
    "fmt",
    default="turtle",
    show_default=True,
    help="turtle, trig, nt, nq, jsonld (and the network formats when installed)",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="file (default: stdout)"
)
@store_option
@click.option("--actor", help="only this actor's subgraph (any name or alias)")
@click.option("--view", help="alliance, opposition or all (default: alliance with --actor)")
@click.option("--depth", help="hops around --actor (default 1)")
@click.option("--since", help="only ties seen on or after this date (YYYY-MM-DD or YYYY)")
@click.option("--until", help="only ties seen on or before this date")
@click.option("--min-confidence", "min_confidence", help="only ties at least this confident (0-1)")
@click.option("--limit", help="most actors around --actor (default 500)")
def export(fmt: str, output: Path | None, store_dir: Path | None, **select: str | None) -> None:
    """Write the store, or a selection of it, in an RDF or network format."""
    from kg.export.registry import get_format
    from kg.export.select import export_selection, selection_from_params

    get_format(fmt)  # an unknown format fails before the store is opened
    selection = selection_from_params(select)  # so does a bad selection option
    settings = _settings(store_dir)

    def write(store: Any, out: IO[bytes], fmt: str) -> None:
        export_selection(store, out, fmt, selection, None, settings.base)

    with _open_read(settings.store_dir) as store:
        if output is None:
            write(store, sys.stdout.buffer, fmt)
            sys.stdout.buffer.flush()
        else:
            with _atomic_output(output) as out:
                write(store, out, fmt)
            click.echo(f"wrote {output}", err=True)


@contextmanager
def _atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """A file that appears under ``path`` only when writing it finished."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    except OSError as exc:
        raise KgError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@contextmanager
def _open_read(store_dir: Path) -> Iterator[Any]:
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore.open(store_dir, read_only=True)
    try:
        yield store
    finally:
        store.close()


# -------------------------------------------------------------------- stats


@click.command()
@store_option
def stats(store_dir: Path | None) -> None:
    """Count articles, entities by type, relations by type and statements."""
    from kg.store import queries

    settings = _settings(store_dir)
    with _open_read(settings.store_dir) as store:
        articles = len(store.article_ids())
        entities = {
            _local(row["type"].value): int(row["n"].value)
            for row in store.query(queries.COUNT_ENTITIES_BY_TYPE)
        }
        relations = {
            _local(row["predicate"].value): int(row["n"].value)
            for row in store.query(queries.COUNT_RELATIONS_BY_TYPE)
        }
        statements = next(iter(store.query(queries.COUNT_STATEMENTS)))["n"].value
    click.echo(f"articles:   {articles}")
    click.echo(f"entities:   {sum(v for k, v in entities.items() if k != 'GenericGroup')}")
    for name, n in sorted(entities.items()):
        click.echo(f"  {name:<14} {n}")
    click.echo(f"relations:  {sum(relations.values())}")
    for name, n in sorted(relations.items()):
        click.echo(f"  {name:<14} {n}")
    click.echo(f"statements: {statements}")


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# ----------------------------------------------------------------- validate


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@store_option
def validate(file: Path | None, store_dir: Path | None) -> None:
    """Check FILE (or the store) against the SHACL shapes; exit 1 on violations."""
    from kg.validate import validate as run

    if file is not None:
        if not file.is_file():
            raise KgError(f"{file}: no such file")
        report = run(file)
        target = str(file)
    else:
        settings = _settings(store_dir)
        with _open_read(settings.store_dir) as store:
            report = run(store)
        target = f"store {settings.store_dir}"
    if report.conforms:
        click.echo(f"{target}: conforms ({report.triples} triples)")
        return
    click.echo(f"{target}: {len(report.violations)} violations ({report.triples} triples)")
    for violation in report.violations:
        click.echo(f"  {violation}")
    sys.exit(1)  # click.Exit is swallowed by main(standalone_mode=False)


# ------------------------------------------------------------------ retract


@click.command()
@click.argument("article")
@store_option
def retract(article: str, store_dir: Path | None) -> None:
    """Remove ARTICLE (id, unique id prefix, or source path) and what only it supported."""
    from kg.store.oxigraph import OxigraphStore

    settings = _settings(store_dir)
    if not (settings.store_dir / "oxigraph").is_dir():
        raise StoreError(f"store {settings.store_dir} does not exist")
    store = OxigraphStore.open(settings.store_dir)
    try:
        for article_id, source in find_articles(store, article):
            store.retract(article_id)
            click.echo(f"retracted {article_id[:12]} {source}")
    finally:
        store.close()


def find_articles(store: Any, wanted: str) -> list[tuple[str, str]]:
    """(id, source) of the articles ``wanted`` names: an id, a unique id prefix, or a source path."""
    from kg.store import queries

    rows = [
        (row["id"].value, row["source"].value if row["source"] is not None else "")
        for row in store.query(queries.ARTICLES)
    ]
    exact = [r for r in rows if r[0] == wanted.lower()]
    if exact:
        return exact
    by_source = [r for r in rows if r[1] and _same_path(r[1], wanted)]
    if by_source:
        return by_source
    prefix = [r for r in rows if len(wanted) >= 4 and r[0].startswith(wanted.lower())]
    if len(prefix) == 1:
        return prefix
    if len(prefix) > 1:
        raise KgError(f"{wanted}: id prefix matches {len(prefix)} articles; give more digits")
    raise KgError(f"{wanted}: no stored article has this id, id prefix or source")


def _same_path(source: str, wanted: str) -> bool:
    """True when ``source`` is the file ``wanted`` names, or a line of it (``feed.jsonl#3``)."""
    if source == wanted:
        return True
    path = source.rsplit("#", 1)[0] if "#" in source and "://" not in source else source
    try:
        return Path(path).resolve() == Path(wanted).resolve()
    except (OSError, ValueError):
        return False


def _error(message: str) -> None:
    click.echo(f"kg: error: {message}", err=True)
