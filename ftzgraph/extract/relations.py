"""Relations between concepts, each with the rule that found it and a confidence.

- ``concerns``: a problem or recommendation whose span contains a reform area's mention;
- ``serves``: a recommendation and a goal of the same sentence where the goal is a
  purpose (为…/in order to …) or the end a means serves (通过A，B);
- ``addresses``: a recommendation and a problem of one document and language whose
  spans share content words (破除…障碍 / …障碍) or thesaurus concepts; the more they
  share, the surer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from ftzgraph.extract.hits import Hit
from ftzgraph.lang.analysis import AnalysedDocument, AnalysedSentence
from ftzgraph.lang.en.content import content_terms as en_terms
from ftzgraph.lang.zh.content import content_terms as zh_terms
from ftzgraph.records import Concept, Relation

ROLE_TYPES = ("Problem", "Recommendation")
#: Goal rules whose goal the recommendations of the same sentence serve: purposes, the end a
#: means serves, and targets the sentence builds toward (打造X, build itself into X).
PURPOSE_RULES = frozenset(
    {
        "zh-goal-purpose",
        "zh-goal-means",
        "zh-goal-frame",
        "zh-goal-target-verb",
        "en-goal-purpose",
        "en-goal-purpose-of",
        "en-goal-attain",
        "en-goal-into",
    }
)
TERMS: dict[str, Callable[[Doc, int, int], set[str]]] = {"zh": zh_terms, "en": en_terms}


@dataclass(frozen=True, slots=True)
class _Placed:
    hit: Hit
    concept: Concept
    sentence: AnalysedSentence
    terms: frozenset[str]


def find_relations(
    analysed: AnalysedDocument, hits: list[Hit], concepts: list[Concept]
) -> list[Relation]:
    by_span: dict[tuple[int, int, str], Concept] = {}
    for concept in concepts:
        for mention in concept.mentions:
            for ctype in concept.types:
                by_span[(mention.begin, mention.end, ctype)] = concept
    placed = [
        _Placed(h, by_span[(h.begin, h.end, h.type)], s, frozenset(_terms(s, h)))
        for h in hits
        if (h.begin, h.end, h.type) in by_span and (s := _sentence_of(analysed, h)) is not None
    ]
    relations: dict[tuple[str, str, str], Relation] = {}

    def add(subject: Concept, prop: str, obj: Concept, rule: str, confidence: float) -> None:
        if subject.key == obj.key:
            return
        key = (subject.key, prop, obj.key)
        old = relations.get(key)
        if old is None or old.confidence < confidence:
            relations[key] = Relation(subject.key, prop, obj.key, rule, confidence)  # type: ignore[arg-type]

    areas = [p for p in placed if p.hit.type == "ReformArea"]
    recs = [p for p in placed if p.hit.type == "Recommendation"]
    problems = [p for p in placed if p.hit.type == "Problem"]
    goals = [p for p in placed if p.hit.type == "Goal" and p.hit.rule in PURPOSE_RULES]
    for role in (p for p in placed if p.hit.type in ROLE_TYPES):
        for area in areas:
            if role.hit.begin <= area.hit.begin and area.hit.end <= role.hit.end:
                add(role.concept, "concerns", area.concept, "contains-area", 0.8)
    for rec in recs:
        for goal in goals:
            if goal.sentence is rec.sentence:
                add(rec.concept, "serves", goal.concept, "same-sentence-purpose", 0.7)
        for problem in problems:
            if problem.hit.lang != rec.hit.lang:
                continue
            if rec.hit.begin <= problem.hit.begin and problem.hit.end <= rec.hit.end:
                add(rec.concept, "addresses", problem.concept, "removes-obstacle", 0.9)
                continue
            shared = rec.terms & problem.terms
            if shared:
                add(
                    rec.concept,
                    "addresses",
                    problem.concept,
                    "shared-terms",
                    min(0.9, 0.4 + 0.15 * len(shared)),
                )
    return list(relations.values())


def _sentence_of(analysed: AnalysedDocument, hit: Hit) -> AnalysedSentence | None:
    for sentence in analysed.sentences:
        if sentence.begin <= hit.begin and hit.end <= sentence.sentence.end:
            return sentence
    return None


def _terms(sentence: AnalysedSentence, hit: Hit) -> set[str]:
    base = sentence.begin
    return TERMS[hit.lang](sentence.doc, hit.begin - base, hit.end - base)
