"""English discourse roles from spaCy's dependency parse.

- recommendation: the verb under a deontic head (should/must V, need to V,
  it is necessary to V, we propose/suggest V-ing), one per coordinated verb;
  a ``by V-ing`` means attached to a recommendation is one too;
- goal: an infinitival purpose clause (in order to V, so as to V, of great
  significance for X to V, and ``to V`` after a recommendation);
- problem: items after "problems/obstacles such as …", "lack of X", noun
  phrases with a problem adjective (insufficient X), and "X is insufficient";
- achievement: "played a role in X", "has made/achieved X".

Each family has its module (``recommendations``, ``goals``, ``problems``,
``achievements``); ``phrases`` cuts spans out of the parse. Cue words come
from ``cues.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ftzgraph.lang.en.achievements import achievements
from ftzgraph.lang.en.goals import goals, purposes_of, target_heads
from ftzgraph.lang.en.phrases import cues, emit, verb_phrase, with_conjuncts
from ftzgraph.lang.en.problems import problems
from ftzgraph.lang.en.recommendations import (
    directive_heads,
    listed_recommendations,
    means,
    recommendation,
    recommendation_heads,
)
from ftzgraph.lang.spans import RoleSpan

__all__ = ["cues", "find_roles"]


def find_roles(doc: Doc) -> list[RoleSpan]:
    if not doc.has_annotation("DEP"):
        return []
    spans: list[RoleSpan] = []
    recommended: set[int] = set()
    targeted = target_heads(doc)
    targeted_ids = {t.i for t in targeted}
    heads = [(v, "en-rec-deontic") for v in recommendation_heads(doc)]
    heads += [(v, "en-rec-directive") for v in directive_heads(doc)]
    for verb, rule in heads:
        for v in with_conjuncts(verb):
            if v.i in recommended or v.i in targeted_ids:
                continue
            recommended.add(v.i)
            spans += recommendation(v, rule)
            spans += means(v)
    for verb in targeted:
        spans += emit("Goal", verb_phrase(verb, with_passive_subject=True), "en-goal-target")
    spans += listed_recommendations(doc)
    spans += purposes_of(doc)
    spans += goals(doc, recommended | targeted_ids)
    spans += problems(doc)
    spans += achievements(doc)
    seen: dict[tuple[str, int, int], RoleSpan] = {}
    for span in spans:
        seen.setdefault((span.type, span.begin, span.end), span)
    return list(seen.values())
