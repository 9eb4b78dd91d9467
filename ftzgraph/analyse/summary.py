"""Corpus statistics and per-language rankings: the numbers the report shows.

Counts come straight from SPARQL over the store so a reader can re-check any
number in the report with ``ftzgraph query``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ftzgraph.graph.namespace import FTZ
from ftzgraph.records import CONCEPT_TYPES

_TYPES = " ".join(f"<{FTZ[t]}>" for t in CONCEPT_TYPES)


@dataclass(frozen=True, slots=True)
class Stat:
    """One corpus statistic: a stable key (used in the HTML), a label and its value."""

    key: str
    label: str
    value: int


@dataclass(frozen=True, slots=True)
class Ranked:
    """A concept ranked within one language: its label there, documents and mentions."""

    iri: str
    label: str
    documents: int
    mentions: int


def _count(store, where: str, what: str = "?x") -> int:
    solution = next(iter(store.query(f"SELECT (COUNT(DISTINCT {what}) AS ?n) WHERE {{ {where} }}")))
    return int(solution["n"].value)


def corpus_statistics(store) -> list[Stat]:
    """Documents (per language), mentioned concepts (per class), mentions, facts, relations."""
    mentioned = f"VALUES ?t {{ {_TYPES} }} ?x a ?t ; ftz:hasMention ?m ."
    stats = [
        Stat("documents", "documents", _count(store, "?x a ftz:Document")),
        *(
            Stat(
                f"documents_{lang}",
                f"documents with {name} mentions",
                _count(store, f'?m ftz:inDocument ?x ; dcterms:language "{lang}"'),
            )
            for lang, name in (("zh", "Chinese"), ("en", "English"))
        ),
        Stat("concepts", "concepts mentioned", _count(store, mentioned)),
        Stat("mentions", "mentions of concepts", _count(store, mentioned, "?m")),
        Stat("facts", "stated numbers (facts)", _count(store, "?x a ftz:Fact")),
        Stat("discrepancies", "zh/en discrepancies", _count(store, "?x a ftz:Discrepancy")),
    ]
    for ctype in CONCEPT_TYPES:
        where = f"?x a <{FTZ[ctype]}> ; ftz:hasMention ?m ."
        stats.append(Stat(f"class_{ctype}", f"{ctype} concepts", _count(store, where)))
    for prop in ("addresses", "concerns", "serves"):
        where = f"?s <{FTZ[prop]}> ?o . BIND(CONCAT(STR(?s), ' ', STR(?o)) AS ?x)"
        stats.append(Stat(f"relation_{prop}", f"ftz:{prop} links", _count(store, where)))
    return stats


def top_concepts(store, ctype: str, lang: str, limit: int = 10) -> list[Ranked]:
    """The ``ctype`` concepts most cited in ``lang``: by documents, then mentions, in that language.

    The label is the concept's label in ``lang``, else in the other language.
    """
    if ctype not in CONCEPT_TYPES or lang not in ("zh", "en"):
        raise ValueError(f"unknown class or language: {ctype!r}, {lang!r}")
    other = "en" if lang == "zh" else "zh"
    result = store.query(
        f"""SELECT ?c ?own ?alt ?d ?n WHERE {{
          {{ SELECT ?c (COUNT(DISTINCT ?doc) AS ?d) (COUNT(DISTINCT ?m) AS ?n) WHERE {{
              ?c a <{FTZ[ctype]}> ; ftz:hasMention ?m .
              ?m ftz:inDocument ?doc ; dcterms:language "{lang}" .
          }} GROUP BY ?c }}
          OPTIONAL {{ ?c skos:prefLabel ?own FILTER(LANGMATCHES(LANG(?own), "{lang}")) }}
          OPTIONAL {{ ?c skos:prefLabel ?alt FILTER(LANGMATCHES(LANG(?alt), "{other}")) }}
        }} ORDER BY DESC(?d) DESC(?n) ?c LIMIT {int(limit)}"""
    )
    ranked = []
    for s in result:
        label = s["own"] or s["alt"]
        iri = s["c"].value
        text = label.value if label is not None else iri.rstrip("/").rsplit("/", 1)[-1]
        ranked.append(Ranked(iri, text, int(s["d"].value), int(s["n"].value)))
    return ranked
