"""The SPARQL 1.1 Protocol endpoint as a Starlette application.

Read-only by construction: the workers open a snapshot read-only, and
updates (``update=`` or ``application/sparql-update``), ``SERVICE`` and
``file:`` IRIs are refused before anything runs. What a query may cost is bounded by the
settings: a time limit, a result cap, a body size and a fixed number of
workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.datastructures import QueryParams
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from ftzgraph.serve import description
from ftzgraph.serve.guard import names_file, uses_service
from ftzgraph.serve.negotiate import known
from ftzgraph.serve.pool import Busy, Pool
from ftzgraph.serve.snapshot import Snapshots
from ftzgraph.serve.worker import Job, QueryTimeout, Reply, WorkerFailed

log = logging.getLogger("uvicorn.error")  # shown with the server's own messages

TRUNCATED = "X-Result-Truncated"
_FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Settings:
    store: Path
    timeout: float = 30.0  # seconds a query may run
    max_results: int = 10_000  # rows or triples per answer
    workers: int = 2  # queries running at once
    queue_wait: float | None = None  # seconds a request waits for a worker (default: timeout)
    refresh: float = 5.0  # seconds between checks for a changed store (0: never)
    max_body: int = 1 << 20  # bytes of a POST body


class Refused(Exception):
    """A request answered with an error status before it reaches a worker."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def create_app(settings: Settings, snapshots: Snapshots | None = None) -> Starlette:
    """The endpoint; ``snapshots`` may already hold a first snapshot (the CLI takes it early)."""
    snapshots = snapshots or Snapshots(settings.store)
    wait = settings.timeout if settings.queue_wait is None else settings.queue_wait
    state: dict[str, Pool] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        current = snapshots.current or await asyncio.to_thread(snapshots.take)
        pool = Pool(settings.workers, snapshot=current.path, timeout=settings.timeout, wait=wait)
        state["pool"] = pool
        refresher = None
        try:
            await pool.start()
            if settings.refresh > 0:
                refresher = asyncio.create_task(_refresh(snapshots, pool, settings.refresh))
            yield
        finally:
            if refresher is not None:
                refresher.cancel()
            pool.close()
            snapshots.close()

    async def sparql(request: Request) -> Response:
        try:
            query, params = await _read_query(request, settings.max_body)
            if query is None:
                body = description.service_description(
                    _endpoint(request), timeout=settings.timeout, max_results=settings.max_results
                )
                return Response(body, media_type="text/turtle")
            fmt = _check(query, params)
            accept = request.headers.get("accept", "")
            job = Job(query, accept=accept, fmt=fmt, max_results=settings.max_results)
            reply = await _run(state["pool"], job, settings.timeout)
        except Refused as err:
            return PlainTextResponse(err.message + "\n", err.status, headers=err.headers)
        pool = state["pool"]
        snapshots.collect(pool.snapshots_in_use())
        headers = {TRUNCATED: "true"} if reply.truncated else {}
        return Response(reply.body, reply.status, headers=headers, media_type=reply.media_type)

    async def home(request: Request) -> Response:
        current = snapshots.current
        text = description.landing(
            _endpoint(request).rsplit("/", 1)[0] + "/sparql",
            quads=current.quads if current else 0,
            taken=current.taken.isoformat(timespec="seconds") if current else "-",
            timeout=settings.timeout,
            max_results=settings.max_results,
        )
        return PlainTextResponse(text)

    cors = Middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=[TRUNCATED],
        max_age=3600,
    )
    routes = [Route("/", home), Route("/sparql", sparql, methods=["GET", "POST"])]
    return Starlette(routes=routes, middleware=[cors], lifespan=lifespan)


async def _read_query(request: Request, limit: int) -> tuple[str | None, QueryParams]:
    """The query text (None when there is none) and the parameters sent with it."""
    params = request.query_params
    if request.method == "GET":
        if "update" in params:
            raise _update_refused()
        return _single(params, "query"), params
    body = await _read_body(request, limit)
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type == "application/sparql-update":
        raise _update_refused()
    if media_type == _FORM:
        try:
            form = parse_qs(body.decode("ascii"), keep_blank_values=True, max_num_fields=100)
        except (UnicodeDecodeError, ValueError) as err:
            raise Refused(400, f"unreadable form body: {err}") from err
        merged = QueryParams(
            [*params.multi_items(), *((k, v) for k, vs in form.items() for v in vs)]
        )
        if "update" in merged:
            raise _update_refused()
        query = _single(merged, "query")
        if query is None:
            raise Refused(400, "the form has no query= field")
        return query, merged
    if media_type == "application/sparql-query":
        try:
            return body.decode("utf-8"), params
        except UnicodeDecodeError as err:
            raise Refused(400, f"the query is not UTF-8: {err}") from err
    raise Refused(
        415,
        f"unsupported Content-Type {media_type or '(none)'!r}; "
        f"POST a query as {_FORM} (query=…) or application/sparql-query",
    )


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, or 413 when it exceeds ``limit`` bytes.

    An oversized body is still read (and dropped) up to 16 times the limit, so
    that clients that send the whole body before reading get the 413 instead
    of a reset connection.
    """
    declared = request.headers.get("content-length", "")
    too_large = Refused(413, f"request body larger than {limit} bytes")
    if declared.isdigit() and int(declared) > 16 * limit:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > 16 * limit:
            break
        if size <= limit:
            chunks.append(chunk)
    if size > limit:
        raise too_large
    return b"".join(chunks)


def _check(query: str, params: QueryParams) -> str | None:
    """Refuse what the endpoint does not do; returns the ``format`` parameter."""
    if "default-graph-uri" in params or "named-graph-uri" in params:
        raise Refused(
            400,
            "default-graph-uri and named-graph-uri are not supported: the default graph is "
            "the union of all graphs; use GRAPH (or FROM/FROM NAMED) in the query",
        )
    if uses_service(query):
        raise Refused(403, "SERVICE (federated query) is not allowed on this endpoint")
    if names_file(query):
        raise Refused(403, "file: IRIs are not allowed: this endpoint reads nothing but its store")
    fmt = params.get("format")
    if fmt is not None and not known(fmt):
        raise Refused(400, f"unknown format {fmt!r}")
    return fmt


async def _run(pool: Pool, job: Job, timeout: float) -> Reply:
    try:
        return await pool.run(job)
    except Busy:
        raise Refused(
            503,
            f"all {pool.size} query workers stayed busy for {pool.wait:g} s; try again later",
            {"Retry-After": str(max(1, round(timeout)))},
        ) from None
    except QueryTimeout:
        raise Refused(
            503,
            f"query cancelled: it ran longer than the time limit of {timeout:g} s "
            "(ftzgraph serve --timeout)",
        ) from None
    except WorkerFailed as err:
        raise Refused(500, f"query failed: {err}") from None


def _update_refused() -> Refused:
    return Refused(403, "this endpoint is read-only: SPARQL Update is not accepted")


def _single(params: QueryParams, name: str) -> str | None:
    values = params.getlist(name)
    if len(values) > 1:
        raise Refused(400, f"more than one {name}= parameter")
    return values[0] if values else None


def _endpoint(request: Request) -> str:
    return str(request.url.replace(query="", fragment=""))


async def _refresh(snapshots: Snapshots, pool: Pool, interval: float) -> None:
    """Serve new snapshots as the store changes (e.g. after ``ftzgraph extract``)."""
    while True:
        await asyncio.sleep(interval)
        try:
            snapshot = await asyncio.to_thread(snapshots.poll)
        except OSError as err:
            log.warning(
                "could not snapshot %s, still serving the old snapshot: %s", snapshots.store, err
            )
            continue
        if snapshot is not None:
            pool.snapshot = snapshot.path
            log.info("serving a new snapshot of %s: %d quads", snapshots.store, snapshot.quads)
        snapshots.collect(pool.snapshots_in_use())
