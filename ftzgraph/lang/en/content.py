"""Content words of an English span: noun lemmas, what two phrases must share to be related."""

from __future__ import annotations

from spacy.tokens import Doc

_GENERIC = frozenset(
    {
        "development",
        "construction",
        "system",
        "zone",
        "area",
        "level",
        "way",
        "aspect",
        "field",
        "problem",
        "issue",
        "measure",
        "work",
        "part",
    }
)


def content_terms(doc: Doc, begin: int, end: int) -> set[str]:
    """Lemmas of nouns and proper nouns inside ``doc.text[begin:end]`` (sentence offsets)."""
    span = doc.char_span(begin, end, alignment_mode="contract")
    if span is None:
        return set()
    return {
        t.lemma_.lower()
        for t in span
        if t.pos_ in ("NOUN", "PROPN") and len(t.text) > 2 and t.lemma_.lower() not in _GENERIC
    }
