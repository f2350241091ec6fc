"""The limits that keep one query from monopolising the server.

Three checks, each answered with a GraphQL error that names the limit before
any data is read: query depth (strawberry's ``QueryDepthLimiter``), page
size (``first`` at most ``MAX_PAGE_SIZE``), and an estimated cost. The cost
of a field is 1 plus, for list fields, the number of items it may return
times the cost of what is selected inside each item; an argument given as
a variable counts as its maximum, since validation runs before variables
are known. So ``actors(first: 50) { edges { node { backers { subject { name } } } } }``
costs about 50 x (1 + 10 x 3) and a ten-level nest of relation lists is refused.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    VariableNode,
)
from strawberry.extensions import AddValidationRules

from api.gql.errors import BadRequest

MAX_DEPTH = 12
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_COST = 50_000
MAX_GRAPH_DEPTH = 4
MAX_SUBGRAPH_LIMIT = 500
MAX_PATHS = 10

#: how many items a list field is assumed to return when no ``first``/``limit`` bounds it
LIST_SIZE: dict[str, int] = {
    **dict.fromkeys(
        (
            "backers",
            "backs",
            "targets",
            "targetedBy",
            "allies",
            "opponents",
            "bases",
            "leaders",
            "members",
            "partOf",
            "leads",
            "locatedIn",
            "basedHere",
        ),
        10,
    ),
    "evidence": 5,
    "aliases": 1,
    "relations": DEFAULT_PAGE_SIZE,
    "actors": DEFAULT_PAGE_SIZE,
    "articles": DEFAULT_PAGE_SIZE,
    "nodes": 50,
    "edges": 1,  # a connection's edges: the connection field already counts its page
    "path": 3,
    "hops": 5,
    "camps": 5,
    "members_": 20,
    "unbalanced": 20,
    "inferred": 20,
    "contradictions": 20,
    "relationsExtracted": 20,
}
#: the arguments that bound a list field, and their maximum
BOUNDING_ARGS = {"first": MAX_PAGE_SIZE, "limit": MAX_SUBGRAPH_LIMIT}


def page_size(first: int | None) -> int:
    """``first`` checked against the page-size limit (default ``DEFAULT_PAGE_SIZE``)."""
    if first is None:
        return DEFAULT_PAGE_SIZE
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise BadRequest(f"first: {first} is out of range; ask for 1 to {MAX_PAGE_SIZE} items")
    return first


def bounded(name: str, value: int | None, default: int, low: int, high: int) -> int:
    """An integer argument checked against its range, with a message naming it."""
    if value is None:
        return default
    if not low <= value <= high:
        raise BadRequest(f"{name}: {value} is out of range; use {low} to {high}")
    return value


class CostRule(ValidationRule):
    """Rejects an operation whose estimated cost exceeds ``MAX_COST``."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        fragments = {
            f.name.value: f
            for f in self.context.document.definitions
            if isinstance(f, FragmentDefinitionNode)
        }
        cost = _selection_cost(node.selection_set, fragments, set())
        if cost > MAX_COST:
            name = f" {node.name.value}" if node.name else ""
            self.report_error(
                GraphQLError(
                    f"query{name} is too expensive: estimated cost {cost} is over the limit "
                    f"of {MAX_COST}; ask for smaller pages (first/limit) or fewer nested lists",
                    node,
                )
            )


def _selection_cost(
    selection_set: SelectionSetNode | None, fragments: dict[str, Any], seen: set[str]
) -> int:
    if selection_set is None:
        return 0
    total = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            total += _field_cost(selection, fragments, seen)
        elif isinstance(selection, InlineFragmentNode):
            total += _selection_cost(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in fragments and name not in seen:
                total += _selection_cost(fragments[name].selection_set, fragments, seen | {name})
    return total


def _field_cost(field: FieldNode, fragments: dict[str, Any], seen: set[str]) -> int:
    inner = _selection_cost(field.selection_set, fragments, seen)
    if field.selection_set is None:
        return 1
    return 1 + _multiplier(field) * inner


def _multiplier(field: FieldNode) -> int:
    for arg in field.arguments or ():
        name = arg.name.value
        if name in BOUNDING_ARGS:
            if isinstance(arg.value, IntValueNode):
                return max(int(arg.value.value), 1)
            if isinstance(arg.value, VariableNode):
                return BOUNDING_ARGS[name]
    return LIST_SIZE.get(field.name.value, 1)


class CostLimiter(AddValidationRules):
    """The cost check as a strawberry extension."""

    def __init__(self) -> None:
        super().__init__([CostRule])
