"""Name normalisation and transliteration keys.

Why: news spells the same actor many ways ("Khmeimim", "Hmeymim"; "Hay'at
Tahrir al-Sham", "Hayat Tahrir al-Sham"; "ash-Shughur", "al-Shughur"). These
pure functions turn a surface form into keys that agree across such
variants, so the resolver can match by dictionary look-up instead of
comparing every pair of names.

- ``normalize``: case, diacritics, apostrophes, hyphens, dots, leading
  "the", possessive "'s", Arabic article variants.
- ``skeleton``: a key that unifies transliterations (kh/h, q/k, doubled
  letters, vowel quality, y/w), keeping where vowels are. Equal skeletons are only a
  *candidate* match: the resolver still checks length, type and similarity.
- ``acronym_key``: the case-preserving, dot-free form of an all-caps token
  ("U.S." -> "US"); short acronyms match only on this key, so "IS" is never
  "is".
- ``slugify``: the ASCII key an IRI is minted from.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "MIN_SKELETON",
    "SHORT_ACRONYM",
    "acronym_key",
    "consonants",
    "is_acronym",
    "is_short_acronym",
    "match_keys",
    "normalize",
    "skeleton",
    "slugify",
    "strip_diacritics",
]

#: A skeleton with fewer consonants never merges two names on its own.
MIN_SKELETON = 3
#: Acronyms up to this many letters match only case-sensitively ("IS", "US", "SDF").
SHORT_ACRONYM = 3

_APOSTROPHES = re.compile(r"[\u2018\u2019\u201b\u02bc\u02bb\u02bf\u02be`\u00b4\u2032]")
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad]")
_DOTTED_ACRONYM = re.compile(r"\b(?:[a-z]\.)+[a-z]\b\.?")  # "u.s.", "u.s", "u.n."
# Arabic definite-article spellings glued by a hyphen: al-, el-, ash-, ad-, as-, ...
_ARTICLE_HYPHEN = re.compile(
    r"\b(?:al|el|ul|ash|as|ad|adh|ar|at|ath|az|an|aj|dh|ed|es|et|er|ez|en)-"
)
_ARTICLE_SPACE = re.compile(r"\bel\s")
_IBN = re.compile(r"\b(?:ibn|ben)\b")
_NON_WORD = re.compile(r"[\W_]+")  # keeps letters of any script
_SPACES = re.compile(r"\s+")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]*[A-Z0-9]$")
_VOWEL_RUN = re.compile(r"[aeiouyw]+")
_H_AFTER_CONSONANT = re.compile(r"([bcdfgjklmnpqrstvxz])h")
_DOUBLED = re.compile(r"([a-z])\1+")  # letters only: "11" is not "1"
_SLUG_BAD = re.compile(r"[^A-Za-z0-9_.-]+")


#: Latin letters NFKD does not decompose ("Diyarbakır", "Łódź", "Ørsted").
_LATIN_EXTRA = str.maketrans(
    {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
     "ħ": "h", "Ħ": "H", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
     "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"}
)  # fmt: skip


def strip_diacritics(text: str) -> str:
    """NFKD-decompose and drop combining marks: "Türkiye" -> "Turkiye", "Łódź" -> "Lodz"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=100_000)
def normalize(name: str) -> str:
    """The comparison form of a name: "the Hay'at Tahrir ash-Sham's" -> "hayat tahrir al sham"."""
    text = strip_diacritics(name).casefold()
    text = _APOSTROPHES.sub("'", text)
    text = _DASHES.sub("-", text)
    text = re.sub(r"'s\b", "", text)  # possessive anywhere: "Russia's army"
    text = re.sub(r"s'(?=\s|$)", "s", text)  # plural possessive: "the rebels'"
    text = _DOTTED_ACRONYM.sub(lambda m: m.group().replace(".", "") + " ", text)
    text = text.replace("'", "").replace("&", " and ")
    text = _ARTICLE_HYPHEN.sub("al ", text)
    text = _ARTICLE_SPACE.sub("al ", text)
    text = _IBN.sub("bin", text)
    text = _NON_WORD.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def _token_skeleton(token: str) -> str:
    token = token.replace("dj", "j").replace("kh", "h").replace("gh", "g")
    token = token.replace("ph", "f").replace("ck", "k").replace("q", "k")
    token = _H_AFTER_CONSONANT.sub(r"\1", token)
    token = re.sub(r"([aeiouyw])h$", r"\1", token)  # "Raqqah" = "Raqqa"
    token = _DOUBLED.sub(r"\1", token)
    # every run of vowels (and y/w inside a word) becomes one "a": vowel
    # *quality* varies between transliterations, vowel *places* rarely do
    # ("Nusra" vs "Nasr"); a word-initial w/y is a consonant ("West" vs "East")
    lead = token[0] if token[:1] in ("w", "y") else ""
    return lead + _VOWEL_RUN.sub("a", token[len(lead) :])


@lru_cache(maxsize=100_000)
def skeleton(name: str) -> str:
    """A transliteration-tolerant key: "Khmeimim" and "Hmeymim" -> "hmamam".

    Consonants are unified (kh/h, q/k, gh/g, doubled letters, h after a
    consonant) and each vowel run becomes "a"; the Arabic article is dropped.
    """
    tokens = [t for t in normalize(name).split() if t != "al"]
    return "".join(_token_skeleton(t) for t in tokens)


def consonants(skel: str) -> int:
    """How many consonants a skeleton keeps: short ones never merge alone."""
    return len(skel.replace("a", ""))


def is_acronym(form: str) -> bool:
    """All-caps token such as "HTS", "U.S.", "ISIL", "M23" (no spaces)."""
    return bool(_ACRONYM.match(form.strip())) and any(c.isalpha() for c in form)


def acronym_key(form: str) -> str:
    """Case-preserving, dot-free: "U.S." -> "US"."""
    return form.strip().replace(".", "")


def is_short_acronym(form: str) -> bool:
    """An acronym short enough to collide with an English word ("IS", "US", "AU")."""
    return is_acronym(form) and len(acronym_key(form)) <= SHORT_ACRONYM


def match_keys(name: str) -> tuple[str, str]:
    """The (normalised, skeleton) keys a name is indexed and looked up under."""
    return normalize(name), skeleton(name)


def slugify(name: str) -> str:
    """ASCII IRI slug: "Bashar al-Assad" -> "Bashar_al-Assad", "Hay'at" -> "Hayat"."""
    text = strip_diacritics(name).strip()
    text = _APOSTROPHES.sub("'", text).replace("'", "")
    text = _DASHES.sub("-", text)
    text = _SPACES.sub("_", text)
    text = _SLUG_BAD.sub("", text)
    text = re.sub(r"_+", "_", text).strip("_.-")
    return text
