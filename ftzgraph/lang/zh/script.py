"""Traditional → Simplified, one character for one character, so offsets survive.

Cue lists, the thesaurus and jieba's dictionary are Simplified; Traditional
text (Big5 files, Hong Kong and Taiwan sources) is matched through a
converted copy of the same length, and every span is then read off the
original text. OpenCC's character table is used; its phrase table is not,
since a phrase conversion may change the length.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _table() -> dict[int, str]:
    data = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt")
    table: dict[int, str] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        simplified = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(simplified) == 1 and source != simplified:
            table[ord(source)] = simplified
    return table


def to_simplified(text: str) -> str:
    """``text`` with Traditional characters replaced; ``len`` is unchanged."""
    return text.translate(_table())


def is_traditional(text: str) -> bool:
    return any(ord(ch) in _table() for ch in text)
