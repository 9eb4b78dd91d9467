"""Canonical exports: the same store content gives byte-identical files in any process.

Quads are sorted by their N-Quads form before serialising, and Oxigraph's own
serialisers write them (10–50× faster than rdflib's on large graphs). Turtle
and N-Triples hold the union of the graphs; TriG and N-Quads keep the named
graphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from ftzgraph.graph.namespace import NIF, PREFIXES, XSD
from ftzgraph.graph.terms import integer, node
from ftzgraph.store.oxigraph import Store

_OFFSETS = frozenset({node(NIF.beginIndex), node(NIF.endIndex)})
_INTEGER = node(XSD.integer)

FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
QUAD_FORMATS = frozenset({"trig", "nq"})


def format_from_path(path: str | Path, default: str = "ttl") -> str:
    suffix = Path(path).suffix.lstrip(".").lower()
    aliases = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "json": "jsonld"}
    suffix = aliases.get(suffix, suffix)
    return suffix if suffix in FORMATS else default


def export(
    store: Store,
    output: str | Path | BinaryIO,
    fmt: str = "ttl",
    *,
    include_runs: bool = False,
    include_ontologies: bool = True,
) -> int:
    """Write the store in ``fmt``; returns the number of statements written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    quads = [
        q
        for q in contract_quads(store, include_runs=include_runs)
        if include_ontologies
        or "/graph/doc/" in q.graph_name.value
        or "/graph/run/" in q.graph_name.value
    ]
    if fmt in QUAD_FORMATS:
        items: list[ox.Quad] | list[ox.Triple] = sorted(quads, key=str)
    else:
        items = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
    prefixes = None if fmt in ("nt", "nq") else PREFIXES
    if isinstance(output, str | Path):
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        output = str(output)
    ox.serialize(items, output, FORMATS[fmt], prefixes=prefixes)
    return len(items)


def contract_quads(store: Store, *, include_runs: bool = False) -> Iterator[ox.Quad]:
    """The store's quads as the contract types them.

    Oxigraph stores ``xsd:nonNegativeInteger`` values as ``xsd:integer``; the
    contract promises offsets typed ``xsd:nonNegativeInteger``, so they are
    re-typed on the way out.
    """
    for quad in store.quads(include_runs=include_runs):
        obj = quad.object
        if quad.predicate in _OFFSETS and isinstance(obj, ox.Literal) and obj.datatype == _INTEGER:
            quad = ox.Quad(quad.subject, quad.predicate, integer(int(obj.value)), quad.graph_name)
        yield quad
