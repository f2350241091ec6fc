"""The label and key an unseen name gets, and surface clean-up.

Why: an unseen name becomes a node whose key must be the same on every run
and machine, however the name was cased or titled in the article.
"""

from __future__ import annotations

import hashlib
import re

from kg.model import EntityType
from kg.resolve.names import normalize
from kg.resolve.words import LOWER_PARTICLES, NAME_PARTICLES, TITLES

__all__ = ["canonical_form", "clean_surface", "digest_key", "looks_like_a_name", "split_words"]


def canonical_form(name: str, hint: EntityType | None = None) -> str:
    """The name an unseen entity is labelled and keyed by.

    Leading "the", a trailing possessive and, for people, everything up to
    the last title ("Hezbollah commander Ali Karaki" -> "Ali Karaki") are
    dropped; an all-caps headline form is title-cased ("LIWA AL-QUDS" ->
    "Liwa al-Quds"), so the same name gets the same key however it is cased.
    """
    surface = clean_surface(name)
    surface = re.sub(r"^(?:the)\s+", "", surface, flags=re.IGNORECASE)
    surface = re.sub(r"(?:['’]s|['’])$", "", surface).strip()
    words = surface.split()
    if hint is EntityType.PERSON:
        titles = [i for i, w in enumerate(words[:-1]) if normalize(w) in TITLES]
        if titles and looks_like_a_name(words[titles[-1] + 1 :]):
            words = words[titles[-1] + 1 :]
    if len(words) > 1 and all(w.isupper() for w in words if any(c.isalpha() for c in w)):
        words = [_title_word(w, first=(i == 0)) for i, w in enumerate(words)]
    return " ".join(words)


def looks_like_a_name(words: list[str]) -> bool:
    """ "Ali Karaki", "Abu Bakr al-Baghdadi"; not "for the Middle East", "Office Minister"."""
    if not words or not words[0][:1].isupper():
        return False
    for word in words:
        if normalize(word) in TITLES:
            return False
        head = word.split("-")[0].lower()
        if not word[:1].isupper() and head not in NAME_PARTICLES:
            return False
    return True


def _title_word(word: str, first: bool) -> str:
    if not re.search(r"[AEIOUY]", word):
        return word  # "DDG", "HTS": an acronym inside a shouted name keeps its case
    parts = word.split("-")
    out = []
    for i, part in enumerate(parts):
        lower = part.lower()
        if lower in LOWER_PARTICLES and not (first and i == 0 and len(parts) == 1):
            out.append(lower)
        else:
            out.append(part[:1].upper() + part[1:].lower())
    return "-".join(out)


def digest_key(name: str) -> str:
    """A stable ASCII key for a name with no Latin letters ("Київ", "هيئة ...")."""
    return "x" + hashlib.sha256(normalize(name).encode("utf-8")).hexdigest()[:16]


def clean_surface(name: str) -> str:
    text = re.sub(r"\s+", " ", name or "").strip().strip(' "“”«»,;:')
    if text.count("(") != text.count(")"):
        text = text.strip("()[] ")
    return text


def split_words(surface: str) -> list[str]:
    return [w for w in re.split(r"[\s\-‐‑–—]+", surface) if w]
