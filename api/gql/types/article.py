"""``Article``: a stored news article, the source of every piece of evidence."""

from __future__ import annotations

import datetime as dt

import strawberry

from api.store_reads import ArticleRow


@strawberry.type(description="A news article in the store (its id is the SHA-256 of its text).")
class Article:
    id: strawberry.ID
    iri: str
    title: str | None
    url: str | None
    published: dt.date | None
    source: str | None

    @classmethod
    def from_row(cls, row: ArticleRow) -> Article:
        return cls(
            id=strawberry.ID(row.id),
            iri=row.iri,
            title=row.title,
            url=row.url,
            published=row.published,
            source=row.source,
        )
