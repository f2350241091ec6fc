"""``Evidence``: one sentence of one article stating (or denying) a relation."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from api.gql.types.article import Article
from api.store_reads import MentionRow

if TYPE_CHECKING:
    from api.gql.types.actor import Actor


@strawberry.type(
    description="A sentence that states a relation, with who claims it and how surely."
)
class Evidence:
    row: strawberry.Private[MentionRow]

    @strawberry.field(description="The statement node's IRI.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.statement)

    @strawberry.field(description="The sentence, as it reads in the article.")
    def sentence(self) -> str:
        return self.row.sentence

    @strawberry.field
    async def article(self, info: strawberry.Info) -> Article | None:
        row = await info.context.loaders.articles.load(self.row.article)
        return Article.from_row(row) if row is not None else None

    @strawberry.field(
        description="Who the article says makes this claim (null: the article itself)."
    )
    def claimed_by(
        self, info: strawberry.Info
    ) -> Annotated[Actor, strawberry.lazy("api.gql.types.actor")] | None:
        from api.gql.types.actor import Actor

        if self.row.claimed_by is None:
            return None
        return Actor(row=info.context.entity(self.row.claimed_by))

    @strawberry.field(description="True when the text hedges it (reportedly, believed to...).")
    def hedged(self) -> bool:
        return self.row.hedged

    @strawberry.field(
        description="True when the text denies it; kept as evidence, never as a fact."
    )
    def negated(self) -> bool:
        return self.row.negated

    @strawberry.field(description="The extractor's confidence in this one mention, 0 to 1.")
    def confidence(self) -> float:
        return self.row.confidence

    @strawberry.field(
        description="When the event happened (the article date if the text gives none)."
    )
    def event_date(self) -> dt.date | None:
        return self.row.event_date
