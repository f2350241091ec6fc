"""kg.ingest: the real pipeline (reader, spaCy, resolver) into a real store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.config import DEFAULT_BASE
from kg.ingest import Progress, ingest_articles
from kg.model import Skipped
from kg.read import make_article
from kg.resolve.resolver import Resolver
from kg.store import queries
from kg.store.entities import stored_entities
from kg.store.oxigraph import OxigraphStore
from kg.validate import validate

HAMA = make_article(
    "Jaysh al-Sunna fighters attacked government positions in northern Hama on Monday. "
    "Colonel Issam Zahreddine, a Republican Guard commander, led the defence of Deir ez-Zor.",
    "hama.txt",
)
SUDAN = make_article(
    "The Rapid Support Forces attacked the Sudanese army in Khartoum. The United Arab Emirates "
    "has supplied the Rapid Support Forces with weapons, according to United Nations monitors.",
    "sudan.txt",
)


def test_sample_store_holds_every_sample_article_and_validates(sample_store_dir: Path) -> None:
    with OxigraphStore.open(sample_store_dir, read_only=True) as store:
        sources = {row["source"].value for row in store.query(queries.ARTICLES)}
        report = validate(store)
    names = {Path(s.split("#")[0]).name for s in sources}
    assert {"01-russia-launches-airstrikes.txt", "kuweires-siege-broken.html"} <= names
    assert len(sources) >= 10
    assert report.conforms, [str(v) for v in report.violations[:5]]


def test_progress_per_article_and_unchanged_on_rerun(nlp: Any, actor_dictionary: Any) -> None:
    store = OxigraphStore.memory()
    events: list[Progress] = []
    inputs = [SUDAN, Skipped("broken.jsonl#3", "line 3: invalid JSON"), SUDAN, HAMA]
    report = ingest_articles(
        inputs, store, Resolver.from_dictionary(actor_dictionary), nlp, events.append
    )
    assert (report.read, report.added, report.unchanged) == (3, 2, 1)
    assert report.skipped == [Skipped("broken.jsonl#3", "line 3: invalid JSON")]
    assert report.relations_added > 0
    assert sorted(report.article_ids) == sorted([SUDAN.id, HAMA.id])
    assert [e.done for e in events] == [1, 2, 3, 4]
    assert sorted(e.status for e in events) == ["added", "added", "skipped", "unchanged"]

    again = ingest_articles([SUDAN, HAMA], store, Resolver.from_dictionary(actor_dictionary), nlp)
    assert (again.added, again.unchanged, again.relations_added) == (0, 2, 0)


def test_a_new_run_learns_the_stored_entities_first(nlp: Any, actor_dictionary: Any) -> None:
    store = OxigraphStore.memory()
    ingest_articles([HAMA], store, Resolver.from_dictionary(actor_dictionary), nlp)
    stored = stored_entities(store, DEFAULT_BASE)
    fresh = Resolver.from_dictionary(actor_dictionary)
    unknown = [e for e in stored if fresh.lookup(e.name) is None]
    if not unknown:
        pytest.skip("every entity of the article is in the built-in dictionary now")
    ingest_articles([], store, fresh, nlp)
    for entity in stored:
        known = fresh.lookup(entity.name)
        assert known is not None and known.key == entity.key, entity


def test_ingest_into_a_closed_store_fails_clearly(
    nlp: Any, actor_dictionary: Any, tmp_path: Path
) -> None:
    store = OxigraphStore.open(tmp_path / "s")
    store.close()
    with pytest.raises(Exception, match="closed"):
        ingest_articles([SUDAN], store, Resolver.from_dictionary(actor_dictionary), nlp)
