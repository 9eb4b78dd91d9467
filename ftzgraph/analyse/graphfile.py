"""Write a networkx graph to GraphML, GEXF (for Gephi) or node-link JSON, chosen by suffix."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json"}


def graph_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: unknown graph format (use {', '.join(FORMATS)})")
    return FORMATS[suffix]


def write(graph: nx.Graph, path: str | Path) -> str:
    """Write ``graph`` to ``path``; returns the format written."""
    fmt = graph_format(path)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(graph, target)
    elif fmt == "gexf":
        nx.write_gexf(graph, target)
    else:
        target.write_text(json.dumps(_node_link(graph), ensure_ascii=False, indent=1), "utf-8")
    return fmt


def _node_link(graph: nx.Graph) -> dict:
    """Node-link data under an ``edges`` key: ``nx.node_link_graph(d, edges="edges")`` reads it."""
    try:
        return nx.node_link_data(graph, edges="edges")
    except TypeError:  # networkx < 3.4 knows only "link"
        data = nx.node_link_data(graph)
        data["edges"] = data.pop("links")
        return data
