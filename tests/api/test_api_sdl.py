"""The checked-in SDL (schema/kg.graphql) is the schema the code serves."""

from __future__ import annotations

from pathlib import Path

from api.gql.sdl import sdl

SDL_FILE = Path(__file__).resolve().parents[2] / "schema" / "kg.graphql"


def test_checked_in_sdl_matches_the_code() -> None:
    assert SDL_FILE.read_text(encoding="utf-8") == sdl(), (
        "schema/kg.graphql is out of date: run `.venv/bin/python -m api.gql.sdl > schema/kg.graphql`"
    )


def test_sdl_has_the_names_the_issue_promises() -> None:
    text = sdl()
    for needle in (
        "actor(name: String!): Actor",
        "actors(search: String = null, type: ActorType = null, first: Int = null, after: String = null)",
        "targetedBy(",
        "relations(subject: String = null, object: String = null, types: [RelationType!] = null",
        "evidence: [Evidence!]!",
        "alliance(actor: String!, depth: Int = null, limit: Int = null",
        "path(source: String!, target: String!, sign: Sign! = ANY",
        "ingestArticle(input: IngestArticleInput!): IngestResult!",
        "retractArticle(id: ID!): RetractResult!",
    ):
        assert needle in text, needle


def test_graphql_enums_agree_with_the_model() -> None:
    from api.gql.types.enums import ActorType, RelationTypeEnum
    from kg.model import EntityType, RelationType

    assert {(t.name, t.value) for t in ActorType} == {(t.name, t.value) for t in EntityType}
    assert {(t.name, t.value) for t in RelationTypeEnum} == {
        (t.name, t.value) for t in RelationType
    }
