"""Scoring a graph against gold annotations, as GOLD.md defines it.

Per document, per type and per language: predictions are the concepts of
that type with a mention in that document and language, each represented by
its mentions' spans; a prediction and a gold concept pair up when their
similarity reaches the language's threshold, greedily, best first, each used
once. Core F1 pools ReformArea, Problem and Recommendation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ftzgraph.evaluate.gold import GoldDocument
from ftzgraph.evaluate.predictions import RELATION_TYPES, Predictions
from ftzgraph.evaluate.similarity import THRESHOLDS, similarity
from ftzgraph.records import CONCEPT_TYPES, LANGS

CORE_TYPES = ("ReformArea", "Problem", "Recommendation")


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(slots=True)
class Tally:
    by_type: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    links_ok: int = 0
    links: int = 0
    relations_found: int = 0
    relations_gold: int = 0
    relations_predicted: int = 0
    relations_correct: int = 0
    facts_found: int = 0
    facts_gold: int = 0
    discrepancies_found: int = 0
    discrepancies_gold: int = 0
    per_document: dict[str, dict[str, object]] = field(default_factory=dict)


def _ratio(a: int, b: int, digits: int = 3) -> float | None:
    return round(a / b, digits) if b else None


def greedy_pairs(candidates: list[tuple[float, str, int]]) -> dict[int, str]:
    """Gold index → predicted node, best similarity first, each side used once."""
    used_pred: set[str] = set()
    pairs: dict[int, str] = {}
    for _, pred, gold in sorted(candidates, key=lambda c: -c[0]):
        if pred in used_pred or gold in pairs:
            continue
        used_pred.add(pred)
        pairs[gold] = pred
    return pairs


def score(
    gold_documents: list[GoldDocument],
    predictions: Predictions,
    texts: dict[str, str] | None = None,
) -> dict[str, object]:
    """The scores as a JSON-ready dict; ``texts`` (identifier → text) enables provenance."""
    tally = Tally()
    for gold in gold_documents:
        _score_document(gold, predictions, tally)
    by_type = {
        f"{t}/{lang}": tally.by_type[(t, lang)].as_dict()
        for t in CONCEPT_TYPES
        for lang in LANGS
        if (t, lang) in tally.by_type
        and sum(tally.by_type[(t, lang)].as_dict()[k] for k in ("tp", "fp", "fn"))
    }
    core, core_by_lang = Counts(), {lang: Counts() for lang in LANGS}
    for (t, lang), counts in tally.by_type.items():
        if t in CORE_TYPES:
            core.add(counts)
            core_by_lang[lang].add(counts)
    provenance_ok, mentions = _provenance(predictions, texts or {})
    return {
        "core": core.as_dict(),
        "core_by_lang": {lang: c.as_dict() for lang, c in core_by_lang.items()},
        "by_type": by_type,
        "crosslingual_link_acc": _ratio(tally.links_ok, tally.links),
        "crosslingual_pairs": tally.links,
        "relations_recall": _ratio(tally.relations_found, tally.relations_gold),
        "relations_precision": _ratio(tally.relations_correct, tally.relations_predicted),
        "facts_recall": _ratio(tally.facts_found, tally.facts_gold),
        "discrepancy_recall": _ratio(tally.discrepancies_found, tally.discrepancies_gold),
        "provenance_valid": _ratio(provenance_ok, mentions, 4) if texts else None,
        "mentions": mentions,
        "docs": tally.per_document,
    }


def _score_document(gold: GoldDocument, pred: Predictions, tally: Tally) -> None:
    doc = pred.documents.get(gold.document)
    mentions = pred.mentions.get(doc, []) if doc else []
    matched: dict[tuple[int, str], str] = {}
    doc_counts = Counts()
    for ctype in CONCEPT_TYPES:
        for lang in LANGS:
            golds = [
                (i, c.label(lang))
                for i, c in enumerate(gold.concepts)
                if c.type == ctype and c.label(lang)
            ]
            anchors: dict[str, list[str]] = {}
            for m in mentions:
                if m.lang == lang and ctype in pred.types.get(m.concept, ()):
                    anchors.setdefault(m.concept, []).append(m.anchor)
            candidates = []
            for node, spans in anchors.items():
                for index, label in golds:
                    best = max(similarity(lang, span, label or "") for span in spans)
                    if best >= THRESHOLDS[lang]:
                        candidates.append((best, node, index))
            pairs = greedy_pairs(candidates)
            for index, node in pairs.items():
                matched[(index, lang)] = node
            counts = Counts(len(pairs), len(anchors) - len(pairs), len(golds) - len(pairs))
            tally.by_type[(ctype, lang)].add(counts)
            doc_counts.add(counts)
    for i, concept in enumerate(gold.concepts):
        if concept.zh and concept.en and (i, "zh") in matched and (i, "en") in matched:
            tally.links += 1
            tally.links_ok += matched[(i, "zh")] == matched[(i, "en")]
    _score_relations(gold, pred, matched, tally)
    _score_facts(gold, pred, doc, tally)
    tally.per_document[gold.document] = {
        "found": doc is not None,
        "tp": doc_counts.tp,
        "fp": doc_counts.fp,
        "fn": doc_counts.fn,
    }


def _score_relations(
    gold: GoldDocument, pred: Predictions, matched: dict[tuple[int, str], str], tally: Tally
) -> None:
    index_of: dict[str, int] = {}
    for i, concept in enumerate(gold.concepts):
        for lang in LANGS:
            if label := concept.label(lang):
                index_of[label] = i
    wanted = {
        (r.type, index_of[r.source], index_of[r.target])
        for r in gold.relations
        if r.source in index_of and r.target in index_of
    }
    golds_of: dict[str, set[int]] = defaultdict(set)
    for (index, _), node in matched.items():
        golds_of[node].add(index)
    found: set[tuple[str, int, int]] = set()
    for rel in RELATION_TYPES:
        for s, o in pred.relations.get(rel, ()):
            for a in golds_of.get(s, ()):
                for b in golds_of.get(o, ()):
                    found.add((rel, a, b))
    tally.relations_gold += len(wanted)
    tally.relations_found += len(wanted & found)
    tally.relations_predicted += len(found)
    tally.relations_correct += len(wanted & found)


def _score_facts(gold: GoldDocument, pred: Predictions, doc: str | None, tally: Tally) -> None:
    values = pred.facts.get(doc, {}) if doc else {}
    discrepancies = pred.discrepancies.get(doc, set()) if doc else set()
    for fact in gold.facts:
        for lang in LANGS:
            value = getattr(fact, lang)
            if value is not None:
                tally.facts_gold += 1
                tally.facts_found += value in values.get(lang, set())
        if fact.zh is not None and fact.en is not None and fact.zh != fact.en:
            tally.discrepancies_gold += 1
            tally.discrepancies_found += frozenset((fact.zh, fact.en)) in discrepancies


def _provenance(pred: Predictions, texts: dict[str, str]) -> tuple[int, int]:
    ok = total = 0
    for doc, mentions in pred.mentions.items():
        text = texts.get(pred.identifiers.get(doc, ""))
        for m in mentions:
            total += 1
            if text is not None and m.begin is not None and m.end is not None:
                ok += text[m.begin : m.end] == m.anchor
    return ok, total
