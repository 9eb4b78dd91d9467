"""Named entities beyond the lexicon: zones, places, organizations, agreements, events.

English comes from spaCy's NER; Chinese from the name patterns of
``lang/zh/names.py`` (gazetteer places + suffixes, meeting patterns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ftzgraph.extract.hits import Hit
from ftzgraph.extract.lexicon import Lexicon
from ftzgraph.lang.analysis import AnalysedSentence
from ftzgraph.lang.zh import names as zh_names

#: spaCy NER labels → concept types (``LAW`` only when it names an agreement).
NER_TYPES = {
    "GPE": "Place",
    "LOC": "Place",
    "ORG": "Organization",
    "EVENT": "Event",
    "LAW": "Agreement",
    "FAC": "Place",
}
_AGREEMENT_WORDS = re.compile(r"\b(agreement|treaty|arrangement|partnership|accord)s?\b", re.I)
#: NER spans that are headings or clauses, not names (Chapter VI … Article 38).
_NOT_A_NAME = re.compile(r"\b(chapter|article|section|paragraph)\b", re.I)
MAX_NAME_TOKENS = 8
#: Types a 《title》 does not assert: 《中华人民共和国…法》 names a law, not a place.
TITLE_BLIND = frozenset({"Place"})
_LEADING_DET = re.compile(r"^(the|a|an)\s+", re.I)


@dataclass(slots=True)
class EntityFinder:
    lexicon: Lexicon
    _zh_patterns: list[tuple[str, re.Pattern[str]]] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        places = [e.label for e in self.lexicon.labels("zh") if e.type == "Place"]
        for ctype in ("Organization", "Zone"):
            pattern = zh_names.place_name_pattern(places, ctype)
            if pattern is not None:
                self._zh_patterns.append((ctype, pattern))
        self._zh_patterns.extend(("Event", p) for p in zh_names.EVENT_PATTERNS)

    def find(self, sentence: AnalysedSentence) -> list[Hit]:
        return self._find_zh(sentence) if sentence.lang == "zh" else self._find_en(sentence)

    def _find_zh(self, sentence: AnalysedSentence) -> list[Hit]:
        text, base = sentence.doc.text, sentence.begin
        return [
            Hit(ctype, base + m.start(), base + m.end(), "zh", f"zh-name-{ctype.lower()}")
            for ctype, pattern in self._zh_patterns
            for m in pattern.finditer(text)
        ]

    def _find_en(self, sentence: AnalysedSentence) -> list[Hit]:
        hits = []
        base = sentence.begin
        for ent in sentence.doc.ents:
            ctype = NER_TYPES.get(ent.label_)
            if ctype is None or (ctype == "Agreement" and not _AGREEMENT_WORDS.search(ent.text)):
                continue
            if len(ent) > MAX_NAME_TOKENS or _NOT_A_NAME.search(ent.text):
                continue
            start = ent.start_char
            if det := _LEADING_DET.match(ent.text):
                start += det.end()
            end = ent.end_char
            while end > start and not ent.doc.text[end - 1].isalnum():
                end -= 1  # drop a trailing possessive or quote
            if ent.doc.text[end - 2 : end] in ("’s", "'s"):
                end -= 2
            if end > start:
                hits.append(Hit(ctype, base + start, base + end, "en", f"en-ner-{ent.label_}"))
        return hits


def outside_titles(hits: list[Hit], sentence: AnalysedSentence) -> list[Hit]:
    """Chinese places inside a 《document title》 are dropped (issuing bodies are kept)."""
    if sentence.lang != "zh":
        return hits
    titles = [
        (sentence.begin + b, sentence.begin + e) for b, e in zh_names.title_spans(sentence.doc.text)
    ]
    return [
        h
        for h in hits
        if h.type not in TITLE_BLIND or not any(b <= h.begin and h.end <= e for b, e in titles)
    ]
