"""What the endpoint says about itself: a SPARQL 1.1 Service Description and a landing page."""

from __future__ import annotations

import pyoxigraph as ox

from ftzgraph import __version__
from ftzgraph.serve.negotiate import GRAPH_FORMATS, RESULT_FORMATS

SD = "http://www.w3.org/ns/sparql-service-description#"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")


def service_description(endpoint: str, *, timeout: float, max_results: int) -> bytes:
    """Turtle describing ``endpoint``: query language, result formats, union default graph."""
    service = ox.NamedNode(endpoint)

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(SD + name)

    triples = [
        ox.Triple(service, _RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), service),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, _COMMENT, ox.Literal(_limits(timeout, max_results), language="en")),
    ]
    triples += [
        ox.Triple(service, sd("resultFormat"), ox.NamedNode(f.iri))
        for f in (*RESULT_FORMATS, *GRAPH_FORMATS)
    ]
    prefixes = {"sd": SD, "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)


def landing(endpoint: str, *, quads: int, taken: str, timeout: float, max_results: int) -> str:
    return (
        f"ftzgraph {__version__}: a read-only SPARQL 1.1 endpoint over a knowledge graph of\n"
        "texts on China's Pilot Free Trade Zones.\n\n"
        f"Endpoint: {endpoint}  (GET ?query=… or POST; without a query it describes itself)\n"
        f"Serving a snapshot of {quads} quads taken {taken}.\n"
        "The default graph is the union of all graphs; prefixes ftz:, skos:, nif:, dcterms:,\n"
        "prov:, rdf:, rdfs:, owl:, xsd: are predeclared.\n"
        f"{_limits(timeout, max_results)}\n\n"
        f'Example: curl {endpoint} --data-urlencode "query=SELECT * WHERE {{ ?p a ftz:Problem }} '
        'LIMIT 5"\n'
    )


def _limits(timeout: float, max_results: int) -> str:
    return (
        f"Read-only. Queries run for at most {timeout:g} s and return at most {max_results} "
        "results (then X-Result-Truncated: true); SERVICE, file: IRIs and updates are refused."
    )
