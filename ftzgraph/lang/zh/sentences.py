"""Chinese sentence splitting.

Ends a sentence at 。！？ (and their ASCII forms) and at line breaks;
semicolons do not end one (the role rules split clauses themselves). Closing quotes and
brackets after the terminator stay with the sentence, whichever way round the
quotes are (real files have reversed ``”…“``). A full stop between digits
(3.5) is a decimal point, not an end.
"""

from __future__ import annotations

import re

from ftzgraph.lang.spans import add_trimmed

_END = "。！？!?"
_TRAILERS = "”’\"'」』）)】》〉“‘"
_BREAK = re.compile(r"\r\n|\r|\n")


def split_sentences(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans ``(b, e)`` of ``text[begin:end]``, in document offsets, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = begin
    i = begin
    while i < end:
        ch = text[i]
        if ch in _END or (ch == "." and _is_full_stop(text, i, end)):
            j = i + 1
            while j < end and (text[j] in _END or text[j] in _TRAILERS):
                j += 1
            add_trimmed(text, start, j, spans)
            start = i = j
            continue
        if ch in "\r\n":
            add_trimmed(text, start, i, spans)
            start = i + 1
        i += 1
    add_trimmed(text, start, end, spans)
    return spans


def _is_full_stop(text: str, i: int, end: int) -> bool:
    """An ASCII period ends a Chinese sentence unless it sits between digits or letters."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < end else ""
    return not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum())
