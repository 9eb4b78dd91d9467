"""Bytes → text, for the encodings Chinese policy files come in.

UTF-8 is tried first (a leading BOM is dropped), then the byte-order-marked
UTF-16/32 forms, then GB18030 (a superset of GBK and GB2312, the usual
encoding of files saved by Chinese Windows tools), then Big5 and whatever
charset-normalizer finds. Nothing else is changed: no Unicode normalisation,
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


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`ReadError` for binary or undecodable data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise ReadError(path, f"invalid {encoding} after its byte-order mark: {err}") from err
    if b"\x00" in data:
        raise ReadError(path, "binary data (NUL bytes), not a text file")
    for encoding in ("utf-8", "gb18030", "big5"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError(path, "not text in any known encoding (tried UTF-8, GB18030, Big5)")
    return str(best), best.encoding
