"""The dictionary's EntityRuler patterns find actors in news text, with acronym case kept."""

from __future__ import annotations

import pytest
import spacy

from kg.resolve.dictionary import load_dictionary


@pytest.fixture(scope="module")
def ruler_nlp():
    nlp = spacy.blank("en")
    patterns = load_dictionary().ruler_patterns(
        tokenize=lambda text: [t.text for t in nlp.make_doc(text)]
    )
    nlp.add_pipe("entity_ruler").add_patterns(patterns)
    return nlp


def found(nlp, text):
    return {(ent.text, ent.label_, ent.ent_id_) for ent in nlp(text).ents}


def test_names_aliases_and_acronyms_are_labelled_with_type_and_key(ruler_nlp):
    ents = found(
        ruler_nlp,
        "Warplanes from Hmeymim struck IS positions east of Palmyra on Tuesday, "
        "while the Kremlin said the Syrian Arab Army had retaken the town.",
    )
    assert ("Hmeymim", "Base", "Hmeymim_Air_Base") in ents
    assert ("IS", "ArmedGroup", "Islamic_State") in ents
    assert ("Palmyra", "Place", "Palmyra") in ents
    assert ("Kremlin", "State", "Russia") in ents
    assert ("Syrian Arab Army", "State", "Syria") in ents


def test_case_is_ignored_for_names_but_not_for_acronyms(ruler_nlp):
    ents = found(
        ruler_nlp,
        "The RAPID SUPPORT FORCES shelled El Fasher. It is unclear who is to blame; "
        "a turkey farm near the city was hit and us aid workers fled.",
    )
    assert ("RAPID SUPPORT FORCES", "ArmedGroup", "Rapid_Support_Forces") in ents
    assert ("El Fasher", "Place", "El_Fasher") in ents
    texts = {text for text, _, _ in ents}
    assert "is" not in texts and "turkey" not in texts and "us" not in texts


def test_demonyms_get_their_own_label(ruler_nlp):
    ents = found(ruler_nlp, "Houthi drones and Emirati-backed forces clashed near Hodeidah.")
    assert ("Houthi", "DEMONYM", "Houthis") in ents
    assert ("Emirati", "DEMONYM", "United_Arab_Emirates") in ents
    assert ("Hodeidah", "Place", "Hodeidah") in ents


def test_patterns_without_a_tokenizer_split_like_spacy(ruler_nlp):
    # the built-in approximation gives the same token patterns for hyphenated names
    dictionary = load_dictionary()
    with_spacy = dictionary.ruler_patterns(
        tokenize=lambda text: [t.text for t in ruler_nlp.make_doc(text)]
    )
    approx = dictionary.ruler_patterns()
    assert len(approx) == len(with_spacy)
    same = sum(a == b for a, b in zip(approx, with_spacy, strict=True))
    assert same / len(approx) > 0.97
