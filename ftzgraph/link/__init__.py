"""Stage 4: link the Chinese and English sides of a document.

Sentences are aligned (``align``), discovered concepts of aligned sentences
are joined into one node per concept (``concepts``), and the numbers both
sides state are paired, with the pairs that disagree flagged as
discrepancies (``facts``). A one-language document passes through with its
sentences recorded.
"""

from __future__ import annotations

from ftzgraph.lang.analysis import AnalysedDocument, AnalysedSentence
from ftzgraph.link.align import align
from ftzgraph.link.concepts import merge, pair_concepts
from ftzgraph.link.dictionary import load_dictionary
from ftzgraph.link.evidence import by_language, sentence_evidence
from ftzgraph.link.facts import discrepancies, pair_facts
from ftzgraph.records import DocumentGraph, SentenceAlignment


def link_document(analysed: AnalysedDocument, result: DocumentGraph) -> DocumentGraph:
    result.sentences = [s.sentence for s in analysed.sentences]
    evidence = sentence_evidence(analysed, result)
    languages = by_language(evidence)
    zh_ids, en_ids = languages.get("zh", []), languages.get("en", [])
    if not zh_ids or not en_ids:
        return result
    dictionary = load_dictionary()
    local = align([evidence[i] for i in zh_ids], [evidence[i] for i in en_ids], dictionary)
    result.alignments = [
        SentenceAlignment(
            tuple(zh_ids[i] for i in a.zh), tuple(en_ids[j] for j in a.en), a.score, a.rule
        )
        for a in local
    ]
    groups: list[tuple[list[AnalysedSentence], list[AnalysedSentence]]] = [
        ([analysed.sentences[i] for i in a.zh], [analysed.sentences[j] for j in a.en])
        for a in result.alignments
    ]
    pairs = pair_concepts(result.concepts, groups, dictionary)
    result.concepts, result.relations, result.links = merge(
        result.concepts, result.relations, pairs
    )
    result.discrepancies = discrepancies(result.facts, pair_facts(result.facts, groups, dictionary))
    return result


__all__ = ["link_document"]
