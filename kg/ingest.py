"""The one orchestrator: read -> extract (and resolve) -> RDF -> store.

Each article is stored in one atomic write, so an interrupted run leaves
only whole articles and a re-run completes it: articles already stored (same
content hash) are skipped as "unchanged" before any NLP work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from kg.config import DEFAULT_BASE
from kg.model import Article, Extraction, IngestReport, Skipped
from kg.rdf.triples import extraction_quads
from kg.store.base import Store
from kg.store.entities import stored_entities

#: articles per extraction call: small batches keep spaCy fast and isolate failures
BATCH_SIZE = 4


@dataclass(frozen=True)
class Progress:
    """What happened to one input; ``done`` counts the inputs handled so far."""

    source: str
    status: str  # "added", "unchanged" or "skipped"
    done: int
    relations: int = 0
    reason: str = ""


ProgressCallback = Callable[[Progress], None]


def ingest_paths(
    paths: Sequence[str | Path],
    store: Store,
    resolver: Any,
    nlp: Any = None,
    progress: ProgressCallback | None = None,
    base: str = DEFAULT_BASE,
) -> IngestReport:
    """Reads files and folders and ingests every article in them."""
    from kg.read import read_paths

    return ingest_articles(
        read_paths([str(p) for p in paths]), store, resolver, nlp, progress, base
    )


def ingest_articles(
    articles: Iterable[Article | Skipped],
    store: Store,
    resolver: Any,
    nlp: Any = None,
    progress: ProgressCallback | None = None,
    base: str = DEFAULT_BASE,
    learn_stored: bool = True,
) -> IngestReport:
    """Extracts and stores each new article atomically; reports what was added and skipped.

    ``learn_stored=False`` skips loading the store's entities into the
    resolver, for a long-lived resolver (the API's) that already knows them.
    """
    report = IngestReport()
    notify = _Notifier(report, progress)
    if learn_stored:
        resolver.add_known(stored_entities(store, base))
    seen: set[str] = set()

    def new_articles() -> Iterator[Article]:
        for item in articles:
            if isinstance(item, Skipped):
                notify.skipped(item)
                continue
            report.read += 1
            if item.id in seen or store.has_article(item.id):
                report.unchanged += 1
                notify(Progress(item.source, "unchanged", 0))
                continue
            seen.add(item.id)
            yield item

    for article, result in extract_each(new_articles(), resolver, nlp):
        if isinstance(result, Skipped):
            notify.skipped(result)
            continue
        try:
            quads = extraction_quads(result, base)
        except ValueError as exc:  # e.g. an IRI pyoxigraph refuses: this article only
            notify.skipped(Skipped(article.source, f"not stored: {exc}"))
            continue
        added = store.add(article.id, quads)  # a StoreError stops the run: the store is at fault
        if added:
            report.added += 1
            report.relations_added += len(result.relations)
            report.article_ids.append(article.id)
            notify(Progress(article.source, "added", 0, relations=len(result.relations)))
        else:
            report.unchanged += 1
            notify(Progress(article.source, "unchanged", 0))
    return report


def extract_each(
    articles: Iterable[Article], resolver: Any, nlp: Any = None, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Article, Extraction | Skipped]]:
    """Each article with its extraction, or a ``Skipped`` saying why extraction failed.

    Articles go to the extractor in small batches; when a batch fails, its
    articles are retried one by one so one bad article costs only itself.
    """
    from kg.extract import extract

    source = iter(articles)
    while batch := list(islice(source, batch_size)):
        try:
            results = list(extract(batch, resolver, nlp=nlp))
        except Exception:
            results = None
        if results is not None and len(results) == len(batch):
            by_id = {r.article.id: r for r in results}
            for article in batch:
                found = by_id.get(article.id)
                yield article, found or Skipped(article.source, "extraction returned nothing")
            continue
        for article in batch:
            try:
                (single,) = list(extract([article], resolver, nlp=nlp))
                yield article, single
            except Exception as exc:
                yield article, Skipped(article.source, f"extraction failed: {_describe(exc)}")


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class _Notifier:
    """Counts inputs and forwards progress; records skips in the report."""

    def __init__(self, report: IngestReport, callback: ProgressCallback | None) -> None:
        self.report = report
        self.callback = callback
        self.done = 0

    def __call__(self, event: Progress) -> None:
        self.done += 1
        if self.callback is not None:
            self.callback(
                Progress(event.source, event.status, self.done, event.relations, event.reason)
            )

    def skipped(self, item: Skipped) -> None:
        self.report.skipped.append(item)
        self(Progress(item.source, "skipped", 0, reason=item.reason))
