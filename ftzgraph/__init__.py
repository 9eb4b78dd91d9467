"""ftzgraph: knowledge graphs from Chinese and English texts on China's Pilot Free Trade Zones.

The data flow mirrors the sub-packages: ``read`` → ``lang`` (analyse) →
``extract`` → ``link`` → ``graph`` → ``store``. The two entry points most
researchers need are re-exported here::

    import ftzgraph
    store = ftzgraph.open_store("ftzgraph-store")
    report = ftzgraph.extract(["examples/"], store=store)
    rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?c a ftz:Problem }")
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import Any

__all__ = ["ExtractReport", "Store", "__version__", "extract", "open_store"]

_LAZY = {
    "ExtractReport": "ftzgraph.pipeline",
    "extract": "ftzgraph.pipeline",
    "Store": "ftzgraph.store",
    "open_store": "ftzgraph.store",
}


def __getattr__(name: str) -> Any:
    """Import the heavy stages (spaCy, Oxigraph) only when first used."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'ftzgraph' has no attribute {name!r}")
