"""Cross-lingual linking on bilingual texts written for these tests."""

from __future__ import annotations

from decimal import Decimal

from ftzgraph.pipeline import Pipeline
from ftzgraph.records import DocumentGraph

from .texts import run_text


def run(pipeline: Pipeline, zh: str, en: str) -> DocumentGraph:
    return run_text(pipeline, f"{zh}\n<<{en}\n<<\n")


def sentence_pairs(result: DocumentGraph) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    text = result.document.text
    s = result.sentences
    return [
        (
            tuple(text[s[i].begin : s[i].end] for i in a.zh),
            tuple(text[s[j].begin : s[j].end] for j in a.en),
        )
        for a in result.alignments
    ]


def node_of(result: DocumentGraph, anchor: str) -> str:
    (key,) = {c.key for c in result.concepts for m in c.mentions if m.anchor == anchor}
    return key


def test_reordered_enumeration_links_each_item_to_its_translation(pipeline: Pipeline) -> None:
    result = run(
        pipeline,
        "目前仍存在一些不足，如审批流程繁琐、融资渠道不足、人才储备欠缺。",
        "Some problems remain, such as insufficient financing channels, cumbersome approval "
        "procedures and a lack of talent reserves.",
    )
    assert node_of(result, "审批流程繁琐") == node_of(result, "cumbersome approval procedures")
    assert node_of(result, "融资渠道不足") == node_of(result, "insufficient financing channels")
    assert node_of(result, "人才储备欠缺") == node_of(result, "lack of talent reserves")
    joined = next(c for c in result.concepts if c.key == node_of(result, "融资渠道不足"))
    assert set(joined.labels) == {"zh", "en"} and result.links


def test_sentence_missing_in_one_language_is_left_unaligned(pipeline: Pipeline) -> None:
    result = run(
        pipeline,
        "海关推行单一窗口。港口扩大夜间作业。税务部门简化出口退税。",
        "Customs rolled out the single window. The tax authorities simplified export tax rebates.",
    )
    assert sentence_pairs(result) == [
        (("海关推行单一窗口。",), ("Customs rolled out the single window.",)),
        (("税务部门简化出口退税。",), ("The tax authorities simplified export tax rebates.",)),
    ]


def test_two_chinese_sentences_merged_into_one_english_sentence(pipeline: Pipeline) -> None:
    result = run(
        pipeline,
        "新片区放宽外资准入。新片区同时降低企业所得税。另外，海关实行简化监管。",
        "The new area relaxed foreign investment access and cut corporate income tax. "
        "In addition, customs adopted simplified supervision.",
    )
    pairs = sentence_pairs(result)
    assert pairs[0] == (
        ("新片区放宽外资准入。", "新片区同时降低企业所得税。"),
        ("The new area relaxed foreign investment access and cut corporate income tax.",),
    )
    assert pairs[1][0] == ("另外，海关实行简化监管。",)


def test_traditional_chinese_links_like_simplified(pipeline: Pipeline) -> None:
    result = run(
        pipeline,
        "應加快推進貿易便利化，完善跨境資金流動管理。",
        "We should accelerate trade facilitation and improve the management of cross-border "
        "capital flows.",
    )
    assert node_of(result, "貿易便利化") == node_of(result, "trade facilitation")


def test_chinese_numerals_equal_values_are_not_discrepancies(pipeline: Pipeline) -> None:
    result = run(
        pipeline,
        "该片区已复制推广十九项改革经验，外资企业占比达到百分之七十。",
        "The area has replicated 19 reform experiences, and foreign firms account for 70 percent.",
    )
    values = sorted((f.lang, f.value) for f in result.facts)
    assert values == [
        ("en", Decimal(19)),
        ("en", Decimal(70)),
        ("zh", Decimal(19)),
        ("zh", Decimal(70)),
    ]
    assert result.discrepancies == []


def test_true_discrepancy_is_flagged_with_both_facts(pipeline: Pipeline) -> None:
    result = run(
        pipeline,
        "截至去年，共有二十六个城市与该港开通航线，新设企业三千家。",
        "By last year, shipping routes linked the port with 24 cities, and 3,000 new firms "
        "were registered.",
    )
    (disc,) = result.discrepancies
    first, second = result.facts[disc.first], result.facts[disc.second]
    assert (first.lang, first.value, second.lang, second.value) == (
        "zh",
        Decimal(26),
        "en",
        Decimal(24),
    )


def test_graph_records_sentences_alignment_and_links(pipeline: Pipeline, tmp_path) -> None:
    from ftzgraph.pipeline import extract
    from ftzgraph.store import open_store

    text = (
        "应加快推进贸易便利化，完善跨境资金流动管理。\n"
        "<<We should accelerate trade facilitation and improve the management of cross-border "
        "capital flows.\n<<\n"
    )
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    store = open_store(None)
    extract([tmp_path / "doc.txt"], store, pipeline=pipeline)
    rows = list(
        store.query(
            'SELECT ?zh ?en WHERE { ?a ftz:alignedWith ?b . ?a dcterms:language "zh" ; '
            "nif:anchorOf ?zh . ?b nif:anchorOf ?en }"
        )
    )
    assert [(r["zh"].value, r["en"].value) for r in rows] == [
        (
            "应加快推进贸易便利化，完善跨境资金流动管理。",
            "We should accelerate trade facilitation and improve the management of cross-border "
            "capital flows.",
        )
    ]
    located = store.query(
        "ASK { ?c ftz:hasMention ?m . ?m ftz:inSentence ?s ; nif:beginIndex ?b . "
        "?s nif:beginIndex ?sb ; nif:endIndex ?se FILTER(?b >= ?sb && ?b < ?se) }"
    )
    assert located


def test_traditional_shares_and_reported_problems_link_without_false_discrepancy(
    pipeline: Pipeline,
) -> None:
    result = run(
        pipeline,
        "調查顯示，近四分之三的受訪企業認為通關更快，另有兩成企業反映融資成本偏高。",
        "The survey shows that nearly three-quarters of the firms say clearance is faster, "
        "while 20 percent report high financing costs.",
    )
    assert sorted((f.lang, f.value) for f in result.facts) == [
        ("en", Decimal(20)),
        ("en", Decimal(75)),
        ("zh", Decimal(20)),
        ("zh", Decimal(75)),
    ]
    assert result.discrepancies == []
    assert node_of(result, "融資成本偏高") == node_of(result, "high financing costs")
