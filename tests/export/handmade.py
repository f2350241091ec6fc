"""A small store of hand-built extractions (our own news-style sentences) in the kg RDF layout.

Written through ``kg.rdf.triples.extraction_quads`` into a real pyoxigraph
store, so exports, SPARQL and the web views see exactly what ingest writes.
Covers several conflicts (Yemen, Libya, Ukraine, Sudan), a hedged claim, an
attributed claim, a denial, a generic group, a base, and an actor whose name
is an XSS payload (a name the spaCy extractor would not take, so it is added
here per the RDF layout).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from kg.model import Article, Entity, EntityType, Extraction, RelationMention, RelationType

BASE = "http://localhost:8000/"
SCRIPT_NAME = "<script>window.__xss=1;alert(1)</script>"
IMG_NAME = '"><img src=x onerror="window.__xss=2;alert(2)">'

IRAN = Entity("Iran", "Iran", EntityType.STATE, ("Tehran",), "Q794")
HOUTHIS = Entity("Houthis", "Houthis", EntityType.ARMED_GROUP, ("Ansar Allah",), "Q1141730")
SAUDI = Entity("Saudi_Arabia", "Saudi Arabia", EntityType.STATE, ("Riyadh",), "Q851")
UAE = Entity("United_Arab_Emirates", "United Arab Emirates", EntityType.STATE, ("UAE",), "Q878")
STC = Entity(
    "Southern_Transitional_Council", "Southern Transitional Council", EntityType.ARMED_GROUP
)
TURKEY = Entity("Turkey", "Turkey", EntityType.STATE, ("Ankara",), "Q43")
GNA = Entity("Government_of_National_Accord", "Government of National Accord", EntityType.STATE)
LNA = Entity("Libyan_National_Army", "Libyan National Army", EntityType.ARMED_GROUP, ("LNA",))
HAFTAR = Entity("Khalifa_Haftar", "Khalifa Haftar", EntityType.PERSON, ("Haftar",), "Q1739876")
RUSSIA = Entity("Russia", "Russia", EntityType.STATE, ("Moscow",), "Q159")
WAGNER = Entity("Wagner_Group", "Wagner Group", EntityType.ARMED_GROUP, ("Wagner",))
UKRAINE = Entity("Ukraine", "Ukraine", EntityType.STATE, ("Kyiv",), "Q212")
RSF = Entity("Rapid_Support_Forces", "Rapid Support Forces", EntityType.ARMED_GROUP, ("RSF",))
SAF = Entity("Sudanese_Armed_Forces", "Sudanese Armed Forces", EntityType.STATE, ("SAF",))
AL_WATIYA = Entity("Al-Watiya_air_base", "Al-Watiya air base", EntityType.BASE)
PRO_IRAN = Entity(
    "pro-Iranian_militias", "pro-Iranian militias", EntityType.ARMED_GROUP, group_of="Iran"
)
XSS_SCRIPT = Entity("xss-script-group", SCRIPT_NAME, EntityType.ARMED_GROUP, (IMG_NAME,))


def _article(text: str, source: str, title: str, published: dt.date, url: str) -> Article:
    return Article(
        id=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        source=source,
        title=title,
        url=url,
        published=published,
    )


def _m(
    text: str, sentence: str, s: Entity, p: RelationType, o: Entity, conf: float = 0.8, **kw: object
) -> RelationMention:
    start = text.index(sentence)
    return RelationMention(
        subject=s.key,
        predicate=p,
        object=o.key,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        confidence=conf,
        rule="handmade",
        **kw,  # type: ignore[arg-type]
    )


def extractions() -> list[Extraction]:
    """Five articles; every relation below is stated by a sentence of its article."""
    out: list[Extraction] = []

    t1 = (
        "Iran has supplied the Houthis with drones and missile parts, according to a UN panel. "
        "Saudi Arabia struck Houthi positions around Saada on Tuesday. "
        "Saudi Arabia has been at war with the Houthis since 2015. "
        "Tehran denied that it arms pro-Iranian militias in Yemen."
    )
    a1 = _article(
        t1,
        "handmade/yemen.txt",
        "Yemen: drones and strikes",
        dt.date(2019, 5, 14),
        "https://news.example.org/yemen-drones",
    )
    out.append(
        Extraction(
            a1,
            (IRAN, HOUTHIS, SAUDI, PRO_IRAN),
            (
                _m(t1, t1.split(". ")[0] + ".", IRAN, RelationType.BACKS, HOUTHIS, 0.9),
                _m(
                    t1,
                    "Saudi Arabia struck Houthi positions around Saada on Tuesday.",
                    SAUDI,
                    RelationType.TARGETS,
                    HOUTHIS,
                    0.85,
                ),
                _m(
                    t1,
                    "Saudi Arabia has been at war with the Houthis since 2015.",
                    SAUDI,
                    RelationType.OPPOSES,
                    HOUTHIS,
                    0.8,
                ),
                _m(
                    t1,
                    "Tehran denied that it arms pro-Iranian militias in Yemen.",
                    IRAN,
                    RelationType.BACKS,
                    PRO_IRAN,
                    0.7,
                    negated=True,
                ),
            ),
        )
    )

    t2 = (
        "The United Arab Emirates fought alongside Saudi Arabia in Aden. "
        "The UAE reportedly funds the Southern Transitional Council."
    )
    a2 = _article(
        t2,
        "handmade/aden.txt",
        "Aden coalition",
        dt.date(2019, 8, 10),
        "https://news.example.org/aden",
    )
    out.append(
        Extraction(
            a2,
            (UAE, SAUDI, STC),
            (
                _m(
                    t2,
                    "The United Arab Emirates fought alongside Saudi Arabia in Aden.",
                    UAE,
                    RelationType.ALLIED_WITH,
                    SAUDI,
                    0.8,
                ),
                _m(
                    t2,
                    "The UAE reportedly funds the Southern Transitional Council.",
                    UAE,
                    RelationType.BACKS,
                    STC,
                    0.6,
                    hedged=True,
                ),
            ),
        )
    )

    t3 = (
        "Turkey sent drones to the Government of National Accord in Tripoli. "
        "Khalifa Haftar commands the Libyan National Army. "
        "The GNA said Wagner Group fighters were fighting for Haftar's forces. "
        "Turkish jets are based at Al-Watiya air base."
    )
    a3 = _article(
        t3,
        "handmade/tripoli.txt",
        "Tripoli: drones and mercenaries",
        dt.date(2020, 6, 2),
        "https://news.example.org/tripoli",
    )
    out.append(
        Extraction(
            a3,
            (TURKEY, GNA, LNA, HAFTAR, WAGNER, AL_WATIYA),
            (
                _m(
                    t3,
                    "Turkey sent drones to the Government of National Accord in Tripoli.",
                    TURKEY,
                    RelationType.BACKS,
                    GNA,
                    0.9,
                ),
                _m(
                    t3,
                    "Khalifa Haftar commands the Libyan National Army.",
                    HAFTAR,
                    RelationType.LEADS,
                    LNA,
                    0.9,
                ),
                _m(
                    t3,
                    "The GNA said Wagner Group fighters were fighting for Haftar's forces.",
                    WAGNER,
                    RelationType.BACKS,
                    LNA,
                    0.7,
                    claimed_by=GNA.key,
                ),
                _m(
                    t3,
                    "Turkish jets are based at Al-Watiya air base.",
                    TURKEY,
                    RelationType.BASED_AT,
                    AL_WATIYA,
                    0.8,
                ),
            ),
        )
    )

    t4 = (
        "Russian missiles struck energy sites across Ukraine overnight. "
        "Wagner Group fighters led the assault on Bakhmut for Moscow."
    )
    a4 = _article(
        t4,
        "handmade/ukraine.txt",
        "Missiles over Ukraine",
        dt.date(2022, 10, 10),
        "https://news.example.org/ukraine",
    )
    out.append(
        Extraction(
            a4,
            (RUSSIA, UKRAINE, WAGNER),
            (
                _m(
                    t4,
                    "Russian missiles struck energy sites across Ukraine overnight.",
                    RUSSIA,
                    RelationType.TARGETS,
                    UKRAINE,
                    0.9,
                ),
                _m(
                    t4,
                    "Wagner Group fighters led the assault on Bakhmut for Moscow.",
                    RUSSIA,
                    RelationType.BACKS,
                    WAGNER,
                    0.75,
                ),
            ),
        )
    )

    t5 = (
        "The Rapid Support Forces are at war with the Sudanese Armed Forces in Khartoum. "
        f"A militia calling itself {SCRIPT_NAME} shelled RSF positions near Omdurman."
    )
    a5 = _article(
        t5,
        "handmade/khartoum.txt",
        f"Khartoum fighting {IMG_NAME}",
        dt.date(2023, 5, 1),
        "https://news.example.org/khartoum",
    )
    out.append(
        Extraction(
            a5,
            (RSF, SAF, XSS_SCRIPT),
            (
                _m(
                    t5,
                    "The Rapid Support Forces are at war with the Sudanese Armed Forces in Khartoum.",
                    RSF,
                    RelationType.OPPOSES,
                    SAF,
                    0.85,
                ),
                _m(
                    t5,
                    f"A militia calling itself {SCRIPT_NAME} shelled RSF positions near Omdurman.",
                    XSS_SCRIPT,
                    RelationType.TARGETS,
                    RSF,
                    0.8,
                ),
            ),
        )
    )
    return out


def fill(store: object, base: str = BASE) -> list[str]:
    """Adds the hand-made articles to a kg store; returns their ids."""
    from kg.rdf.triples import extraction_quads

    ids = []
    for extraction in extractions():
        store.add(extraction.article.id, extraction_quads(extraction, base))  # type: ignore[attr-defined]
        ids.append(extraction.article.id)
    return ids
