"""``ftzgraph serve`` under attack: a real server process on 127.0.0.1, hostile clients.

Nothing is written, no file is read, no other host is fetched; every query is
cut off at the time limit and the result cap; oversized requests are turned
away; 100 clients at once get answers, and the server keeps no threads, file
descriptors, processes or memory from them. Every loop here is bounded in
count and in time, and every connection goes to 127.0.0.1.
"""

from __future__ import annotations

import gc
import os
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from ftzgraph.graph import iris
from ftzgraph.pipeline import Pipeline, extract
from ftzgraph.serve.guard import dataset_clause, names_file
from ftzgraph.store import open_store

from .conftest import EXAMPLES
from .servers import free_port, running

FTZGRAPH = [sys.executable, "-m", "ftzgraph.cli"]
TEXTS = ("01_ftz-high-quality-development.txt", "04_lingang-special-area-goals.txt")
HOST = "127.0.0.1"
TIMEOUT, MAX_RESULTS, MAX_BODY = 2, 100, 1 << 20
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
PASSWD = b"root:"  # the first bytes of /etc/passwd's first line
CLIENTS, REQUESTS_EACH = 100, 3
RSS_BOUND_KB = 64 * 1024  # the server's resident memory may grow by at most 64 MiB


def build_store(path: Path, pipeline: Pipeline) -> None:
    store = open_store(path)
    report = extract([EXAMPLES / name for name in TEXTS], store, pipeline=pipeline)
    assert report.ok and len(report.processed) == 2
    del store
    gc.collect()  # closed before the server process opens it


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[dict]:
    base = tmp_path_factory.mktemp("hardening")
    store = base / "store"
    build_store(store, pipeline)
    port = free_port()
    log = base / "serve.log"
    env = {**os.environ, "FTZGRAPH_STORE": str(base / "default-store")}
    options = ["--timeout", str(TIMEOUT), "--max-results", str(MAX_RESULTS), "--workers", "2"]
    options += ["--queue-wait", "30", "--refresh", "0", "--host", HOST, "--port", str(port)]
    url = f"http://{HOST}:{port}"
    command = [*FTZGRAPH, "serve", "--store", str(store), *options]
    with running(command, log, url + "/", env=env, wait=60) as process:
        yield {"url": url, "pid": process.pid, "store": store, "log": log}


def post(server: dict, query: str, **headers: str) -> httpx.Response:
    return httpx.post(server["url"] + "/sparql", data={"query": query}, headers=headers, timeout=30)


def quad_count(server: dict) -> int:
    response = post(server, COUNT_QUADS)
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def _raw(server: dict, data: bytes, timeout: float = 10) -> bytes:
    port = int(server["url"].rsplit(":", 1)[1])
    with socket.create_connection((HOST, port), timeout=timeout) as sock:
        try:
            sock.sendall(data)
            chunks, deadline = [], time.monotonic() + timeout
            while time.monotonic() < deadline:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks)
        except (ConnectionResetError, BrokenPipeError):
            return b""


# ---- no server: the guard and pyoxigraph itself ------------------------------------------


def test_pyoxigraph_never_dereferences_file_iris() -> None:
    """What the guard protects against, checked on pyoxigraph directly: FROM names a graph
    of the store, it does not fetch the IRI, so no file content can come back."""
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("x")))
    for union in (True, False):
        for query in (
            "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
            "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
            "SELECT * WHERE { GRAPH <file:///etc/passwd> { ?s ?p ?o } }",
        ):
            rows = list(store.query(query, use_default_graph_as_union=union))
            assert all(PASSWD not in str(row).encode() for row in rows)
            assert not [r for r in rows if "root" in str(r)]


def test_guard_finds_file_iris_and_dataset_clauses_however_written() -> None:
    assert names_file("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
    assert names_file("PREFIX f: <FILE:///etc/> SELECT * FROM f:passwd WHERE {}")
    assert names_file(r"SELECT * FROM <\u0066ile:///etc/passwd> WHERE {}")
    assert names_file("BASE <file:///etc/> SELECT * FROM <passwd> WHERE {}")
    assert not names_file('SELECT * WHERE { ?s ?p "<file:///etc/passwd>" } # <file:x>')
    assert not names_file("SELECT * WHERE { ?s ?p <https://example.org/file:x> }")
    assert dataset_clause("select * from <urn:g> where {}")
    assert dataset_clause("SELECT * FROM NAMED <urn:g> WHERE { GRAPH ?g {} }")
    assert not dataset_clause('SELECT ?from WHERE { ?from ex:FROM "FROM" } # FROM <x>')


# ---- what is refused ---------------------------------------------------------------------


def test_file_iris_are_refused_and_no_file_is_read(server: dict) -> None:
    for query in (
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "PREFIX f: <file:///etc/> SELECT * FROM f:passwd WHERE { ?s ?p ?o }",
        r"SELECT * FROM <\u0066ile:///etc/passwd> WHERE { ?s ?p ?o }",
        "BASE <file:///etc/> SELECT * FROM <passwd> WHERE { ?s ?p ?o }",
        "DESCRIBE <file:///etc/passwd>",
    ):
        response = post(server, query)
        assert response.status_code == 403, (query, response.text)
        assert "file: IRIs are not allowed" in response.text
        assert PASSWD not in response.content
    # A string that merely looks like one is fine, and stays a string.
    fine = post(server, 'SELECT ?x WHERE { BIND("<file:///etc/passwd>" AS ?x) }')
    assert fine.status_code == 200 and PASSWD not in fine.content


def test_from_names_graphs_of_the_store_and_fetches_nothing(server: dict) -> None:
    graph = iris.document_graph_iri(TEXTS[0])
    query = "SELECT DISTINCT ?id FROM <{}> WHERE {{ ?d a ftz:Document ; dcterms:identifier ?id }}"
    only = post(server, query.format(graph)).json()["results"]["bindings"]
    assert [b["id"]["value"] for b in only] == [TEXTS[0]]  # FROM is honoured, not the union
    remote = post(server, query.format("http://127.0.0.1:9/never-fetched"))
    assert remote.status_code == 200 and remote.json()["results"]["bindings"] == []
    union = post(server, query.replace("FROM <{}> ", "")).json()["results"]["bindings"]
    assert sorted(b["id"]["value"] for b in union) == sorted(TEXTS)


def test_updates_load_and_service_are_refused_and_nothing_changes(server: dict) -> None:
    before = quad_count(server)
    url = server["url"] + "/sparql"
    updates = (
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "DROP ALL",
        "CLEAR DEFAULT",
        "LOAD <http://127.0.0.1:9/x.ttl>",
        "LOAD <file:///etc/passwd> INTO GRAPH <urn:x>",
        "CREATE GRAPH <urn:new>",
    )
    for update in updates:
        for response in (
            httpx.post(url, data={"update": update}, timeout=30),
            httpx.get(url, params={"update": update}, timeout=30),
            httpx.post(url, data={"query": "ASK {}", "update": update}, timeout=30),
            httpx.post(
                url,
                content=update.encode(),
                headers={"Content-Type": "application/sparql-update"},
                timeout=30,
            ),
        ):
            assert response.status_code == 403, (update, response.text)
            assert "read-only" in response.text
        as_query = post(server, update)  # sent as a query it does not even parse
        assert as_query.status_code in (400, 403), (update, as_query.text)
    for service in (
        "SELECT * WHERE { SERVICE <http://169.254.169.254/latest/meta-data/> { ?s ?p ?o } }",
        "SELECT * WHERE { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * WHERE { BIND(<http://127.0.0.1:9/> AS ?e) SERVICE ?e { ?s ?p ?o } }",
        r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
    ):
        response = post(server, service)
        assert response.status_code == 403 and "SERVICE" in response.text, service
    assert quad_count(server) == before


def test_malformed_queries_get_400_with_the_parsers_message(server: dict) -> None:
    for query in (
        "SELECT ?s WHERE { ?s ?p ",
        "SELEKT * WHERE {}",
        "SELECT * WHERE { ?s ?p ?o } LIMIT -1",
        "SELECT * WHERE { ?s <unclosed ?o }",
        "SELECT (COUNT(* AS ?n) WHERE {}",
        "{" * 5000,  # deeply nested: a parse error, not a crashed worker
        "ASK {}\x00",
        "",
    ):
        response = post(server, query)
        assert response.status_code == 400, (query[:40], response.text)
        assert response.text.startswith("malformed query: error at "), response.text
    bad_utf8 = httpx.post(
        server["url"] + "/sparql",
        content=b"ASK { ?s ?p '\xff\xfe' }",
        headers={"Content-Type": "application/sparql-query"},
        timeout=30,
    )
    assert bad_utf8.status_code == 400 and "not UTF-8" in bad_utf8.text
    assert post(server, "ASK {}").json()["boolean"] is True  # the workers survived


def test_oversized_requests_are_turned_away(server: dict) -> None:
    url = server["url"] + "/sparql"
    big = "ASK {} #" + "x" * MAX_BODY
    for response in (
        httpx.post(
            url,
            content=big.encode(),
            headers={"Content-Type": "application/sparql-query"},
            timeout=30,
        ),
        httpx.post(url, data={"query": big}, timeout=30),
    ):
        assert response.status_code == 413, response.text
        assert f"larger than {MAX_BODY} bytes" in response.text

    def endless() -> Iterator[bytes]:  # a chunked body that would never end
        for _ in range(64):
            yield b"#" + b"x" * (1 << 20)

    chunked = httpx.post(
        url, content=endless(), headers={"Content-Type": "application/sparql-query"}, timeout=30
    )
    assert chunked.status_code == 413
    declared = _raw(
        server,
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 99999999999\r\nConnection: close\r\n\r\nASK {}",
    )
    assert declared.startswith(b"HTTP/1.1 413")
    huge_header = _raw(
        server,
        b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nX-Big: "
        + b"y" * (4 << 20)
        + b"\r\nConnection: close\r\n\r\n",
    )
    assert huge_header == b"" or huge_header.startswith(b"HTTP/1.1 4")  # reset, or 4xx
    assert post(server, "ASK {}").status_code == 200


# ---- limits ----------------------------------------------------------------------------------


def test_time_limit_and_result_cap(server: dict) -> None:
    started = time.monotonic()
    response = post(server, RUNAWAY)
    assert response.status_code == 503, response.text
    assert f"time limit of {TIMEOUT} s" in response.text
    assert time.monotonic() - started < TIMEOUT + 10
    rows = post(server, "SELECT * WHERE { ?s ?p ?o }")
    assert rows.headers["X-Result-Truncated"] == "true"
    assert len(rows.json()["results"]["bindings"]) == MAX_RESULTS
    graph = post(server, "CONSTRUCT WHERE { ?s ?p ?o }", Accept="application/n-triples")
    assert graph.headers["X-Result-Truncated"] == "true"
    assert len(graph.text.splitlines()) == MAX_RESULTS
    assert post(server, "ASK {}").json()["boolean"] is True  # the killed worker was replaced


# ---- many clients, and nothing left behind ---------------------------------------------------


def server_state(pid: int) -> dict[str, int]:
    status = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    children = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                children += 1
    return {
        "fds": len(os.listdir(f"/proc/{pid}/fd")),
        "threads": int(status["Threads"]),
        "rss_kb": int(status["VmRSS"].split()[0]),
        "children": children,
    }


QUERIES = (
    ("SELECT ?id WHERE { ?d a ftz:Document ; dcterms:identifier ?id }", {}),
    ("ASK { ?p a ftz:Problem }", {"Accept": "application/sparql-results+xml"}),
    ("SELECT ?l WHERE { ?c skos:prefLabel ?l } LIMIT 50", {"Accept": "text/csv"}),
    ("CONSTRUCT WHERE { ?d a ftz:Document }", {"Accept": "text/turtle"}),
)


def run_clients(server: dict, clients: int, each: int) -> tuple[Counter, float]:
    """``clients`` threads, released together, each sending ``each`` queries."""
    statuses: Counter = Counter()
    lock = threading.Lock()
    start = threading.Barrier(clients, timeout=60)

    def client(number: int) -> None:
        with httpx.Client(base_url=server["url"], timeout=60) as http:
            start.wait()
            for i in range(each):
                query, headers = QUERIES[(number + i) % len(QUERIES)]
                try:
                    code = http.post("/sparql", data={"query": query}, headers=headers)
                    status: int | str = code.status_code
                except httpx.HTTPError as err:
                    status = type(err).__name__
                with lock:
                    statuses[status] += 1

    started = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        for future in [pool.submit(client, n) for n in range(clients)]:
            future.result(timeout=120)
    return statuses, time.monotonic() - started


def settled(pid: int, before: dict[str, int]) -> dict[str, int]:
    """The server's state once closed connections are gone (polled for at most 10 s)."""
    deadline = time.monotonic() + 10
    while True:
        state = server_state(pid)
        if state["fds"] <= before["fds"] + 2 or time.monotonic() > deadline:
            return state
        time.sleep(0.2)


def test_a_hundred_clients_at_once_no_errors_and_no_leaks(server: dict) -> None:
    pid = server["pid"]
    run_clients(server, 10, 4)  # warm up: both workers busy, executor threads started
    before = settled(pid, server_state(pid))
    statuses, seconds = run_clients(server, CLIENTS, REQUESTS_EACH)
    after = settled(pid, before)
    total = CLIENTS * REQUESTS_EACH
    print(
        f"\n{CLIENTS} clients, {total} requests in {seconds:.1f} s: {dict(statuses)}; "
        f"server before {before}, after {after}"
    )
    assert statuses == Counter({200: total})  # not even the documented 503 busy answers
    assert after["fds"] <= before["fds"] + 2
    assert after["threads"] <= before["threads"] + 2
    assert after["children"] == before["children"]
    assert after["rss_kb"] - before["rss_kb"] < RSS_BOUND_KB
