"""Hand-built extractions (news-style sentences of our own) for the rdf and store tests."""

from __future__ import annotations

import datetime as dt
import hashlib

from kg.model import Article, Entity, EntityType, Extraction, RelationMention, RelationType

BASE = "http://localhost:8000/"


def article(text: str, source: str, **meta: object) -> Article:
    return Article(
        id=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        source=source,
        **meta,  # type: ignore[arg-type]
    )


def mention(
    text: str, sentence: str, s: str, p: RelationType, o: str, **extra: object
) -> RelationMention:
    start = text.index(sentence)
    return RelationMention(
        subject=s,
        predicate=p,
        object=o,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        confidence=extra.pop("confidence", 0.8),  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )


TURKEY = Entity("Turkey", "Turkey", EntityType.STATE, ("Ankara",), "Q43")
AHRAR = Entity("Ahrar_al-Sham", "Ahrar al-Sham", EntityType.ARMED_GROUP, ("Ahrar al Sham",))
RUSSIA = Entity("Russia", "Russia", EntityType.STATE, ("Moscow", "the Kremlin"), "Q159")
HMEYMIM = Entity("Hmeymim_air_base", "Hmeymim air base", EntityType.BASE, ("Khmeimim",))
LATAKIA = Entity("Latakia", "Latakia", EntityType.PLACE)
IRAN = Entity("Iran", "Iran", EntityType.STATE, (), "Q794")
MILITIAS = Entity(
    "pro-Iranian_militias", "pro-Iranian militias", EntityType.ARMED_GROUP, group_of="Iran"
)
HOUTHIS = Entity("Houthis", "Houthis", EntityType.ARMED_GROUP, ("Ansar Allah",), "Q3046434")
SAUDI = Entity("Saudi_Arabia", "Saudi Arabia", EntityType.STATE, ("Riyadh",), "Q851")
UAE = Entity("United_Arab_Emirates", "United Arab Emirates", EntityType.STATE, ("UAE",), "Q878")


def syria_extraction() -> Extraction:
    """Turkey backs Ahrar al-Sham (asserted); Russia is based at Hmeymim (hedged, claimed)."""
    s1 = "Ahrar al-Sham, a group backed by Turkey, shelled government positions."
    s2 = "Russian jets reportedly flew from the Khmeimim air base near Latakia, the Kremlin said."
    s3 = "Iran denied that it armed pro-Iranian militias in the south."
    text = " ".join((s1, s2, s3))
    a = article(text, "syria.txt", title="Rebels shell positions", published=dt.date(2015, 10, 7))
    relations = (
        mention(
            text, s1, "Turkey", RelationType.BACKS, "Ahrar_al-Sham", rule="apposition_backed_by"
        ),
        mention(
            text,
            s2,
            "Russia",
            RelationType.BASED_AT,
            "Hmeymim_air_base",
            hedged=True,
            claimed_by="Russia",
            confidence=0.55,
            event_date=dt.date(2015, 9, 30),
        ),
        mention(text, s2, "Hmeymim_air_base", RelationType.LOCATED_IN, "Latakia", confidence=0.9),
        mention(
            text,
            s3,
            "Iran",
            RelationType.BACKS,
            "pro-Iranian_militias",
            negated=True,
            confidence=0.3,
        ),
    )
    return Extraction(a, (TURKEY, AHRAR, RUSSIA, HMEYMIM, LATAKIA, IRAN, MILITIAS), relations)


def yemen_extraction() -> Extraction:
    """Saudi Arabia and the UAE are allied; the coalition targets the Houthis; no date known."""
    s1 = "Saudi Arabia and the United Arab Emirates fought side by side in Yemen."
    s2 = "Coalition aircraft led by Riyadh struck Houthi positions around Hodeidah."
    text = f"{s1}\n\n{s2}"
    a = article(text, "yemen.txt")
    relations = (
        # written with the larger key first: the RDF must swap it
        mention(text, s1, "United_Arab_Emirates", RelationType.ALLIED_WITH, "Saudi_Arabia"),
        mention(text, s2, "Saudi_Arabia", RelationType.TARGETS, "Houthis", confidence=1.7),
    )
    return Extraction(a, (SAUDI, UAE, HOUTHIS), relations)


def second_syria_extraction() -> Extraction:
    """Another article that also says Turkey backs Ahrar al-Sham (and nothing about Russia)."""
    text = (
        "Turkish officials confirmed that Ankara supplied Ahrar al-Sham with trucks of ammunition."
    )
    a = article(text, "syria-2.txt", published=dt.date(2016, 2, 1))
    relations = (
        mention(text, text, "Turkey", RelationType.BACKS, "Ahrar_al-Sham", confidence=0.9),
    )
    return Extraction(a, (TURKEY, AHRAR), relations)
