"""Concepts, mentions and relations read out of the store as typed rows.

The network projections and the report work on these Python rows rather than
on SPARQL results, so each asks the store once and the windowing, weighting
and ranking are plain, testable Python.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ftzgraph.graph.namespace import FTZ
from ftzgraph.records import CONCEPT_TYPES

RELATIONS: tuple[str, ...] = ("addresses", "concerns", "serves")
_TYPES = " ".join(f"<{FTZ[t]}>" for t in CONCEPT_TYPES)


@dataclass(frozen=True, slots=True)
class ConceptInfo:
    """A concept with at least one mention: its classes, labels and how widely it is cited."""

    iri: str
    types: tuple[str, ...]
    label_zh: str
    label_en: str
    documents: int
    mentions: int

    def label(self, lang: str = "en") -> str:
        """The label in ``lang``, else the other language's, else the IRI's last segment."""
        first, second = (
            (self.label_zh, self.label_en)
            if lang == "zh"
            else (
                self.label_en,
                self.label_zh,
            )
        )
        return first or second or self.iri.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class MentionRow:
    """One mention of a concept: where it is and in which language."""

    concept: str
    document: str
    lang: str
    begin: int
    end: int


@dataclass(frozen=True, slots=True)
class Relation:
    """``subject ftz:<prop> object`` between two concepts."""

    subject: str
    prop: str
    object: str


def concept_table(store) -> dict[str, ConceptInfo]:
    """Every mentioned concept (facts excluded), by IRI, in IRI order."""
    types: dict[str, set[str]] = defaultdict(set)
    for s in store.query(
        f"SELECT DISTINCT ?c ?t WHERE {{ VALUES ?t {{ {_TYPES} }} ?c a ?t ; ftz:hasMention ?m }}"
    ):
        types[s["c"].value].add(s["t"].value.rsplit("#", 1)[-1])
    labels: dict[tuple[str, str], str] = {}
    for s in store.query(
        "SELECT ?c ?l WHERE { ?c skos:prefLabel ?l FILTER EXISTS { ?c ftz:hasMention ?m } }"
    ):
        lang = (s["l"].language or "").split("-")[0]
        key = (s["c"].value, lang)
        if lang in ("zh", "en") and (key not in labels or s["l"].value < labels[key]):
            labels[key] = s["l"].value
    counts = {
        s["c"].value: (int(s["d"].value), int(s["n"].value))
        for s in store.query(
            "SELECT ?c (COUNT(DISTINCT ?doc) AS ?d) (COUNT(DISTINCT ?m) AS ?n) "
            "WHERE { ?c ftz:hasMention ?m . ?m ftz:inDocument ?doc } GROUP BY ?c"
        )
    }
    return {
        iri: ConceptInfo(
            iri,
            tuple(sorted(types[iri])),
            labels.get((iri, "zh"), ""),
            labels.get((iri, "en"), ""),
            *counts.get(iri, (0, 0)),
        )
        for iri in sorted(types)
    }


def mention_rows(store) -> list[MentionRow]:
    """Every mention of a concept (facts excluded), sorted by document, language and offset."""
    result = store.query(
        f"SELECT DISTINCT ?c ?doc ?lang ?b ?e WHERE {{ VALUES ?t {{ {_TYPES} }} "
        "?c a ?t ; ftz:hasMention ?m . ?m ftz:inDocument ?d ; dcterms:language ?lang ; "
        "nif:beginIndex ?b ; nif:endIndex ?e . ?d dcterms:identifier ?doc }"
    )
    found = [
        MentionRow(
            s["c"].value, s["doc"].value, s["lang"].value, int(s["b"].value), int(s["e"].value)
        )
        for s in result
    ]
    return sorted(found, key=lambda m: (m.document, m.lang, m.begin, m.end, m.concept))


def relation_rows(store, props: tuple[str, ...] = RELATIONS) -> list[Relation]:
    """The ``addresses``/``concerns``/``serves`` triples, sorted."""
    values = " ".join(f"<{FTZ[p]}>" for p in props)
    result = store.query(f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}")
    found = {Relation(s["s"].value, s["p"].value.rsplit("#", 1)[-1], s["o"].value) for s in result}
    return sorted(found, key=lambda r: (r.subject, r.prop, r.object))
