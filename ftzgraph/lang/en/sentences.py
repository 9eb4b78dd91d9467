"""English sentence splitting that knows abbreviations.

A sentence ends at . ! ? followed by white space (or a closing quote) and an
upper-case letter, digit or opening quote — unless the period closes an
abbreviation (e.g., i.e., No., Art., U.S.) or an initial. ``etc.`` ends a
sentence only when a capitalised word follows. Line breaks always end one.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from ftzgraph.lang.spans import add_trimmed

_CANDIDATE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|[.!?]+[\"'”’)\]]*\s*$")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations (lower-case, without the final period) from ``abbreviations.txt``."""
    text = resources.files(__package__).joinpath("abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower().rstrip(".")
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def split_sentences(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans ``(b, e)`` of ``text[begin:end]``, in document offsets, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    for line_begin, line_end in _lines(text, begin, end):
        start = line_begin
        chunk = text[line_begin:line_end]
        for match in _CANDIDATE.finditer(chunk):
            stop = line_begin + match.end()
            if match.group().startswith(".") and not _ends_sentence(chunk, match.start()):
                continue
            add_trimmed(text, start, stop, spans)
            start = stop
        add_trimmed(text, start, line_end, spans)
    return spans


def _ends_sentence(chunk: str, dot: int) -> bool:
    word = _WORD_BEFORE.search(chunk, max(0, dot - 40), dot)  # a window: linear, not quadratic
    if word is None:
        return True
    token = word.group(1).lower()
    if len(token) == 1 and token.isalpha():
        return False  # an initial: "J. Smith"
    if token == "etc":
        return True  # followed by a capital (the pattern made sure)
    return token not in abbreviations() and "." not in token.rstrip(".")


def _lines(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    out = []
    start = begin
    for i in range(begin, end):
        if text[i] in "\r\n":
            out.append((start, i))
            start = i + 1
    out.append((start, end))
    return out
