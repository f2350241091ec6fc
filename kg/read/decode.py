"""Bytes to text: UTF-8 first, a legacy encoding only when it clearly fits.

A file that is not text (NUL bytes, control characters) or that no
candidate encoding turns into readable text is refused with a reason that
names the problem, never guessed into mojibake.
"""

from __future__ import annotations

import codecs
import re

from kg.errors import InputError

#: Tried, in order, after UTF-8 fails. cp1252 is the usual legacy encoding of
#: Western news sites; ISO-8859-15 covers the rest of Latin-9 text.
LEGACY_ENCODINGS: tuple[str, ...] = ("cp1252", "iso-8859-15")

#: C0 and C1 control characters other than tab, line feed, form feed and CR.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
#: A well-formed UTF-8 sequence of two to four bytes.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
#: A stray control character in valid UTF-8 is tolerated up to this share.
_UTF8_CONTROL_SHARE = 0.001
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data`` as text, or raise ``InputError`` saying why it is not text.

    ``declared`` is an encoding the file names itself (an HTML ``<meta
    charset>``); it is tried right after UTF-8.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), source, encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    source, f"starts like {encoding} text but is not ({exc.reason})"
                ) from None
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), source, "UTF-8")
    except UnicodeDecodeError as exc:
        utf8_error = f"invalid UTF-8 byte 0x{data[exc.start]:02x} at offset {exc.start}"
    if _UTF8_MULTIBYTE.search(data):
        # Legacy text almost never holds valid UTF-8 sequences: this is
        # damaged UTF-8, which a legacy decoding would turn into mojibake.
        raise InputError(source, f"damaged UTF-8 text ({utf8_error}); repair or re-export it")
    for encoding in _candidates(declared):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if looks_like_text(text):
            return text
    raise InputError(
        source,
        f"not UTF-8 text ({utf8_error}) and not readable as "
        f"{' or '.join(_candidates(declared))}; convert it to UTF-8",
    )


def looks_like_text(text: str, tolerance: float = 0.0) -> bool:
    """True when at most ``tolerance`` of the characters are control characters.

    Control characters (other than tab and line breaks) mean the bytes were
    not text in the encoding tried.
    """
    if not text:
        return True
    return len(_CONTROL.findall(text)) <= tolerance * len(text)


def _checked(text: str, source: str, encoding: str) -> str:
    if not looks_like_text(text, _UTF8_CONTROL_SHARE):
        raise InputError(source, f"binary file (control characters in the {encoding} text)")
    return text


def _candidates(declared: str | None) -> tuple[str, ...]:
    names: list[str] = []
    if declared:
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = ""
        if name and name not in ("utf-8", "utf-8-sig"):
            names.append(name)
    names.extend(enc for enc in LEGACY_ENCODINGS if enc not in names)
    return tuple(names)
