"""Paths and folders of .txt, .html/.htm and .jsonl files -> ``Article``.

Reading never stops on bad input: each file (or JSONL line) that cannot be
an article becomes a ``Skipped`` naming it and saying why, and the rest is
still read. Folders are walked in sorted order so every run sees the same
sequence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.model import Article, Skipped
from kg.read.clean import clean_text
from kg.read.dates import find_date, parse_date
from kg.read.decode import decode_text
from kg.read.html_text import declared_charset, extract_html

#: Files (and JSONL lines) larger than this are skipped: no news article is
#: this long, and reading one would stall the run.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

#: A first line longer than this (characters or words) is not a headline.
MAX_HEADLINE_CHARS = 200
MAX_HEADLINE_WORDS = 30

_SNIFF_BYTES = 8192
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"{}|\\^`]+$")
_OPTIONAL_FIELDS = ("title", "url", "published", "source")

PathLike = str | os.PathLike[str]


def read_paths(
    paths: Iterable[PathLike], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Skipped]:
    """Every article in ``paths`` (files and folders), in a stable order.

    A folder is walked recursively in sorted order; files with other
    extensions and hidden files in it are ignored. A file named explicitly
    must have a known extension.
    """
    for found in find_inputs(paths):
        if isinstance(found, Skipped):
            yield found
        else:
            yield from read_file(found, max_bytes)


def find_inputs(paths: Iterable[PathLike]) -> Iterator[str | Skipped]:
    """The files ``read_paths`` will read (as sources), or why a path is unusable.

    Useful to count inputs for a progress bar before reading them.
    """
    seen: set[str] = set()
    for given in paths:
        source = os.fspath(given)
        path = Path(source)
        if path.is_dir():
            yield from _walk(source, seen)
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                yield Skipped(source, _unsupported(path))
            elif _first_visit(path, seen):
                yield source
        elif path.exists():
            yield Skipped(source, "not a regular file or folder")
        else:
            yield Skipped(source, "no such file or folder")


def read_file(source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Skipped]:
    """The article(s) of one file: one for .txt/.html, one per line for .jsonl."""
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, source, max_bytes)
        return
    if suffix not in SUFFIXES:
        yield Skipped(source, _unsupported(path))
        return
    try:
        data = _read_bytes(path, source, max_bytes)
        if suffix in HTML_SUFFIXES:
            yield _html_article(data, source)
        else:
            text = decode_text(data, source)
            yield make_article(text, source, raw_length=len(text))
    except InputError as exc:
        yield Skipped(source, exc.problem)


def make_article(
    text: str,
    source: str,
    title: str | None = None,
    url: str | None = None,
    published: dt.date | str | None = None,
    raw_length: int | None = None,
) -> Article:
    """An ``Article`` from text given directly (the API and every reader use it).

    The text is cleaned of boilerplate; the id is the SHA-256 of the cleaned
    text. Without a ``title`` a headline-like first line is used; without
    ``published`` a date line near the top. Raises ``InputError`` naming
    ``source`` when there is no text left or a metadata value is invalid.
    """
    if not text.strip():
        raise InputError(source, "no text (empty or whitespace only)")
    cleaned = clean_text(text)
    if not cleaned:
        raise InputError(source, "no article text left after removing boilerplate")
    date = _published(published, source)
    return Article(
        id=hashlib.sha256(cleaned.encode("utf-8")).hexdigest(),
        text=cleaned,
        source=source,
        title=_clean_title(title) or headline(cleaned),
        url=_checked_url(url, source),
        published=date if date is not None else find_date(cleaned),
        raw_length=len(text) if raw_length is None else raw_length,
    )


def headline(text: str) -> str | None:
    """The first paragraph when it reads like a headline: short, no final period."""
    first, _, rest = text.partition("\n\n")
    first = first.strip()
    if (
        not rest.strip()
        or "\n" in first
        or len(first) > MAX_HEADLINE_CHARS
        or len(first.split()) > MAX_HEADLINE_WORDS
        or first.endswith((".", ",", ";", ":"))
        or find_date(first) is not None
    ):
        return None
    return first


def _html_article(data: bytes, source: str) -> Article:
    html = decode_text(data, source, declared=declared_charset(data))
    page = extract_html(html, source)
    return make_article(
        page.text,
        source,
        title=page.title,
        url=page.url,
        published=page.published,
        raw_length=len(html),
    )


def _read_jsonl(path: Path, source: str, max_bytes: int) -> Iterator[Article | Skipped]:
    """One article per line; a bad line is skipped by its number, the rest read."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Skipped(source, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        if b"\x00" in handle.read(_SNIFF_BYTES):
            yield Skipped(source, "binary file (contains NUL bytes), not JSON lines")
            return
        handle.seek(0)
        records = 0
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            records += 1
            line_source = f"{source}#{number}"
            try:
                yield _jsonl_article(raw, line_source, number, max_bytes)
            except InputError as exc:
                yield Skipped(line_source, f"line {number}: {exc.problem}")
        if records == 0:
            yield Skipped(source, "empty file (no JSON lines)")


def _jsonl_article(raw: bytes, line_source: str, number: int, max_bytes: int) -> Article:
    if len(raw) > max_bytes:
        raise InputError(
            line_source, f"line is {_size(len(raw))}, over the {_size(max_bytes)} limit"
        )
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(
            line_source, f"not UTF-8 (invalid byte at column {exc.start + 1})"
        ) from exc
    except json.JSONDecodeError as exc:
        raise InputError(line_source, f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError(line_source, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise InputError(line_source, "no 'text' field")
    if not isinstance(text, str):
        raise InputError(line_source, f"'text' must be a string, got {type(text).__name__}")
    fields: dict[str, str | None] = {}
    for name in _OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(line_source, f"'{name}' must be a string, got {type(value).__name__}")
        fields[name] = value.strip() if isinstance(value, str) and value.strip() else None
    if not text.strip():
        raise InputError(line_source, "'text' is empty")
    return make_article(
        text,
        fields["source"] or fields["url"] or line_source,
        title=fields["title"],
        url=fields["url"],
        published=fields["published"],
    )


def _read_bytes(path: Path, source: str, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                source, f"file too large: {_size(size)}, over the {_size(max_bytes)} limit"
            )
        if size == 0:
            raise InputError(source, "empty file")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from exc


def _walk(folder: str, seen: set[str]) -> Iterator[str | Skipped]:
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        yield Skipped(folder, f"cannot list folder: {exc.strerror or exc}")
        return
    for name in names:
        if name.startswith("."):
            continue
        child = os.path.join(folder, name)
        path = Path(child)
        if path.is_dir():
            if not path.is_symlink():
                yield from _walk(child, seen)
        elif path.is_file() and path.suffix.lower() in SUFFIXES and _first_visit(path, seen):
            yield child


def _first_visit(path: Path, seen: set[str]) -> bool:
    """False for a file already read in this run (named twice, or via a link)."""
    key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _published(value: dt.date | str | None, source: str) -> dt.date | None:
    if value is None or isinstance(value, dt.datetime | dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    parsed = parse_date(value)
    if parsed is None and value.strip():
        raise InputError(source, f"'published' is not a date: {value!r}")
    return parsed


def _checked_url(url: str | None, source: str) -> str | None:
    if url is None or not url.strip():
        return None
    if not _URL.match(url.strip()):
        raise InputError(source, f"'url' is not an absolute URL: {url!r}")
    return url.strip()


def _clean_title(title: str | None) -> str | None:
    return " ".join(title.split()) if title and title.strip() else None


def _unsupported(path: Path) -> str:
    kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
    known = ", ".join(sorted(SUFFIXES))
    return f"unsupported file type {kind}; kg reads {known}"


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"
