"""networkx projections of the graph, for Gephi, Cytoscape or further analysis in Python.

Three kinds:

- ``cooccurrence``: concepts joined when mentioned together. ``document``
  window: both in the same document (edge ``weight`` = such documents).
  ``sentence`` window: sentences are not nodes of the graph yet, so a sentence
  is approximated as *mentions whose spans lie within* ``distance`` *(200)
  characters of each other, in the same document and language* (edge
  ``weight`` = such mention pairs; ``documents`` = documents they occur in).
- ``addresses``: the bipartite recommendation → problem graph of
  ``ftz:addresses`` (``bipartite`` 0 for recommendations, 1 for problems).
- ``concepts``: every mentioned concept, with ``addresses``/``concerns``/
  ``serves`` edges (``relation`` names the properties, comma-separated).

Every node carries ``types``, ``label_zh``, ``label_en``, ``label``,
``documents``, ``mentions``, ``degree``, ``degree_centrality``,
``betweenness`` (on the undirected view, unweighted: weights are
strengths, not distances) and ``community`` (Louvain on the undirected,
weighted graph with a fixed seed, numbered by size), so the file alone is
enough for a layout coloured by community and sized by centrality.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations

import networkx as nx

from ftzgraph.analyse.concepts import (
    ConceptInfo,
    MentionRow,
    concept_table,
    mention_rows,
    relation_rows,
)
from ftzgraph.analyse.graphfile import write

KINDS: tuple[str, ...] = ("cooccurrence", "addresses", "concepts")
WINDOWS: tuple[str, ...] = ("document", "sentence")
SENTENCE_WINDOW = 200
SEED = 42


def build(store, kind: str = "cooccurrence", window: str = "document") -> nx.Graph:
    """The projection ``kind`` of the store, with node attributes and metrics."""
    if kind == "cooccurrence":
        return cooccurrence_graph(store, window)
    if kind == "addresses":
        return addresses_graph(store)
    if kind == "concepts":
        return concept_graph(store)
    raise ValueError(f"unknown network kind {kind!r} (one of {', '.join(KINDS)})")


def cooccurrence_graph(
    store, window: str = "document", distance: int = SENTENCE_WINDOW
) -> nx.Graph:
    """Concepts mentioned together, in the same document or within ``distance`` characters."""
    if window not in WINDOWS:
        raise ValueError(f"unknown window {window!r} (one of {', '.join(WINDOWS)})")
    concepts = concept_table(store)
    mentions = mention_rows(store)
    pairs = _document_pairs(mentions) if window == "document" else _near_pairs(mentions, distance)
    graph = nx.Graph(kind="cooccurrence", window=window)
    _add_nodes(graph, concepts.values())
    for (a, b), (weight, documents) in sorted(pairs.items()):
        graph.add_edge(a, b, weight=weight, documents=documents)
    return annotate(graph)


def addresses_graph(store) -> nx.DiGraph:
    """Recommendations → the problems they address (``ftz:addresses``), a bipartite graph."""
    concepts = concept_table(store)
    relations = [r for r in relation_rows(store, ("addresses",)) if _known(r, concepts)]
    shared = _shared_documents(mention_rows(store))
    graph = nx.DiGraph(kind="addresses")
    ends = {r.subject for r in relations} | {r.object for r in relations}
    _add_nodes(graph, (concepts[iri] for iri in sorted(ends)))
    for iri in graph:
        graph.nodes[iri]["bipartite"] = int(any(r.object == iri for r in relations))
    for r in relations:
        graph.add_edge(r.subject, r.object, weight=max(1, shared[_key(r.subject, r.object)]))
    return annotate(graph)


def concept_graph(store) -> nx.DiGraph:
    """Every mentioned concept, with its ``addresses``/``concerns``/``serves`` edges."""
    concepts = concept_table(store)
    graph = nx.DiGraph(kind="concepts")
    _add_nodes(graph, concepts.values())
    props: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in relation_rows(store):
        if _known(r, concepts):
            props[(r.subject, r.object)].append(r.prop)
    for (s, o), names in sorted(props.items()):
        graph.add_edge(s, o, relation=",".join(sorted(names)), weight=len(names))
    return annotate(graph)


def annotate(graph: nx.Graph) -> nx.Graph:
    """Add degree, degree centrality, betweenness and a Louvain community to every node."""
    degree = nx.degree_centrality(graph) if len(graph) > 1 else dict.fromkeys(graph, 0.0)
    # Relations run one way (recommendation → problem), so directed paths are at most
    # one edge long and would give every node zero betweenness: use the undirected view.
    undirected = graph.to_undirected() if graph.is_directed() else graph
    betweenness = nx.betweenness_centrality(undirected) if len(graph) > 2 else {}
    found = nx.community.louvain_communities(undirected, weight="weight", seed=SEED)
    ranked = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    community = {iri: number for number, members in enumerate(ranked) for iri in members}
    for iri, data in graph.nodes(data=True):
        data["degree"] = int(graph.degree(iri))
        data["degree_centrality"] = round(float(degree.get(iri, 0.0)), 6)
        data["betweenness"] = round(float(betweenness.get(iri, 0.0)), 6)
        data["community"] = community.get(iri, -1)
    return graph


def _add_nodes(graph: nx.Graph, concepts: Iterable[ConceptInfo]) -> None:
    for c in concepts:
        graph.add_node(
            c.iri,
            types=",".join(c.types),
            label_zh=c.label_zh,
            label_en=c.label_en,
            label=c.label("en"),
            documents=c.documents,
            mentions=c.mentions,
        )


def _known(relation, concepts: dict[str, ConceptInfo]) -> bool:
    return relation.subject in concepts and relation.object in concepts


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _shared_documents(mentions: list[MentionRow]) -> Counter[tuple[str, str]]:
    by_document: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        by_document[m.document].add(m.concept)
    shared: Counter[tuple[str, str]] = Counter()
    for concepts in by_document.values():
        shared.update(combinations(sorted(concepts), 2))
    return shared


def _document_pairs(mentions: list[MentionRow]) -> dict[tuple[str, str], tuple[int, int]]:
    return {pair: (n, n) for pair, n in _shared_documents(mentions).items()}


def _near_pairs(
    mentions: list[MentionRow], distance: int
) -> dict[tuple[str, str], tuple[int, int]]:
    """Mention pairs of two concepts whose spans are at most ``distance`` characters apart."""
    groups: dict[tuple[str, str], list[MentionRow]] = defaultdict(list)
    for m in mentions:
        groups[(m.document, m.lang)].append(m)
    weight: Counter[tuple[str, str]] = Counter()
    documents: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (document, _), group in groups.items():
        group.sort(key=lambda m: (m.begin, m.end))
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                if second.begin - first.end > distance:
                    break
                if first.concept != second.concept:
                    pair = _key(first.concept, second.concept)
                    weight[pair] += 1
                    documents[pair].add(document)
    return {pair: (n, len(documents[pair])) for pair, n in weight.items()}


__all__ = [
    "KINDS",
    "SENTENCE_WINDOW",
    "WINDOWS",
    "addresses_graph",
    "annotate",
    "build",
    "concept_graph",
    "cooccurrence_graph",
    "write",
]
