"""Named queries and network projections on the hand-written graph in fixtures/analysis/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from ftzgraph.analyse import network
from ftzgraph.analyse.params import parse_assignments, term
from ftzgraph.analyse.queries import bind, catalogue, get, listing, run_named
from ftzgraph.store import Store

from .conftest import FIXTURES

GRAPH = FIXTURES / "analysis" / "graph.ttl"
FIXTURE_GRAPH = ox.NamedNode("https://w3id.org/ftzgraph/id/graph/doc/fixture")
ID = "https://w3id.org/ftzgraph/id/"

# The concepts of the fixture, by short name.
P1 = ID + "concept/problem/financing"
P2 = ID + "concept/problem/homogeneous"
R1 = ID + "concept/recommendation/broaden-financing"
R2 = ID + "concept/recommendation/differentiated"
R3 = ID + "concept/recommendation/one-stop"
RA1 = ID + "thesaurus/financial-opening"
RA2 = ID + "thesaurus/trade-facilitation"
G1 = ID + "concept/goal/high-quality"
Z1 = ID + "gazetteer/zone-shanghai"
Z2 = ID + "gazetteer/zone-hainan"
SHORT = {P1: "P1", P2: "P2", R1: "R1", R2: "R2", R3: "R3", RA1: "RA1", RA2: "RA2"}
SHORT |= {G1: "G1", Z1: "Z1", Z2: "Z2"}
LABELS = {
    P1: ("融资难", "difficult financing"),
    P2: ("同质化发展", "homogeneous development"),
    R1: ("拓宽融资渠道", "broaden financing channels"),
    R2: ("差异化探索", "differentiated exploration"),
    R3: ("“一站式”窗口", 'the "one-stop" {window}'),
    RA1: ("金融开放", "financial opening-up"),
    RA2: ("贸易便利化", "trade facilitation"),
    G1: ("高质量发展", "high-quality development"),
    Z1: ("中国（上海）自由贸易试验区", "China (Shanghai) Pilot Free Trade Zone"),
    Z2: ("海南自由贸易港", "Hainan Free Trade Port"),
}
INJECTIONS = [
    'x" } ; DROP ALL ; #',
    'x\\" } ; DROP ALL ; #',
    '"}',
    "x' } ; CLEAR ALL ; #",
    "} UNION { ?concept ?p ?o } #",
    "<https://w3id.org/ftzgraph/id/thesaurus/financial-opening> } #",
    "https://x.org/a> } UNION { ?s ?p ?o } #",
    'x"@en } #\n} SELECT * WHERE { ?s ?p ?o }',
]


def load_fixture(store: Store) -> Store:
    store.oxigraph.load(path=str(GRAPH), format=ox.RdfFormat.TURTLE, to_graph=FIXTURE_GRAPH)
    return store


@pytest.fixture(scope="module")
def store() -> Store:
    return load_fixture(Store(None))


def quads(store: Store) -> set[ox.Quad]:
    return set(store.oxigraph.quads_for_pattern(None, None, None, None))


# ---- the catalogue -------------------------------------------------------------

TESTED = {
    "top-problems",
    "recommendations-for-problem",
    "reform-areas-by-zone",
    "reform-areas-by-year",
    "cooccurrence",
    "evidence",
    "discrepancies",
    "single-language-concepts",
}


def test_every_named_query_is_tested_and_documented() -> None:
    assert set(catalogue()) == TESTED
    for query in catalogue().values():
        assert query.summary.endswith(("?", ".")) and len(query.summary) > 20
        assert query.sparql.startswith("#")
    assert get("evidence").params.keys() == {"concept"}
    assert get("recommendations-for-problem").params.keys() == {"problem"}
    lines = listing().splitlines()
    assert [line.split()[0] for line in lines] == sorted(TESTED)


def test_wrong_names_and_parameters_are_refused(store: Store) -> None:
    with pytest.raises(KeyError, match="no named query"):
        run_named(store, "no-such-query")
    with pytest.raises(ValueError, match="missing"):
        run_named(store, "evidence")
    with pytest.raises(ValueError, match="unknown"):
        run_named(store, "top-problems", limit="3")
    assert parse_assignments(["a=b=c", "k="]) == {"a": "b=c", "k": ""}
    with pytest.raises(ValueError):
        parse_assignments(["novalue"])


# ---- each named query: exact rows on the fixture ---------------------------------


def test_top_problems(store: Store) -> None:
    columns, rows = run_named(store, "top-problems")
    assert columns == [
        "problem",
        "label_zh",
        "label_en",
        "documents",
        "mentions",
        "mentions_zh",
        "mentions_en",
    ]
    assert rows == [
        [P1, "融资难", "difficult financing", "3", "4", "3", "1"],
        [P2, "同质化发展", "homogeneous development", "1", "1", "1", "0"],
    ]


@pytest.mark.parametrize("key", ["difficult financing", "融资难", P1, "FINANCING DIFFICULTIES"])
def test_recommendations_for_problem(store: Store, key: str) -> None:
    columns, rows = run_named(store, "recommendations-for-problem", problem=key)
    assert columns[:2] == ["problem", "recommendation"]
    assert rows == [
        [P1, R1, *LABELS[R1], "a.txt", "zh", "拓宽融资渠道", "20", "26"],
        [P1, R1, *LABELS[R1], "a.txt", "en", "broaden financing channels", "330", "356"],
        [P1, R3, *LABELS[R3], "corpus.jsonl#b", "en", 'the "one-stop" {window}', "400", "423"],
    ]


def test_recommendation_evidence_only_from_documents_citing_the_problem(store: Store) -> None:
    # R2 is also mentioned in corpus.jsonl#b, which does not mention P2.
    _, rows = run_named(store, "recommendations-for-problem", problem="同质化发展")
    assert rows == [[P2, R2, *LABELS[R2], "a.txt", "zh", "差异化探索", "70", "75"]]


def test_reform_areas_by_zone(store: Store) -> None:
    columns, rows = run_named(store, "reform-areas-by-zone")
    assert columns == [
        "zone",
        "zone_zh",
        "zone_en",
        "via",
        "area",
        "area_zh",
        "area_en",
        "documents",
        "mentions",
    ]
    assert rows == [
        [Z2, *LABELS[Z2], "mention", RA2, *LABELS[RA2], "2", "3"],
        [Z2, *LABELS[Z2], "mention", RA1, *LABELS[RA1], "1", "1"],
        [Z1, *LABELS[Z1], "mention", RA1, *LABELS[RA1], "1", "2"],
        ["Shanghai", "", "", "metadata", RA1, *LABELS[RA1], "1", "2"],
        ["海南", "", "", "metadata", RA2, *LABELS[RA2], "1", "2"],
        ["海南", "", "", "metadata", RA1, *LABELS[RA1], "1", "1"],
    ]


def test_reform_areas_by_year(store: Store) -> None:
    columns, rows = run_named(store, "reform-areas-by-year")
    assert columns == ["year", "area", "area_zh", "area_en", "documents", "mentions"]
    assert rows == [
        ["2018", RA1, *LABELS[RA1], "1", "2"],
        ["2020", RA2, *LABELS[RA2], "1", "2"],
        ["2020", RA1, *LABELS[RA1], "1", "1"],
    ]


# (a, b, documents, nearby): a < b by IRI; nearby = mention pairs within 200 characters
# in the same document and language. Worked out by hand from the fixture's offsets.
COOCCURRENCE = [
    ("P1", "Z2", 2, 2),
    ("P1", "RA1", 2, 2),
    ("P1", "RA2", 2, 2),  # c.txt: exactly 200 characters apart still counts
    ("R2", "RA1", 2, 2),
    ("P1", "R2", 2, 1),
    ("Z2", "RA2", 2, 1),  # c.txt: 236 characters apart does not
    ("P1", "R1", 1, 2),
    ("R1", "RA1", 1, 2),
    ("G1", "P1", 1, 1),
    ("G1", "R1", 1, 1),
    ("G1", "RA1", 1, 1),
    ("P1", "P2", 1, 1),
    ("P1", "Z1", 1, 1),
    ("P2", "R1", 1, 1),
    ("P2", "R2", 1, 1),
    ("P2", "Z1", 1, 1),
    ("P2", "RA1", 1, 1),
    ("R1", "R2", 1, 1),
    ("R1", "Z1", 1, 1),
    ("R2", "R3", 1, 1),
    ("R2", "Z1", 1, 1),
    ("R2", "RA2", 1, 1),
    ("R3", "RA1", 1, 1),
    ("R3", "RA2", 1, 1),
    ("Z1", "RA1", 1, 1),
    ("RA1", "RA2", 1, 1),
    ("G1", "P2", 1, 0),  # same document, different languages
    ("G1", "R2", 1, 0),
    ("G1", "Z1", 1, 0),
    ("P1", "R3", 1, 0),
    ("R2", "Z2", 1, 0),
    ("R3", "Z2", 1, 0),
    ("Z2", "RA1", 1, 0),
]


def test_cooccurrence(store: Store) -> None:
    columns, rows = run_named(store, "cooccurrence")
    assert columns == [
        "concept_a",
        "label_a_zh",
        "label_a_en",
        "concept_b",
        "label_b_zh",
        "label_b_en",
        "documents",
        "nearby",
    ]
    assert [(SHORT[r[0]], SHORT[r[3]], int(r[6]), int(r[7])) for r in rows] == COOCCURRENCE
    for row in rows:
        assert (row[1], row[2]) == LABELS[row[0]] and (row[4], row[5]) == LABELS[row[3]]


@pytest.mark.parametrize("key", ["financial opening-up", "金融开放", "Financial Opening-Up", RA1])
def test_evidence(store: Store, key: str) -> None:
    columns, rows = run_named(store, "evidence", concept=key)
    assert columns == ["concept", "document", "lang", "evidence", "begin", "end"]
    assert rows == [
        [RA1, "a.txt", "zh", "金融开放", "30", "34"],
        [RA1, "a.txt", "en", "financial opening-up", "360", "380"],
        [RA1, "corpus.jsonl#b", "en", "financial opening-up", "430", "450"],
    ]


def test_discrepancies(store: Store) -> None:
    columns, rows = run_named(store, "discrepancies")
    assert columns == [
        "document",
        "lang_1",
        "value_1",
        "unit_1",
        "span_1",
        "begin_1",
        "end_1",
        "lang_2",
        "value_2",
        "unit_2",
        "span_2",
        "begin_2",
        "end_2",
        "discrepancy",
        "sentence_1",
        "sentence_2",
    ]
    assert rows == [
        [
            *("a.txt", "zh", "120", "个", "120个", "80", "84"),
            *("en", "110", "", "110", "420", "423", ID + "doc/a/discrepancy-1", "", ""),
        ]
    ]


def test_single_language_concepts(store: Store) -> None:
    columns, rows = run_named(store, "single-language-concepts")
    assert columns == ["document", "concept", "label_zh", "label_en", "lang", "mentions"]
    # c.txt is Chinese only, so not bilingual: none of its concepts are listed.
    expected = [
        ("a.txt", G1, "en"),
        ("a.txt", P2, "zh"),
        ("a.txt", R2, "zh"),
        ("a.txt", Z1, "zh"),
        ("corpus.jsonl#b", R2, "en"),
        ("corpus.jsonl#b", R3, "en"),
        ("corpus.jsonl#b", RA1, "en"),
        ("corpus.jsonl#b", P1, "zh"),
        ("corpus.jsonl#b", Z2, "zh"),
    ]
    assert rows == [[doc, c, *LABELS[c], lang, "1"] for doc, c, lang in expected]


# ---- parameters are bound as terms, never spliced ----------------------------------


@pytest.mark.parametrize("key", ['the "one-stop" {window}', "one\\stop", "ONE\\STOP"])
def test_quotes_braces_and_backslashes_match_literally(store: Store, key: str) -> None:
    _, rows = run_named(store, "evidence", concept=key)
    assert rows == [[R3, "corpus.jsonl#b", "en", 'the "one-stop" {window}', "400", "423"]]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize(
    "name,param", [("evidence", "concept"), ("recommendations-for-problem", "problem")]
)
def test_injection_cannot_change_the_query(store: Store, name: str, param: str, value: str) -> None:
    before = quads(store)
    sparql = bind(get(name), {param: value})
    # The value sits in one VALUES term; everything outside it is the file's text.
    head, _, tail = sparql.partition(f"VALUES ?param_{param} {{ ")
    bound = term(value)
    assert tail.startswith(str(bound) + " }\n")
    assert head + tail[len(str(bound)) + 3 :] == get(name).sparql.replace(
        f"VALUES ?param_{param} {{ UNDEF }}\n", ""
    )
    _, rows = run_named(store, name, **{param: value})
    assert rows == []
    assert quads(store) == before


def test_iri_values_become_iris_and_labels_literals() -> None:
    assert term(P1) == ox.NamedNode(P1)
    assert term("urn:x:1") == ox.NamedNode("urn:x:1")
    assert term("融资难") == ox.Literal("融资难")
    assert term("https://bad iri") == ox.Literal("https://bad iri")


# ---- network projections ------------------------------------------------------------


def test_cooccurrence_network_matches_the_query(store: Store) -> None:
    document = network.build(store, "cooccurrence", "document")
    sentence = network.build(store, "cooccurrence", "sentence")
    assert len(document) == len(sentence) == 10
    by_documents = {
        frozenset((SHORT[a], SHORT[b])): d["weight"] for a, b, d in document.edges(data=True)
    }
    by_window = {
        frozenset((SHORT[a], SHORT[b])): d["weight"] for a, b, d in sentence.edges(data=True)
    }
    assert by_documents == {frozenset((a, b)): n for a, b, n, _ in COOCCURRENCE}
    assert by_window == {frozenset((a, b)): near for a, b, _, near in COOCCURRENCE if near}
    assert sentence.edges[P1, RA2]["documents"] == 2
    assert document.graph == {"kind": "cooccurrence", "window": "document"}


def test_addresses_network_is_bipartite(store: Store) -> None:
    graph = network.build(store, "addresses")
    assert graph.is_directed()
    assert sorted((SHORT[a], SHORT[b]) for a, b in graph.edges) == [
        ("R1", "P1"),
        ("R2", "P2"),
        ("R3", "P1"),
    ]
    assert {SHORT[n]: d["bipartite"] for n, d in graph.nodes(data=True)} == {
        "P1": 1,
        "P2": 1,
        "R1": 0,
        "R2": 0,
        "R3": 0,
    }
    assert nx.is_bipartite(graph)
    # Two components, so two communities, the larger numbered 0.
    communities = {SHORT[n]: d["community"] for n, d in graph.nodes(data=True)}
    assert communities == {"P1": 0, "R1": 0, "R3": 0, "P2": 1, "R2": 1}
    assert graph.edges[R1, P1]["weight"] == 1  # documents mentioning both: a.txt


def test_concept_network_nodes_and_attributes(store: Store) -> None:
    graph = network.build(store, "concepts")
    assert len(graph) == 10
    assert {(SHORT[a], SHORT[b], d["relation"]) for a, b, d in graph.edges(data=True)} == {
        ("R1", "P1", "addresses"),
        ("R2", "P2", "addresses"),
        ("R3", "P1", "addresses"),
        ("R1", "RA1", "concerns"),
        ("R1", "G1", "serves"),
    }
    r1 = graph.nodes[R1]
    assert (r1["types"], r1["label_zh"], r1["label_en"]) == ("Recommendation", *LABELS[R1])
    assert (r1["documents"], r1["mentions"], r1["degree"]) == (1, 2, 3)
    assert r1["betweenness"] > 0 and r1["degree_centrality"] == pytest.approx(3 / 9, abs=1e-6)
    assert graph.nodes[Z1]["degree"] == 0 and graph.nodes[Z1]["label"] == LABELS[Z1][1]
    assert {d["community"] for _, d in graph.nodes(data=True)} >= {0}
    # Communities are numbered by size, and the same on every run.
    again = network.build(store, "concepts")
    assert [d["community"] for _, d in again.nodes(data=True)] == [
        d["community"] for _, d in graph.nodes(data=True)
    ]


def test_unknown_kind_or_window_is_refused(store: Store) -> None:
    with pytest.raises(ValueError):
        network.build(store, "citations")
    with pytest.raises(ValueError):
        network.build(store, "cooccurrence", "paragraph")
    with pytest.raises(ValueError):
        network.write(nx.Graph(), "graph.dot")


NODE_ATTRIBUTES = ("types", "label_zh", "label_en", "documents", "mentions", "degree", "community")


@pytest.mark.parametrize("kind", network.KINDS)
@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_files_round_trip_with_node_attributes(
    store: Store, tmp_path: Path, kind: str, suffix: str
) -> None:
    graph = network.build(store, kind, "sentence")
    path = tmp_path / f"graph{suffix}"
    network.write(graph, path)
    if suffix == ".graphml":
        back = nx.read_graphml(path)
    elif suffix == ".gexf":
        back = nx.read_gexf(path)
    else:
        back = nx.node_link_graph(json.loads(path.read_text("utf-8")), edges="edges")
    assert set(back.nodes) == set(graph.nodes)
    assert {(a, b) for a, b in back.edges} == {(a, b) for a, b in graph.edges}
    for node, data in graph.nodes(data=True):
        read = back.nodes[node]
        for key in NODE_ATTRIBUTES:
            assert read[key] == data[key], (node, key)
        assert read["betweenness"] == pytest.approx(data["betweenness"])
        assert read["label"] == data["label"]
    for a, b, data in graph.edges(data=True):
        assert float(back.edges[a, b]["weight"]) == data["weight"]


# ---- the command line ------------------------------------------------------------------


def ftz(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "ftzgraph.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("analysis") / "store"
    store = load_fixture(Store(path))
    store.flush()
    del store
    return str(path)


def test_cli_query_name_list_and_param(disk_store: str, cli_env: dict[str, str]) -> None:
    listed = ftz("query", "--list", env=cli_env)
    assert listed.returncode == 0
    assert [line.split()[0] for line in listed.stdout.splitlines()] == sorted(TESTED)
    assert "Which problems do the texts cite most?" in listed.stdout
    found = ftz(
        "query",
        "--name",
        "evidence",
        "--param",
        'concept=the "one-stop" {window}',
        "--store",
        disk_store,
        "--format",
        "json",
        env=cli_env,
    )
    assert found.returncode == 0, found.stderr
    bindings = json.loads(found.stdout)["results"]["bindings"]
    assert [b["evidence"]["value"] for b in bindings] == ['the "one-stop" {window}']
    attack = ftz(
        "query",
        "--name",
        "evidence",
        "--param",
        f"concept={INJECTIONS[0]}",
        "--store",
        disk_store,
        env=cli_env,
    )
    assert attack.returncode == 0 and "(0 rows)" in attack.stdout
    assert ftz("query", "--name", "nope", "--store", disk_store, env=cli_env).returncode == 2
    missing = ftz("query", "--name", "evidence", "--store", disk_store, env=cli_env)
    assert missing.returncode == 2 and "concept" in missing.stderr
    both = ftz("query", "SELECT * WHERE {}", "--name", "top-problems", env=cli_env)
    assert both.returncode == 2
    stray = ftz("query", "SELECT * WHERE {}", "--param", "a=b", "--store", disk_store, env=cli_env)
    assert stray.returncode == 2
    count = ftz(
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        "--store",
        disk_store,
        "--format",
        "csv",
        env=cli_env,
    )
    assert count.stdout.splitlines()[1] == str(len(quads(load_fixture(Store(None)))))


def test_cli_network(disk_store: str, cli_env: dict[str, str], tmp_path: Path) -> None:
    for command in ("network", "report"):
        help_text = ftz(command, "--help", env=cli_env)
        assert help_text.returncode == 0 and "Example: ftzgraph" in help_text.stdout
    out = tmp_path / "net.gexf"
    result = ftz(
        "network",
        "--kind",
        "cooccurrence",
        "--window",
        "sentence",
        "-o",
        str(out),
        "--store",
        disk_store,
        env=cli_env,
    )
    assert result.returncode == 0, result.stderr
    assert "10 nodes and 26 edges" in result.stdout
    assert nx.read_gexf(out).number_of_edges() == 26
    bad = ftz("network", "-o", str(tmp_path / "net.dot"), "--store", disk_store, env=cli_env)
    assert bad.returncode == 2
    nostore = ftz("network", "-o", str(out), "--store", str(tmp_path / "none"), env=cli_env)
    assert nostore.returncode == 2
