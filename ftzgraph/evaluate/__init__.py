"""Scoring extraction against gold annotations (GOLD.md): ``ftzgraph evaluate``.

Researchers use it on their own annotated sets: a folder of gold JSON files,
and either the texts (extracted afresh, in memory) or an existing store or
exported graph file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from ftzgraph.evaluate.gold import load_gold
from ftzgraph.evaluate.predictions import read_predictions
from ftzgraph.evaluate.report import format_report
from ftzgraph.evaluate.score import score
from ftzgraph.read import read_paths
from ftzgraph.records import Document
from ftzgraph.store import Store, open_store

_GRAPH_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
}


def load_texts(folder: str | os.PathLike[str]) -> dict[str, str]:
    """Identifier → document text, as the reader decodes it (the text offsets index)."""
    return {e.identifier: e.text for e in read_paths([folder]) if isinstance(e, Document)}


def graph_store(path: str | os.PathLike[str]) -> Store:
    """An in-memory store holding a graph file (Turtle, N-Triples, TriG or N-Quads)."""
    suffix = Path(path).suffix.lower()
    if suffix not in _GRAPH_FORMATS:
        raise ValueError(f"{path}: unknown graph format (use .ttl, .nt, .trig or .nq)")
    store = open_store(None)
    fmt = _GRAPH_FORMATS[suffix]
    graph = (
        None
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
        else ox.NamedNode("https://w3id.org/ftzgraph/id/graph/doc/loaded")
    )
    store.oxigraph.load(path=str(path), format=fmt, to_graph=graph)
    return store


def evaluate(
    gold_dir: str | os.PathLike[str],
    *,
    texts_dir: str | os.PathLike[str] | None = None,
    store: Store | None = None,
) -> dict:
    """Scores of ``store`` (or of ``texts_dir`` extracted afresh) against ``gold_dir``."""
    if store is None:
        if texts_dir is None:
            raise ValueError("give the texts to extract or a store to score")
        from ftzgraph.pipeline import extract

        store = open_store(None)
        extract([texts_dir], store)
    texts = load_texts(texts_dir) if texts_dir is not None else None
    return score(load_gold(gold_dir), read_predictions(store), texts)


__all__ = ["evaluate", "format_report", "graph_store", "load_texts"]
