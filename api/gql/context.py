"""The per-request GraphQL context: shared state, a catalog snapshot, fresh loaders."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from api.catalog import Catalog
from api.gql.loaders import Loaders
from api.state import KgState
from api.store_reads import EntityRow
from kg.model import EntityType
from kg.rdf.iri import key_from_iri


@dataclass
class Context:
    """What every resolver gets as ``info.context``.

    ``catalog`` is the snapshot of the generation the request started in, so
    one response never mixes two versions of the data. ``wrote`` is set by a
    mutation: such a response is never cached.
    """

    request: Request
    response: Response | None
    state: KgState
    catalog: Catalog
    generation: int
    loaders: Loaders
    wrote: bool = False

    def entity(self, iri: str) -> EntityRow:
        """The catalog row for an IRI; an IRI with no entity node gets a row named from its key."""
        row = self.catalog.by_iri.get(iri)
        if row is not None:
            return row
        key = key_from_iri(self.state.settings.base, iri) or iri.rsplit("/", 1)[-1]
        return EntityRow(
            iri=iri,
            name=key.replace("_", " "),
            type=EntityType.ARMED_GROUP,
            aliases=(),
            wikidata=None,
            generic=False,
            group_of=None,
        )
