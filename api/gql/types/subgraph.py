"""``Subgraph``: an actor's alliance or opposition neighbourhood."""

from __future__ import annotations

import strawberry

from api.gql.types.actor import Actor
from api.gql.types.relation import Relation


@strawberry.type(description="An actor reached from the centre, how far out and through whom.")
class SubgraphNode:
    actor: Actor
    depth: int
    via: Actor = strawberry.field(description="The kept actor it was reached from.")
    strength: float = strawberry.field(description="Weight of its strongest tie into the subgraph.")


@strawberry.type(
    description="The positive (alliance) or negative (opposition) ties around an actor."
)
class Subgraph:
    centre: Actor
    sign: int = strawberry.field(description="+1 alliance, -1 opposition.")
    depth: int
    nodes: list[SubgraphNode] = strawberry.field(
        description="Ranked by tie weight, centre excluded."
    )
    edges: list[Relation] = strawberry.field(
        description="Every in-scope tie among the nodes and centre."
    )
    truncated: bool = strawberry.field(description="True when the limit cut off more actors.")
