"""Checks of the harness's own logic (no eval data, no spaCy): run with
``.venv/bin/pytest bench/eval -q``."""

from __future__ import annotations

import datetime as dt

from bench.eval import acled, conflibert, infobox, ucdp
from bench.eval.actor_names import candidate_names, is_generic
from bench.eval.pipeline import Text
from bench.eval.report import numbers, table
from bench.eval.score import Case, GoldEntity, GoldRelation, Predicted, Row, score_case

TARGETS = frozenset({"targets"})
LABELS = {"targets": TARGETS}


def ent(*keys: str) -> GoldEntity:
    return GoldEntity(frozenset(keys), keys[0])


def test_acled_names_lose_their_coding_decorations() -> None:
    assert candidate_names("Military Forces of Sudan (2019-)") == ["Sudan"]
    assert candidate_names("Police Forces of Mali (2021-) Gendarmerie") == ["Mali"]
    assert candidate_names("Military Forces of the United States (2021-)") == ["United States"]
    assert candidate_names("RSF: Rapid Support Forces") == ["Rapid Support Forces", "RSF"]
    assert candidate_names("Government of Ukraine") == ["Ukraine"]
    assert candidate_names("JNIM: Group for Support of Islam and Muslims")[-1] == "JNIM"
    assert candidate_names("Wagner Group - Africa Corps") == ["Wagner Group", "Africa Corps"]
    # a named unit of a state's forces is the unit, and the state acting through it
    assert candidate_names("Military Forces of Yemen (2012-) Giants Brigade") == [
        "Giants Brigade",
        "Yemen",
    ]


def test_rival_governments_are_not_the_state() -> None:
    names = candidate_names("Military Forces of Libya (2014-) Haftar Faction")
    assert "Libyan National Army" in names and "Libya" not in names


def test_catch_all_categories_name_no_actor() -> None:
    for name in (
        "Civilians (Mali)",
        "Unidentified Armed Group (Sudan)",
        "Protesters (Niger)",
        "Militia (Pro-Government)",
    ):
        assert is_generic(name) and candidate_names(name) == []
    assert not is_generic("Wagner Group")


def test_found_and_wrong_relations_are_counted() -> None:
    case = Case("d", (GoldRelation("targets", ent("RSF"), ent("Sudan"), TARGETS),))
    right = score_case(case, [Predicted("RSF", "targets", "Sudan")], LABELS)["targets"]
    assert (right.found, right.correct, right.predicted) == (1, 1, 1)
    reversed_ = score_case(case, [Predicted("Sudan", "targets", "RSF")], LABELS)["targets"]
    assert (reversed_.found, reversed_.correct, reversed_.predicted) == (0, 0, 1)


def test_clashes_match_either_way_round() -> None:
    case = Case("d", (GoldRelation("targets", ent("RSF"), ent("Sudan"), TARGETS, either_way=True),))
    assert score_case(case, [Predicted("Sudan", "targets", "RSF")], LABELS)["targets"].found == 1


def test_relations_between_unannotated_entities_are_out_of_scope() -> None:
    case = Case("d", (GoldRelation("targets", ent("RSF"), ent("Sudan"), TARGETS),))
    tally = score_case(case, [Predicted("RSF", "targets", "El_Fasher")], LABELS)["targets"]
    assert (tally.predicted, tally.out_of_scope) == (0, 1)
    assert tally.open_precision == 0.0 and tally.precision is None


def test_optional_gold_is_neither_required_nor_penalised() -> None:
    gold = GoldRelation("targets", ent("Russia"), ent("Ukraine"), TARGETS)
    optional = GoldRelation("targets", ent("Wagner"), ent("Ukraine"), TARGETS)
    case = Case("d", (gold,), (optional,))
    tally = score_case(case, [Predicted("Wagner", "targets", "Ukraine")], LABELS)["targets"]
    assert (tally.gold, tally.found, tally.predicted) == (1, 0, 0)


def test_recall_given_entities_counts_only_texts_where_both_were_seen() -> None:
    case = Case("d", (GoldRelation("targets", ent("RSF"), ent("Sudan"), TARGETS),))
    seen = score_case(case, [], LABELS, frozenset({"RSF", "Sudan"}))["targets"]
    unseen = score_case(case, [], LABELS, frozenset({"RSF"}))["targets"]
    assert seen.gold_with_entities == 1 and unseen.gold_with_entities == 0


def test_dates_of_each_export_format() -> None:
    assert acled.parse_date("4-Mar-21") == dt.date(2021, 3, 4)
    assert acled.parse_date("10/03/2024 00:00:00") == dt.date(2024, 3, 10)
    assert ucdp.parse_date("8/31/2022 12:00:00 AM") == dt.date(2022, 8, 31)


def test_bio_tags_become_spans() -> None:
    tokens = [
        ["Sudanese", "B-S"],
        ["troops", "I-S"],
        ["shelled", "O"],
        ["RSF", "B-T"],
        ["positions", "I-T"],
    ]
    assert conflibert.spans_of(tokens) == (("S", "Sudanese troops"), ("T", "RSF positions"))


def test_infobox_sign_agreement() -> None:
    gold = {frozenset({"A", "B"}): 1, frozenset({"A", "C"}): -1, frozenset({"B", "C"}): -1}
    tally = infobox.agreement(gold, {frozenset({"A", "B"}): 1, frozenset({"A", "C"}): 1})
    assert (tally.predicted, tally.correct, tally.gold) == (2, 1, 3)


def test_markdown_is_reduced_to_prose() -> None:
    text = "The **battle** near [Sirte](https://x.org/Sirte) ended.\n| a | b |\n## Aftermath\n![map](m.svg)"
    assert infobox.strip_markdown(text).split() == [
        "The",
        "battle",
        "near",
        "Sirte",
        "ended.",
        "Aftermath",
    ]


def test_table_shows_the_change_against_a_baseline() -> None:
    case = Case("d", (GoldRelation("targets", ent("RSF"), ent("Sudan"), TARGETS),))
    tally = score_case(case, [Predicted("RSF", "targets", "Sudan")], LABELS)["targets"]
    rows = [Row("demo", "targets", tally)]
    before = numbers(rows)
    before["demo / targets"]["f1"] = 0.25
    assert "+0.75" in table(rows, before, "before")


def test_a_generic_group_matches_its_backer() -> None:
    case = Case("d", (GoldRelation("targets", ent("Houthis"), ent("Yemen"), TARGETS),))
    pred = Predicted("pro-Houthi_fighters", "targets", "Yemen", subject_group="Houthis")
    assert score_case(case, [pred], LABELS)["targets"].found == 1


def test_a_tie_between_a_group_and_its_own_backer_is_not_scored() -> None:
    case = Case("d", (GoldRelation("targets", ent("Houthis"), ent("Yemen"), TARGETS),))
    pred = Predicted("Houthis", "targets", "pro-Houthi_fighters", object_group="Houthis")
    tally = score_case(case, [pred], LABELS)["targets"]
    assert (tally.predicted, tally.out_of_scope) == (0, 1)


def test_gold_spans_resolve_through_kg_names() -> None:
    from bench.eval.pipeline import Engine

    engine = Engine(progress=False)
    russia = engine.key("Russia")
    assert russia in engine.entity("Russian warplanes over Idlib", head_only=True).keys
    # names after the head's first preposition are not the span's entity
    assert russia not in engine.entity("rebels in the Russian-held zone", head_only=True).keys
    assert engine.named([Text("t", "Russian jets struck the town.")])["t"] >= {russia}
    # a leader stands for what they lead, as kg's guidelines say
    assert russia in engine.entity("President Vladimir Putin").keys


def test_with_annotated_pairs_only_those_pairs_are_scored() -> None:
    gold = GoldRelation("targets", ent("Israel"), ent("Hezbollah"), TARGETS)
    case = Case("d", (gold,), pairs=((ent("Israel"), ent("Hezbollah")),))
    unrelated = score_case(case, [Predicted("Israel", "targets", "Syria")], LABELS)["targets"]
    reversed_ = score_case(case, [Predicted("Hezbollah", "targets", "Israel")], LABELS)["targets"]
    assert (unrelated.predicted, unrelated.out_of_scope) == (0, 1)
    assert (reversed_.predicted, reversed_.correct) == (1, 0)


def test_the_other_half_is_exactly_the_rows_the_default_run_skips() -> None:
    from bench.eval.split import held_out, read_other_half, scored

    ids = [f"YEM{n}" for n in range(400)]
    try:
        default = {i for i in ids if scored("acled", i)}
        read_other_half()
        other = {i for i in ids if scored("acled", i)}
    finally:
        read_other_half(False)
    assert default == {i for i in ids if held_out("acled", i)}
    assert default.isdisjoint(other) and default | other == set(ids)
    assert 150 < len(default) < 250  # a hash split, about half each
