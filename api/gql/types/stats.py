"""``Stats``: how big the graph is."""

from __future__ import annotations

import strawberry

from api.gql.types.enums import RelationTypeEnum


@strawberry.type
class RelationCount:
    predicate: RelationTypeEnum
    count: int


@strawberry.type(description="Counts over the whole store.")
class Stats:
    articles: int
    mentions: int = strawberry.field(description="Relation mentions (sentences), denials included.")
    entities: int
    relations: int = strawberry.field(
        description="Distinct asserted (subject, predicate, object) ties."
    )
    by_predicate: list[RelationCount]
    generation: int = strawberry.field(description="Bumped on every ingest or retract.")
