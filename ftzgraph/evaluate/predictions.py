"""What a graph predicts, read through the contract's terms only (any ftzgraph-shaped graph)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ftzgraph.records import CONCEPT_TYPES
from ftzgraph.store import Store

RELATION_TYPES = ("addresses", "concerns", "serves")


@dataclass(frozen=True, slots=True)
class PredictedMention:
    concept: str
    lang: str
    anchor: str
    begin: int | None
    end: int | None


@dataclass(slots=True)
class Predictions:
    documents: dict[str, str] = field(default_factory=dict)  # identifier → document IRI
    identifiers: dict[str, str] = field(default_factory=dict)  # document IRI → identifier
    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    mentions: dict[str, list[PredictedMention]] = field(default_factory=lambda: defaultdict(list))
    relations: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    facts: dict[str, dict[str, set[float]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(set))
    )
    discrepancies: dict[str, set[frozenset[float]]] = field(
        default_factory=lambda: defaultdict(set)
    )


def _value(term: object) -> str:
    return str(getattr(term, "value", ""))


def read_predictions(store: Store) -> Predictions:
    pred = Predictions()
    for row in store.query(
        "SELECT DISTINCT ?d ?id WHERE { ?d a ftz:Document ; dcterms:identifier ?id }"
    ):
        pred.documents[_value(row["id"])] = _value(row["d"])
        pred.identifiers[_value(row["d"])] = _value(row["id"])
    classes = " ".join(f"ftz:{t}" for t in CONCEPT_TYPES)
    for row in store.query(f"SELECT DISTINCT ?c ?t WHERE {{ VALUES ?t {{ {classes} }} ?c a ?t }}"):
        pred.types[_value(row["c"])].add(_value(row["t"]).rsplit("#", 1)[-1])
    for row in store.query(
        """SELECT DISTINCT ?c ?m ?d ?a ?b ?e ?l WHERE {
             ?c ftz:hasMention ?m . ?m ftz:inDocument ?d ; nif:anchorOf ?a .
             OPTIONAL { ?m nif:beginIndex ?b } OPTIONAL { ?m nif:endIndex ?e }
             OPTIONAL { ?m dcterms:language ?l } }"""
    ):
        b, e = row["b"], row["e"]
        pred.mentions[_value(row["d"])].append(
            PredictedMention(
                _value(row["c"]),
                _value(row["l"]),
                _value(row["a"]),
                None if b is None else int(_value(b)),
                None if e is None else int(_value(e)),
            )
        )
    for rel in RELATION_TYPES:
        for row in store.query(f"SELECT DISTINCT ?s ?o WHERE {{ ?s ftz:{rel} ?o }}"):
            pred.relations[rel].add((_value(row["s"]), _value(row["o"])))
    for row in store.query(
        """SELECT DISTINCT ?f ?d ?v ?l WHERE { ?f a ftz:Fact ; ftz:inDocument ?d ; ftz:value ?v .
             OPTIONAL { ?f dcterms:language ?l } }"""
    ):
        try:
            pred.facts[_value(row["d"])][_value(row["l"])].add(float(_value(row["v"])))
        except ValueError:
            continue
    by_discrepancy: dict[tuple[str, str], list[float]] = defaultdict(list)
    for row in store.query(
        """SELECT DISTINCT ?x ?d ?f ?v WHERE { ?x a ftz:Discrepancy ; ftz:inDocument ?d ;
             ftz:between ?f . ?f ftz:value ?v }"""
    ):
        by_discrepancy[(_value(row["x"]), _value(row["d"]))].append(float(_value(row["v"])))
    for (_, doc), values in by_discrepancy.items():
        pred.discrepancies[doc].add(frozenset(values))
    return pred
