"""The thesaurus and gazetteer hold what the lexicon relies on."""

from __future__ import annotations

import re

import rdflib
from rdflib.namespace import DCTERMS, SKOS

from ftzgraph.extract.lexicon import load_lexicon
from ftzgraph.graph.namespace import THESAURUS
from ftzgraph.graph.ontology import ontology_file


def test_thesaurus_has_80_concepts_with_both_labels_and_sources() -> None:
    g = rdflib.Graph().parse(ontology_file("ftz-thesaurus.ttl"), format="turtle")
    concepts = set(g.subjects(SKOS.inScheme, THESAURUS[""]))
    assert len(concepts) >= 80
    for c in concepts:
        langs = sorted(o.language for o in g.objects(c, SKOS.prefLabel))
        assert langs == ["en", "zh"], c
        assert re.fullmatch(r"[a-z0-9-]+", str(c).removeprefix(str(THESAURUS)))
        top = c
        while g.value(top, SKOS.broader) is not None:
            top = g.value(top, SKOS.broader)
        assert g.value(c, DCTERMS.source) or g.value(top, DCTERMS.source), c


def test_lexicon_types_and_unique_labels() -> None:
    lexicon = load_lexicon()
    types = {e.type for e in lexicon.entries}
    assert types == {"ReformArea", "Zone", "Place", "Organization", "Agreement", "Event"}
    seen: dict[tuple[str, str], str] = {}
    for entry in lexicon.entries:
        key = (entry.lang, entry.label.lower())
        assert seen.setdefault(key, entry.iri) == entry.iri, f"label {key} on two concepts"
