"""Relations between concepts: concerns, addresses, serves."""

from __future__ import annotations

from ftzgraph.extract.hits import Hit
from ftzgraph.lang.analysis import AnalysedDocument
from ftzgraph.records import Concept, Relation

ROLE_TYPES = ("Problem", "Recommendation")


def find_relations(
    analysed: AnalysedDocument, hits: list[Hit], concepts: list[Concept]
) -> list[Relation]:
    """``concerns``: a problem or recommendation whose span contains a reform area's mention."""
    by_span: dict[tuple[int, int, str], Concept] = {}
    for concept in concepts:
        for mention in concept.mentions:
            for ctype in concept.types:
                by_span[(mention.begin, mention.end, ctype)] = concept
    areas = [h for h in hits if h.type == "ReformArea"]
    relations: dict[tuple[str, str, str], Relation] = {}
    for hit in hits:
        if hit.type not in ROLE_TYPES:
            continue
        subject = by_span[(hit.begin, hit.end, hit.type)]
        for area in areas:
            if hit.begin <= area.begin and area.end <= hit.end:
                obj = by_span[(area.begin, area.end, "ReformArea")]
                key = (subject.key, "concerns", obj.key)
                relations.setdefault(
                    key, Relation(subject.key, "concerns", obj.key, "contains-area", 0.8)
                )
    return list(relations.values())
