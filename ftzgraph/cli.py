"""The ``ftzgraph`` command: a thin shell over the Python API.

Exit status: 0 when everything asked for was done; 1 when some input file
failed (the others were still processed) or validation found violations;
2 for usage errors (bad option, unreadable query, missing store).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ftzgraph import __version__
from ftzgraph.cli_options import StoreOption

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Knowledge graphs from Chinese and English texts on China's Pilot Free Trade Zones.",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ExportFormat(StrEnum):
    ttl = "ttl"
    trig = "trig"
    nt = "nt"
    nq = "nq"
    jsonld = "jsonld"


class ResultFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


def _open(store: str, *, read_only: bool = False):
    from ftzgraph.store import default_store_path, open_store

    path = store or default_store_path()
    if read_only and not Path(path).exists():
        typer.echo(f"error: no store at {path} (run `ftzgraph extract` first)", err=True)
        raise typer.Exit(2)
    return open_store(path, read_only=read_only)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    store: StoreOption = "",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Also export the graph to this file.")
    ] = None,
    fmt: Annotated[
        ExportFormat | None,
        typer.Option("--format", help="Export format (default: from the -o file's suffix)."),
    ] = None,
    en_model: Annotated[
        str | None,
        typer.Option(
            "--en-model", help="A local spaCy English model to use instead of the default."
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-j", min=1, help="Worker processes for extraction.")
    ] = 1,
    force: Annotated[
        bool, typer.Option("--force", help="Re-extract documents whose text has not changed.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract concepts, facts and relations from texts into the store.

    Unchanged documents already in the store are skipped; a changed file
    replaces only its own graph.

    Example: ftzgraph extract examples/texts/ -o examples.ttl --workers 2
    """
    from tqdm import tqdm

    from ftzgraph.pipeline import Pipeline
    from ftzgraph.pipeline import extract as run_extract
    from ftzgraph.read.files import count_documents
    from ftzgraph.store import export, format_from_path

    target = _open(store)
    total = None if quiet else count_documents(paths)
    bar = tqdm(
        desc="extract",
        unit="doc",
        total=total,
        disable=quiet,
        file=sys.stderr,
        dynamic_ncols=True,
    )

    def on_event(kind: str, what: str) -> None:
        if kind == "failed":
            tqdm.write(f"error: {what}", file=sys.stderr)
        if kind != "skipped":
            bar.update(1)

    report = run_extract(
        paths,
        target,
        pipeline=Pipeline(en_model=en_model),
        workers=workers,
        force=force,
        on_event=on_event,
    )
    bar.close()
    typer.echo(_summary_table(target))
    typer.echo(f"{report.summary()} (store: {target.path})")
    if output is not None:
        chosen = fmt.value if fmt else format_from_path(output)
        count = export(target, output, chosen)
        typer.echo(f"wrote {count} statements to {output} ({chosen})")
    if not report.ok:
        raise typer.Exit(1)


def _summary_table(store) -> str:
    from ftzgraph.graph.namespace import FTZ
    from ftzgraph.query import format_table
    from ftzgraph.records import CONCEPT_TYPES

    found = store.class_counts([str(FTZ[t]) for t in CONCEPT_TYPES])
    counts = {t: tuple(map(str, found[str(FTZ[t])])) for t in CONCEPT_TYPES}
    rows = [[t, *counts.get(t, ("0", "0"))] for t in CONCEPT_TYPES]
    rows.append(["Fact", str(store.count(str(FTZ.Fact))), ""])
    rows.append(["Document", str(store.document_count()), ""])
    return format_table(["class", "nodes", "mentions"], rows)


@app.command()
def query(
    sparql: Annotated[
        str | None,
        typer.Argument(
            help="A SPARQL query (prefixes ftz:, skos:, nif:, dcterms:, prov: are predeclared)."
        ),
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the query from a .rq file.")
    ] = None,
    store: StoreOption = "",
    fmt: Annotated[
        ResultFormat, typer.Option("--format", help="Result format.")
    ] = ResultFormat.table,
    name: Annotated[
        str | None, typer.Option("--name", help="Run a named research query (see --list).")
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", help="key=value for --name (repeatable)."),
    ] = None,
    list_names: Annotated[
        bool, typer.Option("--list", help="List the named research queries.")
    ] = False,
) -> None:
    """Run a SPARQL query over the union of all document graphs.

    Example: ftzgraph query "SELECT ?p (COUNT(?m) AS ?n)
    WHERE { ?p a ftz:Problem ; ftz:hasMention ?m } GROUP BY ?p ORDER BY DESC(?n)"

    Named: ftzgraph query --name recommendations-for-problem --param problem=融资难
    """
    from ftzgraph.query import render

    if list_names:
        from ftzgraph.analyse.queries import listing

        typer.echo(listing())
        return
    if [sparql, file, name].count(None) != 2 or (param and name is None):
        typer.echo("error: give a query, --file or --name (with --param), one of them", err=True)
        raise typer.Exit(2)
    if name is not None:
        from ftzgraph.analyse.cli import named_result

        result = named_result(_open(store, read_only=True), name, param or [])
        typer.echo(render(result, fmt.value))
        return
    if file is not None:
        try:
            sparql = file.read_text(encoding="utf-8")
        except OSError as err:
            typer.echo(f"error: {file}: {err.strerror}", err=True)
            raise typer.Exit(2) from err
    target = _open(store, read_only=True)
    try:
        result = target.query(sparql or "")
    except SyntaxError as err:
        typer.echo(f"error: invalid SPARQL: {err}", err=True)
        raise typer.Exit(2) from err
    typer.echo(render(result, fmt.value))


@app.command("export")
def export_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    store: StoreOption = "",
    fmt: Annotated[
        ExportFormat | None, typer.Option("--format", help="Default: from the suffix.")
    ] = None,
    include_runs: Annotated[
        bool, typer.Option("--include-runs", help="Include the PROV-O records of extraction runs.")
    ] = False,
) -> None:
    """Export the graph (sorted, byte-identical for the same content).

    Example: ftzgraph export -o graph.trig
    """
    from ftzgraph.store import export, format_from_path

    chosen = fmt.value if fmt else format_from_path(output)
    count = export(_open(store, read_only=True), output, chosen, include_runs=include_runs)
    typer.echo(f"wrote {count} statements to {output} ({chosen})")


@app.command()
def discrepancies(store: StoreOption = "") -> None:
    """List the numbers the Chinese and English texts of a document state differently.

    Example: ftzgraph discrepancies --store ftzgraph-store
    """
    from ftzgraph.analyse.queries import run_named

    names, rows = run_named(_open(store, read_only=True), "discrepancies")
    for row in rows:
        r = dict(zip(names, row, strict=True))
        typer.echo(r["document"])
        for side in ("1", "2"):
            sentence = " ".join(r[f"sentence_{side}"].split())
            typer.echo(
                f"  {r[f'lang_{side}']} {r[f'value_{side}']:>10}  «{r[f'span_{side}']}»  "
                f"[{r[f'begin_{side}']}:{r[f'end_{side}']}]  {sentence}"
            )
    typer.echo(f"{len(rows)} discrepanc{'y' if len(rows) == 1 else 'ies'}")


@app.command()
def remove(
    documents: Annotated[list[str], typer.Argument(help="Document identifiers (as stored).")],
    store: StoreOption = "",
) -> None:
    """Remove documents (their named graphs) from the store.

    Example: ftzgraph remove 01_ftz-high-quality-development.txt
    """
    from ftzgraph.pipeline import remove as run_remove

    missing = run_remove(_open(store), documents)
    for identifier in missing:
        typer.echo(f"error: {identifier}: no such document in the store", err=True)
    typer.echo(f"{len(documents) - len(missing)} removed, {len(missing)} not found")
    if missing:
        raise typer.Exit(1)


@app.command()
def stats(store: StoreOption = "") -> None:
    """Counts of documents, concepts per class, mentions and facts.

    Example: ftzgraph stats --store ftzgraph-store
    """
    target = _open(store, read_only=True)
    typer.echo(_summary_table(target))
    typer.echo(f"{len(target)} quads in {target.path}")


@app.command()
def validate(store: StoreOption = "") -> None:
    """Check the graph against the SHACL shapes of ontologies/ftz-shapes.ttl.

    Example: ftzgraph validate
    """
    from ftzgraph.graph.validate import validate_store

    conforms, text = validate_store(_open(store, read_only=True))
    typer.echo(text)
    if not conforms:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Folder of gold JSON files (see GOLD.md).")],
    texts: Annotated[
        Path | None,
        typer.Option(
            "--texts", help="The texts: extracted afresh unless --store/--graph is given."
        ),
    ] = None,
    store: Annotated[
        str | None, typer.Option("--store", help="Score this store instead of extracting.")
    ] = None,
    graph: Annotated[
        Path | None, typer.Option("--graph", help="Score this graph file (.ttl/.nt/.trig/.nq).")
    ] = None,
    as_json: Annotated[
        Path | None, typer.Option("--json", help="Also write the scores as JSON ('-' = stdout).")
    ] = None,
) -> None:
    """Score extraction against gold annotations: P/R/F1 per type and language, and more.

    Example: ftzgraph evaluate gold/ --texts texts/
    """
    import json

    from ftzgraph.evaluate import evaluate as run_evaluate
    from ftzgraph.evaluate import format_report, graph_store

    if texts is None and store is None and graph is None:
        typer.echo("error: give --texts, --store or --graph", err=True)
        raise typer.Exit(2)
    try:
        target = graph_store(graph) if graph else (_open(store, read_only=True) if store else None)
        result = run_evaluate(gold, texts_dir=texts, store=target)
    except ValueError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from err
    if str(as_json) == "-":
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    typer.echo(format_report(result))
    if as_json is not None:
        as_json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ftzgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Knowledge graphs from Chinese and English texts on China's Pilot Free Trade Zones."""


# Commands defined in their own modules register here, one line each.
from ftzgraph.analyse.cli import network, report  # noqa: E402
from ftzgraph.serve.cli import push, serve  # noqa: E402

app.command()(network)
app.command()(report)
app.command()(serve)
app.command()(push)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
