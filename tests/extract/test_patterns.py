"""Pattern and tree-helper tests on hand-built Docs (no model in the loop).

As in spaCy's own matcher tests, each Doc is given its words, heads, labels,
tags and lemmas, so these tests pin the rules down whatever the parser does.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

import kg.extract.extensions  # noqa: F401
from kg.extract.relations import RelationFinder
from kg.extract.syntax import clause_actor, conjuncts, is_passive
from kg.extract.types import ActorMention
from kg.model import EntityType


def build(vocab: Vocab, rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """rows: (word, head index, dep, POS, tag, lemma)."""
    words, heads, deps, pos, tags, lemmas = (list(x) for x in zip(*rows, strict=True))
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def mention(
    doc: Doc, start: int, end: int, kind: EntityType, name: str | None = None
) -> ActorMention:
    text = doc[start:end].text
    return ActorMention(start, end, text, name or text, kind, "dictionary")


# "Ahrar al-Sham, a group backed by Turkey and Qatar, attacked the base ."
APPOS_PASSIVE = [
    ("Ahrar", 10, "nsubj", "PROPN", "NNP", "Ahrar"),
    (",", 0, "punct", "PUNCT", ",", ","),
    ("a", 3, "det", "DET", "DT", "a"),
    ("group", 0, "appos", "NOUN", "NN", "group"),
    ("backed", 3, "acl", "VERB", "VBN", "back"),
    ("by", 4, "agent", "ADP", "IN", "by"),
    ("Turkey", 5, "pobj", "PROPN", "NNP", "Turkey"),
    ("and", 6, "cc", "CCONJ", "CC", "and"),
    ("Qatar", 6, "conj", "PROPN", "NNP", "Qatar"),
    (",", 0, "punct", "PUNCT", ",", ","),
    ("attacked", 10, "ROOT", "VERB", "VBD", "attack"),
    ("the", 12, "det", "DET", "DT", "the"),
    ("base", 10, "dobj", "NOUN", "NN", "base"),
    (".", 10, "punct", "PUNCT", ".", "."),
]


def test_tree_helpers_on_a_passive_apposition(nlp: Any) -> None:
    doc = build(nlp.vocab, APPOS_PASSIVE)
    backed = doc[4]
    assert is_passive(backed)
    assert [t.text for t in clause_actor(backed)] == ["Turkey"]
    assert [t.text for t in conjuncts(doc[6])] == ["Turkey", "Qatar"]
    assert [t.text for t in clause_actor(doc[10])] == ["Ahrar"]


def run_finder(nlp: Any, doc: Doc, mentions: list[ActorMention]) -> set[tuple[str, str, str]]:
    doc._.kg_mentions = mentions
    finder = RelationFinder(nlp)
    finder(doc)
    return {(c.subject.name, c.predicate.value, c.object.name) for c in doc._.kg_candidates}


def test_passive_agent_pattern_with_coordination_and_apposition(nlp: Any) -> None:
    doc = build(nlp.vocab, APPOS_PASSIVE)
    found = run_finder(
        nlp,
        doc,
        [
            mention(doc, 0, 1, EntityType.ARMED_GROUP),
            mention(doc, 6, 7, EntityType.STATE),
            mention(doc, 8, 9, EntityType.STATE),
        ],
    )
    assert found == {("Turkey", "backs", "Ahrar"), ("Qatar", "backs", "Ahrar")}


def test_domain_and_range_are_enforced(nlp: Any) -> None:
    # the same sentence with the group typed as a place: nobody "backs" a town
    doc = build(nlp.vocab, APPOS_PASSIVE)
    found = run_finder(
        nlp,
        doc,
        [
            mention(doc, 0, 1, EntityType.PLACE),
            mention(doc, 6, 7, EntityType.STATE),
            mention(doc, 8, 9, EntityType.STATE),
        ],
    )
    assert found == set()


def test_target_of_pattern(nlp: Any) -> None:
    # "HTS has been the target of Syrian and Russian forces ."
    rows = [
        ("HTS", 2, "nsubj", "PROPN", "NNP", "HTS"),
        ("has", 2, "aux", "AUX", "VBZ", "have"),
        ("been", 2, "ROOT", "AUX", "VBN", "be"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("target", 2, "attr", "NOUN", "NN", "target"),
        ("of", 4, "prep", "ADP", "IN", "of"),
        ("Syrian", 9, "amod", "ADJ", "JJ", "syrian"),
        ("and", 6, "cc", "CCONJ", "CC", "and"),
        ("Russian", 6, "conj", "ADJ", "JJ", "russian"),
        ("forces", 5, "pobj", "NOUN", "NNS", "force"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    doc = build(nlp.vocab, rows)
    syrian = ActorMention(6, 7, "Syrian", "Syria", EntityType.STATE, "demonym")
    russian = ActorMention(8, 9, "Russian", "Russia", EntityType.STATE, "demonym")
    found = run_finder(nlp, doc, [mention(doc, 0, 1, EntityType.ARMED_GROUP), syrian, russian])
    assert found == {("Syria", "targets", "HTS"), ("Russia", "targets", "HTS")}


def test_x_backed_compound_pattern(nlp: Any) -> None:
    # "the U.S.-backed SDF seized Raqqa ."
    rows = [
        ("the", 2, "det", "DET", "DT", "the"),
        ("U.S.-backed", 2, "amod", "ADJ", "JJ", "u.s.-backed"),
        ("SDF", 3, "nsubj", "PROPN", "NNP", "SDF"),
        ("seized", 3, "ROOT", "VERB", "VBD", "seize"),
        ("Raqqa", 3, "dobj", "PROPN", "NNP", "Raqqa"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    doc = build(nlp.vocab, rows)
    doc._.kg_mentions = [
        mention(doc, 2, 3, EntityType.ARMED_GROUP),
        mention(doc, 4, 5, EntityType.PLACE),
    ]
    finder = RelationFinder(
        nlp,
        lookup=lambda text: (
            ActorMention(0, 1, text, "United States", EntityType.STATE, "dictionary")
            if text == "U.S."
            else None
        ),
    )
    finder(doc)
    found = {(c.subject.name, c.predicate.value, c.object.name) for c in doc._.kg_candidates}
    assert found == {("United States", "backs", "SDF"), ("SDF", "targets", "Raqqa")}


# "Operations by Afghan forces backed by airstrikes killed 30 Taliban and/or ISKP militants ."
DETOUR = [
    ("Operations", 0, "ROOT", "NOUN", "NNS", "operation"),
    ("by", 0, "prep", "ADP", "IN", "by"),
    ("Afghan", 3, "amod", "ADJ", "JJ", "afghan"),
    ("forces", 1, "pobj", "NOUN", "NNS", "force"),
    ("backed", 0, "acl", "VERB", "VBN", "back"),
    ("by", 4, "agent", "ADP", "IN", "by"),
    ("airstrikes", 5, "pobj", "NOUN", "NNS", "airstrike"),
    ("killed", 6, "acl", "VERB", "VBD", "kill"),
    ("30", 12, "nummod", "NUM", "CD", "30"),
    ("Taliban", 11, "nmod", "PROPN", "NNP", "Taliban"),
    ("and/or", 9, "cc", "CCONJ", "CC", "and/or"),
    ("ISKP", 12, "compound", "PROPN", "NNP", "ISKP"),
    ("militants", 7, "dobj", "NOUN", "NNS", "militant"),
    (".", 0, "punct", "PUNCT", ".", "."),
]


def test_finite_verb_hung_on_a_noun_takes_the_head_noun_as_subject(nlp: Any) -> None:
    doc = build(nlp.vocab, DETOUR)
    assert [t.text for t in clause_actor(doc[7])] == ["Operations"]


def test_and_or_modifier_is_a_conjunct(nlp: Any) -> None:
    doc = build(nlp.vocab, DETOUR)
    assert [t.text for t in conjuncts(doc[11])] == ["Taliban", "ISKP"]


def test_detour_finds_the_operation_owner_and_both_groups(nlp: Any) -> None:
    doc = build(nlp.vocab, DETOUR)
    found = run_finder(
        nlp,
        doc,
        [
            mention(doc, 2, 4, EntityType.STATE, "Afghanistan"),
            mention(doc, 9, 10, EntityType.ARMED_GROUP),
            mention(doc, 11, 12, EntityType.ARMED_GROUP),
        ],
    )
    assert ("Afghanistan", "targets", "Taliban") in found
    assert ("Afghanistan", "targets", "ISKP") in found


def test_commander_of_a_groups_unit_does_not_lead_the_group(nlp: Any) -> None:
    # "Ali Karaki , commander of Hezbollah 's southern front , was killed ."
    rows = [
        ("Ali", 1, "compound", "PROPN", "NNP", "Ali"),
        ("Karaki", 11, "nsubjpass", "PROPN", "NNP", "Karaki"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("commander", 1, "appos", "NOUN", "NN", "commander"),
        ("of", 3, "prep", "ADP", "IN", "of"),
        ("Hezbollah", 8, "poss", "PROPN", "NNP", "Hezbollah"),
        ("'s", 5, "case", "PART", "POS", "'s"),
        ("southern", 8, "amod", "ADJ", "JJ", "southern"),
        ("front", 4, "pobj", "NOUN", "NN", "front"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("was", 11, "auxpass", "AUX", "VBD", "be"),
        ("killed", 11, "ROOT", "VERB", "VBN", "kill"),
        (".", 11, "punct", "PUNCT", ".", "."),
    ]
    doc = build(nlp.vocab, rows)
    people = [mention(doc, 0, 2, EntityType.PERSON), mention(doc, 5, 6, EntityType.ARMED_GROUP)]
    assert ("Ali Karaki", "leads", "Hezbollah") not in run_finder(nlp, doc, people)
    # the same title over the group itself still leads it
    rows[8] = ("group", 4, "pobj", "NOUN", "NN", "group")
    doc = build(nlp.vocab, rows)
    people = [mention(doc, 0, 2, EntityType.PERSON), mention(doc, 5, 6, EntityType.ARMED_GROUP)]
    assert ("Ali Karaki", "leads", "Hezbollah") in run_finder(nlp, doc, people)
