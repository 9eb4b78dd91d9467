"""The RDF written for the examples keeps the contract (RDF-CONTRACT.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, SKOS, XSD

from ftzgraph.graph.namespace import BASE, DCTERMS, FTZ, NIF
from ftzgraph.graph.validate import validate_graph, validate_store
from ftzgraph.records import CONCEPT_TYPES
from ftzgraph.store import Store, export

from .conftest import EXAMPLES


def decode_independently(path: Path) -> str:
    """The contract's document text, decoded without the project's reader."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def as_rdflib(store: Store, tmp_path: Path, fmt: str = "ttl") -> rdflib.Graph:
    path = tmp_path / f"graph.{fmt}"
    export(store, path, fmt)
    return rdflib.Graph().parse(path, format={"ttl": "turtle", "nt": "nt"}[fmt])


def test_every_mention_is_exact_over_the_example_corpus(examples_store: Store) -> None:
    texts = {p.name: decode_independently(p) for p in EXAMPLES.glob("*.txt")}
    rows = examples_store.query(
        "SELECT ?id ?b ?e ?a WHERE { ?m a ftz:Mention ; ftz:inDocument ?d ; nif:beginIndex ?b ;"
        " nif:endIndex ?e ; nif:anchorOf ?a . ?d dcterms:identifier ?id }"
    )
    count = 0
    for row in rows:
        text = texts[row["id"].value]
        assert text[int(row["b"].value) : int(row["e"].value)] == row["a"].value
        count += 1
    assert count > 300


def test_concepts_of_every_gold_class_and_labels_in_both_languages(
    examples_store: Store,
) -> None:
    for ctype in CONCEPT_TYPES:
        assert examples_store.count(str(FTZ[ctype])) > 0, ctype
    langs = {
        row["l"].value
        for row in examples_store.query(
            "SELECT DISTINCT (LANG(?label) AS ?l) "
            "WHERE { ?c ftz:hasMention ?m ; skos:prefLabel ?label }"
        )
    }
    assert {"zh", "en"} <= langs


def test_turtle_parses_and_keeps_the_shape(examples_store: Store, tmp_path: Path) -> None:
    g = as_rdflib(examples_store, tmp_path)
    assert not any(isinstance(t, rdflib.BNode) for triple in g for t in triple)
    for s, _, _ in g:
        if str(s).startswith(BASE):
            assert re.fullmatch(r"[A-Za-z0-9/_.#-]+", str(s)[len(BASE) :]), s
    for m in g.subjects(RDF.type, FTZ.Mention):
        assert g.value(m, NIF.beginIndex).datatype == XSD.nonNegativeInteger
        assert str(g.value(m, DCTERMS.language)) in ("zh", "en")
    for f in g.subjects(RDF.type, FTZ.Fact):
        assert g.value(f, FTZ.value).datatype == XSD.decimal
        assert (f, FTZ.hasMention, None) in g
    for c in g.subjects(FTZ.hasMention, None):
        for lang in ("zh", "en"):
            assert len([o for o in g.objects(c, SKOS.prefLabel) if o.language == lang]) <= 1


def test_one_named_graph_per_document_and_runs_left_out(examples_store: Store) -> None:
    graphs = list(examples_store.document_graphs())
    assert len(graphs) == examples_store.document_count() == 11
    names = {q.graph_name.value for q in examples_store.quads()}
    assert not any("/graph/run/" in n for n in names)
    runs = {q.graph_name.value for q in examples_store.quads(include_runs=True)} - names
    assert len(runs) == 1


def test_run_record_names_tool_and_models(examples_store: Store) -> None:
    rows = list(
        examples_store.query(
            "SELECT ?v ?m WHERE { ?r a prov:Activity ; ftz:toolVersion ?v ; ftz:modelName ?m }"
        )
    )
    models = {r["m"].value for r in rows}
    assert any(m.startswith("en: en_core_web_sm 3.8.0") for m in models)
    assert any(m.startswith("zh: spacy_zh_jieba") for m in models)


def test_shacl_passes_on_own_output(examples_store: Store) -> None:
    conforms, text = validate_store(examples_store)
    assert conforms, text


def test_shacl_catches_a_broken_graph(examples_store: Store, tmp_path: Path) -> None:
    g = as_rdflib(examples_store, tmp_path, "nt")
    mention = next(iter(g.subjects(RDF.type, FTZ.Mention)))
    g.remove((mention, NIF.anchorOf, None))
    g.add((mention, DCTERMS.language, rdflib.Literal("fr")))
    problem = next(iter(g.subjects(RDF.type, FTZ.Problem)))
    g.remove((problem, FTZ.hasMention, None))
    conforms, text = validate_graph(g)
    assert not conforms
    assert "anchorOf" in text and "hasMention" in text and "fr" in text


def test_reextracting_replaces_the_document_graph(pipeline, tmp_path: Path) -> None:
    from ftzgraph.pipeline import extract
    from ftzgraph.store import open_store

    source = tmp_path / "doc.txt"
    source.write_text("应加快推进贸易便利化。", encoding="utf-8")
    store = open_store(tmp_path / "store")
    extract([source], store, pipeline=pipeline)
    source.write_text("应完善事中事后监管。", encoding="utf-8")
    extract([source], store, pipeline=pipeline)
    anchors = {r["a"].value for r in store.query("SELECT ?a WHERE { ?m nif:anchorOf ?a }")}
    assert "贸易便利化" not in anchors and "事中事后监管" in anchors
    assert store.document_count() == 1


def test_stored_content_survives_a_failed_file(pipeline, tmp_path: Path) -> None:
    from ftzgraph.pipeline import extract
    from ftzgraph.store import open_store

    good = tmp_path / "a" / "good.txt"
    good.parent.mkdir()
    good.write_text("应深化金融开放。", encoding="utf-8")
    store = open_store(tmp_path / "store")
    extract([good.parent], store, pipeline=pipeline)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    report = extract([tmp_path / "b"], store, pipeline=pipeline)
    assert not report.ok and "bad.txt" in str(report.failed[0])
    assert store.document_count() == 1


def test_oxigraph_reads_its_own_export(examples_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "g.trig"
    export(examples_store, path, "trig")
    copy = ox.Store()
    copy.load(path=str(path), format=ox.RdfFormat.TRIG)
    assert len(copy) == len(list(examples_store.quads()))


def test_a_document_whose_extraction_fails_is_reported_and_the_rest_stored(
    pipeline, tmp_path: Path, monkeypatch
) -> None:
    """An internal error on one document must not cost the others (nor the store)."""
    from ftzgraph.pipeline import extract
    from ftzgraph.store import open_store

    for name, text in (("a.txt", "应深化金融开放。"), ("b.txt", "应优化营商环境。")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    real = type(pipeline.extractor).__call__

    def flaky(self, analysed):
        if analysed.document.identifier == "a.txt":
            raise RuntimeError("boom")
        return real(self, analysed)

    monkeypatch.setattr(type(pipeline.extractor), "__call__", flaky)
    store = open_store(None)
    report = extract([tmp_path], store, pipeline=pipeline)
    assert report.processed == ["b.txt"]
    assert [str(f) for f in report.failed] == ["a.txt: extraction failed: RuntimeError: boom"]
    assert store.document_count() == 1
