"""JSONL and CSV corpora: one document per row.

Columns/keys: ``id`` (required), ``zh`` and/or ``en`` (at least one),
optional ``title``, ``year``, ``zone``, ``source``.

The text a row's offsets index is the row written out in the bilingual file
format: ``zh + "\\n<<" + en + "\\n<<\\n"`` (just ``zh`` when there is no
English, ``"<<" + en + "\\n<<\\n"`` when there is no Chinese). Rebuild it the
same way to check a mention's span.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ftzgraph.read.decode import decode
from ftzgraph.read.errors import ReadError, ReadFailure
from ftzgraph.read.segments import find_segments
from ftzgraph.records import Document


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
    try:
        handle = path.open("rb")
    except OSError as err:
        raise ReadError(where_file, f"cannot read: {err.strerror or err}") from err
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{where_file} line {number}"
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
            if not isinstance(row, dict):
                yield ReadFailure(where, "a row must be a JSON object")
                continue
            try:
                yield _row_document(row, where_file, identifier, where)
            except ReadError as err:
                yield ReadFailure(err.path, err.reason)


def read_csv(data: bytes, path: str, identifier: str) -> Iterator[Document | ReadFailure]:
    text, _ = decode(data, path)
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    if reader.fieldnames is None or "id" not in reader.fieldnames:
        raise ReadError(path, "CSV corpus needs a header row with an 'id' column")
    number = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield ReadFailure(f"{path} line {reader.reader.line_num}", f"broken CSV: {err}")
            return
        number += 1
        where = f"{path} line {reader.line_num}"
        if None in row:
            yield ReadFailure(where, "more fields than the header has (broken quoting?)")
            continue
        try:
            yield _row_document(row, path, identifier, where)
        except ReadError as err:
            yield ReadFailure(err.path, err.reason)


def _row_document(row: Mapping[str, Any], path: str, identifier: str, where: str) -> Document:
    row_id = _field(row, "id")
    if not row_id:
        raise ReadError(where, "row has no 'id'")
    zh, en = _field(row, "zh"), _field(row, "en")
    if not zh.strip() and not en.strip():
        raise ReadError(where, f"row {row_id!r} has neither 'zh' nor 'en' text")
    text = row_text(zh, en)
    return Document(
        identifier=f"{identifier}#{row_id}",
        text=text,
        segments=find_segments(text),
        path=path,
        encoding="utf-8",
        title=_field(row, "title") or None,
        year=_field(row, "year") or None,
        zone=_field(row, "zone") or None,
        source=_field(row, "source") or None,
    )


def _field(row: Mapping[str, Any], key: str) -> str:
    value = row.get(key)
    if value is None:
        return ""
    return str(value)
