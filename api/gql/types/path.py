"""``Path``: how one actor is tied to another, hop by hop, with evidence."""

from __future__ import annotations

import strawberry

from api.gql.types.actor import Actor
from api.gql.types.relation import Relation


@strawberry.type(description="One step of a path; the relation may point against the walk.")
class Hop:
    source: Actor = strawberry.field(
        description="Where this step starts (walking from the path's source)."
    )
    target: Actor
    relation: Relation
    forward: bool = strawberry.field(
        description="True when the relation's subject is this step's source."
    )


@strawberry.type(description="A chain of ties from source to target.")
class Path:
    nodes: list[Actor]
    hops: list[Hop]
    strength: float = strawberry.field(description="Product of the hops' confidences.")
    sign: int = strawberry.field(
        description="Product of the hops' signs: +1 friendly chain, -1 hostile."
    )
