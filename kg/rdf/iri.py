"""IRI minting: the one place that decides what a node is called.

IRIs are part of the data, so they depend only on stable inputs (entity key,
article content hash, the statement's position) and on ``Settings.base``.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote, unquote

from kg.model import RelationType

#: characters left as they are in an entity key (the slug alphabet plus a few IRI-safe marks)
_KEY_SAFE = "-._~!$&'()*+,;=:@"


def entity_iri(base: str, key: str) -> str:
    """``{base}id/{key}``; a key outside the slug alphabet is percent-encoded, never rejected."""
    return f"{base}id/{quote(key, safe=_KEY_SAFE)}"


def article_iri(base: str, article_id: str) -> str:
    """``{base}article/{id}``: the article node, also the name of its graph."""
    return f"{base}article/{article_id}"


def statement_id(
    article_id: str,
    subject: str,
    predicate: RelationType | str,
    obj: str,
    start: int,
    end: int,
    negated: bool = False,
) -> str:
    """First 32 hex digits of SHA-256 over the mention's identity (same mention, same id).

    A denial of a relation in the same sentence as its claim ("X accused Y
    of arming Z, a charge Y rejects") is a statement of its own.
    """
    pred = predicate.value if isinstance(predicate, RelationType) else predicate
    parts = [article_id, subject, pred, obj, str(start), str(end)]
    if negated:
        parts.append("negated")
    text = "\x1f".join(parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def statement_iri(
    base: str,
    article_id: str,
    subject: str,
    predicate: RelationType | str,
    obj: str,
    start: int,
    end: int,
    negated: bool = False,
) -> str:
    """``{base}statement/{statement_id(...)}``."""
    ident = statement_id(article_id, subject, predicate, obj, start, end, negated)
    return f"{base}statement/{ident}"


def key_from_iri(base: str, iri: str) -> str | None:
    """The entity key an IRI was minted from, or None if it is not an entity IRI under ``base``."""
    prefix = f"{base}id/"
    if not iri.startswith(prefix):
        return None
    return unquote(iri[len(prefix) :])


def article_id_from_iri(base: str, iri: str) -> str | None:
    """The article id of an article IRI under ``base``, else None."""
    prefix = f"{base}article/"
    return iri[len(prefix) :] if iri.startswith(prefix) else None
