"""Paths → documents: walk folders, pick the reader for each file kind, report what failed.

Reading never stops at a bad file: :func:`read_paths` yields a
:class:`ReadFailure` naming the file and the reason, and goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ftzgraph.read.corpus import read_csv, read_jsonl
from ftzgraph.read.decode import decode
from ftzgraph.read.errors import ReadError, ReadFailure, Skipped
from ftzgraph.read.segments import find_segments
from ftzgraph.records import Document

TEXT_SUFFIXES = frozenset({".txt", ".md"})
CORPUS_SUFFIXES = frozenset({".jsonl", ".csv"})
#: Files larger than this are refused rather than read into memory.
MAX_FILE_BYTES = 64 * 1024 * 1024


ReadEvent = Document | ReadFailure | Skipped


def read_text_file(path: Path, identifier: str) -> Document:
    """One ``.txt``/``.md`` file as a document; raises :class:`ReadError`."""
    data = _read_bytes(path)
    text, encoding = decode(data, str(path))
    if not text.strip():
        raise ReadError(str(path), "empty file (no text)")
    segments = find_segments(text)
    if not segments:
        raise ReadError(str(path), "no Chinese or English text found")
    return Document(identifier, text, segments, str(path), encoding)


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[ReadEvent]:
    """Documents from files and folders (recursively), in a stable sorted order."""
    for given in paths:
        root = Path(given)
        if root.is_dir():
            for path in _walk(root):
                yield from _read_one(path, path.relative_to(root).as_posix())
        elif root.exists():
            yield from _read_one(root, root.name)
        else:
            yield ReadFailure(str(root), "no such file or directory")


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
    try:
        if suffix in TEXT_SUFFIXES:
            yield read_text_file(path, identifier)
        elif suffix == ".jsonl":
            yield from read_jsonl(path, identifier)
        elif suffix == ".csv":
            yield from read_csv(_read_bytes(path), str(path), identifier)
        else:
            yield Skipped(str(path))
    except ReadError as err:
        yield ReadFailure(err.path, err.reason)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(
                str(path), f"file of {size} bytes exceeds the {MAX_FILE_BYTES} byte limit"
            )
        return path.read_bytes()
    except FileNotFoundError as err:
        raise ReadError(str(path), "file disappeared before it could be read") from err
    except IsADirectoryError as err:
        raise ReadError(str(path), "is a directory") from err
    except OSError as err:
        raise ReadError(str(path), f"cannot read: {err.strerror or err}") from err


def count_documents(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many documents :func:`read_paths` will yield at most (for progress bars and ETAs).

    Counts files by kind without decoding them; corpus files count their
    non-empty lines (a CSV row with embedded newlines counts once per line, so
    this is an upper bound there).
    """
    total = 0
    for given in paths:
        root = Path(given)
        files = _walk(root) if root.is_dir() else iter([root] if root.exists() else [])
        for path in files:
            suffix = path.suffix.lower()
            if suffix in TEXT_SUFFIXES:
                total += 1
            elif suffix in CORPUS_SUFFIXES:
                try:
                    with path.open("rb") as handle:
                        lines = sum(1 for line in handle if line.strip())
                except OSError:
                    continue
                total += max(lines - (1 if suffix == ".csv" else 0), 0)
    return total
