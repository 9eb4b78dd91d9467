"""Query worker processes: where SPARQL actually runs, so that it can be cut off.

pyoxigraph cannot interrupt a running query, so each query runs in a child
process that the server kills when the time limit passes. A worker opens the
snapshot it is told to with ``Store(path, read_only=True)`` and keeps it open
between queries; it answers with the serialised bytes, capped at the result
limit.
"""

from __future__ import annotations

import multiprocessing
import signal
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection

import pyoxigraph as ox

from ftzgraph.graph.namespace import PREFIXES
from ftzgraph.serve.guard import dataset_clause
from ftzgraph.serve.negotiate import GRAPH_FORMATS, RESULT_FORMATS, Format, choose

STARTUP_SECONDS = 60.0  # a cold interpreter on a busy machine; not part of any query's limit
_READY = "ready"


@dataclass(frozen=True)
class Job:
    query: str
    snapshot: str = ""  # filled in by the pool
    accept: str = ""
    fmt: str | None = None
    max_results: int = 10_000


@dataclass(frozen=True)
class Reply:
    status: int
    media_type: str
    body: bytes
    truncated: bool = False


class QueryTimeout(Exception):
    """The query ran past the time limit; its worker was killed."""


class WorkerFailed(Exception):
    """The worker died or did not start; it has been replaced."""


def answer(store, job: Job) -> Reply:
    """Run ``job`` on an open :class:`~ftzgraph.store.Store` and serialise the result."""
    try:
        # The union of all graphs is the default graph, unless the query names its
        # own dataset (FROM / FROM NAMED): pyoxigraph would ignore FROM with the union.
        union = not dataset_clause(job.query)
        result = store.oxigraph.query(
            job.query, prefixes=PREFIXES, use_default_graph_as_union=union
        )
        if isinstance(result, ox.QueryBoolean):
            fmt = choose(RESULT_FORMATS, job.accept, job.fmt)
            return _not_acceptable(RESULT_FORMATS) if fmt is None else _boolean(result, fmt)
        if isinstance(result, ox.QuerySolutions):
            fmt = choose(RESULT_FORMATS, job.accept, job.fmt)
            if fmt is None:
                return _not_acceptable(RESULT_FORMATS)
            return _solutions(result, fmt, job.max_results)
        fmt = choose(GRAPH_FORMATS, job.accept, job.fmt)
        return _not_acceptable(GRAPH_FORMATS) if fmt is None else _graph(result, fmt, job)
    except SyntaxError as err:
        return text(400, f"malformed query: {err}")
    except (OSError, ValueError, RuntimeError) as err:
        return text(500, f"query failed: {err}")


def text(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode())


def _boolean(result: ox.QueryBoolean, fmt: Format) -> Reply:
    return Reply(200, fmt.media_type, result.serialize(format=fmt.serializer))


def _solutions(result: ox.QuerySolutions, fmt: Format, cap: int) -> Reply:
    """Rows up to the cap, written by pyoxigraph's own result serialisers.

    pyoxigraph serialises a result only as a whole, so the capped rows go back
    through its TSV parser (TSV cells are exactly the terms' N-Triples forms,
    which ``str(term)`` gives) to get a result object the serialisers accept.
    """
    names = [v.value for v in result.variables]
    rows = list(islice(result, cap + 1))
    truncated = len(rows) > cap
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows[:cap]]
    capped = ox.parse_query_results(("\n".join(lines) + "\n").encode(), ox.QueryResultsFormat.TSV)
    return Reply(200, fmt.media_type, capped.serialize(format=fmt.serializer), truncated)


def _graph(result: ox.QueryTriples, fmt: Format, job: Job) -> Reply:
    triples = list(islice(result, job.max_results + 1))
    truncated = len(triples) > job.max_results
    prefixes = None if fmt.serializer == ox.RdfFormat.N_TRIPLES else PREFIXES
    body = ox.serialize(triples[: job.max_results], format=fmt.serializer, prefixes=prefixes)
    return Reply(200, fmt.media_type, body, truncated)


def _not_acceptable(formats: tuple[Format, ...]) -> Reply:
    offered = ", ".join(f.media_type for f in formats)
    return text(406, f"none of the accepted media types fits this result; offered: {offered}")


def serve_forever(conn: Connection) -> None:
    """The child's loop: answer jobs until the pipe closes."""
    from ftzgraph.store.oxigraph import Store

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    conn.send(_READY)
    store, opened = None, None
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        if job.snapshot != opened:
            store, opened = None, None  # close the old snapshot before opening the new
            try:
                store, opened = Store(job.snapshot, read_only=True), job.snapshot
            except OSError as err:
                conn.send(text(500, f"cannot open the store snapshot: {err}"))
                continue
        conn.send(answer(store, job))


class Worker:
    """The server's handle on one worker process; every method blocks (run them in a thread)."""

    def __init__(self, context: multiprocessing.context.BaseContext) -> None:
        self._context = context
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._ready = False
        self._closed = False
        self.snapshot: str | None = None  # the snapshot its store may have open (set by the pool)

    def start(self) -> None:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=serve_forever, args=(child,), name="ftzgraph-query", daemon=True
        )
        process.start()
        child.close()
        self._process, self._conn, self._ready = process, parent, False

    def wait_ready(self, timeout: float = STARTUP_SECONDS) -> None:
        if self._closed:
            raise WorkerFailed("the server is shutting down")
        if self._process is None or not self._process.is_alive():
            self.restart()
        if self._ready:
            return
        assert self._conn is not None
        try:
            if self._conn.poll(timeout) and self._conn.recv() == _READY:
                self._ready = True
                return
        except (EOFError, OSError):
            pass
        self.restart()
        raise WorkerFailed(f"a query worker did not start within {timeout:g} s")

    def run(self, job: Job, timeout: float) -> Reply:
        """The worker's reply, or QueryTimeout after ``timeout`` seconds (the worker is killed)."""
        self.wait_ready()
        assert self._conn is not None
        try:
            self._conn.send(job)
            if not self._conn.poll(timeout):
                self.restart()
                raise QueryTimeout(timeout)
            return self._conn.recv()
        except (EOFError, OSError) as err:
            self.restart()
            raise WorkerFailed("the query worker died (out of memory?)") from err

    def restart(self) -> None:
        self.stop()
        if not self._closed:
            self.start()

    def close(self) -> None:
        """Stop for good: a worker being closed is not restarted."""
        self._closed = True
        self.stop()

    def stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
            if not self._process.is_alive():
                self._process.close()
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn, self._ready, self.snapshot = None, None, False, None
