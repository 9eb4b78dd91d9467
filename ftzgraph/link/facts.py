"""Pair the numbers the two languages state, and flag the pairs that disagree.

Within aligned sentences, a Chinese and an English fact are the same
quantity when what they count translates (26个国家和地区 / 25 countries and
regions), or when each side states exactly one number of the same kind.
Paired facts whose values differ become discrepancies; equal values stated
differently (十九 / 19, 百分之七十 / 70%) do not.
"""

from __future__ import annotations

from ftzgraph.lang.analysis import AnalysedSentence
from ftzgraph.link.dictionary import Dictionary, english_words
from ftzgraph.link.evidence import zh_words
from ftzgraph.records import Discrepancy, Fact

CONTEXT_CHARS = 12
CONTEXT_WORDS = 5
PAIR_MIN = 0.3


def _inside(fact: Fact, sentences: list[AnalysedSentence]) -> AnalysedSentence | None:
    return next((s for s in sentences if s.begin <= fact.mention.begin < s.sentence.end), None)


def _zh_context(fact: Fact, sentence: AnalysedSentence) -> list[str]:
    end = min(sentence.sentence.end, fact.mention.end + CONTEXT_CHARS)
    return zh_words(sentence, fact.mention.end, end)


def _en_context(fact: Fact, sentence: AnalysedSentence) -> set[str]:
    rest = sentence.doc.text[fact.mention.end - sentence.begin :]
    return english_words(" ".join(rest.split()[:CONTEXT_WORDS]))


def _kind(fact: Fact) -> str:
    return "share" if fact.unit in ("%", "％") else "count"


def pair_facts(
    facts: list[Fact],
    aligned: list[tuple[list[AnalysedSentence], list[AnalysedSentence]]],
    dictionary: Dictionary,
) -> list[tuple[int, int, float]]:
    """(zh fact index, en fact index, score) for the facts stating the same quantity."""
    pairs: list[tuple[int, int, float]] = []
    for zh_sents, en_sents in aligned:
        zh_facts = [
            (i, f, s)
            for i, f in enumerate(facts)
            if f.lang == "zh" and (s := _inside(f, zh_sents)) is not None
        ]
        en_facts = [
            (i, f, s)
            for i, f in enumerate(facts)
            if f.lang == "en" and (s := _inside(f, en_sents)) is not None
        ]
        scored = []
        for zi, zf, zs in zh_facts:
            context = _zh_context(zf, zs)
            for ei, ef, es in en_facts:
                if _kind(zf) != _kind(ef):
                    continue
                score = dictionary.coverage(context, _en_context(ef, es)) if context else 0.0
                if len(zh_facts) == 1 and len(en_facts) == 1:
                    score = max(score, PAIR_MIN)
                scored.append((score, zi, ei))
        used: set[int] = set()
        for score, zi, ei in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
            if score >= PAIR_MIN and zi not in used and ei not in used:
                used.update((zi, ei))
                pairs.append((zi, ei, round(score, 3)))
    return pairs


def discrepancies(facts: list[Fact], pairs: list[tuple[int, int, float]]) -> list[Discrepancy]:
    return [Discrepancy(zi, ei) for zi, ei, _ in pairs if facts[zi].value != facts[ei].value]
