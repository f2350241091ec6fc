"""HTML page -> main article text and metadata, through trafilatura.

trafilatura drops navigation, sidebars and comment sections by page
structure; ``clean_text`` then removes what survives as plain text.
Paragraphs come back separated by a blank line, as in the .txt samples.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura

from kg.errors import InputError
from kg.read.dates import parse_date

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class HtmlArticle:
    """What a page yields before cleaning: its main text and metadata."""

    text: str
    title: str | None
    url: str | None
    published: dt.date | None


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in a ``<meta charset>`` near its top."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def extract_html(html: str, source: str) -> HtmlArticle:
    """The main text, title, canonical URL and date of a page.

    Raises ``InputError`` when the page has no article text.
    """
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_tables=True,
            deduplicate=False,
        )
    except Exception as exc:  # trafilatura raises many lxml/ValueError kinds
        raise InputError(source, f"cannot parse HTML ({exc})") from exc
    text = _field(doc, "text")
    if not text or not text.strip():
        raise InputError(source, "no article text found in the HTML")
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    date = _field(doc, "date")
    return HtmlArticle(
        text="\n\n".join(paragraphs),
        title=(_field(doc, "title") or "").strip() or None,
        url=_absolute_url(_field(doc, "url")),
        published=parse_date(date) if date else None,
    )


def _field(doc: object, name: str) -> str | None:
    """A string field of trafilatura's result (a ``Document``, or a dict)."""
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    return value if isinstance(value, str) else None


def _absolute_url(url: str | None) -> str | None:
    if url and re.match(r"^https?://\S+$", url.strip()):
        return url.strip()
    return None
