"""The schema: Query, Mutation, and the extensions every request goes through.

Order matters: limits run as validation rules before anything executes;
``MaskErrors`` hides unexpected errors last; parser and validation caches
skip re-parsing the same query text (most clients send the same few).
Extensions are passed as factories: strawberry builds fresh ones per
request (the caches themselves live at module level).
"""

from __future__ import annotations

import logging

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.types import ExecutionContext
from strawberry.utils.logging import StrawberryLogger

from api.gql.errors import MASKED_MESSAGE, should_mask
from api.gql.limits import MAX_DEPTH, CostRule
from api.gql.mutations import Mutation
from api.gql.queries import Query

MAX_ALIASES = 30
MAX_TOKENS = 5_000

log = logging.getLogger("kg.api.graphql")

#: The limit checks as validation rules, built once: the validation cache is keyed by the
#: rule classes, and the stock limiters make new classes per instance (per request).
LIMIT_RULES = [
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
    CostRule,
]


class KgSchema(strawberry.Schema):
    """Logs unexpected errors with their stack trace, and users' mistakes as one line."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            if should_mask(error):
                StrawberryLogger.error(error, execution_context)
            else:
                log.info("GraphQL error returned to the client: %s", error.message)


def build_schema() -> strawberry.Schema:
    return KgSchema(
        query=Query,
        mutation=Mutation,
        extensions=[
            lambda: ParserCache(maxsize=256),
            lambda: ValidationCache(maxsize=256),
            lambda: AddValidationRules(LIMIT_RULES),
            lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
            lambda: MaskErrors(should_mask_error=should_mask, error_message=MASKED_MESSAGE),
        ],
    )


schema = build_schema()
