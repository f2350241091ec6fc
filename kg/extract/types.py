"""The extractor's own small records: actor mentions and relation candidates.

They live on the Doc (``doc._.kg_mentions``, ``doc._.kg_candidates``) between
components and never leave ``kg.extract``: ``run.py`` turns them into the
``Entity`` and ``RelationMention`` objects of ``kg/model.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kg.model import EntityType, RelationType


@dataclass(frozen=True)
class ActorMention:
    """A span of the Doc that names (or stands for) an entity.

    ``name`` is what the resolver is asked for (a dictionary canonical name
    when known, else the surface form). ``acts_for`` is the state a head of
    state stands for in relations other than ``leads``; ``group_of`` names the
    backer of an unnamed generic group ("pro-Iranian militias").
    """

    start: int
    end: int
    text: str
    name: str
    type: EntityType
    source: str
    group_of: str | None = None
    acts_for: str | None = None
    is_media: bool = False

    @property
    def is_actor(self) -> bool:
        return self.type.is_actor

    def for_relation(self, predicate: RelationType) -> ActorMention:
        """The mention as a party to ``predicate``: a head of state acts for the state."""
        if self.acts_for and predicate is not RelationType.LEADS:
            return ActorMention(
                self.start,
                self.end,
                self.text,
                self.acts_for,
                EntityType.STATE,
                "leader",
            )
        return self


@dataclass(frozen=True)
class Candidate:
    """One relation found in one sentence, before resolution."""

    subject: ActorMention
    predicate: RelationType
    object: ActorMention
    sent_start: int
    sent_end: int
    trigger: int
    rule: str
    confidence: float
    claimed_by: ActorMention | None = None
    hedged: bool = False
    negated: bool = False
    event_date: dt.date | None = None
    #: trigger of the earlier mention of the same attack ("the strikes" -> "Russian strikes")
    antecedent: int | None = None
