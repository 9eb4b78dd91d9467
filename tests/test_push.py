"""``ftzgraph push`` against a real Oxigraph server (the ``oxigraph`` CLI from PyPI).

The server answers the same count queries as the local store once the graph
is pushed, by the Graph Store Protocol (``/store``) or by SPARQL Update
(``/update``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from ftzgraph.graph.namespace import PREFIXES
from ftzgraph.graph.provenance import RUN_GRAPH_PREFIX
from ftzgraph.records import CONCEPT_TYPES
from ftzgraph.store import Store
from ftzgraph.store.push import CHUNK_TRIPLES, graph_triples

from .conftest import EXAMPLES
from .servers import extract_store, free_port, running

FTZGRAPH = [sys.executable, "-m", "ftzgraph.cli"]
TEXTS = (
    "01_ftz-high-quality-development.txt",
    "07_state-council-hainan-ftz-midterm-report-2023.txt",
)
OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
    "oxigraph"
)
META_GRAPH = "https://w3id.org/ftzgraph/id/graph/meta"
HEADER = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

pytestmark = pytest.mark.skipif(
    OXIGRAPH is None, reason="the oxigraph server CLI is not installed (pip install oxigraph)"
)


def count_queries(graphs_filter: str) -> dict[str, str]:
    in_graphs = f"GRAPH ?g {{ ?s ?p ?o }} {graphs_filter}"
    queries = {
        "documents": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ftz:Document }",
        "mentions": "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a ftz:Mention }",
        "facts": "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a ftz:Fact }",
        "graphs": f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ {in_graphs} }}",
        "triples": f"SELECT (COUNT(*) AS ?n) WHERE {{ {in_graphs} }}",
        "offsets": "SELECT (COUNT(*) AS ?n) WHERE { ?m nif:beginIndex ?b }",
    }
    for name in CONCEPT_TYPES:
        queries[name] = f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c a ftz:{name} }}"
    return queries


def local_counts(store: Store, *, include_runs: bool) -> dict[str, int]:
    """Counts over what push sends: all graphs but bookkeeping (and runs unless included)."""
    keep = f"FILTER(?g != <{META_GRAPH}>"
    keep += ")" if include_runs else f' && !STRSTARTS(STR(?g), "{RUN_GRAPH_PREFIX}"))'
    counts = {}
    for name, query in count_queries(keep).items():
        counts[name] = int(next(iter(store.query(query)))["n"].value)
    return counts


def remote_counts(base: str) -> dict[str, int]:
    counts = {}
    for name, query in count_queries("").items():
        response = httpx.post(
            base + "/query",
            data={"query": HEADER + query},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        )
        assert response.status_code == 200, response.text
        counts[name] = int(response.json()["results"]["bindings"][0]["n"]["value"])
    return counts


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("push-env")
    return {**os.environ, "FTZGRAPH_STORE": str(base / "default-store")}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Path:
    path = tmp_path_factory.mktemp("push") / "store"
    return extract_store(path, (EXAMPLES / name for name in TEXTS), env)


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[str]:
    """A fresh Oxigraph server (union default graph, like ftzgraph's); its base URL."""
    port = free_port()
    log = tmp_path / "oxigraph.log"
    command = [str(OXIGRAPH), "serve", "--location", str(tmp_path / "remote")]
    command += ["--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    base = f"http://127.0.0.1:{port}"
    params = {"query": "ASK {}"}
    with running(command, log, base + "/query", params=params, wait=20):
        yield base


@pytest.fixture
def push(store_path: Path, env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess]:
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*FTZGRAPH, "push", "--store", str(store_path), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    return run


def test_push_by_graph_store_protocol_gives_the_same_counts(
    oxigraph: str, push: Callable, store_path: Path
) -> None:
    local = local_counts(Store(store_path, read_only=True), include_runs=False)
    for _ in range(2):  # a second push replaces the graphs: nothing doubles
        done = push("--to", oxigraph + "/store", "--auth", "someone:secret")
        assert done.returncode == 0, done.stderr
        assert "Graph Store Protocol" in done.stdout
        assert f"{local['triples']} triples" in done.stdout
        assert remote_counts(oxigraph) == local
    assert local["documents"] == len(TEXTS) and local["mentions"] > 0


def test_push_by_sparql_update_in_chunks_gives_the_same_counts(
    oxigraph: str, push: Callable, store_path: Path
) -> None:
    store = Store(store_path, read_only=True)
    largest = max(
        int(row["n"].value)
        for row in store.query(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
    )
    assert largest > CHUNK_TRIPLES  # so some graph goes in more than one request
    done = push("--to", oxigraph + "/update", "--method", "update", "--include-runs")
    assert done.returncode == 0, done.stderr
    assert "SPARQL Update" in done.stdout
    assert remote_counts(oxigraph) == local_counts(store, include_runs=True)


def test_pushed_offsets_are_typed_as_the_contract_says(store_path: Path) -> None:
    """Oxigraph keeps offsets as xsd:integer; what push sends is xsd:nonNegativeInteger.

    (A receiving Oxigraph normalises them back, so this is checked on what is sent.)
    """
    graphs = graph_triples(Store(store_path, read_only=True))
    offsets = [
        t.object
        for triples in graphs.values()
        for t in triples
        if t.predicate.value.endswith(("#beginIndex", "#endIndex"))
    ]
    assert offsets
    types = {o.datatype.value for o in offsets}
    assert types == {"http://www.w3.org/2001/XMLSchema#nonNegativeInteger"}
    assert META_GRAPH not in graphs
    assert not any(g.startswith(RUN_GRAPH_PREFIX) for g in graphs)


def test_refused_push_names_the_graph_and_the_status(oxigraph: str, push: Callable) -> None:
    done = push("--to", oxigraph + "/no-such-service")
    assert done.returncode == 1
    assert "error: graph <https://w3id.org/ftzgraph/" in done.stderr
    assert "HTTP 404" in done.stderr
    assert remote_counts(oxigraph)["triples"] == 0
