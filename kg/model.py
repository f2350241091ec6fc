"""Plain, frozen dataclasses passed between the pipeline stages.

Data flows one way: read -> extract -> resolve -> rdf -> store -> graph.
Every stage takes and returns these types (or tuples of them), never a
spaCy ``Doc`` or an rdflib ``Graph``, so each stage can be tested alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    """The ontology classes an entity node can have (local names in ontology.ttl)."""

    STATE = "State"
    ARMED_GROUP = "ArmedGroup"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    BASE = "Base"
    PLACE = "Place"

    @property
    def is_actor(self) -> bool:
        return self not in (EntityType.BASE, EntityType.PLACE)


class RelationType(StrEnum):
    """The eight relation predicates (local names in ontology.ttl)."""

    BACKS = "backs"
    TARGETS = "targets"
    ALLIED_WITH = "alliedWith"
    OPPOSES = "opposes"
    BASED_AT = "basedAt"
    LOCATED_IN = "locatedIn"
    PART_OF = "partOf"
    LEADS = "leads"

    @property
    def sign(self) -> int:
        """+1 for cooperation, -1 for hostility, 0 for geography."""
        return RELATION_SIGN[self]

    @property
    def symmetric(self) -> bool:
        return self is RelationType.ALLIED_WITH


RELATION_SIGN: dict[RelationType, int] = {
    RelationType.BACKS: 1,
    RelationType.ALLIED_WITH: 1,
    RelationType.PART_OF: 1,
    RelationType.LEADS: 1,
    RelationType.TARGETS: -1,
    RelationType.OPPOSES: -1,
    RelationType.BASED_AT: 0,
    RelationType.LOCATED_IN: 0,
}


@dataclass(frozen=True)
class Article:
    """One news article after reading and boilerplate removal.

    ``id`` is the hex SHA-256 of ``text`` (the cleaned text), so re-reading
    the same article gives the same id on any machine. ``raw_length`` is the
    length before cleaning, for reports.
    """

    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    raw_length: int = 0


@dataclass(frozen=True)
class Entity:
    """A resolved real-world entity.

    ``key`` is the stable identifier the IRI is minted from (an ASCII slug
    of the canonical name, e.g. ``Ahrar_al-Sham``); the same entity gets the
    same key in every article, run and machine.
    ``group_of`` is set for unnamed generic groups ("pro-Iranian militias"):
    the key of the named backer they are tied to.
    """

    key: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    group_of: str | None = None


@dataclass(frozen=True)
class RelationMention:
    """One statement of a relation in one sentence of one article.

    ``subject``/``object``/``claimed_by`` are entity keys. ``start``/``end``
    are the sentence's character offsets in ``Article.text``; ``sentence``
    is that slice. ``negated`` mentions are kept as evidence but never
    asserted as facts.
    """

    subject: str
    predicate: RelationType
    object: str
    sentence: str
    start: int
    end: int
    confidence: float
    claimed_by: str | None = None
    hedged: bool = False
    negated: bool = False
    event_date: dt.date | None = None
    rule: str = ""


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article, entities already resolved."""

    article: Article
    entities: tuple[Entity, ...]
    relations: tuple[RelationMention, ...]

    def entity(self, key: str) -> Entity:
        for e in self.entities:
            if e.key == key:
                return e
        raise KeyError(key)


@dataclass(frozen=True)
class Skipped:
    """An input that was not ingested, and why (shown in the ingest summary)."""

    source: str
    reason: str


@dataclass
class IngestReport:
    """What one ``kg ingest`` run did."""

    read: int = 0
    added: int = 0
    unchanged: int = 0
    relations_added: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
