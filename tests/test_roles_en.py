"""English role rules from the dependency parse, on sentences written for these tests."""

from __future__ import annotations

import pytest

from ftzgraph.pipeline import Pipeline
from ftzgraph.records import DocumentGraph

from .texts import run_text, spans


def run(pipeline: Pipeline, english: str) -> DocumentGraph:
    return run_text(pipeline, f"<<{english}\n<<\n")


@pytest.mark.parametrize(
    ("text", "recs"),
    [
        (
            "The pilot zones should relax foreign ownership caps and publish a shorter "
            "negative list.",
            {"relax foreign ownership caps", "publish a shorter negative list"},
        ),
        (
            "Customs authorities must share inspection data with port operators.",
            {"share inspection data with port operators"},
        ),
        (
            "Local governments need to improve the single window system.",
            {"improve the single window system"},
        ),
        (
            "It is necessary to strengthen in-process and ex-post supervision.",
            {"strengthen in-process and ex-post supervision"},
        ),
        (
            "We propose establishing a regional arbitration centre.",
            {"establishing a regional arbitration centre"},
        ),
        (
            "A unified credit database shall be established.",
            {"A unified credit database shall be established"},
        ),
    ],
)
def test_recommendation_heads(pipeline: Pipeline, text: str, recs: set[str]) -> None:
    assert recs <= spans(run(pipeline, text), "Recommendation")


def test_support_frame_recommends_the_supported_action(pipeline: Pipeline) -> None:
    result = run(pipeline, "The state supports the zone in developing bonded maintenance services.")
    assert spans(result, "Recommendation") == {"developing bonded maintenance services"}


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (
            "The zones face obstacles such as high logistics costs, weak legal protection "
            "and slow approval.",
            {"high logistics costs", "weak legal protection", "slow approval"},
        ),
        (
            "A lack of skilled arbitrators limits dispute resolution.",
            {"lack of skilled arbitrators"},
        ),
        ("The zones suffer from insufficient data sharing.", {"insufficient data sharing"}),
        ("Many firms report inadequate financing channels.", {"inadequate financing channels"}),
        (
            "Regulation of offshore finance is fragmented.",
            {"Regulation of offshore finance is fragmented"},
        ),
    ],
)
def test_problem_frames(pipeline: Pipeline, text: str, problems: set[str]) -> None:
    assert problems <= spans(run(pipeline, text), "Problem")


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        (
            "In order to attract global talent, the city should simplify work permits.",
            "attract global talent",
        ),
        (
            "The port must upgrade its terminals so as to handle larger vessels.",
            "handle larger vessels",
        ),
        (
            "This regulation is made for the purpose of promoting cross-border e-commerce.",
            "promoting cross-border e-commerce",
        ),
        (
            "By 2030, the area will have become a hub for green finance.",
            "become a hub for green finance",
        ),
        (
            "The zone shall build itself into a regional logistics centre.",
            "a regional logistics centre",
        ),
    ],
)
def test_goal_frames(pipeline: Pipeline, text: str, goal: str) -> None:
    assert goal in spans(run(pipeline, text), "Goal")


def test_recommendation_serves_its_purpose(pipeline: Pipeline) -> None:
    result = run(
        pipeline, "In order to attract global talent, the city should simplify work permits."
    )
    (goal,) = [c for c in result.concepts if "Goal" in c.types]
    (rec,) = [c for c in result.concepts if "Recommendation" in c.types]
    assert (rec.key, "serves", goal.key) in {
        (r.subject, r.property, r.object) for r in result.relations
    }


@pytest.mark.parametrize(
    ("text", "achievement"),
    [
        (
            "The zone has played a leading role in attracting foreign investment.",
            "attracting foreign investment",
        ),
        (
            "Reformers have achieved a sharp fall in clearance times.",
            "a sharp fall in clearance times",
        ),
    ],
)
def test_achievement_frames(pipeline: Pipeline, text: str, achievement: str) -> None:
    assert achievement in spans(run(pipeline, text), "Achievement")


def test_reform_areas_discovered_and_mapped(pipeline: Pipeline) -> None:
    result = run(
        pipeline, "The plan lists the liberalization of shipping, insurance and ship leasing."
    )
    discovered = {
        m.anchor
        for c in result.concepts
        if "ReformArea" in c.types and c.discovered
        for m in c.mentions
    }
    assert {"shipping", "insurance", "ship leasing"} <= discovered


def test_trailing_etc_trimmed(pipeline: Pipeline) -> None:
    result = run(pipeline, "There are problems such as weak enforcement, etc.")
    assert spans(result, "Problem") == {"weak enforcement"}


def test_need_to_with_coordinated_verbs_and_fronted_purpose(pipeline: Pipeline) -> None:
    result = run(
        pipeline,
        "To attract more investors, city governments need to cut fees, publish clearer rules "
        "and expand services.",
    )
    assert {"cut fees", "expand services"} <= spans(result, "Recommendation")
    assert "attract more investors" in spans(result, "Goal")


def test_evaluative_words_stay_out_of_reform_areas(pipeline: Pipeline) -> None:
    result = run(pipeline, "Critics point to limited financial opening in the zones.")
    areas = {m.anchor for c in result.concepts if "ReformArea" in c.types for m in c.mentions}
    assert "financial opening" in areas and "limited financial opening" not in areas


def test_too_many_is_a_problem(pipeline: Pipeline) -> None:
    result = run(pipeline, "The list still contains too many special measures.")
    assert "too many special measures" in spans(result, "Problem")


def test_listed_countermeasures_are_recommendations(pipeline: Pipeline) -> None:
    result = run(
        pipeline,
        "The paper puts forward countermeasures, including simplifying customs procedures "
        "and training more arbitrators.",
    )
    assert {"simplifying customs procedures", "training more arbitrators"} <= spans(
        result, "Recommendation"
    )
