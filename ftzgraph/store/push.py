"""Send the graph to another SPARQL store, one named graph at a time.

The SPARQL 1.1 Graph Store Protocol is the default: an HTTP PUT of each graph
as N-Triples to ``URL?graph=<graph IRI>``, which replaces that graph on the
server in one request. Servers without it get SPARQL Update instead:
``DROP SILENT GRAPH`` and then ``INSERT DATA`` in bounded chunks (not atomic:
a reader may briefly see a graph half loaded). The quads are those of the
canonical export (:func:`~ftzgraph.store.export.contract_quads`), so offsets
arrive typed ``xsd:nonNegativeInteger``; the run records are left out unless
asked for, and the store's bookkeeping graph always is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx
import pyoxigraph as ox

from ftzgraph.store.export import contract_quads
from ftzgraph.store.oxigraph import Store

METHODS = ("gsp", "update")
CHUNK_TRIPLES = 2_000
CHUNK_BYTES = 512 * 1024
# A first PUT refused with one of these means "no Graph Store Protocol here".
_NO_GSP = frozenset({404, 405, 415, 501})


class PushError(RuntimeError):
    """The server refused a graph (or could not be reached)."""


@dataclass
class PushReport:
    url: str
    method: str
    graphs: dict[str, int] = field(default_factory=dict)  # graph IRI → triples sent
    fallback: str = ""  # why GSP was abandoned for SPARQL Update, if it was

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())

    def summary(self) -> str:
        return (
            f"pushed {len(self.graphs)} graphs, {self.triples} triples to {self.url} "
            f"({'SPARQL Update' if self.method == 'update' else 'Graph Store Protocol'})"
        )


def graph_triples(store: Store, *, include_runs: bool = False) -> dict[str, list[ox.Triple]]:
    """Each named graph's triples, graphs and triples in a stable order."""
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in contract_quads(store, include_runs=include_runs):
        graphs[quad.graph_name.value].append(ox.Triple(quad.subject, quad.predicate, quad.object))
    return {g: sorted(graphs[g], key=str) for g in sorted(graphs)}


def push(
    store: Store,
    url: str,
    *,
    method: str = "gsp",
    auth: tuple[str, str] | None = None,
    include_runs: bool = False,
    timeout: float = 120.0,
    on_graph: Callable[[str, int], None] | None = None,
) -> PushReport:
    """Replace each of the store's graphs on the server at ``url``; raises PushError."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    report = PushReport(url, method)
    with httpx.Client(auth=auth, timeout=timeout) as client:
        for graph, triples in graph_triples(store, include_runs=include_runs).items():
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            if report.method == "gsp":
                target = httpx.URL(url).copy_merge_params({"graph": graph})  # keeps ?key=… in url
                headers = {"Content-Type": "application/n-triples"}
                response = _send(client, "PUT", target, graph, body, headers=headers)
                if not report.graphs and response.status_code in _NO_GSP:
                    report.method = "update"
                    report.fallback = (
                        f"the Graph Store Protocol PUT answered HTTP {response.status_code}"
                    )
                else:
                    _check(response, graph)
            if report.method == "update":
                headers = {"Content-Type": "application/sparql-update"}
                for update in update_requests(graph, body):
                    response = _send(client, "POST", url, graph, update.encode(), headers=headers)
                    _check(response, graph, report.fallback)
            report.graphs[graph] = len(triples)
            if on_graph is not None:
                on_graph(graph, len(triples))
    return report


def update_requests(
    graph: str, ntriples: bytes, *, max_triples: int = CHUNK_TRIPLES, max_bytes: int = CHUNK_BYTES
) -> Iterator[str]:
    """SPARQL Updates that replace ``graph`` with these N-Triples, each of bounded size.

    N-Triples writes one triple per line (newlines in literals are escaped),
    and every N-Triples line is valid inside ``INSERT DATA``.
    """
    iri = str(ox.NamedNode(graph))
    first = f"DROP SILENT GRAPH {iri} ;\n"
    chunk: list[str] = []
    size = 0
    for line in ntriples.decode("utf-8").splitlines():
        if chunk and (len(chunk) >= max_triples or size + len(line) > max_bytes):
            yield f"{first}INSERT DATA {{ GRAPH {iri} {{\n" + "\n".join(chunk) + "\n} }"
            first, chunk, size = "", [], 0
        chunk.append(line)
        size += len(line) + 1
    if chunk or first:
        yield f"{first}INSERT DATA {{ GRAPH {iri} {{\n" + "\n".join(chunk) + "\n} }"


def _send(
    client: httpx.Client, verb: str, url: str | httpx.URL, graph: str, body: bytes, **kwargs
) -> httpx.Response:
    try:
        return client.request(verb, url, content=body, **kwargs)
    except httpx.HTTPError as err:
        raise PushError(f"graph <{graph}>: {verb} {url} failed: {err}") from err


def _check(response: httpx.Response, graph: str, fallback: str = "") -> None:
    if not response.is_success:
        detail = response.text.strip().replace("\n", " ")[:300]
        raise PushError(
            f"graph <{graph}>: {response.request.method} {response.request.url} answered "
            f"HTTP {response.status_code} {response.reason_phrase}"
            + (f": {detail}" if detail else "")
            + (f" (SPARQL Update was tried because {fallback})" if fallback else "")
        )
