"""FA-KES: does kg name the attacker a crowd worker coded for each Syrian-war article?

Article-level gold: the ``actor`` column (VDC categories such as "syrian
government or russian troops", "international coalition forces"); articles
coded "unknown" are left out. kg's answer is the subject of its ``targets``
relations in the article:

- "attacker (top)": the subject with the most distinct targets, right when it
  is one of the category's actors (P over articles where kg names anyone);
- "attacker (any)": some targets subject is the coded actor (R), and P is
  the share of (article, subject) pairs that are.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.eval.pipeline import Engine, Text, evenly
from bench.eval.score import Row, Tally, rows_from
from bench.eval.split import scored

FOLDER = "fa-kes"
DEFAULT_LIMIT = 400
# VDC category -> names a news text uses for the actors in it.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "syrian government or russian troops": (
        "Syria",
        "Syrian Arab Army",
        "Bashar al-Assad",
        "Russia",
    ),
    "the organization of the islamic state in iraq and the levant - isis": (
        "Islamic State",
        "ISIS",
    ),
    "international coalition forces": (
        "US-led coalition",
        "United States",
        "France",
        "United Kingdom",
    ),
    "armed opposition groups": (
        "Free Syrian Army",
        "Syrian opposition",
        "Jaysh al-Islam",
        "Ahrar al-Sham",
        "Army of Conquest",
        "Faylaq al-Rahman",
        "Syrian National Army",
    ),
    "self administration forces": ("Syrian Democratic Forces", "People's Protection Units", "YPG"),
    "al-nusra front": (
        "al-Nusra Front",
        "Jabhat al-Nusra",
        "Jabhat Fateh al-Sham",
        "Hayat Tahrir al-Sham",
    ),
}


@dataclass(frozen=True)
class Article:
    unit_id: str
    title: str
    text: str
    date: dt.date | None
    actor: str


def read_articles(folder: Path) -> list[Article]:
    """Distinct articles (``unit_id`` repeats in the source) in file order."""
    seen: dict[str, Article] = {}
    with (folder / "fakes_with_crowd_fields.utf8.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = (row["article_content"] or "").strip()
            if not text or row["unit_id"] in seen or not scored("fa-kes", row["unit_id"]):
                continue
            seen[row["unit_id"]] = Article(
                row["unit_id"],
                (row["article_title"] or "").strip(),
                text,
                parse_date(row["date"]),
                (row["actor"] or "").strip().lower(),
            )
    return list(seen.values())


def parse_date(value: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(value.strip(), "%m/%d/%y").date()
    except ValueError:
        return None


def texts(articles: list[Article]) -> list[Text]:
    return [Text(f"fakes-{a.unit_id}", a.text, a.date, a.title) for a in articles]


def actor_keys(category: str, engine: Engine) -> frozenset[str]:
    keys: set[str] = set()
    for name in CATEGORIES.get(category, ()):
        known = engine.known(name)
        keys.add(known or engine.key(name))
    return frozenset(keys)


def evaluate(data_dir: Path, engine: Engine, limit: int | None = None) -> list[Row]:
    """Rows of the results table; ``limit`` caps the texts read (None: DEFAULT_LIMIT)."""
    limit = DEFAULT_LIMIT if limit is None else limit
    articles = evenly(read_articles(data_dir / FOLDER), limit)
    results = engine.extract(texts(articles), "fa-kes")
    top, any_ = Tally(), Tally()
    for article, text in zip(articles, texts(articles), strict=True):
        subjects = Counter(
            r.subject for r in results[text.doc_id].relations if r.predicate == "targets"
        )
        gold = actor_keys(article.actor, engine)
        if gold:
            top.gold += 1
            any_.gold += 1
            any_.found += bool(gold & subjects.keys())
        if subjects:
            best = subjects.most_common(1)[0][0]
            if gold:
                top.predicted += 1
                top.correct += best in gold
                top.found += best in gold
            any_.predicted += len(subjects) if gold else 0
            any_.correct += len(gold & subjects.keys())
    coded = sum(1 for a in articles if a.actor in CATEGORIES)
    return rows_from(
        "fa-kes",
        {"attacker (top)": top, "attacker (any)": any_},
        {"attacker (top)": f"{len(articles)} articles, {coded} with a coded actor"},
    )
