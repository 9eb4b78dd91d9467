"""Extraction v1 on short texts written for these tests (not the development texts)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ftzgraph.pipeline import Pipeline

from .texts import run_text as run
from .texts import spans


def test_thesaurus_terms_in_both_languages_share_one_node(pipeline: Pipeline) -> None:
    text = "福建自贸试验区推进贸易便利化。\n<<The Fujian FTZ promotes trade facilitation.\n<<\n"
    result = run(pipeline, text)
    (area,) = [c for c in result.concepts if "trade facilitation" in {m.anchor for m in c.mentions}]
    assert area.iri is not None and not area.discovered
    assert {m.anchor for m in area.mentions} == {"贸易便利化", "trade facilitation"}
    assert {m.lang for m in area.mentions} == {"zh", "en"}


def test_zones_places_organizations(pipeline: Pipeline) -> None:
    text = (
        "商务部支持中国（江苏）自由贸易试验区扩大开放，江苏省人民政府负责实施。\n"
        "<<The Ministry of Commerce supports opening in Jiangsu.\n<<\n"
    )
    result = run(pipeline, text)
    assert "中国（江苏）自由贸易试验区" in spans(result, "Zone", "zh")
    assert {"商务部", "江苏省人民政府"} <= spans(result, "Organization", "zh")
    assert "Ministry of Commerce" in spans(result, "Organization", "en")
    assert "Jiangsu" in spans(result, "Place", "en")


def test_chinese_meeting_is_an_event(pipeline: Pipeline) -> None:
    result = run(pipeline, "十三届全国人大常委会第五次会议审议了有关报告。")
    assert "十三届全国人大常委会第五次会议" in spans(result, "Event", "zh")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("我国已设立22个自贸试验区，新增企业3.5万家。", {Decimal(22), Decimal(35000)}),
        ("2019年8月，外资占比达到百分之四十。", {Decimal(40)}),
        ("改革开放十八大以来，第三批试点复制推广了十九项经验。", {Decimal(19)}),
    ],
)
def test_chinese_facts(pipeline: Pipeline, text: str, values: set[Decimal]) -> None:
    result = run(pipeline, text)
    assert {f.value for f in result.facts} == values
    for fact in result.facts:
        assert text[fact.mention.begin : fact.mention.end] == fact.mention.anchor


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "<<In 2018 the zone cut approval time by 40 percent across twelve agencies.\n<<\n",
            {Decimal(40), Decimal(12)},
        ),
        ("<<COVID-19 hit trade, yet 3.5 million firms registered.\n<<\n", {Decimal(3500000)}),
    ],
)
def test_english_facts(pipeline: Pipeline, text: str, values: set[Decimal]) -> None:
    result = run(pipeline, text)
    assert {f.value for f in result.facts} == values


def test_chinese_problems_split_when_each_item_has_its_predicate(pipeline: Pipeline) -> None:
    text = "当前仍存在一些问题，如跨境数据流动规则缺乏、专业人才储备不足、审批效率较低等。"
    result = run(pipeline, text)
    assert spans(result, "Problem") == {"跨境数据流动规则缺乏", "专业人才储备不足", "审批效率较低"}


def test_chinese_recommendations_after_modal_and_shared_object_list(pipeline: Pipeline) -> None:
    text = "下一步应优化营商环境、完善监管制度，为港口、航运、物流等提供便利条件。"
    result = run(pipeline, text)
    assert spans(result, "Recommendation") == {
        "优化营商环境",
        "完善监管制度",
        "为港口、航运、物流等提供便利条件",
    }


def test_chinese_purpose_goal(pipeline: Pipeline) -> None:
    result = run(pipeline, "为了扩大高水平对外开放，必须深化投资管理体制改革。")
    assert "扩大高水平对外开放" in spans(result, "Goal")
    assert "深化投资管理体制改革" in spans(result, "Recommendation")


def test_english_modal_conjuncts_and_problem_list(pipeline: Pipeline) -> None:
    text = (
        "<<The zones face obstacles such as slow customs clearance and weak credit supervision. "
        "Local governments should simplify approvals and expand market access.\n<<\n"
    )
    result = run(pipeline, text)
    assert spans(result, "Problem") == {"slow customs clearance", "weak credit supervision"}
    assert spans(result, "Recommendation") == {"simplify approvals", "expand market access"}


def test_english_purpose_clause_is_a_goal(pipeline: Pipeline) -> None:
    text = "<<In order to attract foreign capital, the province must cut its negative list.\n<<\n"
    result = run(pipeline, text)
    assert "attract foreign capital" in spans(result, "Goal")
    assert "cut its negative list" in spans(result, "Recommendation")


def test_concerns_links_role_to_contained_reform_area(pipeline: Pipeline) -> None:
    result = run(pipeline, "应加快推进贸易便利化。")
    (rec,) = [c for c in result.concepts if "Recommendation" in c.types]
    (area,) = [c for c in result.concepts if "ReformArea" in c.types]
    assert [(r.subject, r.property, r.object) for r in result.relations] == [
        (rec.key, "concerns", area.key)
    ]


def test_names_inside_a_document_title_are_not_actors(pipeline: Pipeline) -> None:
    result = run(pipeline, "国务院印发《中华人民共和国外商投资法实施条例》。")
    assert "国务院" in spans(result, "Organization")
    assert spans(result, "Place") == set()


def test_ner_headings_are_not_organizations(pipeline: Pipeline) -> None:
    result = run(pipeline, "<<Chapter II Trade Facilitation Article 12 The port shall open.\n<<\n")
    assert not any("Article" in a for a in spans(result, "Organization"))
