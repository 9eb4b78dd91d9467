"""The vocabularies ftzgraph writes, declared once.

Every other module writes ``FTZ.Problem`` rather than an IRI string, and a
misspelt term raises (``_fail = True``) instead of silently minting a new
IRI. ``tests/test_namespace.py`` holds ``FTZ`` and ``ontologies/ftz.ttl``
against each other.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = [
    "BASE",
    "DCTERMS",
    "FTZ",
    "GAZETTEER",
    "ID",
    "NIF",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "THESAURUS",
    "XSD",
]

BASE = "https://w3id.org/ftzgraph/id/"
ID = Namespace(BASE)
THESAURUS = Namespace(BASE + "thesaurus/")
GAZETTEER = Namespace(BASE + "gazetteer/")


class FTZ(DefinedNamespace):
    """ftzgraph ontology (``ontologies/ftz.ttl``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/ftzgraph/ontology#")

    # classes
    Document: URIRef  # one text; its triples live in its own named graph
    Concept: URIRef  # superclass of all extracted concept types
    ReformArea: URIRef  # a field of reform or opening-up
    Problem: URIRef  # a shortcoming or obstacle a text names
    Recommendation: URIRef  # an action a text says should be taken
    Achievement: URIRef  # a result credited to the zones
    Goal: URIRef  # an aim the zones or measures serve
    Zone: URIRef  # a pilot FTZ, free trade port or such zones in general
    Agreement: URIRef  # a trade or investment agreement
    Event: URIRef  # a meeting, congress, expo, crisis
    Place: URIRef  # a geographic place
    Organization: URIRef  # a government body or other organization
    Mention: URIRef  # an exact span of a document's text
    Fact: URIRef  # a stated number
    Discrepancy: URIRef  # two facts, one per language, with different values
    RelationAssertion: URIRef  # how a relation was found (instead of RDF-star)
    Sentence: URIRef  # a sentence of a document (offsets, language, text)
    SentenceAlignment: URIRef  # zh and en sentences that translate each other
    CrossLingualLink: URIRef  # a concept's two wordings joined, with confidence

    # object properties
    hasMention: URIRef
    inDocument: URIRef
    addresses: URIRef
    concerns: URIRef
    serves: URIRef
    between: URIRef
    assertedSubject: URIRef
    assertedProperty: URIRef
    assertedObject: URIRef
    inSentence: URIRef
    alignedWith: URIRef
    alignedSentence: URIRef
    linkedConcept: URIRef

    # datatype properties
    value: URIRef
    unit: URIRef
    contentHash: URIRef
    discovered: URIRef
    rule: URIRef
    confidence: URIRef
    toolVersion: URIRef
    modelName: URIRef


class NIF(DefinedNamespace):
    """The NIF 2.0 core terms ftzgraph uses for text offsets."""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef


PREFIXES: dict[str, str] = {
    "ftz": str(FTZ._NS),
    "skos": str(SKOS),
    "nif": str(NIF._NS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "th": str(THESAURUS),
    "gz": str(GAZETTEER),
    "id": BASE,
}
