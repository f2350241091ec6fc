"""Precision, recall and F1 of kg's relations against gold converted from a dataset.

Every dataset module turns its rows into ``Case`` objects (one per text kg
reads) and the shared ``score_cases`` counts matches, so all datasets are
scored the same way:

- a gold relation is found when a (non-negated) kg relation of an accepted
  predicate links an entity matching its subject to one matching its object
  (either way round when the gold says direction does not matter);
- a kg relation that matches no gold relation is a false positive only when
  both its ends match entities the gold annotates in that text ("in scope"):
  the datasets code some actors and not others, so a relation between
  unannotated entities can be neither confirmed nor refuted. Those are
  counted apart (``out_of_scope``) and give the "open" precision, a lower
  bound;
- ``optional`` gold relations (e.g. an associated actor of an ACLED event
  fighting the other side) are neither required nor penalised.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class GoldEntity:
    """A gold actor: the kg entity keys accepted for it and how the data wrote it."""

    keys: frozenset[str]
    surface: str


@dataclass(frozen=True)
class GoldRelation:
    """One relation the dataset codes; ``accepts`` lists the kg predicates that count."""

    label: str
    subject: GoldEntity
    object: GoldEntity
    accepts: frozenset[str]
    either_way: bool = False


@dataclass(frozen=True)
class Predicted:
    """One distinct kg relation asserted in a text (keys of its two entities).

    ``subject_group``/``object_group`` is the backer's key when that end is
    an unnamed generic group ("pro-Houthi forces" -> Houthis): event data
    codes such groups as their side, so the backer's key matches too.
    """

    subject: str
    predicate: str
    object: str
    subject_group: str | None = None
    object_group: str | None = None


@dataclass(frozen=True)
class Case:
    """One text with its gold, optional gold and annotated entities (the scope)."""

    doc_id: str
    gold: tuple[GoldRelation, ...]
    optional: tuple[GoldRelation, ...] = ()
    scope: tuple[GoldEntity, ...] = ()
    # When given, only a pair the annotators related in some way is in scope
    # (for corpora whose relation annotation is not exhaustive).
    pairs: tuple[tuple[GoldEntity, GoldEntity], ...] = ()


@dataclass
class Tally:
    """Counts for one (dataset, relation label) row of the results table."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    out_of_scope: int = 0
    gold_with_entities: int = 0
    found_with_entities: int = 0
    gold_named: int = 0
    found_named: int = 0
    substitutes: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.found += other.found
        self.predicted += other.predicted
        self.correct += other.correct
        self.out_of_scope += other.out_of_scope
        self.gold_with_entities += other.gold_with_entities
        self.found_with_entities += other.found_with_entities
        self.gold_named += other.gold_named
        self.found_named += other.found_named
        self.substitutes.update(other.substitutes)

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)

    @property
    def open_precision(self) -> float | None:
        total = self.predicted + self.out_of_scope
        return self.correct / total if total else None

    @property
    def recall_given_entities(self) -> float | None:
        """Recall over gold relations whose two entities kg used in some relation of the text."""
        if not self.gold_with_entities:
            return None
        return self.found_with_entities / self.gold_with_entities

    @property
    def recall_named(self) -> float | None:
        """Recall over gold relations whose two ends are named in the text (by kg's dictionary)."""
        return self.found_named / self.gold_named if self.gold_named else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def matches(gold: GoldEntity, key: str, group: str | None = None) -> bool:
    return key in gold.keys or (group is not None and group in gold.keys)


def relation_matches(gold: GoldRelation, pred: Predicted) -> bool:
    if pred.predicate not in gold.accepts:
        return False
    subject = (pred.subject, pred.subject_group)
    obj = (pred.object, pred.object_group)
    if matches(gold.subject, *subject) and matches(gold.object, *obj):
        return True
    return gold.either_way and matches(gold.subject, *obj) and matches(gold.object, *subject)


def score_case(
    case: Case,
    predicted: Iterable[Predicted],
    labels: dict[str, frozenset[str]],
    entities_found: frozenset[str] = frozenset(),
    named: frozenset[str] = frozenset(),
) -> dict[str, Tally]:
    """Tallies per label for one text; ``labels`` maps each label to the predicates it
    counts, ``entities_found`` are the entity keys kg used in the text and ``named``
    the keys of dictionary names that occur in it."""
    preds = list(dict.fromkeys(predicted))
    tallies: dict[str, Tally] = {}
    for label, accepts in labels.items():
        gold = [g for g in case.gold if g.label == label]
        optional = [g for g in case.optional if g.label == label]
        candidates = [p for p in preds if p.predicate in accepts]
        tally = Tally(gold=len(gold))
        for g in gold:
            hit = any(relation_matches(g, p) for p in candidates)
            tally.found += hit
            both_seen = bool(g.subject.keys & entities_found) and bool(
                g.object.keys & entities_found
            )
            tally.gold_with_entities += both_seen
            tally.found_with_entities += hit and both_seen
            both_named = bool(g.subject.keys & named) and bool(g.object.keys & named)
            tally.gold_named += both_named
            tally.found_named += hit and both_named
            if not hit:
                tally.substitutes.update(_substitutes(g, candidates))
        for p in candidates:
            if any(relation_matches(g, p) for g in gold):
                tally.predicted += 1
                tally.correct += 1
            elif any(relation_matches(g, p) for g in optional):
                continue
            elif _in_scope(case, p):
                tally.predicted += 1
            else:
                tally.out_of_scope += 1
        tallies[label] = tally
    return tallies


def _substitutes(gold: GoldRelation, candidates: list[Predicted]) -> set[str]:
    """For a missed relation, the kg entities that stood where one gold end should be.

    "Yemen -> pro-Hadi_forces" says kg linked the right other end, but to an
    entity the gold does not accept in place of Yemen: a resolution gap.
    """
    found = set()
    for p in candidates:
        ends = [((p.subject, p.subject_group), (p.object, p.object_group))]
        if gold.either_way:
            ends.append(((p.object, p.object_group), (p.subject, p.subject_group)))
        for subject, obj in ends:
            if matches(gold.subject, *subject) and not matches(gold.object, *obj):
                found.add(f"{gold.object.surface} -> {obj[0]}")
            elif matches(gold.object, *obj) and not matches(gold.subject, *subject):
                found.add(f"{gold.subject.surface} -> {subject[0]}")
    return found


def _in_scope(case: Case, pred: Predicted) -> bool:
    """Both ends match annotated entities, and not the same one ("X backs pro-X forces")."""
    if case.pairs:
        subject, obj = (pred.subject, pred.subject_group), (pred.object, pred.object_group)
        return any(
            (matches(a, *subject) and matches(b, *obj))
            or (matches(a, *obj) and matches(b, *subject))
            for a, b in case.pairs
        )
    scope = case.scope or tuple(
        e for g in (*case.gold, *case.optional) for e in (g.subject, g.object)
    )
    subjects = [e for e in scope if matches(e, pred.subject, pred.subject_group)]
    objects = [e for e in scope if matches(e, pred.object, pred.object_group)]
    return any(s.keys.isdisjoint(o.keys) for s in subjects for o in objects)


def score_cases(
    cases: Sequence[Case],
    labels: dict[str, frozenset[str]],
    predictions: dict[str, list[Predicted]],
    entities: dict[str, frozenset[str]] | None = None,
    named: dict[str, frozenset[str]] | None = None,
) -> dict[str, Tally]:
    """Micro-summed tallies per label over all cases."""
    totals: dict[str, Tally] = {label: Tally() for label in labels}
    for case in cases:
        found = (entities or {}).get(case.doc_id, frozenset())
        in_text = (named or {}).get(case.doc_id, frozenset())
        preds = predictions.get(case.doc_id, [])
        for label, tally in score_case(case, preds, labels, found, in_text).items():
            totals.setdefault(label, Tally()).add(tally)
    return totals


@dataclass
class Row:
    """One line of the results table."""

    dataset: str
    relation: str
    tally: Tally
    note: str = ""


def rows_from(
    dataset: str, tallies: dict[str, Tally], notes: dict[str, str] | None = None
) -> list[Row]:
    return [Row(dataset, label, t, (notes or {}).get(label, "")) for label, t in tallies.items()]
