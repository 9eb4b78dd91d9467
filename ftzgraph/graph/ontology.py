"""Where the ontology, thesaurus, gazetteer and shapes files are, and their graphs' IRIs."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from ftzgraph.graph.namespace import BASE

ONTOLOGY_FILES: dict[str, str] = {
    "ftz.ttl": "https://w3id.org/ftzgraph/ontology",
    "ftz-thesaurus.ttl": BASE + "graph/thesaurus",
    "ftz-gazetteer.ttl": BASE + "graph/gazetteer",
}
SHAPES_FILE = "ftz-shapes.ttl"


@cache
def ontology_dir() -> Path:
    """``$FTZGRAPH_ONTOLOGIES``, the source tree's ``ontologies/``, or the installed copy."""
    candidates = []
    if env := os.environ.get("FTZGRAPH_ONTOLOGIES"):
        candidates.append(Path(env))
    candidates.append(Path(__file__).resolve().parents[2] / "ontologies")
    candidates.append(Path(sys.prefix) / "share" / "ftzgraph" / "ontologies")
    for path in candidates:
        if (path / "ftz.ttl").is_file():
            return path
    raise FileNotFoundError(
        "ontology files not found; looked in " + ", ".join(str(p) for p in candidates)
    )


def ontology_file(name: str) -> Path:
    return ontology_dir() / name
