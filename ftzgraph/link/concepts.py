"""Join a concept's Chinese and English wordings into one node.

Concepts from the thesaurus and gazetteer already share their IRI. The
others are paired within aligned sentences: same type, words that translate
(dictionary agreement), and the same position in parallel enumerations
(the third problem listed in Chinese is likely the third in English). Pairs
are taken best first. Two discovered wordings become one node keyed by both,
so its two labels stay consistent wherever it recurs; a discovered wording
paired with a thesaurus or gazetteer concept joins that concept.
"""

from __future__ import annotations

from dataclasses import dataclass

from ftzgraph.lang.analysis import AnalysedSentence
from ftzgraph.link.dictionary import Dictionary, english_words
from ftzgraph.link.evidence import zh_words
from ftzgraph.records import Concept, ConceptLink, Mention, Relation

LINK_MIN = 0.3
POSITION_BONUS = 0.15


@dataclass(frozen=True, slots=True)
class _Candidate:
    score: float
    zh: str
    en: str


def _mentions_in(concept: Concept, sentences: list[AnalysedSentence], lang: str) -> list[Mention]:
    return [
        m
        for m in concept.mentions
        if m.lang == lang and any(s.begin <= m.begin < s.sentence.end for s in sentences)
    ]


def _rank(concept: Concept, mention: Mention, peers: list[tuple[Concept, Mention]]) -> int:
    same = sorted(m.begin for c, m in peers if c.types & concept.types)
    return same.index(mention.begin) if mention.begin in same else -1


def pair_concepts(
    concepts: list[Concept],
    aligned: list[tuple[list[AnalysedSentence], list[AnalysedSentence]]],
    dictionary: Dictionary,
) -> list[_Candidate]:
    """Scored (zh concept, en concept) candidates over all aligned sentence groups."""
    candidates: dict[tuple[str, str], float] = {}
    for zh_sents, en_sents in aligned:
        zh_side = [(c, m) for c in concepts for m in _mentions_in(c, zh_sents, "zh")]
        en_side = [(c, m) for c in concepts for m in _mentions_in(c, en_sents, "en")]
        for zc, zm in zh_side:
            sentence = next(s for s in zh_sents if s.begin <= zm.begin < s.sentence.end)
            words = zh_words(sentence, zm.begin, zm.end) or [zm.anchor]
            for ec, em in en_side:
                if (
                    not zc.types & ec.types
                    or zc.key == ec.key
                    or not (zc.discovered or ec.discovered)
                ):
                    continue  # two lexicon concepts: their IRIs already decide
                score = dictionary.agreement(words, english_words(em.anchor))
                if _rank(zc, zm, zh_side) == _rank(ec, em, en_side) >= 0 and len(zh_side) > 1:
                    score += POSITION_BONUS
                key = (zc.key, ec.key)
                candidates[key] = max(candidates.get(key, 0.0), score)
    ranked = sorted(
        ((s, z, e) for (z, e), s in candidates.items()), key=lambda c: (-c[0], c[1], c[2])
    )
    used: set[str] = set()
    chosen = []
    for score, zh_key, en_key in ranked:
        if score < LINK_MIN or zh_key in used or en_key in used:
            continue
        used.update((zh_key, en_key))
        chosen.append(_Candidate(round(min(score, 1.0), 3), zh_key, en_key))
    return chosen


def merge(
    concepts: list[Concept], relations: list[Relation], pairs: list[_Candidate]
) -> tuple[list[Concept], list[Relation], list[ConceptLink]]:
    """Concepts with each pair joined into one node; relations re-pointed; one link record each."""
    by_key = {c.key: c for c in concepts}
    renamed: dict[str, str] = {}
    joined: dict[str, Concept] = {}
    links = []
    for pair in pairs:
        zh, en = by_key[pair.zh], by_key[pair.en]
        if not (zh.discovered and en.discovered):
            lexical, wording = (en, zh) if zh.discovered else (zh, en)
            lexical.mentions.extend(wording.mentions)
            lexical.types |= wording.types
            renamed[wording.key] = lexical.key
            links.append(ConceptLink(lexical.key, pair.score, "aligned-sentences-lexicon"))
            continue
        types = zh.types | en.types
        zh_label, en_label = zh.labels.get("zh", ""), en.labels.get("en", "")
        key = f"{'+'.join(sorted(types))}|zh:{zh_label}|en:{en_label}"
        node = Concept(
            key,
            types,
            {"zh": zh_label, "en": en_label},
            None,
            zh.mentions + en.mentions,
            {**zh.matches, **en.matches},
        )
        joined[key] = node
        renamed[zh.key] = renamed[en.key] = key
        links.append(ConceptLink(key, pair.score, "aligned-sentences"))
    out = []
    for concept in concepts:
        if concept.key in renamed:
            target = joined.pop(renamed[concept.key], None)
            if target is not None:
                out.append(target)  # a lexicon concept absorbing a wording stays as it is
        else:
            out.append(concept)
    moved = [
        Relation(
            renamed.get(r.subject, r.subject),
            r.property,
            renamed.get(r.object, r.object),
            r.rule,
            r.confidence,
        )
        for r in relations
    ]
    unique = {(r.subject, r.property, r.object): r for r in moved if r.subject != r.object}
    return out, list(unique.values()), links
