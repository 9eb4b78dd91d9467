"""The ``network`` and ``report`` commands, and ``query --name``: thin shells over this package.

``ftzgraph/cli.py`` registers the commands; this module must not import it
at load time (``python -m ftzgraph.cli`` would import it twice).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ftzgraph.cli_options import StoreOption


class NetworkKind(StrEnum):
    cooccurrence = "cooccurrence"
    addresses = "addresses"
    concepts = "concepts"


class Window(StrEnum):
    document = "document"
    sentence = "sentence"


def _open_existing(store: str):
    from ftzgraph.store import default_store_path, open_store

    path = store or default_store_path()
    if not Path(path).exists():
        typer.echo(f"error: no store at {path} (run `ftzgraph extract` first)", err=True)
        raise typer.Exit(2)
    return open_store(path, read_only=True)


def network(
    output: Annotated[
        Path, typer.Option("-o", "--output", help="File to write: .graphml, .gexf or .json.")
    ],
    kind: Annotated[
        NetworkKind, typer.Option("--kind", help="Which projection.")
    ] = NetworkKind.cooccurrence,
    window: Annotated[
        Window,
        typer.Option(
            "--window",
            help="cooccurrence: same document, or 'sentence' = mentions within 200 characters "
            "in the same document and language.",
        ),
    ] = Window.document,
    store: StoreOption = "",
) -> None:
    """Write a networkx projection of the graph (for Gephi or Python), with centrality and
    Louvain communities as node attributes.

    Example: ftzgraph network --kind cooccurrence --window sentence -o cooccurrence.gexf
    """
    from ftzgraph.analyse.graphfile import graph_format
    from ftzgraph.analyse.network import build, write

    try:
        graph_format(output)
    except ValueError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from err
    graph = build(_open_existing(store), kind.value, window.value)
    fmt = write(graph, output)
    typer.echo(
        f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges "
        f"to {output} ({fmt})"
    )


def report(
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "report.html"
    ),
    top: Annotated[int, typer.Option("--top", min=1, help="Rows per ranking.")] = 10,
    store: StoreOption = "",
) -> None:
    """Write one self-contained HTML report: statistics, rankings, figures and evidence.

    Example: ftzgraph report -o report.html --store ftzgraph-store
    """
    from ftzgraph.analyse.report import write_report

    path = write_report(_open_existing(store), output, top=top)
    typer.echo(f"wrote {path}")


def named_result(store, name: str, assignments: list[str]):
    """``query --name``: run a named query with ``key=value`` parameters; exit 2 on misuse."""
    from ftzgraph.analyse.params import parse_assignments
    from ftzgraph.analyse.queries import execute

    try:
        return execute(store, name, **parse_assignments(assignments))
    except (KeyError, ValueError) as err:
        typer.echo(f"error: {err.args[0] if err.args else err}", err=True)
        raise typer.Exit(2) from err
