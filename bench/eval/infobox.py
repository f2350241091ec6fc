"""Wikipedia infobox allies/opponents of Syrian factions (Aug 2015) vs. the signs kg extracts.

Gold has no sentences: 113 faction infoboxes list allies, opponents and
parent groups. kg reads two corpora of articles (FA-KES news, and Wikipedia
articles on the war) and every tie it asserts between two listed factions
gets a sign: + for backs/alliedWith/partOf/leads, - for targets/opposes
(one vote per article). A pair's sign is the sign of the sum.

- P (sign agreement): pairs whose sign matches the infobox, over the infobox
  pairs kg gave a sign to;
- R: the same matches over all infobox pairs (coverage times agreement).

Infobox pairs listed as both ally and opponent are dropped; the infoboxes
date from 2015, so later realignments count against kg.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from bench.eval import fakes
from bench.eval.pipeline import Engine, Result, Text, evenly
from bench.eval.score import Row, Tally, rows_from
from bench.eval.split import scored

FOLDER = "wikipedia-infobox-syria-factions-2015"
WIKI_FOLDER = "wikipedia-syria-articles-frontlines"
DEFAULT_LIMIT = 40
MAX_CHARS = 15000
_NOT_FACTION = re.compile(
    r"^File:|\b(?:offensive|conflict|insurgency|war)$|^Battle of", re.IGNORECASE
)
FIELDS = {"allies": 1, "partof": 1, "opponents": -1}
SIGNS = {
    "backs": 1,
    "alliedWith": 1,
    "partOf": 1,
    "leads": 1,
    "targets": -1,
    "opposes": -1,
}


def read_infobox(folder: Path) -> list[dict[str, object]]:
    with (folder / "factions_allies_opponents_partof.json").open(encoding="utf-8") as handle:
        records: list[dict[str, object]] = json.load(handle)
    return records


def gold_signs(records: list[dict[str, object]], engine: Engine) -> dict[frozenset[str], int]:
    """Unordered key pair -> +1/-1, for pairs the infoboxes agree on."""
    signs: dict[frozenset[str], set[int]] = defaultdict(set)
    for record in records:
        if not is_faction(str(record["name"])):
            continue
        subject = faction_key(str(record["name"]), engine)
        for field, sign in FIELDS.items():
            for other in record.get(field) or []:  # type: ignore[attr-defined]
                if not is_faction(str(other)):
                    continue
                obj = faction_key(str(other), engine)
                if obj != subject:
                    signs[frozenset((subject, obj))].add(sign)
    return {pair: next(iter(s)) for pair, s in signs.items() if len(s) == 1}


def is_faction(name: str) -> bool:
    """Infobox lists also hold flag images ("File:...") and links to battles."""
    return not _NOT_FACTION.search(re.sub(r"\s*\([^)]*\)", "", name).strip())


def faction_key(name: str, engine: Engine) -> str:
    """Wikipedia page names carry disambiguation ("Islamic Front (Syria)")."""
    plain = re.sub(r"\s*\([^)]*\)", "", name).strip() or name
    return engine.known(plain) or engine.key(plain)


def read_wikipedia(folder: Path) -> list[Text]:
    texts = []
    with (folder / "syria_articles.jsonl").open(encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            record = json.loads(line)
            if not scored("wikipedia", record.get("path") or str(i)):
                continue
            texts.append(
                Text(
                    f"wiki-{i}",
                    strip_markdown(record["text"])[:MAX_CHARS],
                    None,
                    record.get("subject"),
                )
            )
    return texts


def strip_markdown(text: str) -> str:
    """Plain prose from the mirror's Markdown: no images, link targets, tables or emphasis."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s*(?:[|!].*|#+\s*)$", "", text, flags=re.MULTILINE)
    text = re.sub(r"^#+\s*", "", text, flags=re.MULTILINE)
    return text.replace("**", "").replace("__", "")


def kg_signs(results: dict[str, Result], keys: set[str]) -> dict[frozenset[str], int]:
    """Net sign of kg's ties between listed factions, one vote per article and predicate."""
    totals: dict[frozenset[str], int] = defaultdict(int)
    for result in results.values():
        for rel in result.relations:
            sign = SIGNS.get(rel.predicate, 0)
            if sign and rel.subject in keys and rel.object in keys and rel.subject != rel.object:
                totals[frozenset((rel.subject, rel.object))] += sign
    return {pair: (1 if total > 0 else -1) for pair, total in totals.items() if total}


def agreement(gold: dict[frozenset[str], int], predicted: dict[frozenset[str], int]) -> Tally:
    scored = [pair for pair in predicted if pair in gold]
    agree = sum(predicted[pair] == gold[pair] for pair in scored)
    return Tally(gold=len(gold), found=agree, predicted=len(scored), correct=agree)


def evaluate(data_dir: Path, engine: Engine, limit: int | None = None) -> list[Row]:
    """Rows of the results table; ``limit`` caps each corpus (None: the defaults)."""
    news_limit = fakes.DEFAULT_LIMIT if limit is None else limit
    wiki_limit = DEFAULT_LIMIT if limit is None else limit
    corpora = {
        "FA-KES": fakes.texts(evenly(fakes.read_articles(data_dir / fakes.FOLDER), news_limit)),
        "Wikipedia": evenly(read_wikipedia(data_dir / WIKI_FOLDER), wiki_limit),
    }
    results = {name: engine.extract(texts, f"infobox/{name}") for name, texts in corpora.items()}
    gold = gold_signs(read_infobox(data_dir / FOLDER), engine)
    keys = {k for pair in gold for k in pair}
    rows: list[Row] = []
    for name, texts in corpora.items():
        predicted = kg_signs(results[name], keys)
        tally = agreement(gold, predicted)
        note = f"{len(texts)} articles; {len(predicted)} faction pairs signed"
        rows += rows_from("infobox", {f"sign on {name}": tally}, {f"sign on {name}": note})
    everything = {doc: r for by_doc in results.values() for doc, r in by_doc.items()}
    both = agreement(gold, kg_signs(everything, keys))
    note = f"{len(gold)} infobox pairs; P = sign agreement, R = agreeing pairs / infobox pairs"
    rows += rows_from("infobox", {"sign (both corpora)": both}, {"sign (both corpora)": note})
    return rows
