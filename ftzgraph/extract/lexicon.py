"""The thesaurus and gazetteer as a lexicon of labelled, typed concepts.

Thesaurus concepts (``ftz-thesaurus.ttl``) are reform areas; gazetteer
concepts are typed by their scheme (zones, places, organizations, agreements,
events). Labels are what the matchers look for; the IRI is the node.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from ftzgraph.graph.namespace import GAZETTEER, RDF, SKOS, THESAURUS
from ftzgraph.graph.ontology import ontology_file

SCHEME_TYPES: dict[str, str] = {
    str(THESAURUS): "ReformArea",
    str(GAZETTEER["zones"]): "Zone",
    str(GAZETTEER["places"]): "Place",
    str(GAZETTEER["organizations"]): "Organization",
    str(GAZETTEER["agreements"]): "Agreement",
    str(GAZETTEER["events"]): "Event",
}


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    label: str
    lang: str
    iri: str
    type: str
    preferred: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    entries: tuple[LexiconEntry, ...]

    def labels(self, lang: str) -> Iterator[LexiconEntry]:
        return (e for e in self.entries if e.lang == lang)

    def pref_labels(self, iri: str) -> dict[str, str]:
        return {e.lang: e.label for e in self.entries if e.iri == iri and e.preferred}


@cache
def load_lexicon() -> Lexicon:
    """Entries sorted by (type, IRI, lang, label) so every process builds the same matchers."""
    entries: set[LexiconEntry] = set()
    for name in ("ftz-thesaurus.ttl", "ftz-gazetteer.ttl"):
        path = ontology_file(name)
        if not path.is_file():
            continue
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
        entries.update(_entries(store))
    return Lexicon(tuple(sorted(entries, key=lambda e: (e.type, e.iri, e.lang, e.label))))


def _entries(store: ox.Store) -> Iterator[LexiconEntry]:
    in_scheme = ox.NamedNode(str(SKOS.inScheme))
    concept = ox.NamedNode(str(SKOS.Concept))
    rdf_type = ox.NamedNode(str(RDF.type))
    for quad in store.quads_for_pattern(None, in_scheme, None):
        node = quad.subject
        ctype = SCHEME_TYPES.get(quad.object.value)
        if ctype is None or not any(store.quads_for_pattern(node, rdf_type, concept)):
            continue
        for prop, preferred in ((SKOS.prefLabel, True), (SKOS.altLabel, False)):
            for label in store.quads_for_pattern(node, ox.NamedNode(str(prop)), None):
                lit = label.object
                lang = (lit.language or "").split("-")[0]
                if lang in ("zh", "en") and lit.value.strip():
                    yield LexiconEntry(lit.value.strip(), lang, node.value, ctype, preferred)
