"""Paths → documents: walk folders, pick the reader for each file kind, report what failed.

Reading never stops at a bad file: :func:`read_paths` yields a
:class:`ReadFailure` naming the file and the reason, and goes on. Only regular
files are opened (a FIFO, a device or a socket is refused, without blocking),
and never more than :data:`MAX_FILE_BYTES` of one document (see
:mod:`ftzgraph.read.source`). Nothing a file holds or is named can stop the
walk: every problem becomes a failure record.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ftzgraph.read.corpus import read_csv, read_jsonl
from ftzgraph.read.decode import decode
from ftzgraph.read.errors import ReadError, ReadFailure, Skipped
from ftzgraph.read.segments import find_segments
from ftzgraph.read.source import (
    MAX_CORPUS_BYTES,
    MAX_FILE_BYTES,
    is_regular,
    open_regular,
    read_regular,
)
from ftzgraph.records import Document

TEXT_SUFFIXES = frozenset({".txt", ".md"})
CORPUS_SUFFIXES = frozenset({".jsonl", ".csv"})

__all__ = [
    "CORPUS_SUFFIXES",
    "MAX_CORPUS_BYTES",
    "MAX_FILE_BYTES",
    "TEXT_SUFFIXES",
    "ReadEvent",
    "count_documents",
    "read_paths",
    "read_text_file",
]

ReadEvent = Document | ReadFailure | Skipped


def read_text_file(path: Path, identifier: str) -> Document:
    """One ``.txt``/``.md`` file as a document; raises :class:`ReadError`."""
    data = read_regular(path, MAX_FILE_BYTES)
    text, encoding = decode(data, str(path))
    if not text.strip():
        raise ReadError(str(path), "empty file (no text)")
    segments = find_segments(text)
    if not segments:
        raise ReadError(str(path), "no Chinese or English text found")
    return Document(identifier, text, segments, str(path), encoding)


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[ReadEvent]:
    """Documents from files and folders (recursively), in a stable sorted order.

    A document whose identifier was already read in this call (the same file
    name under two folders given, the same folder given twice) is a failure,
    not a second document: it would replace the first in the store. Within one
    folder or file identifiers cannot repeat (corpus files check their row
    ids), so only a call with several paths keeps the identifiers it has read.
    """
    roots = [Path(given) for given in paths]
    first_seen: dict[str, str] | None = {} if len(roots) > 1 else None
    for root in roots:
        if root.is_dir():
            events = (
                event
                for path in _walk(root)
                for event in _read_one(path, path.relative_to(root).as_posix())
            )
        elif root.exists() or root.is_symlink():
            events = _read_one(root, root.name)
        else:
            events = iter([ReadFailure(str(root), "no such file or directory")])
        for event in events:
            if first_seen is not None and isinstance(event, Document):
                earlier = first_seen.get(event.identifier)
                if earlier is not None:
                    yield ReadFailure(
                        event.path,
                        f"document {event.identifier!r} was already read from {earlier}; "
                        "not read again, so that it does not replace that one",
                    )
                    continue
                first_seen[event.identifier] = event.path
            yield event


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` by relative path; symlinked folders are not followed (no loops)."""
    found = [
        Path(dirpath) / name
        for dirpath, _, filenames in os.walk(root, followlinks=False)
        for name in filenames
    ]
    yield from sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _read_one(path: Path, identifier: str) -> Iterator[ReadEvent]:
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES and suffix not in CORPUS_SUFFIXES:
        yield Skipped(str(path))
        return
    if not _is_unicode(str(path)):
        # os.walk gives undecodable bytes of a name as lone surrogates; they cannot
        # be written to the store (UTF-8) or into an IRI.
        yield ReadFailure(str(path), "file name is not valid UTF-8; rename the file")
        return
    try:
        if suffix in TEXT_SUFFIXES:
            yield read_text_file(path, identifier)
        elif suffix == ".jsonl":
            yield from read_jsonl(path, identifier)
        else:
            data = read_regular(path, MAX_CORPUS_BYTES, unit="CSV corpus")
            yield from read_csv(data, str(path), identifier)
    except ReadError as err:
        yield ReadFailure(err.path, err.reason)


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def count_documents(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many documents :func:`read_paths` will yield at most (for progress bars and ETAs).

    Counts files by kind without decoding them; corpus files count their
    non-empty lines (a CSV row with embedded newlines counts once per line, so
    this is an upper bound there). Only regular files are opened (a FIFO would
    block, a link to ``/dev/zero`` never end).
    """
    total = 0
    for given in paths:
        root = Path(given)
        files = _walk(root) if root.is_dir() else iter([root] if root.exists() else [])
        for path in files:
            suffix = path.suffix.lower()
            if suffix in TEXT_SUFFIXES:
                total += 1
            elif suffix in CORPUS_SUFFIXES and is_regular(path):
                total += max(_count_lines(path) - (1 if suffix == ".csv" else 0), 0)
    return total


def _count_lines(path: Path) -> int:
    """Non-blank lines, read in bounded pieces (a line may be longer than memory allows)."""
    lines, blank = 0, True
    try:
        with open_regular(path) as handle:
            while piece := handle.readline(1 << 20):
                blank = blank and not piece.strip()
                if piece.endswith(b"\n"):
                    lines += not blank
                    blank = True
    except (ReadError, OSError):
        return 0
    return lines + (not blank)
