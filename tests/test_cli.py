"""The ftzgraph command, run as a user runs it: separate processes, real stores on disk."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from .conftest import EXAMPLES

FTZGRAPH = [sys.executable, "-m", "ftzgraph.cli"]


def ftz(*args: str, env: dict[str, str], cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*FTZGRAPH, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300
    )


def test_help_lists_every_command_with_an_example(cli_env: dict[str, str]) -> None:
    out = ftz("--help", env=cli_env).stdout
    for command in ("extract", "query", "export", "stats", "validate"):
        assert command in out
        sub = ftz(command, "--help", env=cli_env)
        assert sub.returncode == 0 and "Example: ftzgraph" in sub.stdout


def test_extract_twice_with_different_hash_seeds_is_byte_identical(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    outputs = []
    for seed in ("1", "4242"):
        env = {**cli_env, "PYTHONHASHSEED": seed}
        store = tmp_path / f"store{seed}"
        ttl, nt = tmp_path / f"out{seed}.ttl", tmp_path / f"out{seed}.nt"
        result = ftz("extract", str(EXAMPLES), "--store", str(store), "-o", str(ttl), "-q", env=env)
        assert result.returncode == 0, result.stderr
        assert ftz("export", "--store", str(store), "-o", str(nt), env=env).returncode == 0
        outputs.append((ttl.read_bytes(), nt.read_bytes()))
    assert outputs[0] == outputs[1]
    rdflib.Graph().parse(data=outputs[0][0].decode("utf-8"), format="turtle")


def test_gbk_and_crlf_copies_give_the_same_concepts(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    source = EXAMPLES / "07_state-council-hainan-ftz-midterm-report-2023.txt"
    text = source.read_text(encoding="utf-8")
    variants = {
        "utf8": text.encode("utf-8"),
        "gbk": text.encode("gbk"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
    }
    concepts = {}
    for name, data in variants.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / "doc.txt").write_bytes(data)
        store = tmp_path / f"store-{name}"
        assert ftz("extract", str(folder), "--store", str(store), "-q", env=cli_env).returncode == 0
        query = (
            "SELECT ?c ?a ?b ?e WHERE { ?c ftz:hasMention ?m . ?m nif:anchorOf ?a ; "
            "nif:beginIndex ?b ; nif:endIndex ?e . FILTER NOT EXISTS { ?c a ftz:Fact } }"
        )
        out = ftz("query", query, "--store", str(store), "--format", "json", env=cli_env)
        rows = json.loads(out.stdout)["results"]["bindings"]
        decoded = data.decode("gbk" if name == "gbk" else "utf-8")
        for row in rows:
            b, e = int(row["b"]["value"]), int(row["e"]["value"])
            assert decoded[b:e] == row["a"]["value"]
        concepts[name] = sorted((r["c"]["value"], r["a"]["value"]) for r in rows)
    assert concepts["utf8"] == concepts["gbk"] == concepts["crlf"]
    assert len(concepts["utf8"]) > 20


def test_bad_file_is_named_the_rest_processed_exit_status_1(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(EXAMPLES / "05_state-council-ftz-deepening-measures-2018.txt", corpus / "good.txt")
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    (corpus / "notes.json").write_text("{}", encoding="utf-8")
    result = ftz("extract", str(corpus), "--store", str(tmp_path / "s"), "-q", env=cli_env)
    assert result.returncode == 1
    assert f"error: {corpus / 'broken.txt'}: binary data" in result.stderr
    assert "1 processed, 1 failed, 1 skipped" in result.stdout


def test_query_formats_and_errors(cli_env: dict[str, str], tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    doc = EXAMPLES / "01_ftz-high-quality-development.txt"
    assert ftz("extract", str(doc), "--store", store, "-q", env=cli_env).returncode == 0
    q = "SELECT ?id WHERE { ?d a ftz:Document ; dcterms:identifier ?id }"
    table = ftz("query", q, "--store", store, env=cli_env).stdout
    assert "01_ftz-high-quality-development.txt" in table and "(1 row)" in table
    csv = ftz("query", q, "--store", store, "--format", "csv", env=cli_env).stdout
    assert csv.splitlines() == ["id", "01_ftz-high-quality-development.txt"]
    ask = ftz("query", "ASK { ?p a ftz:Problem }", "--store", store, env=cli_env).stdout
    assert ask.strip() == "true"
    rq = EXAMPLES.parent / "queries" / "problems-by-document.rq"
    rows = ftz("query", "--file", str(rq), "--store", store, "--format", "tsv", env=cli_env)
    assert "压力测试开展不足" in rows.stdout
    bad = ftz("query", "SELEC nothing", "--store", store, env=cli_env)
    assert bad.returncode == 2 and "invalid SPARQL" in bad.stderr
    missing = ftz("query", q, "--store", str(tmp_path / "nope"), env=cli_env)
    assert missing.returncode == 2 and "no store" in missing.stderr


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "nq", "jsonld"])
def test_export_formats_parse(cli_env: dict[str, str], tmp_path: Path, fmt: str) -> None:
    store = str(tmp_path / "s")
    doc = EXAMPLES / "04_lingang-special-area-goals.txt"
    assert ftz("extract", str(doc), "--store", store, "-q", env=cli_env).returncode == 0
    out = tmp_path / f"g.{fmt}"
    assert ftz("export", "--store", store, "-o", str(out), env=cli_env).returncode == 0
    parse_as = {"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}
    graph = rdflib.Dataset() if fmt in ("trig", "nq") else rdflib.Graph()
    graph.parse(out, format=parse_as[fmt])
    assert len(graph) > 0 or len(list(graph.quads())) > 0


def test_stats_and_validate(cli_env: dict[str, str], tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    assert (
        ftz(
            "extract",
            str(EXAMPLES / "08_us-ics-china-investment-incentives-ftz.txt"),
            "--store",
            store,
            "-q",
            env=cli_env,
        ).returncode
        == 0
    )
    stats = ftz("stats", "--store", store, env=cli_env)
    assert stats.returncode == 0 and "Place" in stats.stdout and "quads" in stats.stdout
    valid = ftz("validate", "--store", store, env=cli_env)
    assert valid.returncode == 0 and "Conforms: True" in valid.stdout


def test_discrepancies_command_lists_both_sentences(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    doc = tmp_path / "pair.txt"
    doc.write_text(
        "截至去年，共有二十六个城市与该港开通航线。\n"
        "<<By last year, shipping routes linked the port with 24 cities.\n<<\n",
        encoding="utf-8",
    )
    store = str(tmp_path / "s")
    assert ftz("extract", str(doc), "--store", store, "-q", env=cli_env).returncode == 0
    out = ftz("discrepancies", "--store", store, env=cli_env).stdout
    assert "二十六个" in out and "shipping routes linked the port with 24 cities." in out
    assert out.strip().endswith("1 discrepancy")
