"""Sentence-level Chinese goal frames: 是A、B的根本要求 and target sentences (到2025年，…)."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from ftzgraph.lang.spans import RoleSpan
from ftzgraph.lang.zh.clauses import (
    BREAKS,
    ENUM,
    Clause,
    cues,
    make_span,
    opens_verb_phrase,
    split_enumeration,
    split_on,
)


def inside_ranges(clause: Clause, ranges: list[tuple[int, int]]) -> bool:
    begin, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
    return any(b <= begin and end <= e for b, e in ranges)


@cache
def _frame_pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted(cues()["goal-frame"], key=len, reverse=True))
    return re.compile(rf"是([^。；;！？]{{2,60}}?)的[\u4e00-\u9fff]{{0,3}}?(?:{nouns})")


def goal_frames(doc: Doc, consumed: list[tuple[int, int]]) -> list[RoleSpan]:
    """是A，B的根本要求 → goals A and B (each item must open with a verb)."""
    out = []
    for match in _frame_pattern().finditer(doc.text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if span is None:
            continue
        items = [c for c in split_on(list(span), BREAKS | ENUM) if c]
        if items and all(opens_verb_phrase(item) for item in items):
            out += [s for item in items if (s := make_span("Goal", item, "zh-goal-frame"))]
            consumed.append((match.start(), match.end()))
    return out


@cache
def _target_pattern() -> re.Pattern[str]:
    starts = "|".join(sorted(cues()["target-time"], key=len, reverse=True))
    return re.compile(rf"^\s*(?:{starts})\s*(?:\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年")


def is_target_sentence(doc: Doc) -> bool:
    """到2025年，… — the sentence lists targets."""
    return bool(_target_pattern().match(doc.text))


def target_goals(clauses: list[Clause]) -> list[RoleSpan]:
    out = []
    for clause in clauses:
        if _target_pattern().match(clause[0].doc.text[clause[0].idx :]) and len(clause) <= 3:
            continue  # the time phrase itself
        body = clause
        lead = _target_pattern().match(clause[0].doc.text[clause[0].idx :])
        if lead:
            body = [t for t in clause if t.idx >= clause[0].idx + lead.end()]
        out += [
            s
            for item in split_enumeration(body, opens_verb_phrase)
            if (s := make_span("Goal", item, "zh-goal-target"))
        ]
    return out
