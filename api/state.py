"""What the running app holds: the store, the graph projection, the resolver.

Opened once by the lifespan and kept at ``app.state.kg``. Data changes only
through ingest/retract, which take ``write_lock`` and bump ``generation``;
everything derived from the store (the entity catalog, cached query results)
is keyed by that generation, so a reader never sees a stale answer.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from api import store_reads
from api.catalog import Catalog
from kg.config import Settings
from kg.rdf.iri import entity_iri

log = logging.getLogger("kg.api")

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.graph.project import Projection
    from kg.resolve.resolver import Resolver
    from kg.store.oxigraph import OxigraphStore


@dataclass
class KgState:
    """Everything a request needs, shared by all requests of one app."""

    settings: Settings
    store: OxigraphStore
    projection: Projection
    resolver: Resolver
    #: held for a whole ingest/retract: one writer at a time
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    #: held while the projection is read or updated (networkx is not thread-safe)
    graph_lock: threading.RLock = field(default_factory=threading.RLock)
    generation: int = 0
    read_only: bool = False
    nlp: Language | None = None
    _catalog: tuple[int, Catalog] | None = None
    _catalog_lock: threading.Lock = field(default_factory=threading.Lock)

    def pipeline(self) -> Language:
        """The spaCy pipeline, loaded on first use: only mutations need it (about 1 s)."""
        if self.nlp is None:
            from kg.extract.nlp import load_pipeline

            self.nlp = load_pipeline(getattr(self.resolver, "dictionary", None))
        return self.nlp

    def cached_catalog(self) -> Catalog | None:
        """The catalog if it is current, without touching the store (None otherwise)."""
        cached = self._catalog
        return cached[1] if cached is not None and cached[0] == self.generation else None

    def catalog(self) -> Catalog:
        """The entity catalog of the current generation (built on first use after a change)."""
        cached = self._catalog
        if cached is not None and cached[0] == self.generation:
            return cached[1]
        with self._catalog_lock:
            generation = self.generation
            if self._catalog is None or self._catalog[0] != generation:
                self._catalog = (generation, Catalog.build(store_reads.entities(self.store)))
            return self._catalog[1]

    def resolve_iri(self, name: str) -> str | None:
        """The IRI the resolver gives a name (spelling variants, transliterations), if known."""
        entity = self.resolver.lookup(name)
        return entity_iri(self.settings.base, entity.key) if entity is not None else None

    def changed(self) -> None:
        """Called after a successful write: invalidates caches keyed by generation."""
        self.generation += 1


def open_state(settings: Settings, read_only: bool = False) -> KgState:
    """Opens the store and builds the projection and resolver (at app start-up).

    ``read_only`` is for several server processes sharing one store (only one
    process may write): mutations are then refused.
    """
    from kg.graph.project import Projection
    from kg.resolve.dictionary import load_dictionary
    from kg.resolve.resolver import Resolver
    from kg.store.entities import stored_entities
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore.open(settings.store_dir, read_only=read_only)
    try:
        resolver = Resolver.from_dictionary(load_dictionary(settings.actor_files))
        resolver.add_known(stored_entities(store, settings.base))
        log.info("building the graph projection of %s", settings.store_dir)
        projection = Projection.from_store(store, base=settings.base, progress=log.info)
    except BaseException:
        store.close()
        raise
    state = KgState(
        settings=settings,
        store=store,
        projection=projection,
        resolver=resolver,
        read_only=read_only,
    )
    state.catalog()
    return state


def close_state(state: KgState) -> None:
    state.store.close()
