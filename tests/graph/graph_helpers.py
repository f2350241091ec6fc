"""Helpers that write small articles into a real pyoxigraph store, following the RDF layout.

Articles are built from news-style sentences written for these tests; the
quads come from ``kg.rdf.triples.extraction_quads``, the same code ingest uses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.config import DEFAULT_BASE
from kg.model import Article, Entity, EntityType, Extraction, RelationMention, RelationType
from kg.rdf.triples import extraction_quads

ENTITIES: dict[str, Entity] = {
    e.key: e
    for e in (
        Entity("Russia", "Russia", EntityType.STATE, ("Moscow", "the Kremlin"), "Q159"),
        Entity("Syria", "Syria", EntityType.STATE, ("Damascus", "the Syrian army"), "Q858"),
        Entity("Bashar_al-Assad", "Bashar al-Assad", EntityType.PERSON, (), "Q44329"),
        Entity("Iran", "Iran", EntityType.STATE, ("Tehran",), "Q794"),
        Entity("Hezbollah", "Hezbollah", EntityType.ARMED_GROUP, (), "Q41053"),
        Entity("Turkey", "Turkey", EntityType.STATE, ("Ankara",), "Q43"),
        Entity("Ahrar_al-Sham", "Ahrar al-Sham", EntityType.ARMED_GROUP, (), "Q2917467"),
        Entity(
            "Free_Syrian_Army", "Free Syrian Army", EntityType.ARMED_GROUP, ("FSA",), "Q2915565"
        ),
        Entity("ISIS", "Islamic State", EntityType.ARMED_GROUP, ("Daesh", "ISIL"), "Q2429253"),
        Entity("United_States", "United States", EntityType.STATE, ("Washington", "U.S."), "Q30"),
        Entity("SDF", "Syrian Democratic Forces", EntityType.ARMED_GROUP, ("SDF",), "Q21856357"),
        Entity("Hmeymim_air_base", "Hmeymim air base", EntityType.BASE, ("Khmeimim",), "Q20751389"),
        Entity("Latakia", "Latakia", EntityType.PLACE, (), "Q208681"),
        Entity("Idlib", "Idlib", EntityType.PLACE, (), "Q189442"),
        Entity("Saudi_Arabia", "Saudi Arabia", EntityType.STATE, ("Riyadh",), "Q851"),
        Entity("Houthis", "Houthis", EntityType.ARMED_GROUP, ("Ansar Allah",), "Q747896"),
        Entity("UAE", "United Arab Emirates", EntityType.STATE, ("UAE", "Abu Dhabi"), "Q878"),
        Entity("STC", "Southern Transitional Council", EntityType.ARMED_GROUP, ("STC",), None),
        Entity("Wagner_Group", "Wagner Group", EntityType.ARMED_GROUP, ("Wagner",), "Q29051344"),
        Entity("RSF", "Rapid Support Forces", EntityType.ARMED_GROUP, ("RSF",), "Q7293524"),
        Entity("Sudanese_Armed_Forces", "Sudanese Armed Forces", EntityType.STATE, ("SAF",), None),
    )
}


@dataclass
class Line:
    """One sentence and the relations it states (subject, predicate, object, options)."""

    sentence: str
    relations: list[tuple[str, str, str, dict[str, object]]] = field(default_factory=list)


def rel(s: str, p: str, o: str, **options: object) -> tuple[str, str, str, dict[str, object]]:
    return (s, p, o, options)


def make_extraction(
    lines: list[Line], published: dt.date | None = dt.date(2016, 3, 1), title: str = "A report"
) -> Extraction:
    """An ``Extraction`` whose article text is the sentences, with correct offsets."""
    text, spans = "", []
    for line in lines:
        start = len(text)
        text += line.sentence + " "
        spans.append((start, start + len(line.sentence)))
    text = text.strip()
    article_id = hashlib.sha256(text.encode()).hexdigest()
    article = Article(
        article_id, text, source=f"tests/{title}.txt", title=title, published=published
    )
    mentions, keys = [], set()
    for line, (start, end) in zip(lines, spans, strict=True):
        for s, p, o, options in line.relations:
            keys.update((s, o))
            if options.get("claimed_by"):
                keys.add(str(options["claimed_by"]))
            mentions.append(
                RelationMention(
                    subject=s,
                    predicate=RelationType(p),
                    object=o,
                    sentence=line.sentence,
                    start=start,
                    end=end,
                    confidence=float(options.get("confidence", 0.8)),  # type: ignore[arg-type]
                    claimed_by=options.get("claimed_by"),  # type: ignore[arg-type]
                    hedged=bool(options.get("hedged", False)),
                    negated=bool(options.get("negated", False)),
                    event_date=options.get("event_date"),  # type: ignore[arg-type]
                )
            )
    entities = tuple(
        ENTITIES.get(k) or Entity(k, k.replace("_", " "), EntityType.ARMED_GROUP)
        for k in sorted(keys)
    )
    return Extraction(article, entities, tuple(mentions))


def write(store: ox.Store, extraction: Extraction) -> str:
    """Stores the article's quads in its named graph; returns the article id."""
    store.extend(extraction_quads(extraction, DEFAULT_BASE))
    return extraction.article.id


def retract(store: ox.Store, article_id: str) -> None:
    store.remove_graph(ox.NamedNode(f"{DEFAULT_BASE}article/{article_id}"))


#: A small corpus over three conflicts, in news style.
SYRIA_2015 = [
    Line(
        "Russian jets struck positions of Ahrar al-Sham near Idlib on Wednesday, Moscow said.",
        [
            rel("Russia", "targets", "Ahrar_al-Sham", claimed_by="Russia", confidence=0.9),
            rel("Russia", "targets", "Idlib", confidence=0.7),
        ],
    ),
    Line(
        "The Kremlin has backed Bashar al-Assad with aircraft flown from Hmeymim air base near Latakia.",
        [
            rel("Russia", "backs", "Bashar_al-Assad", confidence=0.9),
            rel("Russia", "basedAt", "Hmeymim_air_base", confidence=0.8),
            rel("Hmeymim_air_base", "locatedIn", "Latakia", confidence=0.8),
        ],
    ),
    Line(
        "Ankara supplies Ahrar al-Sham with weapons across the border, rebel commanders said.",
        [rel("Turkey", "backs", "Ahrar_al-Sham", confidence=0.8)],
    ),
]

SYRIA_2016 = [
    Line(
        "Iran and Hezbollah have sent fighters to defend Assad's forces around Aleppo.",
        [
            rel("Iran", "backs", "Bashar_al-Assad", confidence=0.8),
            rel("Hezbollah", "backs", "Bashar_al-Assad", confidence=0.8),
            rel("Iran", "backs", "Hezbollah", confidence=0.6),
        ],
    ),
    Line(
        "Russian warplanes reportedly bombed Free Syrian Army units north of Hama.",
        [rel("Russia", "targets", "Free_Syrian_Army", confidence=0.8, hedged=True)],
    ),
    Line(
        "Turkey denied that it arms the Free Syrian Army, a group Ankara calls moderate.",
        [rel("Turkey", "backs", "Free_Syrian_Army", confidence=0.8, negated=True)],
    ),
]

YEMEN_2017 = [
    Line(
        "The Saudi-led coalition struck Houthi positions in Hodeidah on Monday.",
        [rel("Saudi_Arabia", "targets", "Houthis", confidence=0.9)],
    ),
    Line(
        "The United Arab Emirates trains and funds the Southern Transitional Council in Aden.",
        [rel("UAE", "backs", "STC", confidence=0.85)],
    ),
    Line(
        "Riyadh accuses Tehran of smuggling missiles to the Houthis.",
        [rel("Iran", "backs", "Houthis", confidence=0.8, claimed_by="Saudi_Arabia")],
    ),
]


def projection(*ties: tuple, types: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """A hand-built projection: each tie is (subject, relation, object[, confidence[, date[, article]]])."""
    from kg.graph.project import ArticleRecord, EntityRecord, Mention, Projection

    P = Projection()
    mentions, articles, keys = [], {}, set()
    for i, tie in enumerate(ties):
        s, p, o, *rest = tie
        confidence = rest[0] if len(rest) > 0 else 1.0
        date = rest[1] if len(rest) > 1 else None
        article = rest[2] if len(rest) > 2 else f"a{i}"
        articles[article] = ArticleRecord(article, title=f"Article {article}", date=date)
        keys.update((s, o))
        mentions.append(
            Mention(f"m{i}", article, s, p, o, f"{s} {p} {o}.", confidence, event_date=date)
        )
    types = types or {}
    entities = [
        EntityRecord(next(iter(articles)), k, k.replace("_", " "), types.get(k, "ArmedGroup"))
        for k in sorted(keys)
    ]
    P.add_records(articles.values(), entities, mentions)
    return P
