"""Which thesaurus matches are reform areas in their context.

A thesaurus term is typed ``ReformArea`` where the text treats it as a field:
standing outside any problem/recommendation/goal phrase (自贸试验区坚持制度创新),
listed with other fields (在贸易自由化、投资便利化…方面; 推进简政放权、放管结合),
or named as a field by its own head word (…的投资贸易自由化便利化制度体系).
Inside a single role phrase (建立容错机制) it is the phrase's topic, which the
``concerns`` relation carries, not a reform area the text discusses.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from ftzgraph.extract.hits import Hit
from ftzgraph.extract.lexicon import Lexicon
from ftzgraph.lang.analysis import AnalysedSentence
from ftzgraph.lang.en.areas import find_areas as en_areas
from ftzgraph.lang.en.areas import names_field as en_field
from ftzgraph.lang.zh.areas import find_areas as zh_areas
from ftzgraph.lang.zh.areas import names_field as zh_field
from ftzgraph.records import Concept

ROLE_TYPES = frozenset({"Problem", "Recommendation", "Goal", "Achievement"})
#: What may stand between two items of a list of fields.
_LIST_GAP = re.compile(
    r"^\s*(?:[、，,；;和与及]|以及|and|or|as well as|,\s*and)?\s*$", re.IGNORECASE
)


def select_areas(
    term_hits: list[Hit], role_hits: list[Hit], text: str, discovered: list[Hit] = ()
) -> list[Hit]:
    """Reform-area hits that name a field; other term hits (zones, places …) pass through.

    ``discovered`` areas count as list neighbours (…, the opening of X and the
    transformation of Y) but are not filtered: their frames already say "field".
    """
    areas = sorted((h for h in term_hits if h.type == "ReformArea"), key=lambda h: h.begin)
    listed = _listed(sorted([*areas, *discovered], key=lambda h: h.begin), text)
    kept = [h for h in term_hits if h.type != "ReformArea"]
    for hit in areas:
        inside_role = any(r.begin <= hit.begin and hit.end <= r.end for r in role_hits)
        names_field = (zh_field if hit.lang == "zh" else en_field)(text[hit.begin : hit.end])
        if not inside_role or hit in listed or names_field:
            kept.append(hit)
    return kept


def _listed(areas: list[Hit], text: str) -> set[Hit]:
    listed: set[Hit] = set()
    for a, b in pairwise(areas):
        if a.lang == b.lang and a.end <= b.begin and _LIST_GAP.match(text[a.end : b.begin]):
            listed.update((a, b))
    return listed


def discover_areas(sentence: AnalysedSentence, known: list[Hit]) -> list[Hit]:
    """Reform areas the thesaurus lacks: not overlapping a thesaurus match, unless containing it.

    投资贸易自由化便利化 is kept over the 贸易自由化 inside it (and maps to it
    by ``broadMatch``); a span cutting across a thesaurus match is dropped.
    """
    finder = zh_areas if sentence.lang == "zh" else en_areas
    base = sentence.begin
    out = []
    for span in finder(sentence.doc):
        begin, end = base + span.begin, base + span.end
        overlapping = [
            h for h in known if h.type == "ReformArea" and h.begin < end and begin < h.end
        ]
        if any(
            not (begin <= h.begin and h.end <= end) or (h.begin, h.end) == (begin, end)
            for h in overlapping
        ):
            continue
        out.append(Hit("ReformArea", begin, end, sentence.lang, span.rule))
    return out


def without_contained(term_hits: list[Hit], discovered: list[Hit]) -> list[Hit]:
    """Thesaurus area hits not inside a longer discovered area."""
    return [
        h
        for h in term_hits
        if h.type != "ReformArea"
        or not any(d.begin <= h.begin and h.end <= d.end for d in discovered)
    ]


def map_to_thesaurus(concepts: list[Concept], lexicon: Lexicon) -> None:
    """Give each discovered reform area its nearest thesaurus concept.

    ``broadMatch`` when the discovered label contains a thesaurus label
    (行政审批制度改革 → 行政审批); ``relatedMatch`` when they share most
    characters or content words.
    """
    areas = [e for e in lexicon.entries if e.type == "ReformArea"]
    for concept in concepts:
        if not concept.discovered or "ReformArea" not in concept.types:
            continue
        for lang, label in concept.labels.items():
            best = _nearest(label, lang, [e for e in areas if e.lang == lang])
            if best is not None:
                concept.matches[best[0]] = best[1]


def _units(text: str, lang: str) -> list[str]:
    if lang == "zh":
        return [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    return re.findall(r"[a-z]+", text.lower())


def _nearest(label: str, lang: str, entries: list) -> tuple[str, str] | None:
    units = _units(label, lang)
    contained = [
        e
        for e in entries
        if (e.label in label if lang == "zh" else f" {e.label.lower()} " in f" {label.lower()} ")
    ]
    if contained:
        best = max(contained, key=lambda e: (len(e.label), e.iri))
        return best.iri, "broadMatch"
    scored = []
    for entry in entries:
        other = _units(entry.label, lang)
        overlap = sum((Counter(units) & Counter(other)).values())
        if overlap and units and other:
            f1 = 2 * overlap / (len(units) + len(other))
            scored.append((f1, entry.iri))
    if scored:
        f1, iri = max(scored)
        if f1 >= 0.6:
            return iri, "relatedMatch"
    return None
