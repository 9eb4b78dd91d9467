"""Stage 2: a document's segments → sentences → spaCy docs, per language.

Each sentence is parsed on its own (``nlp.pipe`` over all sentences of a
language), so a token's document offset is ``sentence.begin + token.idx`` and
no document is ever longer than spaCy's ``max_length``. Chinese sentences are
parsed in Simplified script (``zh/script.py``, same length), so a parsed
sentence's text may differ from the document's by script only. Overlong sentences
(e.g. 2,000 characters without punctuation) are cut at the last comma or
space before :data:`MAX_SENTENCE_CHARS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from ftzgraph.lang.en import sentences as en_sentences
from ftzgraph.lang.models import ModelInfo
from ftzgraph.lang.zh import sentences as zh_sentences
from ftzgraph.lang.zh.script import to_simplified
from ftzgraph.records import Document, Lang, Sentence

MAX_SENTENCE_CHARS = 1500
_SOFT_BREAK = re.compile(r"[，,、；;：:\s]")

SPLITTERS = {"zh": zh_sentences.split_sentences, "en": en_sentences.split_sentences}


@dataclass(frozen=True, slots=True)
class AnalysedSentence:
    sentence: Sentence
    doc: Doc

    @property
    def lang(self) -> Lang:
        return self.sentence.lang

    @property
    def begin(self) -> int:
        return self.sentence.begin


@dataclass(slots=True)
class AnalysedDocument:
    document: Document
    sentences: list[AnalysedSentence] = field(default_factory=list)


@dataclass(slots=True)
class Analyser:
    """Holds one pipeline per language and runs them over documents."""

    pipelines: dict[str, Language]
    models: dict[str, ModelInfo]

    def sentences(self, document: Document) -> list[Sentence]:
        out: list[Sentence] = []
        for segment in document.segments:
            split = SPLITTERS[segment.lang]
            for begin, end in split(document.text, segment.begin, segment.end):
                for b, e in _cap_length(document.text, begin, end):
                    out.append(Sentence(segment.lang, b, e, len(out)))
        return out

    def analyse(self, document: Document) -> AnalysedDocument:
        return next(iter(self.analyse_many([document])))

    def analyse_many(self, documents: Iterable[Document]) -> list[AnalysedDocument]:
        docs = list(documents)
        sentences = [self.sentences(d) for d in docs]
        parsed: dict[tuple[int, int], Doc] = {}
        for lang, nlp in self.pipelines.items():
            keys = [(i, s.index) for i, ss in enumerate(sentences) for s in ss if s.lang == lang]
            prepare = to_simplified if lang == "zh" else str
            texts = (
                prepare(docs[i].text[sentences[i][j].begin : sentences[i][j].end]) for i, j in keys
            )
            for key, doc in zip(keys, nlp.pipe(texts, batch_size=64), strict=True):
                parsed[key] = doc
        return [
            AnalysedDocument(d, [AnalysedSentence(s, parsed[(i, s.index)]) for s in ss])
            for i, (d, ss) in enumerate(zip(docs, sentences, strict=True))
        ]


def _cap_length(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    while end - begin > MAX_SENTENCE_CHARS:
        limit = begin + MAX_SENTENCE_CHARS
        cut = max((m.end() for m in _SOFT_BREAK.finditer(text, begin + 1, limit)), default=limit)
        pieces.append((begin, cut))
        begin = cut
    pieces.append((begin, end))
    return [(b, e) for b, e in pieces if e > b]
