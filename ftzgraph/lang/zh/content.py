"""Content words of a Chinese span: what two phrases must share to be about the same thing."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from ftzgraph.lang.zh.clauses import cues

#: Cue roles whose words carry no topic (verbs of recommending, problem predicates …).
_NOT_CONTENT = (
    "action",
    "adverb",
    "modal",
    "problem",
    "problem-intro",
    "vague",
    "connector",
    "trailing",
    "function",
    "purpose",
    "means",
    "nominal",
    "problem-noun",
)


@cache
def _stop_words() -> frozenset[str]:
    return frozenset().union(*(cues().get(role, frozenset()) for role in _NOT_CONTENT))


def content_terms(doc: Doc, begin: int, end: int) -> set[str]:
    """jieba words of ``doc.text[begin:end]`` (sentence offsets) of two or more Han characters."""
    stop = _stop_words()
    span = doc.char_span(begin, end, alignment_mode="contract")
    if span is None:
        return set()
    return {
        t.text
        for t in span
        if len(t.text) >= 2
        and all("\u4e00" <= ch <= "\u9fff" for ch in t.text)
        and t.text not in stop
    }
