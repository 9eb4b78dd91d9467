"""Problems, recommendations, goals and achievements: each language's cue rules."""

from __future__ import annotations

from ftzgraph.extract.hits import Hit
from ftzgraph.lang.analysis import AnalysedSentence
from ftzgraph.lang.en.roles import find_roles as en_roles
from ftzgraph.lang.zh.roles import find_roles as zh_roles


def find_roles(sentence: AnalysedSentence, terms: list[Hit]) -> list[Hit]:
    """Role hits of one sentence, in document offsets."""
    finder = zh_roles if sentence.lang == "zh" else en_roles
    base = sentence.begin
    return [
        Hit(role.type, base + role.begin, base + role.end, sentence.lang, role.rule)
        for role in finder(sentence.doc)
    ]
