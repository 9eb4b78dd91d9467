"""Records → RDF quads, the one place the graph's shape is written.

The output follows ``RDF-CONTRACT.md``: a document's concepts, mentions,
facts, relations and discrepancies go into the document's own named graph;
no blank nodes; offsets typed ``xsd:nonNegativeInteger``.
"""

from __future__ import annotations

import pyoxigraph as ox

from ftzgraph.graph import iris
from ftzgraph.graph.namespace import DCTERMS, FTZ, NIF, RDF, SKOS, XSD
from ftzgraph.graph.sentences import SentenceIndex, link_triples, sentence_triples
from ftzgraph.graph.terms import decimal, integer, node
from ftzgraph.records import Concept, DocumentGraph, Mention

__all__ = ["concept_node", "decimal", "document_quads", "integer", "node"]


def concept_node(concept: Concept) -> ox.NamedNode:
    if concept.iri is not None:
        return node(concept.iri)
    ctype = sorted(concept.types)[0]
    label = concept.labels.get("en") or concept.labels.get("zh") or ""
    return node(iris.concept_iri(ctype, label, concept.key))


def document_quads(result: DocumentGraph) -> list[ox.Quad]:
    """All quads of one document's named graph, in a deterministic order."""
    doc = result.document
    doc_iri = iris.document_iri(doc.identifier)
    doc_node = node(doc_iri)
    graph = node(iris.document_graph_iri(doc.identifier))
    triples: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (doc_node, node(RDF.type), node(FTZ.Document)),
        (doc_node, node(DCTERMS.identifier), ox.Literal(doc.identifier)),
        (doc_node, node(FTZ.contentHash), ox.Literal(doc.content_hash)),
    ]
    for lang in doc.languages:
        triples.append((doc_node, node(DCTERMS.language), ox.Literal(lang)))
    for prop, value in (
        (DCTERMS.title, doc.title),
        (DCTERMS.date, doc.year),
        (DCTERMS.source, doc.source),
        (DCTERMS.spatial, doc.zone),
    ):
        if value:
            triples.append((doc_node, node(prop), ox.Literal(value)))

    sentences = SentenceIndex(doc_iri, result)
    triples += sentence_triples(doc_iri, result)
    keys: dict[str, ox.NamedNode] = {}
    for concept in result.concepts:
        c = keys[concept.key] = concept_node(concept)
        for ctype in sorted(concept.types):
            triples.append((c, node(RDF.type), node(FTZ[ctype])))
        if concept.discovered:
            triples.append(
                (c, node(FTZ.discovered), ox.Literal("true", datatype=node(XSD.boolean)))
            )
            for lang, label in sorted(concept.labels.items()):
                triples.append((c, node(SKOS.prefLabel), ox.Literal(label, language=lang)))
            for target, mapping in sorted(concept.matches.items()):
                triples.append((c, node(SKOS[mapping]), node(target)))
        for mention in concept.mentions:
            m = node(iris.mention_iri(doc_iri, mention.begin, mention.end, concept.key))
            triples.append((c, node(FTZ.hasMention), m))
            triples.extend(_mention(m, doc_node, mention, sentences))

    fact_nodes = []
    for fact in result.facts:
        f = node(iris.fact_iri(doc_iri, fact.mention.begin, fact.mention.end))
        fact_nodes.append(f)
        m = node(iris.mention_iri(doc_iri, fact.mention.begin, fact.mention.end, "fact"))
        triples += [
            (f, node(RDF.type), node(FTZ.Fact)),
            (f, node(FTZ.inDocument), doc_node),
            (f, node(FTZ.value), decimal(fact.value)),
            (f, node(DCTERMS.language), ox.Literal(fact.lang)),
            (f, node(FTZ.hasMention), m),
        ]
        if fact.unit:
            triples.append((f, node(FTZ.unit), ox.Literal(fact.unit)))
        triples.extend(_mention(m, doc_node, fact.mention, sentences))

    for rel in result.relations:
        s, o = keys.get(rel.subject), keys.get(rel.object)
        if s is None or o is None:
            continue
        prop = node(FTZ[rel.property])
        r = node(iris.relation_iri(doc_iri, s.value, prop.value, o.value))
        triples += [
            (s, prop, o),
            (r, node(RDF.type), node(FTZ.RelationAssertion)),
            (r, node(FTZ.assertedSubject), s),
            (r, node(FTZ.assertedProperty), prop),
            (r, node(FTZ.assertedObject), o),
            (r, node(FTZ.rule), ox.Literal(rel.rule)),
            (r, node(FTZ.confidence), decimal(round(rel.confidence, 3))),
            (r, node(FTZ.inDocument), doc_node),
        ]

    for disc in result.discrepancies:
        a, b = fact_nodes[disc.first], fact_nodes[disc.second]
        d = node(iris.discrepancy_iri(doc_iri, a.value, b.value))
        triples += [
            (d, node(RDF.type), node(FTZ.Discrepancy)),
            (d, node(FTZ.inDocument), doc_node),
            (d, node(FTZ.between), a),
            (d, node(FTZ.between), b),
        ]
    triples += link_triples(doc_iri, keys, result)
    unique = dict.fromkeys(triples)
    return [ox.Quad(s, p, o, graph) for s, p, o in unique]


def _mention(
    m: ox.NamedNode, doc: ox.NamedNode, mention: Mention, sentences: SentenceIndex
) -> list[tuple]:
    sentence = sentences.node_at(mention.begin)
    triples = [(m, node(FTZ.inSentence), sentence)] if sentence is not None else []
    return [
        *triples,
        (m, node(RDF.type), node(FTZ.Mention)),
        (m, node(FTZ.inDocument), doc),
        (m, node(NIF.beginIndex), integer(mention.begin)),
        (m, node(NIF.endIndex), integer(mention.end)),
        (m, node(NIF.anchorOf), ox.Literal(mention.anchor)),
        (m, node(DCTERMS.language), ox.Literal(mention.lang)),
        (m, node(FTZ.rule), ox.Literal(mention.rule)),
    ]
