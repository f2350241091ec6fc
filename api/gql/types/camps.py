"""``Camps``: the blocs a conflict splits into, and the ties that contradict the split."""

from __future__ import annotations

import strawberry

from api.gql.types.actor import Actor
from api.gql.types.relation import Relation


@strawberry.type(description="One bloc of actors that back each other.")
class Camp:
    members: list[Actor]
    cohesion: float = strawberry.field(description="Positive tie weight inside the camp.")


@strawberry.type(description="A signed partition of the actors.")
class Camps:
    algorithm: str
    camps: list[Camp] = strawberry.field(description="Largest first.")
    unaligned: list[Actor] = strawberry.field(
        description="Actors with no positive tie to any camp."
    )
    frustration: float = strawberry.field(
        description="Weight of the ties the split contradicts (lower is a cleaner split)."
    )
    contradicting: list[Relation] = strawberry.field(
        description="Cooperation across camps and hostility inside one."
    )
