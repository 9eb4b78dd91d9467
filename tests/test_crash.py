"""All or nothing per document: ``ftzgraph extract`` killed with SIGKILL mid-run.

Each document's graph is replaced in one transaction
(:meth:`ftzgraph.store.Store.replace_graph_data`), so a killed run leaves
every stored document complete, and the next run extracts exactly the rest:
its export is byte-identical to that of a clean, uninterrupted run.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from ftzgraph.store import Store

from .conftest import ROOT

FTZGRAPH = [sys.executable, "-m", "ftzgraph.cli"]
DOCUMENTS = 150
KILL_AFTER = 40  # documents reported stored (of 150) before the kill
PROGRESS = re.compile(rb"(\d+)/(\d+) \[")
DOCUMENT_ID = re.compile(  # a document's identifier in the N-Triples export
    r"^<https://w3id\.org/ftzgraph/id/doc/[^/>]+> "
    r'<http://purl\.org/dc/terms/identifier> ("[^"]*") \.$'
)
SUMMARY = re.compile(r"^(\d+) processed(?:, (\d+) unchanged)?, (\d+) failed, (\d+) skipped")


def synthetic_corpus(path: Path) -> dict[str, str]:
    """``benchmarks/synthetic.py``'s corpus as JSONL; returns identifier → document text."""
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks/synthetic.py")
    assert spec is not None and spec.loader is not None
    synthetic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synthetic)
    rows = synthetic.generate(DOCUMENTS, seed=11)
    synthetic.write(rows, path)
    return {f"{path.name}#{r['id']}": f"{r['zh']}\n<<{r['en']}\n<<\n" for r in rows}


def frozen_code(target: Path) -> Path:
    """A copy of the package and its ontologies, for every process of the test to run.

    The killed run, the rerun and the clean run start seconds apart; if the code
    changed in between (someone editing the code while the test runs), their
    graphs would differ for reasons that have nothing to do with crashes.
    """
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "ftzgraph", target / "ftzgraph", ignore=ignore)
    shutil.copytree(ROOT / "ontologies", target / "ontologies", ignore=ignore)
    return target


def graph_quads(store: ox.Store, graph: ox.NamedNode) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, graph)}


def check_killed_store(crash_path: Path, clean_path: Path, texts: dict[str, str]) -> int:
    """The number of documents in the killed store, each checked complete: the same quads
    as the clean run's graph of that document, its mentions at their exact offsets."""
    store = Store(crash_path)  # opens read-write, as the next extract will
    clean_store = Store(clean_path, read_only=True)
    graphs = list(store.document_graphs())
    stored = {}
    for row in store.query(
        "SELECT ?g ?id (COUNT(DISTINCT ?h) AS ?hashes) WHERE { GRAPH ?g { ?d a ftz:Document ; "
        "dcterms:identifier ?id ; ftz:contentHash ?h } } GROUP BY ?g ?id"
    ):
        assert row["hashes"].value == "1"
        stored[row["g"].value] = row["id"].value
    assert len(graphs) == len(stored), "a document graph without its ftz:Document node"
    assert KILL_AFTER <= len(stored) < DOCUMENTS, len(stored)
    for graph in graphs:
        identifier = stored[graph.value]
        assert graph_quads(store.oxigraph, graph) == graph_quads(clean_store.oxigraph, graph)
        text = texts[identifier]
        rows = list(
            store.query(
                f"SELECT ?b ?e ?a WHERE {{ GRAPH {graph} {{ ?m a ftz:Mention ; "
                "nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a } }"
            )
        )
        assert rows, identifier
        for row in rows:
            assert text[int(row["b"].value) : int(row["e"].value)] == row["a"].value
    return len(stored)


def test_sigkill_mid_run_leaves_complete_documents_and_a_rerun_finishes(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    corpus = tmp_path / "corpus"
    texts = synthetic_corpus(corpus / "docs.jsonl")
    code = frozen_code(tmp_path / "code")  # run from tmp_path: not the checkout on sys.path
    cli_env = {**cli_env, "PYTHONPATH": str(code)}
    where = subprocess.run(
        [sys.executable, "-c", "import ftzgraph; print(ftzgraph.__file__)"],
        capture_output=True,
        text=True,
        env=cli_env,
        cwd=tmp_path,
        timeout=60,
    )
    assert where.stdout.strip() == str(code / "ftzgraph" / "__init__.py"), where
    clean_path, crash_path = tmp_path / "clean", tmp_path / "crash"

    # The clean, uninterrupted run goes on beside the one that gets killed.
    clean = subprocess.Popen(
        [*FTZGRAPH, "extract", str(corpus), "--store", str(clean_path), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env,
        cwd=tmp_path,
    )
    progress = tmp_path / "progress.txt"
    with progress.open("wb") as err:  # the progress bar counts documents once they are stored
        victim = subprocess.Popen(
            [*FTZGRAPH, "extract", str(corpus), "--store", str(crash_path)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=cli_env,
            cwd=tmp_path,
        )
    try:
        deadline = time.monotonic() + 120
        seen = 0
        while seen < KILL_AFTER:
            assert victim.poll() is None, "extract finished before it could be killed"
            assert time.monotonic() < deadline, f"only {seen} documents stored after 120 s"
            counts = PROGRESS.findall(progress.read_bytes())
            seen = int(counts[-1][0]) if counts else 0
            time.sleep(0.005)  # polled fast: the kill often lands while a batch is being written
        victim.send_signal(signal.SIGKILL)
        assert victim.wait(30) == -signal.SIGKILL
    finally:
        if victim.poll() is None:
            victim.kill()
            victim.wait(30)
    _, err_text = clean.communicate(timeout=300)
    assert clean.returncode == 0, err_text.decode()

    # The killed store opens, and every document graph in it is complete.
    killed_at = check_killed_store(crash_path, clean_path, texts)
    print(f"\nkilled after {killed_at} of {DOCUMENTS} documents were stored")
    gc.collect()  # both stores closed before other processes open them

    # The next run extracts exactly the missing documents...
    rerun = subprocess.run(
        [*FTZGRAPH, "extract", str(corpus), "--store", str(crash_path), "-q"],
        capture_output=True,
        text=True,
        env=cli_env,
        cwd=tmp_path,
        timeout=300,
    )
    assert rerun.returncode == 0, rerun.stderr
    summary = SUMMARY.match(rerun.stdout.strip().splitlines()[-1])
    assert summary, rerun.stdout
    assert summary.group(1, 2, 3, 4) == (str(DOCUMENTS - killed_at), str(killed_at), "0", "0")

    # ...and the result is byte-identical to the clean run's, with no duplicates.
    exports = {}
    for name, path in (("clean", clean_path), ("crash", crash_path)):
        target = tmp_path / f"{name}.nt"
        done = subprocess.run(
            [*FTZGRAPH, "export", "--store", str(path), "-o", str(target)],
            capture_output=True,
            text=True,
            env=cli_env,
            cwd=tmp_path,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        exports[name] = target.read_bytes()
    assert exports["crash"] == exports["clean"]
    lines = exports["crash"].splitlines()
    assert len(lines) == len(set(lines))
    identifiers = [
        json.loads(m.group(1)) for line in lines if (m := DOCUMENT_ID.match(line.decode("utf-8")))
    ]
    assert sorted(identifiers) == sorted(texts)
