"""The commands that put the graph on HTTP: ``serve`` it, or ``push`` it to another store.

Registered in :mod:`ftzgraph.cli`. Heavy imports (uvicorn, Starlette, httpx)
happen inside the commands so that ``ftzgraph --help`` stays fast.
"""

from __future__ import annotations

import ipaddress
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ftzgraph.cli_options import StoreOption


class PushMethod(StrEnum):
    gsp = "gsp"
    update = "update"


def _existing_store(store: str) -> Path:
    from ftzgraph.store import default_store_path

    path = Path(store or default_store_path())
    if not (path / "CURRENT").is_file():
        typer.echo(f"error: no store at {path} (run `ftzgraph extract` first)", err=True)
        raise typer.Exit(2)
    return path


def serve(
    store: StoreOption = "",
    host: Annotated[
        str,
        typer.Option(help="Address to listen on; anything but loopback is reachable by others."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 7878,
    timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds a query may run before it is cancelled (503).")
    ] = 30.0,
    max_results: Annotated[
        int,
        typer.Option(
            min=1, help="Rows or triples per answer; more are cut off (X-Result-Truncated: true)."
        ),
    ] = 10_000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Query worker processes: queries running at once.")
    ] = 2,
    queue_wait: Annotated[
        float | None,
        typer.Option(
            min=0, help="Seconds a request waits for a free worker before a 503 (default: timeout)."
        ),
    ] = None,
    refresh: Annotated[
        float,
        typer.Option(
            min=0, help="Seconds between checks for a changed store; 0 serves one snapshot."
        ),
    ] = 5.0,
) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint at /sparql (Ctrl-C stops).

    Queries run on a snapshot of the store, so `ftzgraph extract` can keep
    writing to it; the snapshot is renewed once the store has changed and is
    quiet again. There is no authentication: see SECURITY.md before binding to
    anything but 127.0.0.1.

    Example: ftzgraph serve --store ftzgraph-store --port 7878 --timeout 30
    """
    import uvicorn

    from ftzgraph.serve.app import Settings, create_app
    from ftzgraph.serve.snapshot import Snapshots

    path = _existing_store(store)
    settings = Settings(path, timeout, max_results, workers, queue_wait, refresh)
    snapshots = Snapshots(path)
    try:
        first = snapshots.take()
    except OSError as err:
        snapshots.close()
        typer.echo(f"error: cannot read the store at {path}: {err}", err=True)
        raise typer.Exit(2) from err
    if not _is_loopback(host):
        typer.echo(
            f"warning: listening on {host}: anyone who can reach this address can query the "
            "store (no authentication; see SECURITY.md)",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    typer.echo(
        f"snapshot of {path}: {first.quads} quads; "
        f"starting the read-only endpoint http://{shown}:{port}/sparql",
        err=True,
    )
    config = uvicorn.Config(
        create_app(settings, snapshots),
        host=host,
        port=port,
        log_level=os.environ.get("FTZGRAPH_LOG_LEVEL", "info").lower(),
        limit_concurrency=connection_limit(workers),  # beyond this a 503 at once
        timeout_graceful_shutdown=5,
        server_header=False,
    )
    try:
        uvicorn.Server(config).run()
    finally:
        snapshots.close()


def push(
    to: Annotated[
        str,
        typer.Option(
            "--to",
            help="Graph Store Protocol URL (e.g. http://localhost:3030/DATASET/data), "
            "or the SPARQL Update URL with --method update.",
        ),
    ],
    store: StoreOption = "",
    auth: Annotated[
        str | None,
        typer.Option(
            envvar="FTZGRAPH_PUSH_AUTH",
            help="user:password for HTTP Basic auth (given a user alone, asks for the password).",
            show_envvar=True,
        ),
    ] = None,
    method: Annotated[
        PushMethod,
        typer.Option(help="gsp: PUT each graph (SPARQL Update if refused); update: SPARQL Update."),
    ] = PushMethod.gsp,
    include_runs: Annotated[
        bool,
        typer.Option("--include-runs", help="Also push the PROV-O records of extraction runs."),
    ] = False,
) -> None:
    """Replace each named graph on another SPARQL store with the local one.

    Pushes every document's graph and the ontology, thesaurus and gazetteer
    graphs; graphs on the server that are not in the local store are left alone.

    Example: ftzgraph push --to http://localhost:3030/ftz/data --auth admin:secret
    """
    from ftzgraph.store import Store
    from ftzgraph.store.push import PushError
    from ftzgraph.store.push import push as run_push

    credentials = None
    if auth:
        user, sep, password = auth.partition(":")
        if not sep:
            password = typer.prompt(f"password for {user}", hide_input=True)
        credentials = (user, password)
    source = Store(_existing_store(store), read_only=True)
    try:
        report = run_push(
            source, to, method=method.value, auth=credentials, include_runs=include_runs
        )
    except PushError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from err
    if report.fallback:
        typer.echo(f"note: {report.fallback}; used SPARQL Update at {to} instead", err=True)
    typer.echo(report.summary())


def connection_limit(workers: int) -> int:
    """Open connections (or requests in progress) before uvicorn answers 503 at once.

    Enough that a burst of 100 clients waits for a worker (each waiting request
    is one socket and a small task) rather than being turned away; at most half
    the process's file descriptors, which the store, snapshots and worker pipes
    also need.
    """
    import resource

    wanted = max(256, 32 * workers)
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(16, min(wanted, soft // 2))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
