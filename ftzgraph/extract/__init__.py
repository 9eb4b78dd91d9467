"""Stage 3: an analysed document → concepts, facts and relations.

:class:`Extractor` runs the extractors (terms, entities, roles, facts) over
each sentence and the relation rules over the document; each extractor can
be replaced on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language

from ftzgraph.extract.areas import (
    discover_areas,
    map_to_thesaurus,
    select_areas,
    without_contained,
)
from ftzgraph.extract.collect import build_concepts, resolve_entities
from ftzgraph.extract.entities import EntityFinder, outside_titles
from ftzgraph.extract.facts import find_facts
from ftzgraph.extract.hits import Hit
from ftzgraph.extract.lexicon import Lexicon, load_lexicon
from ftzgraph.extract.relations import find_relations
from ftzgraph.extract.roles import find_roles
from ftzgraph.extract.terms import TermMatcher
from ftzgraph.lang.analysis import AnalysedDocument
from ftzgraph.records import DocumentGraph


@dataclass(slots=True)
class Extractor:
    en_nlp: Language
    lexicon: Lexicon = field(default_factory=load_lexicon)
    terms: TermMatcher = field(init=False)
    entities: EntityFinder = field(init=False)

    def __post_init__(self) -> None:
        self.terms = TermMatcher(self.lexicon, self.en_nlp)
        self.entities = EntityFinder(self.lexicon)

    def __call__(self, analysed: AnalysedDocument) -> DocumentGraph:
        text = analysed.document.text
        hits: list[Hit] = []
        facts = []
        for sentence in analysed.sentences:
            term_hits = self.terms.find(sentence)
            names = outside_titles(self.entities.find(sentence), sentence)
            roles = find_roles(sentence, term_hits + names)
            term_hits = outside_titles(term_hits, sentence)
            discovered = discover_areas(sentence, term_hits)
            hits += select_areas(without_contained(term_hits, discovered), roles, text, discovered)
            hits += discovered
            hits += names
            hits += roles
            facts += find_facts(sentence, text)
        resolved = resolve_entities(hits)
        concepts = build_concepts(resolved, text, self.lexicon)
        map_to_thesaurus(concepts, self.lexicon)
        relations = find_relations(analysed, resolved, concepts)
        return DocumentGraph(analysed.document, concepts, facts, relations)


__all__ = ["Extractor", "load_lexicon"]
