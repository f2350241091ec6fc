"""``Actor``: an entity node (state, armed group, person, base, place) and its ties."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from api.gql.errors import BadRequest
from api.gql.types.enums import ActorType, actor_type
from api.gql.types.relation import Relation
from api.relations import RelationFilter, for_actor
from api.store_reads import EntityRow
from kg.rdf.iri import key_from_iri

_RELATION_FIELDS = {
    "backers": "Who backs this actor.",
    "backs": "Whom this actor backs.",
    "targets": "Whom this actor attacks or strikes.",
    "targeted_by": "Who attacks or strikes this actor.",
    "allies": "Who is allied with this actor (either direction).",
    "opponents": "Who opposes this actor or is opposed by it (either direction).",
    "bases": "Where this actor is based.",
    "leaders": "Who leads this actor.",
    "members": "Who is part of this actor.",
    "part_of": "What this actor is part of.",
    "leads": "Whom this person leads.",
    "located_in": "Where this place or base is.",
    "based_here": "Who is based at this base or place.",
}


def relation_filter(
    since: dt.date | None,
    until: dt.date | None,
    min_confidence: float | None,
    include_claimed: bool = True,
    include_hedged: bool = True,
    types: Any = None,
) -> RelationFilter:
    """A filter from GraphQL arguments, refusing impossible ranges with a message."""
    if since and until and since > until:
        raise BadRequest(f"since: {since} is after until: {until}")
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise BadRequest(f"minConfidence: {min_confidence} is out of range; use 0 to 1")
    return RelationFilter(since, until, min_confidence, include_claimed, include_hedged, types)


def _relation_field(field: str) -> Any:
    async def resolve(
        root: Actor,
        info: strawberry.Info,
        since: dt.date | None = None,
        until: dt.date | None = None,
        min_confidence: float | None = None,
        include_claimed: bool = True,
        include_hedged: bool = True,
    ) -> list[Relation]:
        flt = relation_filter(since, until, min_confidence, include_claimed, include_hedged)
        mentions = await info.context.loaders.mentions.load(root.row.iri)
        return [Relation(record=r) for r in for_actor(root.row.iri, mentions, field, flt)]

    resolve.__name__ = field
    return strawberry.field(resolver=resolve, description=_RELATION_FIELDS[field])


@strawberry.type(
    description="An entity of the graph: a state, armed group, organization, person, base or place."
)
class Actor:
    row: strawberry.Private[EntityRow]

    @strawberry.field(description="The stable key its IRI is minted from (e.g. Ahrar_al-Sham).")
    def id(self, info: strawberry.Info) -> strawberry.ID:
        key = key_from_iri(info.context.state.settings.base, self.row.iri)
        return strawberry.ID(key or self.row.iri)

    @strawberry.field(description="Its IRI; dereferenceable on this server.")
    def iri(self) -> str:
        return self.row.iri

    @strawberry.field(description="The canonical name.")
    def name(self) -> str:
        return self.row.name

    @strawberry.field(description="Other names the articles use for it.")
    def aliases(self) -> list[str]:
        return list(self.row.aliases)

    @strawberry.field(name="type")
    def type_(self) -> ActorType:
        return actor_type(self.row.type)

    @strawberry.field(description="Wikidata QID, when known (e.g. Q159).")
    def wikidata(self) -> str | None:
        return self.row.wikidata

    @strawberry.field(description='True for an unnamed group ("pro-Iranian militias").')
    def generic(self) -> bool:
        return self.row.generic

    backers = _relation_field("backers")
    backs = _relation_field("backs")
    targets = _relation_field("targets")
    targeted_by = _relation_field("targeted_by")
    allies = _relation_field("allies")
    opponents = _relation_field("opponents")
    bases = _relation_field("bases")
    leaders = _relation_field("leaders")
    members = _relation_field("members")
    part_of = _relation_field("part_of")
    leads = _relation_field("leads")
    located_in = _relation_field("located_in")
    based_here = _relation_field("based_here")
