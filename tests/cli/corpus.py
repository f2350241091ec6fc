"""News-style sentences of our own (public facts from several conflicts) to build test articles."""

from __future__ import annotations

import itertools
from pathlib import Path

SENTENCES = (
    "Russian warplanes struck rebel positions near Idlib on Tuesday, a monitoring group said.",
    "The Saudi-led coalition launched air strikes on Houthi positions around the port of Hodeidah.",
    "Turkey has backed the Government of National Accord in Tripoli with armed drones and advisers.",
    "Forces loyal to Khalifa Haftar shelled the southern suburbs of Tripoli overnight.",
    "The Rapid Support Forces attacked the army headquarters in Khartoum in April 2023.",
    "Wagner Group fighters were deployed to Mali to support the ruling junta, officials said.",
    "Iran has supplied the Houthis with missiles and drones, according to United Nations experts.",
    "Ukrainian forces struck a Russian ammunition depot in the occupied city of Kherson.",
    "Hezbollah fighters fought alongside the Syrian army in the battle for Qusayr in 2013.",
    "The United States armed the Syrian Democratic Forces in their campaign against the Islamic State.",
    "French troops left their base in Gao after nearly a decade of operations in Mali.",
    "The United Arab Emirates backed the Libyan National Army with air defence systems.",
)

HEADLINES = (
    "Strikes and counter-strikes",
    "Foreign backers deepen their involvement",
    "Fighting spreads across several fronts",
    "Monitors report new attacks",
)


def write_articles(folder: Path, count: int, per_article: int = 5) -> list[Path]:
    """``count`` distinct .txt articles, each a headline and ``per_article`` sentences."""
    folder.mkdir(parents=True, exist_ok=True)
    combos = itertools.permutations(range(len(SENTENCES)), per_article)
    paths = []
    for n, combo in zip(range(count), combos, strict=False):
        body = " ".join(SENTENCES[i] for i in combo)
        path = folder / f"article-{n:03d}.txt"
        path.write_text(f"{HEADLINES[n % len(HEADLINES)]}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths
