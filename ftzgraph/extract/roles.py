"""Problems, recommendations, goals and achievements: each language's cue rules."""

from __future__ import annotations

from ftzgraph.extract.hits import Hit
from ftzgraph.lang.analysis import AnalysedSentence
from ftzgraph.lang.en.roles import find_roles as en_roles
from ftzgraph.lang.zh.roles import find_roles as zh_roles


def find_roles(sentence: AnalysedSentence, names: list[Hit]) -> list[Hit]:
    """Role hits of one sentence, in document offsets; ``names`` are its entity hits."""
    base = sentence.begin
    if sentence.lang == "zh":
        actors = [(h.begin - base, h.end - base) for h in names if h.type == "Organization"]
        found = zh_roles(sentence.doc, actors)
    else:
        found = en_roles(sentence.doc)
    return [
        Hit(role.type, base + role.begin, base + role.end, sentence.lang, role.rule)
        for role in found
    ]
