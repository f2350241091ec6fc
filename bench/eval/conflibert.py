"""ConfliBERT's CAMEO sentences: source/target actor spans with an event class.

The held-out ``test`` split is used (the ``train`` split is left for anyone
training a component). The BIO tags give source (S), target (T) and
reciprocal (R) spans; the aligned ``cameo_class`` label gives the kind of
event. The labels are undocumented upstream; they read as CAMEO quad
classes (1-2 cooperation, 3 verbal conflict, 4 material conflict, 0
neutral), which is how they are used:

    4    -> targets (S -> T)
    3, 4 -> conflict: targets or opposes, either way
    1, 2 -> cooperation: backs or alliedWith, either way

Reciprocal spans pair with each other, either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bench.eval.pipeline import Engine, Text, entities, evenly, predictions
from bench.eval.score import Case, GoldEntity, GoldRelation, Row, rows_from, score_cases

FOLDER = "conflibert-cameo"
DEFAULT_LIMIT = 451
LABELS = {
    "targets (class 4)": frozenset({"targets"}),
    "conflict (class 3-4)": frozenset({"targets", "opposes"}),
    "cooperation (class 1-2)": frozenset({"backs", "alliedWith"}),
}


@dataclass(frozen=True)
class Sentence:
    sent_id: str
    text: str
    label: int | None
    spans: tuple[tuple[str, str], ...]  # (role S/T/R, text)


def read_sentences(folder: Path, split: str = "test") -> list[Sentence]:
    blocks = (
        (folder / "cameo_ner" / f"{split}.txt").read_text(encoding="utf-8").strip().split("\n\n")
    )
    lines = (folder / "cameo_class" / f"{split}.tsv").read_text(encoding="utf-8").splitlines()
    classes = [line.rsplit("\t", 1) for line in lines if "\t" in line]
    sentences = []
    for i, block in enumerate(blocks):
        tokens = [
            line.rsplit(" ", 1) if " " in line else [line, "O"] for line in block.splitlines()
        ]
        text, label = " ".join(t for t, _ in tokens), None
        if i < len(classes) and _letters(classes[i][0]) == _letters(text):
            text, label = classes[i][0], int(classes[i][1])
        sentences.append(Sentence(f"{split}-{i}", text, label, spans_of(tokens)))
    return sentences


def spans_of(tokens: list[list[str]]) -> tuple[tuple[str, str], ...]:
    """(role, text) spans from BIO tags such as B-S, I-S, B-T."""
    spans: list[tuple[str, list[str]]] = []
    for token, tag in tokens:
        if tag.startswith("B-") or (
            tag.startswith("I-") and (not spans or spans[-1][0] != tag[2:])
        ):
            spans.append((tag[2:], [token]))
        elif tag.startswith("I-"):
            spans[-1][1].append(token)
        else:
            spans.append(("", []))
    return tuple((role, _detokenize(words)) for role, words in spans if role)


def to_case(sentence: Sentence, engine: Engine) -> Case:
    by_role: dict[str, list[GoldEntity]] = {"S": [], "T": [], "R": []}
    for role, text in sentence.spans:
        by_role.setdefault(role, []).append(engine.entity(text, head_only=True))
    pairs = [(s, t, False) for s in by_role["S"] for t in by_role["T"]]
    reciprocal = by_role["R"]
    pairs += [(a, b, True) for i, a in enumerate(reciprocal) for b in reciprocal[i + 1 :]]
    gold: list[GoldRelation] = []
    for s, t, mutual in pairs:
        if s.keys & t.keys:
            continue
        if sentence.label == 4:
            gold.append(
                GoldRelation("targets (class 4)", s, t, LABELS["targets (class 4)"], mutual)
            )
        if sentence.label in (3, 4):
            gold.append(
                GoldRelation("conflict (class 3-4)", s, t, LABELS["conflict (class 3-4)"], True)
            )
        if sentence.label in (1, 2):
            label = "cooperation (class 1-2)"
            gold.append(GoldRelation(label, s, t, LABELS[label], True))
    scope = tuple(e for group in by_role.values() for e in group)
    return Case(sentence.sent_id, tuple(gold), (), scope)


def evaluate(data_dir: Path, engine: Engine, limit: int | None = None) -> list[Row]:
    """Rows of the results table; ``limit`` caps the texts read (None: DEFAULT_LIMIT)."""
    limit = DEFAULT_LIMIT if limit is None else limit
    sentences = evenly(read_sentences(data_dir / FOLDER), limit)
    texts = [Text(s.sent_id, s.text) for s in sentences]
    results = engine.extract(texts, "conflibert")
    cases = [to_case(s, engine) for s in sentences]
    tallies = score_cases(
        cases, LABELS, predictions(results), entities(results), engine.named(texts)
    )
    return rows_from(
        "conflibert", tallies, {"targets (class 4)": f"{len(sentences)} test sentences"}
    )


def _letters(text: str) -> str:
    return re.sub(r"\W", "", text)


def _detokenize(words: list[str]) -> str:
    text = " ".join(words)
    return re.sub(r"\s+([’',.;:)])|([(])\s+", lambda m: m.group(1) or m.group(2), text)
