"""Hits → concepts: resolve overlaps, merge hits of one concept, key concepts across documents.

Named-entity hits (zones, places, organizations, agreements, events) compete
for their span: the longest wins, lexicon before rules when equally long.
Reform areas and roles (problems, recommendations …) are a separate layer, so
a problem may contain a reform area.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ftzgraph.extract.hits import Hit
from ftzgraph.extract.lexicon import Lexicon
from ftzgraph.records import Concept, Mention

ENTITY_TYPES = frozenset({"Zone", "Place", "Organization", "Agreement", "Event"})
_SPACE = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def normalise_label(text: str, lang: str, ctype: str) -> str:
    """The label (and key) of a discovered concept: NFKC, single spaces, no leading article.

    English roles are lower-cased so "Insufficient stress testing" and
    "insufficient stress testing" are one node; names keep their case.
    """
    label = _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()
    if lang == "en":
        if ctype not in ENTITY_TYPES:
            label = label.lower()
        label = _LEADING_ARTICLE.sub("", label)
    return label


def resolve_entities(hits: Iterable[Hit]) -> list[Hit]:
    """Non-overlapping entity hits (longest first, lexicon first); other types pass through."""
    entities = [h for h in hits if h.type in ENTITY_TYPES]
    others = [h for h in hits if h.type not in ENTITY_TYPES]
    entities.sort(key=lambda h: (-h.length, h.iri is None, h.begin, h.type))
    taken: list[Hit] = []
    for hit in entities:
        if all(hit.end <= t.begin or hit.begin >= t.end for t in taken):
            taken.append(hit)
    return sorted(taken + _dedupe(others), key=lambda h: (h.begin, h.end, h.type))


def _dedupe(hits: list[Hit]) -> list[Hit]:
    seen: dict[tuple[str, int, int], Hit] = {}
    for hit in hits:
        seen.setdefault((hit.type, hit.begin, hit.end), hit)
    return list(seen.values())


def build_concepts(hits: Iterable[Hit], text: str, lexicon: Lexicon) -> list[Concept]:
    """One :class:`Concept` per key, with every mention, in first-mention order."""
    concepts: dict[str, Concept] = {}
    for hit in hits:
        anchor = text[hit.begin : hit.end]
        if hit.iri is not None:
            key = hit.iri
        else:
            key = f"{hit.type}|{hit.lang}|{normalise_label(anchor, hit.lang, hit.type)}"
        concept = concepts.get(key)
        if concept is None:
            labels = {} if hit.iri else {hit.lang: normalise_label(anchor, hit.lang, hit.type)}
            concept = concepts[key] = Concept(key, set(), labels, hit.iri)
        concept.types.add(hit.type)
        mention = Mention(hit.begin, hit.end, anchor, hit.lang, hit.rule)
        if mention not in concept.mentions:
            concept.mentions.append(mention)
    return list(concepts.values())
