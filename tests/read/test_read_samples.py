"""The shipped sample articles read cleanly and say what other tests rely on."""

from __future__ import annotations

import re
from pathlib import Path

from kg.model import Article
from kg.read import read_paths

SAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def read_samples() -> list[Article]:
    items = list(read_paths([SAMPLES]))
    assert all(isinstance(item, Article) for item in items), items
    return [item for item in items if isinstance(item, Article)]


def test_every_sample_reads_with_title_date_and_fitting_length() -> None:
    samples = read_samples()

    assert len(samples) == 11  # 8 .txt, 2 JSONL lines, 1 HTML page
    assert len({a.id for a in samples}) == len(samples)
    for article in samples:
        assert article.title, article.source
        assert article.published is not None, article.source
        if article.source.endswith(".txt"):
            assert 100 <= len(article.text.split()) <= 250, article.source


def test_samples_state_the_facts_other_stages_test_plainly() -> None:
    text = "\n".join(a.text for a in read_samples())

    for sentence in [
        "Russia backs Bashar al-Assad.",
        "Turkey backs Ahrar al-Sham",
        "Ahrar al-Sham, a group backed by Turkey and Qatar",
        "Russian jets are based at Hmeymim air base near Latakia",
        "The United States backs the Free Syrian Army.",
        "U.S.-backed Free Syrian Army",
        "U.S. troops are stationed at the al-Tanf garrison",
        "Iran backs Hezbollah.",
        "Hezbollah fighters fought alongside Syrian government forces",
        "Hayat Tahrir al-Sham (HTS) led the offensive",
        "Turkish F-16 fighters shot down a Russian Su-24 bomber",
        "Israel struck Iranian targets near Damascus",
        "Russia's ally Bashar al-Assad",
        "in support of",
    ]:
        assert sentence in text, sentence
    for variant in ["Khmeimim", "Hmeymim", "Daesh", "Islamic State", "ISIS"]:
        assert re.search(rf"\b{variant}\b", text), variant


def test_sample_boilerplate_and_reader_comments_are_gone() -> None:
    by_name = {Path(a.source).name: a for a in read_samples()}
    su24 = by_name["04-turkey-downs-russian-jet.txt"]
    kuweires = by_name["kuweires-siege-broken.html"]

    assert su24.text.split("\n\n")[2].startswith("Turkish F-16 fighters shot down")
    for gone in ["your support", "Photo", "Share this", "Comments", "Qatar backs ISIS"]:
        assert gone not in su24.text
    assert su24.raw_length > len(su24.text)
    for gone in ["secretly backs", "Skip to content", "Getty", "Share this", "Subscribe"]:
        assert gone not in kuweires.text
    assert kuweires.url == "https://news.example.org/2015/11/10/kuweires-siege-broken"
