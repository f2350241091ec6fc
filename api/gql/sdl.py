"""Prints the schema's SDL: ``python -m api.gql.sdl > schema/kg.graphql``.

``tests/api/test_sdl.py`` fails when the checked-in file and the code differ.
"""

from __future__ import annotations

import sys

HEADER = (
    "# The GraphQL schema of kg's API (generated: python -m api.gql.sdl > schema/kg.graphql).\n"
    "# Do not edit by hand; tests/api/test_sdl.py checks it against the code.\n\n"
)


def sdl() -> str:
    from api.gql.schema import schema

    return HEADER + schema.as_str().rstrip("\n") + "\n"


if __name__ == "__main__":
    sys.stdout.write(sdl())
