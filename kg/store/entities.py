"""Entities already in a store, rebuilt as ``Entity`` objects.

Ingest hands them to the resolver (``Resolver.add_known``) so that a name
seen in an earlier article resolves to the same node in a later one.
"""

from __future__ import annotations

from collections import defaultdict

from kg.model import Entity, EntityType
from kg.rdf.iri import key_from_iri
from kg.rdf.vocab import KG_NS, WD
from kg.store import queries
from kg.store.base import Store

_TYPES_BY_IRI = {KG_NS + t.value: t for t in EntityType}


def stored_entities(store: Store, base: str) -> list[Entity]:
    """Every entity under ``base`` in the store, sorted by key."""
    types: dict[str, set[EntityType]] = defaultdict(set)
    labels: dict[str, set[str]] = defaultdict(set)
    for row in store.query(queries.ENTITY_TYPES):
        entity_type = _TYPES_BY_IRI.get(row["type"].value)
        if entity_type is not None:
            types[row["entity"].value].add(entity_type)
            labels[row["entity"].value].add(row["label"].value)
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in store.query(queries.ENTITY_ALIASES):
        aliases[row["entity"].value].add(row["alias"].value)
    wikidata: dict[str, str] = {}
    for row in store.query(queries.ENTITY_SAME_AS):
        if row["same"].value.startswith(str(WD)):
            wikidata[row["entity"].value] = row["same"].value[len(str(WD)) :]
    group_of: dict[str, str] = {}
    for row in store.query(queries.ENTITY_GROUP_OF):
        backer = key_from_iri(base, row["backer"].value)
        if backer:
            group_of[row["entity"].value] = backer
    entities = []
    for iri, kinds in types.items():
        key = key_from_iri(base, iri)
        if key is None:
            continue
        name = min(labels[iri])
        entities.append(
            Entity(
                key=key,
                name=name,
                type=min(kinds, key=list(EntityType).index),
                aliases=tuple(sorted((aliases[iri] | labels[iri]) - {name})),
                wikidata=wikidata.get(iri),
                group_of=group_of.get(iri),
            )
        )
    return sorted(entities, key=lambda e: e.key)
