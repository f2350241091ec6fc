"""How mentions add up to relations: the rules users see as confidence, contested, filters."""

from __future__ import annotations

import datetime as dt

import pytest

from api.catalog import Catalog
from api.relations import RelationFilter, aggregate, for_actor
from api.store_reads import EntityRow, MentionRow
from kg.graph.project import ArticleRecord, Mention, Projection
from kg.model import EntityType, RelationType

B = "http://localhost:8000/"
UAE, RSF, SAF = (
    B + "id/" + k for k in ("United_Arab_Emirates", "Rapid_Support_Forces", "Sudanese_Armed_Forces")
)


def mention(n: int, article: str, s: str, o: str, **extra: object) -> MentionRow:
    fields: dict[str, object] = {
        "statement": f"{B}statement/{n}",
        "subject": s,
        "predicate": RelationType.BACKS,
        "object": o,
        "sentence": f"sentence {n}",
        "confidence": 0.8,
        "claimed_by": None,
        "hedged": False,
        "negated": False,
        "event_date": dt.date(2023, 6, n),
        "article": f"{B}article/{article}",
    }
    fields.update(extra)
    return MentionRow(**fields)  # type: ignore[arg-type]


MENTIONS = [
    mention(1, "a1", UAE, RSF),
    mention(2, "a2", UAE, RSF, hedged=True, confidence=0.9),
    mention(3, "a3", UAE, RSF, claimed_by=SAF, confidence=0.7),
    mention(4, "a4", UAE, RSF, negated=True, confidence=0.9),
    mention(5, "a1", SAF, RSF, predicate=RelationType.TARGETS),
    mention(6, "a5", SAF, UAE, negated=True),
]


def test_confidence_and_dates_agree_with_the_graph_projection() -> None:
    (backs,) = aggregate(MENTIONS[:4], RelationFilter())
    projection = Projection(B)
    projection.add_records(
        [ArticleRecord(a) for a in ("a1", "a2", "a3", "a4")],
        [],
        [
            Mention(
                id=str(i),
                article=m.article.rsplit("/", 1)[-1],
                subject="United_Arab_Emirates",
                relation="backs",
                object="Rapid_Support_Forces",
                confidence=m.confidence,
                hedged=m.hedged,
                negated=m.negated,
                claimed_by="Sudanese_Armed_Forces" if m.claimed_by else None,
                event_date=m.event_date,
            )
            for i, m in enumerate(MENTIONS[:4])
        ],
    )
    edge = projection.graph["United_Arab_Emirates"]["Rapid_Support_Forces"]["backs"]
    assert backs.confidence == edge["confidence"]
    assert backs.weight == pytest.approx(edge["weight"])
    assert (backs.first_seen, backs.last_seen) == (edge["first_seen"], edge["last_seen"])
    assert backs.contested and edge["contested"]
    assert backs.article_count == 3  # the denying article does not count as support
    assert [m.negated for m in backs.mentions][-1] is True  # denials listed last


def test_a_relation_only_denied_does_not_exist() -> None:
    found = for_actor(UAE, MENTIONS, "opponents", RelationFilter())
    assert found == []
    assert aggregate([MENTIONS[5]], RelationFilter()) == []


def test_filters_drop_hedged_claimed_and_out_of_window_mentions() -> None:
    strict = aggregate(MENTIONS[:3], RelationFilter(include_hedged=False, include_claimed=False))
    assert [m.statement for m in strict[0].mentions] == [f"{B}statement/1"]
    window = aggregate(
        MENTIONS[:3], RelationFilter(since=dt.date(2023, 6, 2), until=dt.date(2023, 6, 2))
    )
    assert [m.statement for m in window[0].mentions] == [f"{B}statement/2"]
    assert aggregate(MENTIONS[:3], RelationFilter(min_confidence=0.999)) == []


def test_actor_fields_pick_the_right_direction() -> None:
    assert [r.subject for r in for_actor(RSF, MENTIONS, "backers", RelationFilter())] == [UAE]
    assert for_actor(RSF, MENTIONS, "backs", RelationFilter()) == []
    assert [r.subject for r in for_actor(RSF, MENTIONS, "targeted_by", RelationFilter())] == [SAF]


def test_search_ranks_exact_then_prefix_then_fuzzy() -> None:
    rows = [
        EntityRow(B + "id/Sudan", "Sudan", EntityType.STATE, ("Khartoum",), "Q1049", False, None),
        EntityRow(B + "id/South_Sudan", "South Sudan", EntityType.STATE, (), "Q958", False, None),
        EntityRow(
            SAF, "Sudanese Armed Forces", EntityType.ARMED_GROUP, ("SAF",), None, False, None
        ),
        EntityRow(RSF, "Rapid Support Forces", EntityType.ARMED_GROUP, ("RSF",), None, False, None),
    ]
    catalog = Catalog.build(rows)
    assert [r.name for r in catalog.search("sudan")][:3] == [
        "Sudan",
        "Sudanese Armed Forces",
        "South Sudan",
    ]
    assert catalog.search("Rapid Suport Forces")[0].name == "Rapid Support Forces"
    assert [r.name for r in catalog.search("s", EntityType.ARMED_GROUP)] == [
        "Sudanese Armed Forces",
        "Rapid Support Forces",
    ]
    assert catalog.lookup("khartoum").name == "Sudan"
    assert catalog.lookup("the Rapid Support Forces").iri == RSF
    assert catalog.suggest("Sudanese Army Forces")[0] == "Sudanese Armed Forces"
