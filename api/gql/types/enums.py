"""GraphQL enums mirroring kg's model (``tests/api/test_api_sdl.py`` checks they agree)."""

from __future__ import annotations

from enum import Enum

import strawberry

from kg.model import EntityType, RelationType


@strawberry.enum(description="What kind of entity a node is (classes of ontology.ttl).")
class ActorType(Enum):
    STATE = "State"
    ARMED_GROUP = "ArmedGroup"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    BASE = "Base"
    PLACE = "Place"


@strawberry.enum(
    name="RelationType", description="The eight relation predicates (local names in ontology.ttl)."
)
class RelationTypeEnum(Enum):
    BACKS = "backs"
    TARGETS = "targets"
    ALLIED_WITH = "alliedWith"
    OPPOSES = "opposes"
    BASED_AT = "basedAt"
    LOCATED_IN = "locatedIn"
    PART_OF = "partOf"
    LEADS = "leads"


@strawberry.enum(description="Which ties a path may use.")
class Sign(Enum):
    POSITIVE = 1
    NEGATIVE = -1
    ANY = 0


def actor_type(entity_type: EntityType) -> ActorType:
    return ActorType(entity_type.value)


def relation_type(relation: RelationType) -> RelationTypeEnum:
    return RelationTypeEnum(relation.value)


def model_relation(value: RelationTypeEnum) -> RelationType:
    return RelationType(value.value)


def model_entity_type(value: ActorType) -> EntityType:
    return EntityType(value.value)
