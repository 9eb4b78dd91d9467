"""Named research queries: the ``.rq`` files beside this module, run with bound parameters.

Each file opens with comment lines: the first says what the query answers
(``ftzgraph query --list`` shows it), and a line ``# @param NAME description``
declares each parameter. Parameter ``NAME`` is the SPARQL variable
``?param_NAME``, introduced by a line ``VALUES ?param_NAME { UNDEF }`` at the
top of the WHERE clause, so the file runs as is (matching nothing). To bind
it, ``UNDEF`` is replaced by the value as an RDF term built by
:func:`ftzgraph.analyse.params.term` and written in N-Triples syntax by
pyoxigraph (quotes, backslashes and line breaks escaped; IRIs validated), so
quotes, braces or SPARQL in a value stay inside one literal and cannot change
the query. (pyoxigraph's ``substitutions`` would need the variable in the
SELECT projection, adding a constant column to every result.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from ftzgraph.analyse.params import term
from ftzgraph.graph.namespace import PREFIXES
from ftzgraph.query import rows

QUERY_DIR = Path(__file__).resolve().parent
_PARAM = re.compile(r"^#\s*@param\s+(\w+)\s*(.*)$")
_SLOT = re.compile(r"VALUES \?param_(\w+) \{ UNDEF \}")


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """One ``.rq`` file: its name, what it answers, its parameters and its text."""

    name: str
    summary: str
    params: dict[str, str]
    sparql: str


def _parse(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    summary = next((h.lstrip("#").strip() for h in header if h.lstrip("#").strip()), "")
    params = {m[1]: m[2].strip() for h in header if (m := _PARAM.match(h))}
    slots = _SLOT.findall(text)
    if sorted(slots) != sorted(params):
        raise ValueError(f"{path.name}: @param lines {sorted(params)} but VALUES slots {slots}")
    return NamedQuery(path.stem, summary, params, text)


@cache
def catalogue() -> dict[str, NamedQuery]:
    """Every named query, by name, in name order."""
    return {p.stem: _parse(p) for p in sorted(QUERY_DIR.glob("*.rq"))}


def get(name: str) -> NamedQuery:
    try:
        return catalogue()[name]
    except KeyError:
        known = ", ".join(catalogue())
        raise KeyError(f"no named query {name!r} (known: {known})") from None


def bind(query: NamedQuery, params: dict[str, str]) -> str:
    """The query text with each ``VALUES ?param_NAME { UNDEF }`` holding its escaped term."""
    missing = sorted(set(query.params) - set(params))
    unknown = sorted(set(params) - set(query.params))
    if missing or unknown:
        wanted = ", ".join(query.params) or "none"
        raise ValueError(
            f"{query.name}: missing {missing or '-'}, unknown {unknown or '-'} "
            f"(parameters: {wanted})"
        )
    # A function replacement, so backslashes in the term are not read as group references.
    return _SLOT.sub(lambda m: f"VALUES ?param_{m[1]} {{ {term(params[m[1]])} }}", query.sparql)


def execute(store, name: str, **params: str) -> ox.QuerySolutions:
    """Run a named query on a :class:`ftzgraph.store.Store`; ValueError for wrong parameters."""
    return store.oxigraph.query(
        bind(get(name), params), prefixes=PREFIXES, use_default_graph_as_union=True
    )


def run_named(store, name: str, **params: str) -> tuple[list[str], list[list[str]]]:
    """Column names and rows (terms as plain text) of a named query."""
    return rows(execute(store, name, **params))


def listing() -> str:
    """``name  summary`` lines, for ``ftzgraph query --list``."""
    width = max(len(n) for n in catalogue())
    lines = []
    for q in catalogue().values():
        params = " ".join(f"--param {p}=…" for p in q.params)
        lines.append(f"{q.name:<{width}}  {q.summary}" + (f"  [{params}]" if params else ""))
    return "\n".join(lines)


__all__ = ["NamedQuery", "bind", "catalogue", "execute", "get", "listing", "run_named"]
