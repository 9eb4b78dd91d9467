"""What the endpoint refuses before a query reaches a worker.

Oxigraph evaluates ``SERVICE`` by fetching the remote endpoint over HTTP, so a
public query could make the server call any host it can reach (an internal
admin page, a cloud metadata address). Queries using the keyword are refused
outright. The check is lexical: strings, IRIs and comments are blanked out
first so that ``FILTER(CONTAINS(?label, "service"))``, ``<…/service>`` or
``ftz:service`` stay allowed, and codepoint escapes (``\\u0053ERVICE``) are
decoded so they cannot hide the keyword.
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
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SERVICE = re.compile(r"(?<![\w:?$@.\-])SERVICE(?![\w:\-])", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """Whether the query contains a federated ``SERVICE`` clause."""
    code = _NOISE.sub(" ", query)
    code = _ESCAPE.sub(lambda m: _char(m.group(1) or m.group(2)), code)
    return _SERVICE.search(code) is not None


def _char(hex_digits: str) -> str:
    try:
        return chr(int(hex_digits, 16))
    except ValueError:  # beyond U+10FFFF: the parser rejects it anyway
        return " "
