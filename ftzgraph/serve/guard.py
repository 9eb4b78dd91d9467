"""What the endpoint refuses before a query reaches a worker.

Oxigraph evaluates ``SERVICE`` by fetching the remote endpoint over HTTP, so a
public query could make the server call any host it can reach (an internal
admin page, a cloud metadata address). Queries using the keyword are refused
outright. The check is lexical: strings, IRIs and comments are blanked out
first so that ``FILTER(CONTAINS(?label, "service"))``, ``<…/service>`` or
``ftz:service`` stay allowed, and codepoint escapes (``\\u0053ERVICE``) are
decoded so they cannot hide the keyword.

``file:`` IRIs are refused too, wherever they appear (``FROM``, ``FROM
NAMED``, ``GRAPH``, ``PREFIX``, ``BASE``, a plain term), escaped or not.
Oxigraph does not read files for them (``FROM <file:///etc/passwd>`` names a
graph of the store, which has none of that name), but nothing this endpoint
serves has such an IRI, so a query naming one is refused rather than trusted
to stay harmless in every future version.

:func:`dataset_clause` tells whether a query names its own dataset (``FROM``
or ``FROM NAMED``); the worker then honours it instead of the union default
graph (pyoxigraph ignores ``FROM`` when asked for the union).
"""

from __future__ import annotations

import re

_NOISE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"  # IRIs (a "<" followed by a space is "less than")
    r"|#[^\n\r]*",  # comments
    re.DOTALL,
)
_STRINGS_AND_COMMENTS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r"|#[^\n\r]*",
    re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SERVICE = re.compile(r"(?<![\w:?$@.\-])SERVICE(?![\w:\-])", re.IGNORECASE)
_FROM = re.compile(r"(?<![\w:?$@.\-])FROM(?![\w:\-])", re.IGNORECASE)
_FILE_IRI = re.compile(r"<\s*file:", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """Whether the query contains a federated ``SERVICE`` clause."""
    return _SERVICE.search(_code(query)) is not None


def dataset_clause(query: str) -> bool:
    """Whether the query has a ``FROM`` or ``FROM NAMED`` clause of its own."""
    return _FROM.search(_code(query)) is not None


def names_file(query: str) -> bool:
    """Whether the query holds a ``file:`` IRI anywhere outside strings and comments."""
    code = _STRINGS_AND_COMMENTS.sub(" ", query)
    code = _ESCAPE.sub(lambda m: _char(m.group(1) or m.group(2)), code)
    return _FILE_IRI.search(code) is not None


def _code(query: str) -> str:
    """The query with strings, IRIs and comments blanked out and escapes decoded."""
    code = _NOISE.sub(" ", query)
    return _ESCAPE.sub(lambda m: _char(m.group(1) or m.group(2)), code)


def _char(hex_digits: str) -> str:
    try:
        return chr(int(hex_digits, 16))
    except ValueError:  # beyond U+10FFFF: the parser rejects it anyway
        return " "
