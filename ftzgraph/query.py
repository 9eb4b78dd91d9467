"""SPARQL results → rows and text (table, CSV, TSV, JSON), for the CLI and notebooks."""

from __future__ import annotations

import pyoxigraph as ox

RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}


def term_text(term: object) -> str:
    """A term as a researcher reads it: IRIs and literals by value, unbound as empty."""
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def rows(result: ox.QuerySolutions) -> tuple[list[str], list[list[str]]]:
    names = [v.value for v in result.variables]
    return names, [[term_text(solution[name]) for name in names] for solution in result]


def format_table(names: list[str], data: list[list[str]], max_width: int = 60) -> str:
    """A plain aligned text table, cells cut at ``max_width`` characters."""
    cut = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in data]
    widths = [max([len(n), *(_width(r[i]) for r in cut)]) for i, n in enumerate(names)]
    lines = [
        "  ".join(_pad(n, w) for n, w in zip(names, widths, strict=True)),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)) for r in cut]
    lines.append(f"({len(data)} row{'s' if len(data) != 1 else ''})")
    return "\n".join(lines)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def render(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> str:
    if isinstance(result, ox.QueryBoolean):
        return "true" if bool(result) else "false"
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(result, format=ox.RdfFormat.N_TRIPLES).decode("utf-8").rstrip("\n")
    if fmt == "table":
        return format_table(*rows(result))
    return result.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8").rstrip("\r\n")
