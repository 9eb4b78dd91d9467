"""Bytes → text, for the encodings Chinese policy files come in.

A byte-order mark decides first (and is dropped); then UTF-8; then
GB18030 (a superset of GBK and GB2312, the usual encoding of files saved by
Chinese Windows tools) or Big5, whichever reads as more plausible text; then
whatever charset-normalizer finds. Nothing else is changed: no Unicode normalisation,
CRLF stays CRLF, so offsets into the result are offsets into the file's text.
"""

from __future__ import annotations

import codecs

from ftzgraph.read.errors import ReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _plausibility(text: str) -> float:
    """Share of characters that ordinary Chinese or English text is made of.

    Big5 bytes also decode as GB18030, but into private-use characters, kana
    and rare symbols; this score tells the two readings apart.
    """
    if not text:
        return 0.0
    usual = sum(
        1
        for ch in text
        if ch.isascii()
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch in "“”‘’…—·"
    )
    return usual / len(text)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`ReadError` for binary or undecodable data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise ReadError(
                    path, f"invalid {encoding} after its byte-order mark: {err}"
                ) from err
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
    if candidates:
        return max(candidates, key=lambda c: _plausibility(c[0]))
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError(path, "not text in any known encoding (tried UTF-8, GB18030, Big5)")
    return str(best), best.encoding
