"""``ftzgraph evaluate`` on gold files and graphs written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from ftzgraph.evaluate import evaluate, format_report, graph_store
from ftzgraph.evaluate.score import greedy_pairs
from ftzgraph.evaluate.similarity import en_units, similarity, zh_units
from ftzgraph.graph import iris
from ftzgraph.graph.build import document_quads, node
from ftzgraph.read import find_segments
from ftzgraph.records import Concept, Discrepancy, Document, DocumentGraph, Fact, Mention, Relation
from ftzgraph.store import export, open_store

TEXT = (
    "审批效率较低，应简化审批流程、扩大市场准入。\n"
    "<<Approval is slow; we should simplify approval procedures.\n<<\n"
)


def test_similarity_follows_gold_md() -> None:
    assert zh_units("如“单一窗口”等") == list("单一窗口")
    assert en_units("The opening of financial industries") == ["open", "financial", "industr"]
    assert similarity("zh", "简化审批流程", "简化审批") == pytest.approx(0.8)
    assert similarity("en", "simplify approval procedures", "simplifying procedures") == (
        pytest.approx(0.8)
    )
    assert similarity("zh", "", "简化") == 0.0


def test_greedy_pairs_best_first_each_used_once() -> None:
    pairs = greedy_pairs([(0.7, "a", 0), (0.9, "a", 1), (0.8, "b", 1), (0.6, "b", 0)])
    assert pairs == {1: "a", 0: "b"}


def mention(text: str, anchor: str, lang: str) -> Mention:
    begin = text.index(anchor)
    return Mention(begin, begin + len(anchor), anchor, lang, "test")  # type: ignore[arg-type]


@pytest.fixture
def scored_graph(tmp_path: Path) -> tuple[Path, Path]:
    """A hand-built graph: one concept linked across languages, one wrong, one missed."""
    doc = Document("doc.txt", TEXT, find_segments(TEXT), "doc.txt")
    rec = Concept(
        "r",
        {"Recommendation"},
        {"zh": "简化审批流程"},
        None,
        [mention(TEXT, "简化审批流程", "zh"), mention(TEXT, "simplify approval procedures", "en")],
    )
    problem = Concept(
        "p", {"Problem"}, {"zh": "审批效率较低"}, None, [mention(TEXT, "审批效率较低", "zh")]
    )
    wrong = Concept(
        "w", {"Problem"}, {"en": "procedures"}, None, [mention(TEXT, "procedures", "en")]
    )
    facts = [
        Fact(Decimal(3), "", mention(TEXT, "审批", "zh")),
        Fact(Decimal(4), "", mention(TEXT, "we", "en")),
    ]
    result = DocumentGraph(
        doc,
        [rec, problem, wrong],
        facts,
        [Relation("r", "addresses", "p", "test", 1.0)],
        [Discrepancy(0, 1)],
    )
    store = open_store(None)
    store.replace_graph(node(iris.document_graph_iri("doc.txt")), document_quads(result))
    graph = tmp_path / "graph.nt"
    export(store, graph, "nt")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = {
        "document": "doc.txt",
        "concepts": [
            {"type": "Problem", "zh": "审批效率较低", "en": "approval is slow"},
            {"type": "Recommendation", "zh": "简化审批流程", "en": "simplify approval procedures"},
            {"type": "Recommendation", "zh": "扩大市场准入", "en": None},
        ],
        "relations": [
            {"type": "addresses", "from": "简化审批流程", "to": "审批效率较低"},
            {"type": "concerns", "from": "扩大市场准入", "to": "审批效率较低"},
        ],
        "facts": [{"what": "x", "zh": 3, "en": 4}, {"what": "y", "zh": None, "en": 9}],
    }
    (gold_dir / "doc.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "doc.txt").write_text(TEXT, encoding="utf-8")
    return graph, gold_dir


def test_scores_of_a_hand_built_graph(scored_graph: tuple[Path, Path]) -> None:
    graph, gold_dir = scored_graph
    result = evaluate(gold_dir, texts_dir=graph.parent / "texts", store=graph_store(graph))
    by_type = result["by_type"]
    assert by_type["Recommendation/zh"] == {
        "p": 1.0,
        "r": 0.5,
        "f1": 0.667,
        "tp": 1,
        "fp": 0,
        "fn": 1,
    }
    assert (by_type["Problem/en"]["tp"], by_type["Problem/en"]["fp"]) == (0, 1)
    assert result["core"]["tp"] == 3 and result["core"]["fp"] == 1 and result["core"]["fn"] == 2
    assert result["crosslingual_link_acc"] == 1.0 and result["crosslingual_pairs"] == 1
    assert result["relations_recall"] == 0.5 and result["relations_precision"] == 1.0
    assert result["facts_recall"] == pytest.approx(0.667, abs=1e-3)
    assert result["discrepancy_recall"] == 1.0
    assert result["provenance_valid"] == 1.0 and result["mentions"] == 6
    report = format_report(result)
    assert "Recommendation/zh" in report and "provenance exact" in report


def test_evaluate_command_extracts_texts_and_writes_json(tmp_path: Path) -> None:
    gold_dir, texts = tmp_path / "gold", tmp_path / "texts"
    gold_dir.mkdir()
    texts.mkdir()
    (texts / "a.txt").write_text("应深化金融开放、优化营商环境。", encoding="utf-8")
    gold = {
        "document": "a.txt",
        "concepts": [
            {"type": "Recommendation", "zh": "深化金融开放", "en": None},
            {"type": "Recommendation", "zh": "优化营商环境", "en": None},
        ],
    }
    (gold_dir / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "ftzgraph.cli",
            "evaluate",
            str(gold_dir),
            "--texts",
            str(texts),
            "--json",
            "-",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["by_type"]["Recommendation/zh"]["tp"] == 2
    assert result["provenance_valid"] == 1.0


def test_bad_gold_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.json"):
        evaluate(tmp_path, store=open_store(None))
