"""Chinese role rules, one cue family at a time, on sentences written for these tests."""

from __future__ import annotations

import pytest

from ftzgraph.pipeline import Pipeline

from .texts import run_text as run
from .texts import spans


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        # intro + enumeration where each item carries its own predicate
        (
            "目前仍存在一些不足，如跨境支付渠道缺乏、外籍人才比例偏低、通关时间较长等。",
            {"跨境支付渠道缺乏", "外籍人才比例偏低"},
        ),
        # a clause-level predicate
        ("监管规则碎片化，企业办事难以一次办成。", {"监管规则碎片化", "企业办事难以一次办成"}),
        # 尚未 / 滞后
        (
            "配套立法相对滞后，数据跨境流动规则尚未建立。",
            {"配套立法相对滞后", "数据跨境流动规则尚未建立"},
        ),
    ],
)
def test_problem_cues(pipeline: Pipeline, text: str, problems: set[str]) -> None:
    assert problems <= spans(run(pipeline, text), "Problem")


def test_generic_problem_intro_is_not_a_problem(pipeline: Pipeline) -> None:
    result = run(pipeline, "改革过程中还存在诸多问题，如审批环节繁琐。")
    assert spans(result, "Problem") == {"审批环节繁琐"}


@pytest.mark.parametrize(
    ("text", "recs"),
    [
        (
            "各片区应当加快推进首创性改革、完善容错纠错机制。",
            {"加快推进首创性改革", "完善容错纠错机制"},
        ),
        ("建议进一步简化外商投资备案手续。", {"进一步简化外商投资备案手续"}),
        ("必须坚持风险底线，健全跨部门协同监管体系。", {"坚持风险底线", "健全跨部门协同监管体系"}),
        # a request verb passes the command on, over its object
        ("会议要求各地区及时评估试点成效。", {"及时评估试点成效"}),
    ],
)
def test_recommendation_cues(pipeline: Pipeline, text: str, recs: set[str]) -> None:
    assert recs <= spans(run(pipeline, text), "Recommendation")


def test_single_verb_list_stays_one_recommendation(pipeline: Pipeline) -> None:
    result = run(pipeline, "应为跨境电商、保税维修、离岸贸易等新业态提供制度保障。")
    assert spans(result, "Recommendation") == {"为跨境电商、保税维修、离岸贸易等新业态提供制度保障"}


def test_means_clause_gives_recommendation_and_goal(pipeline: Pipeline) -> None:
    result = run(pipeline, "通过建立国际商事调解中心不断提升营商环境国际化水平。")
    assert "建立国际商事调解中心" in spans(result, "Recommendation")
    assert "不断提升营商环境国际化水平" in spans(result, "Goal")


def test_purpose_run_continues_until_the_main_clause(pipeline: Pipeline) -> None:
    text = "为了扩大高水平对外开放，促进区域协调发展，根据有关法律，制定本办法。"
    result = run(pipeline, text)
    assert spans(result, "Goal") == {"扩大高水平对外开放", "促进区域协调发展"}
    assert spans(result, "Recommendation") == set()


def test_significance_frame_goals(pipeline: Pipeline) -> None:
    result = run(pipeline, "设立新片区对于服务国家战略、带动区域发展具有重要意义。")
    assert spans(result, "Goal") == {"服务国家战略", "带动区域发展"}


def test_target_sentence_goals(pipeline: Pipeline) -> None:
    result = run(pipeline, "到2030年，建成国际一流的营商环境，形成一批标志性改革成果。")
    assert spans(result, "Goal") == {"建成国际一流的营商环境", "形成一批标志性改革成果"}


@pytest.mark.parametrize(
    ("text", "achievement"),
    [
        ("自贸试验区在稳定外资方面发挥了压舱石的重要作用。", "压舱石"),
        ("三年来，该片区取得了显著的制度创新成效。", "该片区取得了显著的制度创新成效"),
    ],
)
def test_achievement_cues(pipeline: Pipeline, text: str, achievement: str) -> None:
    assert achievement in spans(run(pipeline, text), "Achievement")


def test_trailing_deng_and_leading_intro_trimmed(pipeline: Pipeline) -> None:
    result = run(pipeline, "主要问题包括人才储备不足等方面。")
    assert spans(result, "Problem") == {"人才储备不足"}


def test_law_article_numbers_do_not_hide_purpose(pipeline: Pipeline) -> None:
    result = run(pipeline, "第一条 为了规范口岸管理，制定本条例。")
    assert spans(result, "Goal") == {"规范口岸管理"}


def test_traditional_script_matches_with_offsets_on_the_original(pipeline: Pipeline) -> None:
    text = "應加快推進貿易便利化、完善海關監管制度。"
    result = run(pipeline, text)
    assert spans(result, "Recommendation") == {"加快推進貿易便利化", "完善海關監管制度"}
    (area,) = [c for c in result.concepts if "ReformArea" in c.types and c.iri]
    assert {m.anchor for m in area.mentions} == {"貿易便利化"}


def test_obstacle_removed_by_a_recommendation_is_a_problem_it_addresses(
    pipeline: Pipeline,
) -> None:
    result = run(pipeline, "要着力破除制约要素跨境流动的制度障碍。")
    (problem,) = [c for c in result.concepts if "Problem" in c.types]
    assert problem.mentions[0].anchor == "制约要素跨境流动的制度障碍"
    (rec,) = [c for c in result.concepts if "Recommendation" in c.types]
    assert (rec.key, "addresses", problem.key) in {
        (r.subject, r.property, r.object) for r in result.relations
    }


def test_recommendation_serves_purpose_goal(pipeline: Pipeline) -> None:
    result = run(pipeline, "为提升贸易便利化水平，应推广国际贸易单一窗口。")
    (goal,) = [c for c in result.concepts if "Goal" in c.types]
    (rec,) = [c for c in result.concepts if "Recommendation" in c.types]
    assert (rec.key, "serves", goal.key) in {
        (r.subject, r.property, r.object) for r in result.relations
    }


def test_reported_findings_are_not_recommendations(pipeline: Pipeline) -> None:
    result = run(pipeline, "研究发现，试点政策显著提升了企业出口规模。")
    assert spans(result, "Recommendation") == set()


def test_yi_plus_verb_is_a_purpose(pipeline: Pipeline) -> None:
    result = run(pipeline, "应完善跨境数据规则，以提升数字贸易竞争力。")
    assert "完善跨境数据规则" in spans(result, "Recommendation")
    assert "提升数字贸易竞争力" in spans(result, "Goal")


def test_numbered_recommendations_after_a_modal(pipeline: Pipeline) -> None:
    text = "建议从两方面改进：一是搭建企业信用信息平台；二是压缩货物通关时间。"
    result = run(pipeline, text)
    assert {"搭建企业信用信息平台", "压缩货物通关时间"} <= spans(result, "Recommendation")


def test_problem_intro_verbs_are_trimmed(pipeline: Pipeline) -> None:
    result = run(pipeline, "试点过程中暴露出监管手段单一、信息共享不足等问题。")
    assert spans(result, "Problem") == {"监管手段单一", "信息共享不足"}


def test_trailing_deng_plus_problem_noun_trimmed(pipeline: Pipeline) -> None:
    result = run(pipeline, "清单仍存在透明度不高、与国内法规衔接不畅等不足。")
    assert spans(result, "Problem") == {"透明度不高", "与国内法规衔接不畅"}


def test_proposed_countermeasures_trimmed_of_their_label(pipeline: Pipeline) -> None:
    result = run(pipeline, "本文提出了优化海关查验流程、扩大离岸贸易试点等对策建议。")
    assert spans(result, "Recommendation") == {"优化海关查验流程", "扩大离岸贸易试点"}


def test_a_named_body_reporting_its_actions_lists_achievements(pipeline: Pipeline) -> None:
    result = run(pipeline, "商务部认真梳理试点经验，组织开展第三方评估。")
    assert spans(result, "Achievement") == {"认真梳理试点经验", "组织开展第三方评估"}
    assert spans(result, "Recommendation") == set()
    commanded = run(pipeline, "商务部应加快修订外商投资准入负面清单。")
    assert spans(commanded, "Recommendation") == {"加快修订外商投资准入负面清单"}
