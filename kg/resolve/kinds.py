"""Which entity types may be the same thing, and the type of an unseen name."""

from __future__ import annotations

from kg.model import EntityType
from kg.resolve.names import normalize
from kg.resolve.words import ACTOR_TYPES, ARMED_WORDS, GEO_TYPES, GUESS

__all__ = ["compatible", "guess_type", "refine_type"]


def refine_type(name: str, hint: EntityType | None) -> EntityType:
    """The type of an unseen name: the hint, unless it is a vaguer guess.

    NER says ORG for armed groups and organisations alike, so an ORG-based
    hint yields to an armed head word ("Liwa ...", "... Brigade").
    """
    if hint is None:
        return guess_type(name)
    if hint is EntityType.ORGANIZATION and ARMED_WORDS.search(normalize(name)):
        return EntityType.ARMED_GROUP
    return hint


def compatible(a: EntityType | None, b: EntityType | None) -> bool:
    """Could a name typed ``a`` and an entity typed ``b`` be the same thing?"""
    if a is None or b is None or a == b:
        return True
    return (a in ACTOR_TYPES and b in ACTOR_TYPES) or (a in GEO_TYPES and b in GEO_TYPES)


def guess_type(name: str) -> EntityType:
    """A type for an unseen name given without a hint, from its head words."""
    norm = normalize(name)
    for entity_type, pattern in GUESS:
        if pattern.search(norm):
            return entity_type
    return EntityType.ARMED_GROUP
