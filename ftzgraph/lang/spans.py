"""The records both languages' finders return, in sentence offsets."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Quantity:
    """A stated number at ``[begin, end)`` of the sentence text."""

    begin: int
    end: int
    value: Decimal
    unit: str


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A Problem/Recommendation/Goal/Achievement at ``[begin, end)`` of the sentence text."""

    type: str
    begin: int
    end: int
    rule: str


def add_trimmed(text: str, begin: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append ``[begin, end)`` with surrounding white space trimmed, unless nothing is left."""
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if end > begin:
        spans.append((begin, end))
