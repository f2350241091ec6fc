"""Check a gold set of the team's own articles, then score `kg extract` on it.

bench/heldout and bench/blind are two such sets with one layout
(``articles/*.txt``, ``gold.jsonl``, ``entities.json``); this module is the
runner both use. The check comes first because a gold file that names an
unknown entity, lists an alias twice or quotes evidence that is not in its
article would make the score mean something else than it says, silently.
The scorer is the team's shared one (``/work/shared/gold/score.py``, or the
path in ``KG_SCORER``); when it is absent the check still runs and scoring
is skipped with a message.
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

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SCORER = Path("/work/shared/gold/score.py")
RELATIONS = {"backs", "targets", "alliedWith", "opposes", "basedAt", "locatedIn", "partOf", "leads"}
TYPES = {"State", "ArmedGroup", "Organization", "Person", "Base", "Place"}
MIN_WORDS, MAX_WORDS = 250, 450


def norm(name: str) -> str:
    """The scorer's normalisation, so that alias clashes are seen as it sees them."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace(".", "")
    s = re.sub(r"[\u2010-\u2015\-'’`ʼ_/]", " ", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return re.sub(r"\b(ash|as|ad|ar|an|at|az|adh) ", "al ", s)


def flat(text: str) -> str:
    return " ".join(text.split())


def ends(value: str | list[str]) -> list[str]:
    return value if isinstance(value, list) else [value]


def check(folder: Path, shared_aliases: frozenset[str] = frozenset()) -> list[str]:
    """Every problem that would make the score lie. ``shared_aliases`` (normalised)
    may belong to two entities: a capital used both as a place and for its state."""
    problems: list[str] = []
    entities = json.loads((folder / "entities.json").read_text())
    owners: dict[str, set[str]] = defaultdict(set)
    for name, info in entities.items():
        if info.get("type") not in TYPES:
            problems.append(f"entities.json: {name!r} has unknown type {info.get('type')!r}")
        for alias in [name, *info.get("aliases", [])]:
            owners[norm(alias)].add(name)
    for alias, names in sorted(owners.items()):
        if len(names) > 1 and alias not in shared_aliases:
            problems.append(f"entities.json: alias {alias!r} belongs to {sorted(names)}")
    seen_files = set()
    lines = (folder / "gold.jsonl").read_text().splitlines()
    for n, line in enumerate(lines, 1):
        art = json.loads(line)
        where = f"gold.jsonl line {n} ({art['article']})"
        path = folder / "articles" / art["article"]
        seen_files.add(art["article"])
        if not path.is_file():
            problems.append(f"{where}: article file missing")
            continue
        text = path.read_text()
        words = len(text.split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            problems.append(f"{where}: {words} words, outside {MIN_WORDS}-{MAX_WORDS}")
        for marker in art.get("boilerplate_markers", []):
            if marker not in text:
                problems.append(f"{where}: boilerplate marker not in text: {marker!r}")
        asserted = set()
        for rel in art["relations"]:
            label = f"{rel['s']} {rel['p']} {rel['o']}"
            if rel["p"] not in RELATIONS:
                problems.append(f"{where}: unknown relation {rel['p']!r} in {label}")
            for name in ends(rel["s"]) + ends(rel["o"]) + rel.get("claimed_by", []):
                if name not in entities:
                    problems.append(f"{where}: {name!r} is not in entities.json ({label})")
            key = (str(rel["s"]), rel["p"], str(rel["o"]), bool(rel.get("negated")))
            if key in asserted and not rel.get("optional"):
                problems.append(f"{where}: {label} annotated twice (the second can never match)")
            if not rel.get("optional"):
                asserted.add(key)
            for piece in re.split(r" / | \.\.\. ", rel.get("evidence", "")):
                if piece and flat(piece) not in flat(text):
                    problems.append(f"{where}: evidence not in article: {piece!r}")
    for path in sorted((folder / "articles").glob("*.txt")):
        if path.name not in seen_files:
            problems.append(f"{path.name}: article without a gold line")
    return problems


def summary(folder: Path) -> str:
    """What the score is over: articles, scored, denied and optional relations."""
    arts = (folder / "gold.jsonl").read_text().splitlines()
    rels = [r for line in arts for r in json.loads(line)["relations"]]
    counted = sum(1 for r in rels if not r.get("optional") and not r.get("negated"))
    denied = sum(1 for r in rels if r.get("negated"))
    optional = sum(1 for r in rels if r.get("optional"))
    return f"{len(arts)} articles, {counted} scored relations, {denied} denied, {optional} optional"


def main(folder: Path, description: str, shared_aliases: frozenset[str] = frozenset()) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="only check the gold")
    parser.add_argument("--json", action="store_true", help="also print the scorer's JSON report")
    parser.add_argument("--cmd", default=".venv/bin/kg extract {article} --format turtle")
    args = parser.parse_args()
    problems = check(folder, shared_aliases)
    for problem in problems:
        print("gold check:", problem, file=sys.stderr)
    if problems:
        print(f"gold check failed: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"gold check passed: {summary(folder)}", file=sys.stderr)
    if args.check:
        return 0
    scorer = Path(os.environ.get("KG_SCORER", DEFAULT_SCORER))
    if not scorer.is_file():
        print(
            f"scoring skipped: no scorer at {scorer} (set KG_SCORER to its path)", file=sys.stderr
        )
        return 0
    gold, entities, articles = folder / "gold.jsonl", folder / "entities.json", folder / "articles"
    command = [sys.executable, str(scorer), "--gold", str(gold), "--entities", str(entities)]
    command += ["--articles", str(articles), "--cmd", args.cmd, "--verbose"]
    if args.json:
        command.append("--json")
    print("running:", shlex.join(command), file=sys.stderr)
    return subprocess.run(command, cwd=REPO).returncode
