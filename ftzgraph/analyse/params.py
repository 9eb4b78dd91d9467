"""Query parameters → RDF terms, so a value is bound as a term and never pasted into SPARQL.

A value that is a valid absolute ``http(s):`` or ``urn:`` IRI becomes a
:class:`pyoxigraph.NamedNode`; anything else (a label in either language,
quotes and braces included) becomes a plain :class:`pyoxigraph.Literal`.
"""

from __future__ import annotations

import pyoxigraph as ox

_IRI_SCHEMES = ("http://", "https://", "urn:")


def term(value: str) -> ox.NamedNode | ox.Literal:
    """The RDF term a researcher means by ``value``: an IRI if it is one, else a label."""
    if value.startswith(_IRI_SCHEMES):
        try:
            return ox.NamedNode(value)
        except ValueError:
            pass
    return ox.Literal(value)


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """``["key=value", …]`` (as given on the command line) → a dict; ValueError if malformed."""
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"parameter {pair!r} is not key=value")
        params[key.strip()] = value
    return params
