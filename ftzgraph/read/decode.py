"""Bytes → text, for the encodings Chinese policy files come in.

A byte-order mark decides first (and is dropped); then UTF-8; then
GB18030 (a superset of GBK and GB2312, the usual encoding of files saved by
Chinese Windows tools) or Big5, whichever reads as more plausible text; then
whatever charset-normalizer finds. Nothing else is changed: no Unicode normalisation,
CRLF stays CRLF, so offsets into the result are offsets into the file's text.

Almost any run of bytes above 0x80 is valid GB18030, so a guessed reading
(no byte-order mark, not UTF-8) must also look like text: at least
:data:`MIN_PLAUSIBILITY` of its characters ordinary (see :func:`_plausibility`).
Random or binary bytes read that way come out as rare characters and
private-use codes (30–65 % ordinary), real Chinese or English text at 95–100 %.
"""

from __future__ import annotations

import codecs
import contextlib
import unicodedata
from functools import cache

from ftzgraph.read.errors import ReadError

#: Share of ordinary characters a guessed reading needs to count as text.
MIN_PLAUSIBILITY = 0.8

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TRIED = "tried UTF-8, GB18030, Big5"


@cache
def _common_hanzi() -> frozenset[str]:
    """The frequent Chinese characters of both scripts, from Python's own codecs.

    GB2312 level 1 (3,755 simplified characters, rows 0xB0–0xD7) and Big5's
    frequent set (5,401 traditional characters, 0xA440–0xC67E) cover more than
    99 % of the characters of modern texts in either script.
    """
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            _add_decoded(chars, bytes((lead, trail)), "gb2312")
    trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    for lead in range(0xA4, 0xC7):
        for trail in trails:
            if (lead << 8) | trail <= 0xC67E:
                _add_decoded(chars, bytes((lead, trail)), "big5")
    return frozenset(chars)


def _add_decoded(chars: set[str], pair: bytes, encoding: str) -> None:
    with contextlib.suppress(UnicodeDecodeError):  # unassigned code points
        chars.add(pair.decode(encoding))


def _ordinary(ch: str) -> bool:
    if ch.isascii():
        return ch.isprintable() or ch in "\t\n\r\f\v"
    if ch in _common_hanzi():
        return True
    # punctuation, symbols, numbers and spaces of any script: “”、。，％①★ …
    return unicodedata.category(ch)[0] in "PSNZ"


def _plausibility(text: str) -> float:
    """Share of characters that ordinary Chinese or English text is made of.

    Ordinary: printable ASCII and white space, the frequent Chinese characters
    of either script, punctuation, symbols, digits and spaces. Not ordinary:
    rare characters, kana, private-use codes, control characters. Big5 bytes
    also decode as GB18030, but into private-use characters, kana and rare
    symbols; this score tells the two readings apart, and tells text from
    bytes that only happen to be valid GB18030.
    """
    if not text:
        return 0.0
    return sum(1 for ch in text if _ordinary(ch)) / len(text)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`ReadError` for binary or undecodable data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise ReadError(
                    path, f"invalid {encoding} after its byte-order mark: {err}"
                ) from err
            if "\x00" in text:
                raise ReadError(path, f"binary data (NUL characters after a {encoding} mark)")
            return text, encoding
    if b"\x00" in data:
        raise ReadError(path, "binary data (NUL bytes), not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in ("gb18030", "big5"):  # the tie goes to GB18030 (listed first)
        try:
            candidates.append((data.decode(encoding), encoding))
        except UnicodeDecodeError:
            continue
    if not candidates:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ReadError(path, f"not text in any known encoding ({_TRIED})")
        candidates = [(str(best), best.encoding)]
    scored = [(_plausibility(text), text, encoding) for text, encoding in candidates]
    score, text, encoding = max(scored, key=lambda c: c[0])
    if score < MIN_PLAUSIBILITY:
        raise ReadError(
            path,
            f"not text in any known encoding ({_TRIED}): as {encoding.upper()}, only "
            f"{score:.0%} of its characters are ordinary text (a text file has at least "
            f"{MIN_PLAUSIBILITY:.0%}); binary or corrupt data?",
        )
    return text, encoding
