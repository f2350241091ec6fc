"""Entity resolution: the actor dictionary and names -> stable entities."""

from kg.resolve.dictionary import ActorDictionary, ActorEntry, load_dictionary
from kg.resolve.names import match_keys, normalize, skeleton, slugify
from kg.resolve.resolver import Resolver

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "Resolver",
    "load_dictionary",
    "match_keys",
    "normalize",
    "skeleton",
    "slugify",
]
