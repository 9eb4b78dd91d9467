"""The one error type the reader raises."""

from __future__ import annotations

from dataclasses import dataclass


class ReadError(Exception):
    """A file (or corpus row) that cannot be read; names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A file or corpus row that could not be read: reported, never raised."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file of a kind ftzgraph does not read (e.g. ``.json``, images)."""

    path: str
