"""RDF terms as the graph writes them: cached IRIs, typed offsets and decimals."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox

from ftzgraph.graph.namespace import XSD


@lru_cache(maxsize=8192)
def node(iri: str) -> ox.NamedNode:
    """Vocabulary terms recur on every triple; a bounded cache keeps them without growing with
    the corpus (document IRIs pass through it too)."""
    return ox.NamedNode(str(iri))


def integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=node(XSD.nonNegativeInteger))


def decimal(value: Decimal | float) -> ox.Literal:
    text = format(Decimal(str(value)).normalize(), "f")
    if "." not in text:
        text += ".0"
    return ox.Literal(text, datatype=node(XSD.decimal))
