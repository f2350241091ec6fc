"""Strip boilerplate and reader comments from article text, plain text too.

Scraped news text arrives with what surrounds the story: donation appeals
(sometimes glued to the first real sentence, "...all the difference.Footage
has emerged"), share prompts, photo credits, video-embed stubs, navigation,
site footers and reader comments full of claims. None of it may yield a
relation, so it goes before extraction. The cues are data
(``boilerplate.json``) so that coverage grows by review, not code.

The returned text becomes ``Article.text``: later stages record character
offsets in it, so nothing may change it afterwards.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

#: The article must have begun (this many words kept) before a comment or
#: footer marker may cut the rest of the text; earlier markers drop one line.
MIN_WORDS_BEFORE_CUT = 30

#: Hard-wrapped paragraphs are joined when their longest line is this wide
#: (narrower blocks are lists or headers, wider ones are not wrapped).
MIN_WRAPPED_LINE = 40
MAX_WRAPPED_LINE = 100

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n")

#: A sentence end with no space before the next sentence ("difference.Footage").
_GLUE = re.compile(
    r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?][\"”’])(?=[A-Z][a-z])|(?<=\d[.!?])(?=[A-Z][a-z])"
)
#: A sentence boundary inside a line: end punctuation, spaces, a capital.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(\s+)(?=[\"“‘(]?[A-Z0-9])")
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|‘[^’]*(?:’|$)")
_TERMINAL = re.compile(r"[.!?:;\"”’)]$")


@dataclass(frozen=True)
class Lexicon:
    """The compiled cues of ``boilerplate.json``."""

    comments: tuple[re.Pattern[str], ...]
    site_footer: tuple[re.Pattern[str], ...]
    drop_line: tuple[re.Pattern[str], ...]
    drop_span: tuple[re.Pattern[str], ...]
    appeal_phrases: tuple[re.Pattern[str], ...]
    appeal_keywords: tuple[re.Pattern[str], ...]
    reader_address: re.Pattern[str]


@dataclass
class _Segment:
    """One piece of a line: a whole line, or a part split at a glued sentence end."""

    line: int
    text: str
    alone: bool = True
    glued: bool = False
    keep: bool = True
    appeal: bool = False


@cache
def load_lexicon() -> Lexicon:
    """Compile the packaged boilerplate cues (once per process)."""
    raw = json.loads(resources.files("kg.read").joinpath("boilerplate.json").read_text("utf-8"))
    return Lexicon(
        comments=_compile_list(raw["section_end"]["comments"]),
        site_footer=_compile_list(raw["section_end"]["site_footer"]),
        drop_line=_compile_groups(raw["drop_line"]),
        drop_span=_compile_groups(raw["drop_span"]),
        appeal_phrases=_compile_list(raw["appeal"]["phrases"]),
        appeal_keywords=_compile_list(raw["appeal"]["keywords"]),
        reader_address=re.compile(raw["appeal"]["reader_address_case_sensitive"]),
    )


def clean_text(text: str, lexicon: Lexicon | None = None) -> str:
    """The article text without boilerplate, one paragraph per line block.

    Paragraphs are separated by a blank line; a glued sentence end gets its
    missing space back. Returns "" when nothing but boilerplate was given.
    """
    lex = lexicon or load_lexicon()
    lines = _lines(normalize(text))
    segments = _segments(lines)
    _drop_lines_and_sections(segments, lex)
    _drop_appeals(segments, lex)
    _drop_repeats(segments)
    return _assemble(segments)


def normalize(text: str) -> str:
    """Unify line breaks and spaces; drop zero-width and control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text).replace("\t", " "))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _lines(text: str) -> list[tuple[str, bool]]:
    """Non-empty lines, hard-wrapped paragraphs joined into one line.

    Each comes with whether it is a paragraph of its own (alone between
    blank lines, a joined paragraph, or in a block of one paragraph per long
    line), as a footer line is and a line of a narrow column is not.
    """
    lines: list[tuple[str, bool]] = []
    for block in _BLANK_LINES.split(text):
        block_lines = [line for line in block.split("\n") if line]
        if not block_lines:
            continue
        if _is_hard_wrapped(block_lines):
            lines.append((" ".join(block_lines), True))
            continue
        alone = len(block_lines) == 1 or max(map(len, block_lines)) > MAX_WRAPPED_LINE
        lines.extend((line, alone) for line in block_lines)
    return lines


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of similar width, not all ending a sentence: a wrapped paragraph.

    Two lines count only when the second goes on in lower case, so that a
    headline above its date line is not taken for one paragraph.
    """
    if len(lines) < 2 or (len(lines) == 2 and not lines[1][:1].islower()):
        return False
    widest = max(len(line) for line in lines)
    if not MIN_WRAPPED_LINE <= widest <= MAX_WRAPPED_LINE:
        return False
    body = lines[:-1]
    similar = all(len(line) >= 0.6 * widest for line in body)
    return similar and any(not _TERMINAL.search(line) for line in body)


def _segments(lines: list[tuple[str, bool]]) -> list[_Segment]:
    segments: list[_Segment] = []
    for number, (line, alone) in enumerate(lines):
        parts = [part for part in _GLUE.split(line) if part.strip()]
        for index, part in enumerate(parts):
            segments.append(_Segment(line=number, text=part.strip(), alone=alone, glued=index > 0))
    return segments


def _drop_lines_and_sections(segments: list[_Segment], lex: Lexicon) -> None:
    """Apply line cues; cut at the first comment/footer marker once the story began."""
    words_kept = 0
    for index, seg in enumerate(segments):
        probe = seg.text.lower().strip(" .")
        if _matches(lex.comments, probe) or (seg.alone and _matches(lex.site_footer, probe)):
            if words_kept >= MIN_WORDS_BEFORE_CUT:
                cut = segments[index:]
                for later in cut:
                    later.keep = False
                _drop_site_names(segments[:index], " ".join(s.text.lower() for s in cut))
                return
            seg.keep = False
            continue
        if _matches(lex.drop_line, probe):
            seg.keep = False
            continue
        for pattern in lex.drop_span:
            seg.text = pattern.sub("", seg.text).strip()
        if not seg.text:
            seg.keep = False
            continue
        words_kept += len(seg.text.split())


def _drop_site_names(before: list[_Segment], cut_text: str) -> None:
    """Drop short name-like lines just before a cut that the cut part repeats."""
    for seg in reversed(before):
        if not seg.keep:
            continue
        name = seg.text.lower()
        if len(name.split()) <= 8 and not name.endswith((".", "!", "?")) and name in cut_text:
            seg.keep = False
        else:
            return


def _drop_appeals(segments: list[_Segment], lex: Lexicon) -> None:
    """Remove appeal sentences; a segment mostly made of them goes whole.

    A kept segment next to an appeal that mostly addresses the reader ("we
    know how important...") belongs to the same appeal, unless it follows a
    glued sentence end, which is where the story starts.
    """
    for seg in segments:
        if not seg.keep:
            continue
        spans = _sentence_spans(seg.text)
        unquoted = _unquoted(seg.text)
        appeals = [_is_appeal(unquoted[start:end], lex) for start, end, _ in spans]
        if not any(appeals):
            continue
        if 2 * sum(appeals) >= len(appeals):
            seg.keep, seg.appeal = False, True
            continue
        seg.text = "".join(
            seg.text[start:following]
            for (start, _, following), appeal in zip(spans, appeals, strict=True)
            if not appeal
        ).strip()
        seg.appeal = True
    changed = True
    while changed:
        changed = False
        kept = [seg for seg in segments if seg.keep or seg.appeal]
        for before, after in itertools.pairwise(kept):
            if after.glued:
                continue  # a glued sentence end separates the appeal from the story
            for seg, neighbour in ((after, before), (before, after)):
                if (
                    seg.keep
                    and not seg.appeal
                    and neighbour.appeal
                    and _addresses_reader(seg.text, lex)
                ):
                    seg.keep, seg.appeal = False, True
                    changed = True


def _is_appeal(unquoted: str, lex: Lexicon) -> bool:
    """An appeal cue in a sentence whose quoted speech is blanked out.

    Quoted speech ("if others support us," he said) is news, not an appeal.
    """
    lowered = unquoted.lower()
    if _matches(lex.appeal_phrases, lowered):
        return True
    return _matches(lex.appeal_keywords, lowered) and bool(lex.reader_address.search(unquoted))


def _addresses_reader(text: str, lex: Lexicon) -> bool:
    """Most sentences speak to the reader as "we"/"you", outside quotes."""
    if any(c in text for c in '"“”'):
        return False
    spans = _sentence_spans(text)
    speaking = sum(1 for start, end, _ in spans if lex.reader_address.search(text[start:end]))
    return 2 * speaking >= len(spans)


def _drop_repeats(segments: list[_Segment]) -> None:
    """A paragraph repeated word for word (a headline scraped twice) is kept once."""
    seen: set[str] = set()
    for seg in segments:
        if not seg.keep:
            continue
        key = seg.text.casefold()
        if key in seen:
            seg.keep = False
        seen.add(key)


def _assemble(segments: list[_Segment]) -> str:
    lines: dict[int, list[str]] = {}
    for seg in segments:
        if seg.keep and seg.text:
            lines.setdefault(seg.line, []).append(seg.text)
    return "\n\n".join(" ".join(parts) for _, parts in sorted(lines.items()))


def _sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, next start) of each sentence; the slices cover ``text``."""
    spans: list[tuple[int, int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start(1), match.end(1)))
        start = match.end(1)
    spans.append((start, len(text), len(text)))
    return [span for span in spans if span[1] > span[0]]


def _unquoted(text: str) -> str:
    """``text`` with quoted speech blanked (same length, so offsets still fit)."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def _matches(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(pattern.search(text) for pattern in patterns)


def _compile_groups(groups: dict[str, object]) -> tuple[re.Pattern[str], ...]:
    patterns: list[re.Pattern[str]] = []
    for name, items in groups.items():
        if not name.startswith("_") and isinstance(items, list):
            patterns.extend(_compile_list(items))
    return tuple(patterns)


def _compile_list(items: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(item, re.IGNORECASE) for item in items)
