"""Incremental ingest, removal and parallel extraction against real on-disk stores."""

from __future__ import annotations

import shutil
from pathlib import Path

from ftzgraph.pipeline import Pipeline, extract, remove
from ftzgraph.store import export, open_store

from .conftest import EXAMPLES

DOCS = (
    "03_shanghai-ftz-regulations-general.txt",
    "05_state-council-ftz-deepening-measures-2018.txt",
)


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in DOCS:
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def test_unchanged_corpus_extracts_nothing_and_a_changed_file_only_itself(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    folder = corpus(tmp_path)
    store = open_store(tmp_path / "store")
    first = extract([folder], store, pipeline=pipeline)
    assert sorted(first.processed) == sorted(DOCS)
    calls: list[list[str]] = []
    original = pipeline.serialise

    def counting(documents):
        calls.append([d.identifier for d in documents])
        return original(documents)

    pipeline.serialise = counting  # type: ignore[method-assign]
    try:
        again = extract([folder], store, pipeline=pipeline)
        assert again.processed == [] and sorted(again.unchanged) == sorted(DOCS)
        assert calls == []
        changed = folder / DOCS[0]
        changed.write_text(
            changed.read_text(encoding="utf-8") + "\n应加快推进贸易便利化。\n", encoding="utf-8"
        )
        third = extract([folder], store, pipeline=pipeline)
    finally:
        del pipeline.serialise
    assert third.processed == [DOCS[0]] and third.unchanged == [DOCS[1]]
    assert calls == [[DOCS[0]]]
    anchors = {r["a"].value for r in store.query("SELECT ?a WHERE { ?m nif:anchorOf ?a }")}
    assert "加快推进贸易便利化" in anchors
    assert store.document_count() == 2


def test_remove_keeps_shared_concepts_of_other_documents(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    folder = corpus(tmp_path)
    store = open_store(tmp_path / "store")
    extract([folder], store, pipeline=pipeline)
    shared_query = (
        "SELECT ?c (COUNT(DISTINCT ?d) AS ?n) WHERE { ?c a ftz:Zone ; ftz:hasMention ?m . "
        "?m ftz:inDocument ?d } GROUP BY ?c HAVING (COUNT(DISTINCT ?d) = 2)"
    )
    shared = [r["c"].value for r in store.query(shared_query)]
    assert shared, "the two documents share a zone concept"
    assert remove(store, [DOCS[0], "nope.txt"]) == ["nope.txt"]
    assert store.document_count() == 1
    for iri in shared:
        ask = f"ASK {{ <{iri}> a ftz:Zone ; ftz:hasMention ?m . ?m ftz:inDocument ?d }}"
        assert store.query(ask)
    gone = store.query(f'ASK {{ ?d dcterms:identifier "{DOCS[0]}" }}')
    assert not gone


def test_two_workers_give_the_same_graph_as_one(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    outputs = []
    for workers in (1, 2):
        store = open_store(tmp_path / f"store{workers}")
        report = extract([folder], store, workers=workers)
        assert sorted(report.processed) == sorted(DOCS)
        out = tmp_path / f"g{workers}.nt"
        export(store, out, "nt")
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
