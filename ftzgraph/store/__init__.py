"""Stage 6: the embedded store and its exports."""

from ftzgraph.store.export import FORMATS, export, format_from_path
from ftzgraph.store.oxigraph import DEFAULT_STORE, Store, default_store_path, open_store

__all__ = [
    "DEFAULT_STORE",
    "FORMATS",
    "Store",
    "default_store_path",
    "export",
    "format_from_path",
    "open_store",
]
