"""SHACL validation of a store (or an rdflib graph) against ``ftz-shapes.ttl``, with pyshacl."""

from __future__ import annotations

import pyoxigraph as ox
import rdflib

from ftzgraph.graph.ontology import SHAPES_FILE, ontology_file


def validate_graph(data: rdflib.Graph) -> tuple[bool, str]:
    """``(conforms, report text)``; the ontology is used so subclasses count."""
    import pyshacl

    shapes = rdflib.Graph().parse(ontology_file(SHAPES_FILE), format="turtle")
    ontology = rdflib.Graph().parse(ontology_file("ftz.ttl"), format="turtle")
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True
    )
    return bool(conforms), str(text)


def validate_store(store) -> tuple[bool, str]:
    """Validate the union of a store's document graphs (ontology graphs left out)."""
    from ftzgraph.store.export import contract_quads

    quads = [q for q in contract_quads(store) if "/graph/doc/" in q.graph_name.value]
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    data = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES)
    graph = rdflib.Graph().parse(data=data, format="nt")
    return validate_graph(graph)
