"""``extract(articles, resolver)``: articles in, resolved ``Extraction``s out.

One ``nlp.pipe(..., as_tuples=True)`` call runs over every article (long
articles in paragraph-aligned chunks); each candidate's names go through
the resolver, dates are read against the article's date, and the result
keeps only well-typed, distinct, non-reflexive relation mentions and the
entities they use.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.dates import event_date
from kg.extract.relations import SIGNATURES
from kg.extract.types import ActorMention, Candidate
from kg.model import Article, Entity, EntityType, Extraction, RelationMention, RelationType

#: characters per chunk handed to spaCy (its default limit is 1,000,000)
CHUNK_CHARS = 50_000
BATCH_SIZE = 4


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs, cut at paragraph or sentence ends where possible."""
    if not text:
        yield 0, ""
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(". ", start + size // 2, end)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


def extract(
    articles: Iterable[Article], resolver: Any, nlp: Language | None = None
) -> Iterator[Extraction]:
    """Extract every article, in input order, resolving names through ``resolver``."""
    if nlp is None:
        from kg.extract.nlp import load_pipeline

        nlp = load_pipeline(getattr(resolver, "dictionary", None))
    articles = list(articles)
    pieces = (
        (piece, (n, offset))
        for n, article in enumerate(articles)
        for offset, piece in chunks(article.text)
    )
    current: int | None = None
    collected: list[tuple[Doc, int]] = []
    for doc, (n, offset) in nlp.pipe(pieces, as_tuples=True, batch_size=BATCH_SIZE):
        if current is not None and n != current:
            yield _extraction(articles[current], collected, resolver)
            collected = []
        current = n
        collected.append((doc, offset))
    if current is not None:
        yield _extraction(articles[current], collected, resolver)


class _Entities:
    """Resolved entities of one article and the aliases it uses."""

    def __init__(self, resolver: Any) -> None:
        self.resolver = resolver
        self.by_name: dict[tuple[str, str], Entity] = {}
        self.aliases: dict[str, list[str]] = {}
        self.used: dict[str, Entity] = {}

    def get(self, m: ActorMention) -> Entity:
        cache_key = (m.name, m.type.value)
        entity = self.by_name.get(cache_key)
        if entity is None:
            entity = self.resolver.resolve(m.name, m.type)
            if m.group_of is not None:
                backer = self.resolver.resolve(m.group_of)
                entity = dataclasses.replace(
                    entity, type=EntityType.ARMED_GROUP, group_of=backer.key, aliases=()
                )
            self.by_name[cache_key] = entity
        return entity

    def use(self, m: ActorMention, entity: Entity) -> None:
        self.used.setdefault(entity.key, entity)
        if m.source in ("dictionary", "ner") and m.text != entity.name:
            seen = self.aliases.setdefault(entity.key, [])
            if m.text not in seen and len(m.text) > 1:
                seen.append(m.text)

    def entities(self) -> tuple[Entity, ...]:
        out = []
        for key, entity in self.used.items():
            out.append(dataclasses.replace(entity, aliases=tuple(self.aliases.get(key, ()))))
        return tuple(sorted(out, key=lambda e: e.key))


def _extraction(article: Article, docs: list[tuple[Doc, int]], resolver: Any) -> Extraction:
    ents = _Entities(resolver)
    relations: dict[tuple[Any, ...], RelationMention] = {}
    for doc, offset in docs:
        for cand in doc._.kg_candidates or []:
            mention = _relation(article, doc, offset, cand, ents)
            if mention is None:
                continue
            key = (
                mention.subject,
                mention.predicate,
                mention.object,
                mention.start,
                mention.claimed_by,
                mention.negated,
            )
            old = relations.get(key)
            if old is None or old.confidence < mention.confidence:
                relations[key] = mention
    ordered = sorted(
        relations.values(), key=lambda r: (r.start, r.predicate.value, r.subject, r.object)
    )
    return Extraction(article=article, entities=ents.entities(), relations=tuple(ordered))


def _relation(
    article: Article, doc: Doc, offset: int, cand: Candidate, ents: _Entities
) -> RelationMention | None:
    subject, obj = ents.get(cand.subject), ents.get(cand.object)
    if subject.key == obj.key:
        return None
    dom, rng = SIGNATURES[cand.predicate]
    if subject.type not in dom or obj.type not in rng:
        return None
    claimant = ents.get(cand.claimed_by) if cand.claimed_by is not None else None
    if claimant is not None and not claimant.type.is_actor:
        claimant = None
    if cand.predicate is RelationType.ALLIED_WITH and obj.key < subject.key:
        subject, obj = obj, subject
        cand = dataclasses.replace(cand, subject=cand.object, object=cand.subject)
    ents.use(cand.subject, subject)
    ents.use(cand.object, obj)
    if claimant is not None and cand.claimed_by is not None:
        ents.use(cand.claimed_by, claimant)
    trigger = doc[cand.trigger]
    start, end = offset + cand.sent_start, offset + cand.sent_end
    sentence = article.text[start:end]
    stripped = sentence.strip()
    lead = len(sentence) - len(sentence.lstrip())
    start, end = start + lead, start + lead + len(stripped)
    return RelationMention(
        subject=subject.key,
        predicate=cand.predicate,
        object=obj.key,
        sentence=stripped,
        start=start,
        end=end,
        confidence=round(max(0.0, min(1.0, cand.confidence)), 3),
        claimed_by=claimant.key if claimant is not None else None,
        hedged=cand.hedged,
        negated=cand.negated,
        event_date=event_date(trigger.sent, trigger, article.published),
        rule=cand.rule,
    )
