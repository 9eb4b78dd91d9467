"""Stated numbers → :class:`~ftzgraph.records.Fact` records, via each language's finder."""

from __future__ import annotations

from ftzgraph.lang.analysis import AnalysedSentence
from ftzgraph.lang.en.quantities import find_quantities as en_quantities
from ftzgraph.lang.zh.quantities import find_quantities as zh_quantities
from ftzgraph.records import Fact, Mention


def find_facts(sentence: AnalysedSentence, text: str) -> list[Fact]:
    doc = sentence.doc
    found = zh_quantities(doc.text) if sentence.lang == "zh" else en_quantities(doc)
    base = sentence.begin
    return [
        Fact(
            q.value,
            q.unit,
            Mention(
                base + q.begin,
                base + q.end,
                text[base + q.begin : base + q.end],
                sentence.lang,
                f"{sentence.lang}-quantity",
            ),
        )
        for q in found
    ]
