"""Deterministic, ASCII, Turtle-friendly IRIs for everything ftzgraph mints.

An IRI depends only on what it names (document identifier, concept key,
offsets), never on run order or process, so two runs give the same graph.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ftzgraph.graph.namespace import BASE

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def digest(text: str, length: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def slug(text: str, limit: int = 48) -> str:
    """Lower-case ASCII letters, digits and hyphens; empty for text without any (e.g. Chinese)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")[:limit].rstrip("-")


def _named(kind: str, label: str, key: str) -> str:
    name = slug(label)
    return f"{BASE}{kind}/{name + '-' if name else ''}{digest(key)}"


def document_iri(identifier: str) -> str:
    return _named("doc", identifier, identifier)


def document_graph_iri(identifier: str) -> str:
    return _named("graph/doc", identifier, identifier)


def concept_iri(ctype: str, label: str, key: str) -> str:
    return _named(f"concept/{ctype.lower()}", label, key)


def mention_iri(doc_iri: str, begin: int, end: int, concept_key: str) -> str:
    return f"{doc_iri}/m/{begin}-{end}-{digest(concept_key, 8)}"


def fact_iri(doc_iri: str, begin: int, end: int) -> str:
    return f"{doc_iri}/fact/{begin}-{end}"


def relation_iri(doc_iri: str, subject: str, prop: str, obj: str) -> str:
    return f"{doc_iri}/rel/{digest(subject + '|' + prop + '|' + obj)}"


def discrepancy_iri(doc_iri: str, first: str, second: str) -> str:
    return f"{doc_iri}/discrepancy/{digest(first + '|' + second)}"


def sentence_iri(doc_iri: str, index: int) -> str:
    return f"{doc_iri}/s/{index}"


def alignment_iri(doc_iri: str, zh: tuple[int, ...], en: tuple[int, ...]) -> str:
    return f"{doc_iri}/align/{'-'.join(map(str, zh))}_{'-'.join(map(str, en))}"


def link_iri(doc_iri: str, concept_key: str) -> str:
    return f"{doc_iri}/link/{digest(concept_key)}"
