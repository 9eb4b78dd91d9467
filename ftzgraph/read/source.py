"""Opening input files safely: regular files only, and never more than a stated size.

What a folder may hold besides text files: a FIFO (opening it for reading
waits for a writer, forever), a symbolic link to ``/dev/zero`` or
``/dev/urandom`` (endless data), a socket, a file another program is still
writing or has just deleted. The reader opens only regular files, without
blocking (``O_NONBLOCK``), checks the kind again on the open descriptor (a
file swapped for a FIFO after the first check is still refused), and never
reads more than the limit plus one byte.

Limits, chosen for the pipeline's speed (about 40 000 Chinese or 25 000
English characters a second on one core, and about 170 bytes of N-Quads per
character of Chinese text held in memory while a document is stored):

- :data:`MAX_FILE_BYTES` (8 MiB) for one document: a ``.txt``/``.md`` file,
  one JSONL line, one CSV row. 8 MiB of Chinese UTF-8 is about 2.8 million
  characters, a minute or two of analysis; larger texts should be split
  (one file per chapter), which also makes incremental updates finer.
- :data:`MAX_CORPUS_BYTES` (64 MiB) for a ``.csv`` corpus as a whole, which
  is read into memory to detect its encoding. JSONL corpora are streamed
  line by line and have no limit as a whole.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from ftzgraph.read.errors import ReadError

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_CORPUS_BYTES = 64 * 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def size_text(size: int) -> str:
    """``8 MiB``, ``52428800 bytes`` and the like, for messages."""
    if size % (1024 * 1024) == 0:
        return f"{size // (1024 * 1024)} MiB"
    return f"{size} bytes"


def too_large(path: str, size: int | None, limit: int, unit: str = "document") -> ReadError:
    actual = "more than that" if size is None else f"{size} bytes"
    return ReadError(
        path,
        f"too large: {actual}, over the {size_text(limit)} limit for one {unit} "
        "(split it into smaller files; see README, Input)",
    )


def open_regular(path: Path, limit: int | None = None, unit: str = "document") -> BinaryIO:
    """A regular file opened for reading in binary; raises :class:`ReadError` otherwise.

    ``limit`` refuses a file larger than that many bytes before anything is read.
    """
    where = str(path)
    try:
        info = os.stat(path)  # follows symbolic links: the kind of what would be read
    except FileNotFoundError as err:
        if os.path.islink(path):
            raise ReadError(where, "a symbolic link to a file that does not exist") from err
        raise ReadError(where, "file disappeared before it could be read") from err
    except OSError as err:
        raise ReadError(where, f"cannot read: {err.strerror or err}") from err
    _check_regular(where, info.st_mode)
    if limit is not None and info.st_size > limit:
        raise too_large(where, info.st_size, limit, unit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as err:
        raise ReadError(where, "file disappeared before it could be read") from err
    except OSError as err:
        raise ReadError(where, f"cannot read: {err.strerror or err}") from err
    try:
        _check_regular(where, os.fstat(fd).st_mode)  # swapped since the first look?
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, limit: int = MAX_FILE_BYTES, unit: str = "document") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; raises :class:`ReadError`."""
    with open_regular(path, limit, unit) as handle:
        try:
            data = handle.read(limit + 1)  # the file may have grown since it was measured
        except OSError as err:
            raise ReadError(str(path), f"cannot read: {err.strerror or err}") from err
    if len(data) > limit:
        raise too_large(str(path), None, limit, unit)
    return data


def is_regular(path: Path) -> bool:
    """Whether ``path`` is (or links to) a regular file; never raises."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _check_regular(where: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "some other kind of file")
    raise ReadError(where, f"not a regular file but {kind}; only regular files are read")
