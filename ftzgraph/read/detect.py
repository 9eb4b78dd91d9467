"""Which language a stretch of text is in: Chinese or English."""

from __future__ import annotations

import re

from ftzgraph.records import Lang

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect_language(text: str) -> Lang | None:
    """``"zh"`` when Han characters outnumber Latin words, else ``"en"`` if any, else None.

    A Chinese sentence quoting an acronym (RCEP, FT) stays Chinese; an English
    sentence quoting a Chinese term stays English.
    """
    han = len(_HAN.findall(text))
    words = len(_LATIN_WORD.findall(text))
    if han > words:
        return "zh"
    if words:
        return "en"
    return None
