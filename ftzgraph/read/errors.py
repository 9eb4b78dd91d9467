"""The one error type the reader raises, and the records of what it did not read."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that would break a one-line message or a terminal: C0/C1 controls,
# line and paragraph separators, and the lone surrogates that stand for the
# undecodable bytes of a file name that is not UTF-8.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def shown(text: str) -> str:
    """``text`` on one line: control characters escaped (``\\n``, ``\\x1b``), and the
    undecodable bytes of a non-UTF-8 file name shown as ``\\xff``."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the byte it stands for
        return f"\\x{code - 0xDC00:02x}"
    escapes = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if match.group() in escapes:
        return escapes[match.group()]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class ReadError(Exception):
    """A file (or corpus row) that cannot be read; names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{shown(path)}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A file or corpus row that could not be read: reported, never raised.

    ``str()`` gives the one-line message ``<path>: <reason>`` (control characters
    in the path escaped, so a file named with a line break still gives one line).
    """

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{shown(self.path)}: {shown(self.reason)}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file of a kind ftzgraph does not read (e.g. ``.json``, images)."""

    path: str
