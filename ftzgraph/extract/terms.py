"""Thesaurus and gazetteer terms in text: longest match, one matcher per language.

Chinese: HanLP's ``hanlp-trie`` longest-match over the sentence characters.
English: spaCy's ``PhraseMatcher`` on lower-cased tokens, with a plural form
of each label's last word added, and overlapping matches reduced to the
longest (``spacy.util.filter_spans``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hanlp_trie import Trie
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from ftzgraph.extract.hits import Hit
from ftzgraph.extract.lexicon import Lexicon, LexiconEntry
from ftzgraph.lang.analysis import AnalysedSentence
from ftzgraph.lang.en.morphology import plural


@dataclass(slots=True)
class TermMatcher:
    lexicon: Lexicon
    en_nlp: Language
    _trie: Trie = field(init=False)
    _matcher: PhraseMatcher = field(init=False)
    _by_key: dict[str, LexiconEntry] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._trie = Trie()
        for entry in self.lexicon.labels("zh"):
            if not _is_list_label(entry.label):
                self._trie[entry.label] = entry
        self._matcher = PhraseMatcher(self.en_nlp.vocab, attr="LOWER")
        for entry in self.lexicon.labels("en"):
            if _is_list_label(entry.label):
                continue
            key = f"{entry.iri}|{entry.label}"
            self._by_key[key] = entry
            variants = {entry.label, plural(entry.label)}
            self._matcher.add(key, [self.en_nlp.make_doc(v) for v in sorted(variants)])

    def find(self, sentence: AnalysedSentence) -> list[Hit]:
        return self._find_zh(sentence) if sentence.lang == "zh" else self._find_en(sentence)

    def _find_zh(self, sentence: AnalysedSentence) -> list[Hit]:
        base = sentence.begin
        return [
            Hit(entry.type, base + b, base + e, "zh", "lexicon", entry.iri)
            for b, e, entry in self._trie.parse_longest(sentence.doc.text)
        ]

    def _find_en(self, sentence: AnalysedSentence) -> list[Hit]:
        doc = sentence.doc
        matches = self._matcher(doc)
        spans = [doc[s:e] for _, s, e in matches]
        keys = {(s, e): self._by_key[doc.vocab.strings[m]] for m, s, e in matches}
        base = sentence.begin
        hits = []
        for span in filter_spans(spans):
            entry = keys[(span.start, span.end)]
            hits.append(
                Hit(
                    entry.type,
                    base + span.start_char,
                    base + span.end_char,
                    "en",
                    "lexicon",
                    entry.iri,
                )
            )
        return hits


def _is_list_label(label: str) -> bool:
    """Labels that are lists (简政放权、放管结合、优化服务) are matched through their items."""
    return "、" in label or "，" in label or ", " in label
