"""``ftzgraph serve`` as clients meet it: a real server process, SPARQLWrapper and httpx.

One server runs for the module against a store extracted from two example
texts, with small limits (2 s per query, 1000 results, 2 workers, 0.5 s of
waiting for a worker) so that the limits can be seen to work.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from ftzgraph.serve.guard import uses_service
from ftzgraph.serve.negotiate import GRAPH_FORMATS, RESULT_FORMATS, choose

from .conftest import EXAMPLES
from .servers import extract_store, free_port, running

FTZGRAPH = [sys.executable, "-m", "ftzgraph.cli"]
TEXTS = (
    "01_ftz-high-quality-development.txt",
    "07_state-council-hainan-ftz-midterm-report-2023.txt",
)
LATER_TEXT = "05_state-council-ftz-deepening-measures-2018.txt"
TIMEOUT, MAX_RESULTS = 2, 1000
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
DOCUMENTS = "SELECT ?id WHERE { ?d a ftz:Document ; dcterms:identifier ?id } ORDER BY ?id"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("serve-env")
    return {**os.environ, "FTZGRAPH_STORE": str(base / "default-store")}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    return extract_store(path, (EXAMPLES / name for name in TEXTS), env)


@pytest.fixture(scope="module")
def server(store: Path, env: dict[str, str]) -> Iterator[str]:
    """The running server's base URL; the process is stopped (then killed) afterwards."""
    port = free_port()
    log = store.parent / "serve.log"
    options = ["--timeout", str(TIMEOUT), "--max-results", str(MAX_RESULTS), "--workers", "2"]
    options += ["--queue-wait", "0.5", "--refresh", "0.5"]
    base = f"http://127.0.0.1:{port}"
    command = [*FTZGRAPH, "serve", "--store", str(store), "--port", str(port), *options]
    with running(command, log, base + "/", env=env):
        yield base


def wrapper(server: str, query: str, fmt: str = JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setTimeout(30)
    return sparql


def post(server: str, query: str, **headers: str) -> httpx.Response:
    return httpx.post(server + "/sparql", data={"query": query}, headers=headers, timeout=30)


# ---- without a server --------------------------------------------------------


def test_service_keyword_is_found_only_where_it_is_a_keyword() -> None:
    assert uses_service("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")
    assert uses_service("select * { service silent ?endpoint { ?s ?p ?o } }")
    assert uses_service(r"SELECT * { \u0053ERVICE <http://x/> { ?s ?p ?o } }")
    assert uses_service("SELECT * { ?s ?p ?o FILTER(?o < 3 && ?p > 2) SERVICE <http://x/> {} }")
    assert not uses_service('SELECT * { ?s ?p ?o FILTER(CONTAINS(?o, "trade in services")) }')
    assert not uses_service("SELECT ?service { ?service <http://x/SERVICE> ftz:service }")
    assert not uses_service('SELECT * { ?s ?p """SERVICE""" } # SERVICE <http://x/>')


def test_content_negotiation_prefers_the_client_then_the_default() -> None:
    def media(formats, accept="", fmt=None):
        chosen = choose(formats, accept, fmt)
        return None if chosen is None else chosen.media_type

    assert media(RESULT_FORMATS) == "application/sparql-results+json"
    assert media(RESULT_FORMATS, "text/html,*/*;q=0.8") == "application/sparql-results+json"
    assert media(RESULT_FORMATS, "application/json;q=0.5, text/csv") == "text/csv; charset=utf-8"
    tsv = media(RESULT_FORMATS, "text/*;q=0.9, text/csv;q=0.1, text/xml;q=0")
    assert tsv.startswith("text/tab-separated-values")
    assert media(RESULT_FORMATS, "image/png") is None
    assert media(GRAPH_FORMATS, "application/sparql-results+json, */*;q=0.1") == "text/turtle"
    assert media(GRAPH_FORMATS, "", "json") == "application/ld+json"
    assert media(RESULT_FORMATS, "text/csv", "xml") == "application/sparql-results+xml"


# ---- queries -------------------------------------------------------------------


def test_select_as_json_and_xml(server: str) -> None:
    result = wrapper(server, DOCUMENTS).query()
    assert result.info()["content-type"] == "application/sparql-results+json"
    ids = {b["id"]["value"] for b in result.convert()["results"]["bindings"]}
    assert set(TEXTS) <= ids

    xml = wrapper(server, DOCUMENTS, XML).query()
    assert xml.info()["content-type"] == "application/sparql-results+xml"
    values = {node.firstChild.data for node in xml.convert().getElementsByTagName("literal")}
    assert values == ids


def test_ask_and_construct_as_turtle(server: str) -> None:
    assert wrapper(server, "ASK { ?p a ftz:Problem }").query().convert()["boolean"] is True
    assert wrapper(server, "ASK { ?p a ftz:NoSuchClass }").query().convert()["boolean"] is False

    query = (
        "CONSTRUCT { ?d a ftz:Document ; dcterms:identifier ?id } "
        "WHERE { ?d a ftz:Document ; dcterms:identifier ?id }"
    )
    result = wrapper(server, query, TURTLE).query()
    assert result.info()["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=result.convert().decode("utf-8"), format="turtle")
    ftz = rdflib.Namespace("https://w3id.org/ftzgraph/ontology#")
    assert {str(o) for o in graph.objects(None, rdflib.DCTERMS.identifier)} >= set(TEXTS)
    assert len(list(graph.subjects(rdflib.RDF.type, ftz.Document))) >= 2


def test_csv_by_accept_header_and_by_format(server: str) -> None:
    response = post(server, DOCUMENTS, Accept="text/csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text.splitlines()[0] == "id"
    assert set(TEXTS) <= set(response.text.splitlines()[1:])

    by_param = httpx.get(server + "/sparql", params={"query": DOCUMENTS, "format": "tsv"})
    assert by_param.headers["content-type"].startswith("text/tab-separated-values")
    assert wrapper(server, DOCUMENTS, CSV).query().convert().decode().splitlines()[0] == "id"


def test_post_as_form_and_as_sparql_query(server: str) -> None:
    expected = wrapper(server, DOCUMENTS).query().convert()
    for request_method in ("urlencoded", POSTDIRECTLY):
        sparql = wrapper(server, DOCUMENTS)
        sparql.setMethod(POST)
        sparql.setRequestMethod(request_method)
        assert sparql.query().convert() == expected
    raw = httpx.post(
        server + "/sparql",
        content=DOCUMENTS.encode(),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert raw.status_code == 200 and raw.json() == expected


# ---- what is refused -------------------------------------------------------------


def test_updates_load_and_service_are_refused(server: str) -> None:
    for update in ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "LOAD <http://example.org/x.ttl>"):
        for request_method in ("urlencoded", POSTDIRECTLY):
            sparql = wrapper(server, update)
            sparql.setMethod(POST)
            sparql.setRequestMethod(request_method)
            with pytest.raises(urllib.error.HTTPError) as refused:
                sparql.query()
            assert refused.value.code == 403
            assert b"read-only" in refused.value.read()

    load = post(server, "LOAD <http://example.org/x.ttl>")  # sent as a query: a parse error
    assert load.status_code == 400 and "malformed query" in load.text

    service = post(server, "SELECT * { SERVICE <http://169.254.169.254/> { ?s ?p ?o } }")
    assert service.status_code == 403 and "SERVICE" in service.text
    fine = post(server, 'ASK { ?c skos:prefLabel ?l FILTER(CONTAINS(STR(?l), "service")) }')
    assert fine.status_code == 200


def test_malformed_query_gets_the_parsers_message(server: str) -> None:
    with pytest.raises(QueryBadFormed) as bad:
        wrapper(server, "SELECT ?s WHERE { ?s ?p ").query()
    assert "malformed query: error at 1:" in str(bad.value)


def test_oversized_body_is_rejected(server: str) -> None:
    query = "ASK {} #" + "x" * (1 << 20)
    response = httpx.post(
        server + "/sparql",
        content=query.encode(),
        headers={"Content-Type": "application/sparql-query"},
        timeout=30,
    )
    assert response.status_code == 413 and "larger than 1048576 bytes" in response.text
    assert post(server, "ASK {}").status_code == 200


# ---- limits -----------------------------------------------------------------------


def test_runaway_queries_are_cut_off_and_the_server_recovers(server: str) -> None:
    def timed(query: str) -> tuple[httpx.Response, float]:
        started = time.monotonic()
        response = post(server, query)
        return response, time.monotonic() - started

    with ThreadPoolExecutor(3) as pool:
        runaways = [pool.submit(timed, RUNAWAY) for _ in range(2)]  # both workers busy
        time.sleep(0.5)
        waiting = pool.submit(timed, "ASK {}")  # no worker frees up within --queue-wait
        busy, busy_seconds = waiting.result(timeout=30)
        assert busy.status_code == 503 and "busy" in busy.text, busy.text
        assert busy_seconds < TIMEOUT
        for future in runaways:
            response, seconds = future.result(timeout=30)
            assert response.status_code == 503, response.text
            assert f"time limit of {TIMEOUT} s" in response.text
            assert seconds < TIMEOUT + 5
    for _ in range(4):  # both replacement workers answer
        assert post(server, "ASK { ?p a ftz:Problem }").json()["boolean"] is True


def test_result_cap_truncates_and_says_so(server: str) -> None:
    rows = post(server, "SELECT * WHERE { ?s ?p ?o }")
    assert rows.status_code == 200
    assert rows.headers["X-Result-Truncated"] == "true"
    assert len(rows.json()["results"]["bindings"]) == MAX_RESULTS

    triples = post(server, "CONSTRUCT WHERE { ?s ?p ?o }", Accept="application/n-triples")
    assert triples.headers["X-Result-Truncated"] == "true"
    assert len(triples.text.splitlines()) == MAX_RESULTS

    small = post(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 5")
    assert "X-Result-Truncated" not in small.headers
    assert len(small.json()["results"]["bindings"]) == 5


def test_cors_on_get_and_on_preflight(server: str) -> None:
    origin = {"Origin": "https://yasgui.example"}
    response = httpx.get(server + "/sparql", params={"query": "ASK {}"}, headers=origin)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-Result-Truncated" in response.headers["Access-Control-Expose-Headers"]

    preflight = httpx.options(
        server + "/sparql",
        headers={
            **origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_service_description_and_landing_page(server: str) -> None:
    response = httpx.get(server + "/sparql")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    endpoint = rdflib.URIRef(server + "/sparql")
    assert (endpoint, rdflib.RDF.type, sd.Service) in graph
    assert (endpoint, sd.supportedLanguage, sd.SPARQL11Query) in graph
    formats = set(graph.objects(endpoint, sd.resultFormat))
    assert rdflib.URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in formats

    landing = httpx.get(server + "/")
    assert landing.status_code == 200 and server + "/sparql" in landing.text


# ---- the store keeps being writable ---------------------------------------------------


def test_extract_into_the_served_store_while_it_runs(
    server: str, store: Path, env: dict[str, str]
) -> None:
    done = subprocess.run(
        [*FTZGRAPH, "extract", str(EXAMPLES / LATER_TEXT), "--store", str(store), "-q"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    deadline = time.monotonic() + 20  # the server renews its snapshot once the store is quiet
    while True:
        ids = {b["id"]["value"] for b in post(server, DOCUMENTS).json()["results"]["bindings"]}
        if LATER_TEXT in ids:
            break
        assert time.monotonic() < deadline, f"new document not served after 20 s: {ids}"
        time.sleep(0.3)
    assert set(TEXTS) <= ids
