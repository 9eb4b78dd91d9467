"""What the linker compares: per-sentence anchors and the words of a span, in both languages."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from ftzgraph.lang.analysis import AnalysedDocument, AnalysedSentence
from ftzgraph.link.dictionary import english_words
from ftzgraph.records import DocumentGraph


@dataclass(slots=True)
class SentenceEvidence:
    """Anchors shared across translations: thesaurus/gazetteer concepts and stated numbers."""

    sentence: AnalysedSentence
    concepts: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    words: list[str] | set[str] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.sentence.lang

    @property
    def length(self) -> int:
        return self.sentence.sentence.end - self.sentence.begin


def zh_words(sentence: AnalysedSentence, begin: int, end: int) -> list[str]:
    """jieba words (two or more characters) inside document offsets [begin, end)."""
    base = sentence.begin
    return [
        t.text
        for t in sentence.doc
        if begin <= base + t.idx
        and base + t.idx + len(t.text) <= end
        and len(t.text) >= 2
        and not t.is_punct
    ]


def sentence_evidence(analysed: AnalysedDocument, result: DocumentGraph) -> list[SentenceEvidence]:
    evidence = [SentenceEvidence(s) for s in analysed.sentences]
    starts = [s.begin for s in analysed.sentences]

    def owner(offset: int) -> SentenceEvidence | None:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < analysed.sentences[i].sentence.end:
            return evidence[i]
        return None

    for concept in result.concepts:
        if concept.iri is None:
            continue
        for m in concept.mentions:
            if (e := owner(m.begin)) is not None:
                e.concepts.add(concept.iri)
    for fact in result.facts:
        if (e := owner(fact.mention.begin)) is not None:
            e.numbers.add(format(fact.value.normalize(), "f"))
    for e in evidence:
        s = e.sentence
        if s.lang == "zh":
            e.words = zh_words(s, s.begin, s.sentence.end)
        else:
            e.words = english_words(s.doc.text)
    return evidence


def by_language(evidence: list[SentenceEvidence]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(evidence):
        out[e.lang].append(i)
    return out
