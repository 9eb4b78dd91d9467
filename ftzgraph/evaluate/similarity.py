"""Span similarity as GOLD.md defines it: a multiset F1 over characters (zh) or words (en)."""

from __future__ import annotations

import re
from collections import Counter

#: Characters ignored in Chinese spans besides white space.
ZH_IGNORED = frozenset("，,、。；;：:“”\"'‘’（）()《》「」等如")
#: English words ignored (a small stop list).
EN_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "this",
        "that",
        "these",
        "those",
        "its",
        "it",
        "their",
        "our",
        "we",
        "us",
        "such",
        "etc",
        "which",
        "who",
        "whom",
        "than",
        "more",
        "most",
        "should",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "also",
        "into",
        "about",
        "through",
    ]
)
EN_SUFFIXES = ("ing", "ies", "es", "s", "ed")
THRESHOLDS = {"zh": 0.6, "en": 0.5}
_WORD = re.compile(r"[a-z0-9]+")


def zh_units(span: str) -> list[str]:
    return [ch for ch in span if not ch.isspace() and ch not in ZH_IGNORED]


def en_units(span: str) -> list[str]:
    units = []
    for word in _WORD.findall(span.lower().replace("’", "'")):
        if word in EN_STOP:
            continue
        for suffix in EN_SUFFIXES:  # crude and symmetric: both sides are stripped alike
            if len(word) > len(suffix) + 3 and word.endswith(suffix):
                word = word[: -len(suffix)]
                break
        units.append(word)
    return units


def multiset_f1(predicted: list[str], gold: list[str]) -> float:
    if not predicted or not gold:
        return 0.0
    overlap = sum((Counter(predicted) & Counter(gold)).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / len(predicted), overlap / len(gold)
    return 2 * precision * recall / (precision + recall)


def similarity(lang: str, predicted: str, gold: str) -> float:
    units = zh_units if lang == "zh" else en_units
    return multiset_f1(units(predicted), units(gold))
