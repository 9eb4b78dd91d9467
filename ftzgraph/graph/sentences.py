"""Sentences, their alignment across languages and the cross-lingual link records, as RDF."""

from __future__ import annotations

import bisect

import pyoxigraph as ox

from ftzgraph.graph import iris
from ftzgraph.graph.namespace import DCTERMS, FTZ, NIF, RDF
from ftzgraph.graph.terms import decimal, integer, node
from ftzgraph.records import DocumentGraph

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


class SentenceIndex:
    """Which sentence node an offset falls in."""

    def __init__(self, doc_iri: str, result: DocumentGraph) -> None:
        self._starts = [s.begin for s in result.sentences]
        self._sentences = result.sentences
        self._doc_iri = doc_iri

    def node_at(self, offset: int) -> ox.NamedNode | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._sentences[i].end:
            return node(iris.sentence_iri(self._doc_iri, self._sentences[i].index))
        return None


def sentence_triples(doc_iri: str, result: DocumentGraph) -> list[Triple]:
    doc = node(doc_iri)
    text = result.document.text
    triples: list[Triple] = []
    for s in result.sentences:
        n = node(iris.sentence_iri(doc_iri, s.index))
        triples += [
            (n, node(RDF.type), node(FTZ.Sentence)),
            (n, node(FTZ.inDocument), doc),
            (n, node(NIF.beginIndex), integer(s.begin)),
            (n, node(NIF.endIndex), integer(s.end)),
            (n, node(NIF.anchorOf), ox.Literal(text[s.begin : s.end])),
            (n, node(DCTERMS.language), ox.Literal(s.lang)),
        ]
    for a in result.alignments:
        n = node(iris.alignment_iri(doc_iri, a.zh, a.en))
        triples += [
            (n, node(RDF.type), node(FTZ.SentenceAlignment)),
            (n, node(FTZ.inDocument), doc),
            (n, node(FTZ.confidence), decimal(a.score)),
            (n, node(FTZ.rule), ox.Literal(a.rule)),
        ]
        zh_nodes = [node(iris.sentence_iri(doc_iri, i)) for i in a.zh]
        en_nodes = [node(iris.sentence_iri(doc_iri, i)) for i in a.en]
        for s in zh_nodes + en_nodes:
            triples.append((n, node(FTZ.alignedSentence), s))
        for z in zh_nodes:
            for e in en_nodes:
                triples += [(z, node(FTZ.alignedWith), e), (e, node(FTZ.alignedWith), z)]
    return triples


def link_triples(
    doc_iri: str, concept_nodes: dict[str, ox.NamedNode], result: DocumentGraph
) -> list[Triple]:
    triples: list[Triple] = []
    for link in result.links:
        concept = concept_nodes.get(link.key)
        if concept is None:
            continue
        n = node(iris.link_iri(doc_iri, link.key))
        triples += [
            (n, node(RDF.type), node(FTZ.CrossLingualLink)),
            (n, node(FTZ.inDocument), node(doc_iri)),
            (n, node(FTZ.linkedConcept), concept),
            (n, node(FTZ.confidence), decimal(link.confidence)),
            (n, node(FTZ.rule), ox.Literal(link.rule)),
        ]
    return triples
