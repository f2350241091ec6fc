"""``Balance``: structural balance of the signed graph and the ties it predicts."""

from __future__ import annotations

import strawberry

from api.gql.types.actor import Actor
from api.gql.types.relation import Relation


@strawberry.type(description="Three mutually tied actors and whether their signs balance.")
class Triad:
    actors: list[Actor]
    signs: list[int]
    balanced: bool
    explanation: str
    edges: list[Relation]


@strawberry.type(
    description="A tie no article states but balance theory predicts; always inferred, never stored."
)
class PredictedTie:
    a: Actor
    b: Actor
    sign: int
    rule: str = strawberry.field(description='e.g. "enemy of my enemy".')
    via: list[Actor]
    score: float
    inferred: bool


@strawberry.type(description="Share of balanced triads, the unbalanced ones, and predicted ties.")
class Balance:
    triads: int
    balanced: int
    share: float
    unbalanced: list[Triad]
    predicted: list[PredictedTie]
