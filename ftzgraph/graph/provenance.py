"""The PROV-O record of one extraction run, in a named graph of its own.

It is the only part of the store allowed to differ between two runs over the
same input (it holds times), so exports leave it out unless asked.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

import pyoxigraph as ox

from ftzgraph import __version__
from ftzgraph.graph.namespace import BASE, FTZ, PROV, RDF, RDFS, XSD
from ftzgraph.graph.terms import node

RUN_GRAPH_PREFIX = BASE + "graph/run/"


def run_quads(
    started: datetime,
    ended: datetime,
    models: Mapping[str, str],
    documents: Iterable[str],
) -> list[ox.Quad]:
    run_id = f"{started.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    graph = node(RUN_GRAPH_PREFIX + run_id)
    run = node(f"{BASE}run/{run_id}")
    agent = node(f"{BASE}software/ftzgraph/{__version__}")

    def stamp(when: datetime) -> ox.Literal:
        return ox.Literal(when.astimezone(UTC).isoformat(), datatype=node(XSD.dateTime))

    triples = [
        (run, node(RDF.type), node(PROV.Activity)),
        (run, node(RDFS.label), ox.Literal(f"ftzgraph extraction run {run_id}")),
        (run, node(PROV.startedAtTime), stamp(started)),
        (run, node(PROV.endedAtTime), stamp(ended)),
        (run, node(PROV.wasAssociatedWith), agent),
        (run, node(FTZ.toolVersion), ox.Literal(__version__)),
        (agent, node(RDF.type), node(PROV.SoftwareAgent)),
        (agent, node(RDFS.label), ox.Literal(f"ftzgraph {__version__}")),
    ]
    for lang, model in sorted(models.items()):
        triples.append((run, node(FTZ.modelName), ox.Literal(f"{lang}: {model}")))
    for doc_iri in sorted(set(documents)):
        triples.append((node(doc_iri), node(PROV.wasGeneratedBy), run))
    return [ox.Quad(s, p, o, graph) for s, p, o in triples]
