"""Find the language segments of a document text.

The bilingual format (``GOLD.md``): the Chinese text, then a line starting
with ``<<`` whose rest is the English text, and a closing line holding ``<<``.
A file without markers is split into runs of lines by detected language, so a
Chinese-only, an English-only or an unmarked Chinese-then-English file all
come out right.
"""

from __future__ import annotations

import re

from ftzgraph.read.detect import detect_language
from ftzgraph.records import Lang, Segment

_MARKER = re.compile(r"(?:^|(?<=\r))<<", re.MULTILINE)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def find_segments(text: str) -> tuple[Segment, ...]:
    markers = [m.start() for m in _MARKER.finditer(text)]
    if not markers:
        return _detected(text, 0, len(text))
    first = markers[0]
    segments = list(_detected(text, 0, first))
    # English runs from after each opening marker to the next marker.
    for i, start in enumerate(markers):
        end = markers[i + 1] if i + 1 < len(markers) else len(text)
        if i % 2 == 0:
            segments.extend(_trimmed("en", text, start + 2, end))
        else:
            segments.extend(_detected(text, start + 2, end))
    return tuple(segments)


def _trimmed(lang: Lang, text: str, begin: int, end: int) -> list[Segment]:
    """The span without surrounding white space; none when it holds no letter at all
    (a stray ``<<``, a line of digits or punctuation between markers is no text)."""
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if not any(ch.isalpha() for ch in text[begin:end]):
        return []
    return [Segment(lang, begin, end)]


def _detected(text: str, begin: int, end: int) -> tuple[Segment, ...]:
    """Runs of consecutive lines of one detected language; blank lines join runs."""
    runs: list[Segment] = []
    for match in _LINE.finditer(text, begin, end):
        if match.start() == match.end():
            break
        line_end = match.end()
        lang = detect_language(text[match.start() : line_end])
        if lang is None:
            continue
        trimmed = _trimmed(lang, text, match.start(), line_end)
        if not trimmed:
            continue
        seg = trimmed[0]
        if runs and runs[-1].lang == lang:
            runs[-1] = Segment(lang, runs[-1].begin, seg.end)
        else:
            runs.append(seg)
    return tuple(runs)
