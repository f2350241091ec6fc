"""``Relation``: one (subject, predicate, object) tie with everything said about it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from api.gql.types.enums import RelationTypeEnum, relation_type
from api.gql.types.evidence import Evidence
from api.relations import RelationRecord

if TYPE_CHECKING:
    from api.gql.types.actor import Actor

ActorRef = Annotated["Actor", strawberry.lazy("api.gql.types.actor")]


@strawberry.type(
    description="A relation between two actors, aggregated over every sentence that states it."
)
class Relation:
    record: strawberry.Private[RelationRecord]

    @strawberry.field
    def subject(self, info: strawberry.Info) -> ActorRef:
        from api.gql.types.actor import Actor

        return Actor(row=info.context.entity(self.record.subject))

    @strawberry.field
    def predicate(self) -> RelationTypeEnum:
        return relation_type(self.record.predicate)

    @strawberry.field(name="object")
    def object_(self, info: strawberry.Info) -> ActorRef:
        from api.gql.types.actor import Actor

        return Actor(row=info.context.entity(self.record.object))

    @strawberry.field(
        description="0 to 1: noisy-OR over articles of hedge- and claim-discounted mentions, "
        "lowered by denials (as the graph projection weighs edges)."
    )
    def confidence(self) -> float:
        return self.record.confidence

    @strawberry.field(description="+1 cooperation, -1 hostility, 0 geography.")
    def sign(self) -> int:
        return self.record.predicate.sign

    @strawberry.field(
        description="Evidence mass: the sum over asserting articles of their strongest mention."
    )
    def weight(self) -> float:
        return self.record.weight

    @strawberry.field(description="Earliest event date among the mentions that assert it.")
    def first_seen(self) -> dt.date | None:
        return self.record.first_seen

    @strawberry.field(description="Latest event date among the mentions that assert it.")
    def last_seen(self) -> dt.date | None:
        return self.record.last_seen

    @strawberry.field(description="Number of articles asserting it.")
    def article_count(self) -> int:
        return self.record.article_count

    @strawberry.field(description="True when some article denies it.")
    def contested(self) -> bool:
        return self.record.contested

    @strawberry.field(description="Every mention, asserting ones first, then denials.")
    def evidence(self) -> list[Evidence]:
        return [Evidence(row=m) for m in self.record.mentions]
