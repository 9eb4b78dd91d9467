"""JSONL and CSV corpora: one document per row.

Columns/keys: ``id`` (required), ``zh`` and/or ``en`` (at least one),
optional ``title``, ``year``, ``zone``, ``source``.

The text a row's offsets index is the row written out in the bilingual file
format: ``zh + "\\n<<" + en + "\\n<<\\n"`` (just ``zh`` when there is no
English, ``"<<" + en + "\\n<<\\n"`` when there is no Chinese). Rebuild it the
same way to check a mention's span.

A row that cannot be read (invalid JSON, nesting too deep, a lone surrogate
escape such as ``"\\ud800"``, an ``id`` already used by an earlier row of the
file, a line over :data:`~ftzgraph.read.source.MAX_FILE_BYTES`) is reported
naming its line; the other rows are still read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from ftzgraph.read.decode import decode
from ftzgraph.read.errors import ReadError, ReadFailure
from ftzgraph.read.segments import find_segments
from ftzgraph.read.source import MAX_CORPUS_BYTES, MAX_FILE_BYTES, open_regular, size_text
from ftzgraph.records import Document

_KEYS = ("id", "zh", "en", "title", "year", "zone", "source")


def row_text(zh: str, en: str) -> str:
    """The document text of a corpus row (see the module docstring)."""
    if zh and en:
        return f"{zh}\n<<{en}\n<<\n"
    if en:
        return f"<<{en}\n<<\n"
    return zh


def read_jsonl(path: Path, identifier: str) -> Iterator[Document | ReadFailure]:
    """Rows streamed line by line (JSON Lines is UTF-8), so a large corpus is never all in memory.

    Lines are split on "\n" only: a JSON string may hold U+2028, which
    str.splitlines() would cut at.
    """
    where_file = str(path)
    seen: dict[str, str] = {}
    with open_regular(path) as handle:
        for number, raw in _lines(handle, MAX_FILE_BYTES):
            where = f"{where_file} line {number}"
            if raw is None:
                yield ReadFailure(
                    where, f"line longer than the {size_text(MAX_FILE_BYTES)} limit for one row"
                )
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as err:
                yield ReadFailure(where, f"not UTF-8 ({err.reason})")
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                yield ReadFailure(where, f"invalid JSON: {err.msg}")
                continue
            except RecursionError:
                yield ReadFailure(where, "invalid JSON: nested too deeply")
                continue
            except ValueError as err:  # e.g. an integer of more than 4300 digits
                yield ReadFailure(where, f"invalid JSON: {err}")
                continue
            if not isinstance(row, dict):
                yield ReadFailure(where, "a row must be a JSON object")
                continue
            try:
                yield _row_document(row, where_file, identifier, where, seen)
            except ReadError as err:
                yield ReadFailure(err.path, err.reason)


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)``; None for a line over ``limit`` bytes (skipped, never held)."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:  # drop the rest of the overlong line in bounded pieces
                rest = handle.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, raw


def read_csv(data: bytes, path: str, identifier: str) -> Iterator[Document | ReadFailure]:
    text, _ = decode(data, path)
    if csv.field_size_limit() < MAX_CORPUS_BYTES:  # a cell may hold a whole document
        csv.field_size_limit(MAX_CORPUS_BYTES)
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as err:
        raise ReadError(path, f"broken CSV header: {err}") from err
    if fieldnames is None or "id" not in fieldnames:
        raise ReadError(path, "CSV corpus needs a header row with an 'id' column")
    seen: dict[str, str] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield ReadFailure(f"{path} line {reader.reader.line_num}", f"broken CSV: {err}")
            return
        where = f"{path} line {reader.line_num}"
        if None in row:
            yield ReadFailure(where, "more fields than the header has (broken quoting?)")
            continue
        try:
            yield _row_document(row, path, identifier, where, seen)
        except ReadError as err:
            yield ReadFailure(err.path, err.reason)


def _row_document(
    row: Mapping[str, Any], path: str, identifier: str, where: str, seen: dict[str, str]
) -> Document:
    """The row's document; ``seen`` maps the ids read so far in this file to their lines."""
    try:
        fields = {key: _field(row, key) for key in _KEYS}
    except ReadError as err:
        raise ReadError(where, err.reason) from None
    for key, value in fields.items():
        if not _is_unicode(value):
            raise ReadError(where, f"'{key}' holds a lone surrogate: not valid Unicode text")
    row_id = fields["id"]
    if not row_id:
        raise ReadError(where, "row has no 'id'")
    if row_id in seen:
        raise ReadError(
            where, f"id {row_id!r} already used on {seen[row_id]}; row not read (ids must differ)"
        )
    seen[row_id] = "line " + where.rpartition(" line ")[2]
    zh, en = fields["zh"], fields["en"]
    if not zh.strip() and not en.strip():
        raise ReadError(where, f"row {row_id!r} has neither 'zh' nor 'en' text")
    text = row_text(zh, en)
    if len(text) > MAX_FILE_BYTES // 4 and len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ReadError(
            where, f"row text over the {size_text(MAX_FILE_BYTES)} limit for one document"
        )
    segments = find_segments(text)
    if not segments:
        raise ReadError(where, f"row {row_id!r} has no Chinese or English text")
    return Document(
        identifier=f"{identifier}#{row_id}",
        text=text,
        segments=segments,
        path=path,
        encoding="utf-8",
        title=fields["title"] or None,
        year=fields["year"] or None,
        zone=fields["zone"] or None,
        source=fields["source"] or None,
    )


def _is_unicode(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _field(row: Mapping[str, Any], key: str) -> str:
    """A cell as text: a JSON string or number as written; null or missing as ""."""
    value = row.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        kind = type(value).__name__.replace("dict", "object").replace("list", "array")
        raise ReadError("", f"'{key}' must be a string or a number, not a JSON {kind}")
    return str(value)
