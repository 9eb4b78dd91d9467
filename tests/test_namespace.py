"""The FTZ namespace module and ontologies/ftz.ttl define exactly the same terms."""

from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from ftzgraph.graph.namespace import FTZ
from ftzgraph.graph.ontology import ontology_file

DECLARED = {str(FTZ[name]) for name in FTZ.__annotations__}


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_file("ftz.ttl"), format="turtle")


def test_every_declared_term_is_defined_and_vice_versa(ontology: rdflib.Graph) -> None:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    defined = {
        str(s)
        for kind in kinds
        for s in ontology.subjects(RDF.type, kind)
        if str(s).startswith(str(FTZ._NS))
    }
    assert defined == DECLARED


def test_every_term_has_english_and_chinese_label_and_comment(ontology: rdflib.Graph) -> None:
    for term in sorted(DECLARED):
        node = rdflib.URIRef(term)
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in ontology.objects(node, prop)}
            assert {"en", "zh"} <= langs, f"{term} lacks an en/zh {prop}"


def test_ontology_header_is_versioned(ontology: rdflib.Graph) -> None:
    (header,) = ontology.subjects(RDF.type, OWL.Ontology)
    assert ontology.value(header, OWL.versionInfo) is not None


def test_concept_classes_are_skos_concepts(ontology: rdflib.Graph) -> None:
    from ftzgraph.records import CONCEPT_TYPES

    skos_concept = rdflib.URIRef("http://www.w3.org/2004/02/skos/core#Concept")
    assert (FTZ.Concept, RDFS.subClassOf, skos_concept) in ontology
    for name in CONCEPT_TYPES:
        assert (FTZ[name], RDFS.subClassOf, FTZ.Concept) in ontology


def test_misspelt_term_raises() -> None:
    with pytest.raises(AttributeError):
        _ = FTZ.Problme
