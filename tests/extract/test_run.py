"""The extract() contract: offsets, entities, deduplication, batching, bad data."""

from __future__ import annotations

import hashlib
import json

import pytest

from kg.errors import ConfigError
from kg.extract import extract
from kg.extract.lexicon import load_lexicon
from kg.extract.relations import load_patterns
from kg.extract.run import chunks
from kg.model import Article


def make_article(text: str) -> Article:
    return Article(id=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")


TEXT = (
    "Saudi-led coalition jets struck Houthi positions in Hodeidah.\n\n"
    "Iran has sent weapons to the Houthis, U.S. officials said. "
    "Iran has sent weapons to the Houthis, U.S. officials said."
)


def test_offsets_point_at_the_evidence_sentence(extract_text) -> None:
    found = extract_text(TEXT)
    assert found.extraction.relations
    for r in found.extraction.relations:
        assert TEXT[r.start : r.end] == r.sentence
        assert 0 <= r.confidence <= 1


def test_entities_are_those_used_with_their_types(extract_text) -> None:
    found = extract_text(TEXT)
    keys = {e.key for e in found.extraction.entities}
    used = {k for r in found.extraction.relations for k in (r.subject, r.object, r.claimed_by) if k}
    assert used == keys


def test_identical_mentions_are_deduplicated_but_each_sentence_counts(extract_text) -> None:
    found = extract_text(TEXT)
    backs = found.about("Iran", "backs", "Houthis")
    assert len(backs) == 2  # one per sentence, each claimed by the United States
    assert len({(r.start, r.end) for r in backs}) == 2
    assert {found.claimant(r) for r in backs} == {"United States"}


def test_allied_with_has_the_smaller_key_first(extract_text) -> None:
    found = extract_text("Ansar Dine fought alongside al-Qaeda in the Islamic Maghreb near Gao.")
    allied = [r for r in found.extraction.relations if r.predicate.value == "alliedWith"]
    assert allied and all(r.subject < r.object for r in allied)


def test_many_articles_in_one_call_keep_their_order(nlp, resolver) -> None:
    texts = [
        "Russian jets bombed Idlib.",
        "",
        "The Rapid Support Forces shelled El Fasher.",
        "Nothing happened here today.",
    ]
    results = list(extract([make_article(t) for t in texts], resolver, nlp=nlp))
    assert [r.article.text for r in results] == texts
    assert results[0].relations and results[2].relations
    assert not results[1].relations and not results[3].relations


def test_long_articles_are_cut_into_chunks_with_right_offsets(nlp, resolver) -> None:
    filler = "Residents queued for bread in the morning.\n" * 40
    text = filler + "Russian jets bombed Idlib.\n" + filler
    pieces = list(chunks(text, size=500))
    assert len(pieces) > 3 and "".join(p for _o, p in pieces) == text
    from kg.extract import run

    old, run.CHUNK_CHARS = run.CHUNK_CHARS, 500
    try:
        (result,) = list(extract([make_article(text)], resolver, nlp=nlp))
    finally:
        run.CHUNK_CHARS = old
    (r,) = result.relations
    assert text[r.start : r.end] == "Russian jets bombed Idlib."


def test_bad_pattern_file_names_the_file(tmp_path) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.json"):
        load_patterns(load_lexicon(), tmp_path)
    (tmp_path / "broken.json").write_text(
        json.dumps(
            {
                "patterns": [
                    {
                        "id": "x",
                        "handler": "verb_object",
                        "confidence": 1,
                        "pattern": [
                            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": "@nope"}}}
                        ],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="@nope"):
        load_patterns(load_lexicon(), tmp_path)
