"""Score `kg extract` on the held-out articles, after checking the gold is sound.

The held-out set is a test set: it measures how well the extractor carries over
to conflicts it was not built on. Never write a rule, alias or pattern from it.

    .venv/bin/python bench/heldout/run.py            # check gold, then score
    .venv/bin/python bench/heldout/run.py --check    # check gold only
    .venv/bin/python bench/heldout/run.py --json     # also print the scorer's JSON

The scorer is the team's shared one (`/work/shared/gold/score.py`, or the path
in `KG_SCORER`); when it is absent the scoring step is skipped, with a message.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
GOLD = HERE / "gold.jsonl"
ENTITIES = HERE / "entities.json"
ARTICLES = HERE / "articles"
SCORER = Path(os.environ.get("KG_SCORER", "/work/shared/gold/score.py"))
RELATIONS = {"backs", "targets", "alliedWith", "opposes", "basedAt", "locatedIn", "partOf", "leads"}
TYPES = {"State", "ArmedGroup", "Organization", "Person", "Base", "Place"}
MIN_WORDS, MAX_WORDS = 250, 450


def norm(name: str) -> str:
    """The scorer's name normalisation (case, diacritics, hyphens, "the", al-)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace(".", "")
    s = re.sub(r"[\u2010-\u2015\-'’`ʼ_/]", " ", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return re.sub(r"\b(ash|as|ad|ar|an|at|az|adh) ", "al ", s)


def ends(value: str | list[str]) -> list[str]:
    return value if isinstance(value, list) else [value]


def check_gold() -> list[str]:
    """Every problem that would make the scores lie: unknown names, ambiguous
    aliases, markers or evidence not in the article, articles off length."""
    problems: list[str] = []
    entities = json.loads(ENTITIES.read_text())
    owners: dict[str, set[str]] = defaultdict(set)
    for name, entry in entities.items():
        if entry.get("type") not in TYPES:
            problems.append(f"entities.json: {name!r} has unknown type {entry.get('type')!r}")
        for alias in [name, *entry.get("aliases", [])]:
            owners[norm(alias)].add(name)
    for alias, names in owners.items():
        if len(names) > 1:
            problems.append(f"entities.json: alias {alias!r} belongs to {sorted(names)}")
    listed = set()
    for number, line in enumerate(GOLD.read_text().splitlines(), 1):
        art = json.loads(line)
        where = f"gold.jsonl line {number} ({art['article']})"
        path = ARTICLES / art["article"]
        listed.add(art["article"])
        if not path.is_file():
            problems.append(f"{where}: article file missing")
            continue
        text = path.read_text()
        flat = " ".join(text.split())
        words = len(text.split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            problems.append(f"{where}: {words} words, outside {MIN_WORDS}-{MAX_WORDS}")
        for marker in art["boilerplate_markers"]:
            if marker not in text:
                problems.append(f"{where}: boilerplate marker {marker!r} not in the text")
        for rel in art["relations"]:
            if rel["p"] not in RELATIONS:
                problems.append(f"{where}: unknown relation {rel['p']!r}")
            for name in ends(rel["s"]) + ends(rel["o"]) + rel.get("claimed_by", []):
                if name not in entities:
                    problems.append(f"{where}: {name!r} is not in entities.json")
            for piece in re.split(r" / | \.\.\. ", rel.get("evidence", "")):
                if piece and " ".join(piece.split()) not in flat:
                    problems.append(f"{where}: evidence {piece!r} not in the text")
    for path in ARTICLES.glob("*.txt"):
        if path.name not in listed:
            problems.append(f"{path.name}: article has no gold line")
    return problems


def score(extra: list[str]) -> int:
    if not SCORER.is_file():
        print(f"scoring skipped: the shared scorer {SCORER} is not present (set KG_SCORER)")
        return 0
    kg = REPO / ".venv" / "bin" / "kg"
    command = [
        sys.executable, str(SCORER),
        "--gold", str(GOLD), "--entities", str(ENTITIES), "--articles", str(ARTICLES),
        "--cmd", f"{shlex.quote(str(kg))} extract {{article}} --format turtle",
        "--verbose", *extra,
    ]  # fmt: skip
    return subprocess.run(command, cwd=REPO).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check the gold files only")
    parser.add_argument("--json", action="store_true", help="also print the scorer's JSON report")
    args = parser.parse_args()
    problems = check_gold()
    for problem in problems:
        print("gold problem:", problem, file=sys.stderr)
    if problems:
        return 1
    arts = GOLD.read_text().splitlines()
    rels = [r for line in arts for r in json.loads(line)["relations"]]
    counted = sum(1 for r in rels if not r.get("optional") and not r.get("negated"))
    print(f"gold ok: {len(arts)} articles, {counted} scored relations, "
          f"{sum(1 for r in rels if r.get('negated'))} denied, "
          f"{sum(1 for r in rels if r.get('optional'))} optional")  # fmt: skip
    if args.check:
        return 0
    return score(["--json"] if args.json else [])


if __name__ == "__main__":
    sys.exit(main())
