"""Typed records passed between the stages (read → analyse → extract → graph).

Offsets are always code-point offsets into ``Document.text`` (the decoded file
with a leading BOM dropped and nothing else changed), so every stage can check
``text[begin:end]`` against what it claims.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

#: Concept classes of the contract, by local name in the ``ftz:`` namespace.
CONCEPT_TYPES: tuple[str, ...] = (
    "ReformArea",
    "Problem",
    "Recommendation",
    "Achievement",
    "Goal",
    "Zone",
    "Agreement",
    "Event",
    "Place",
    "Organization",
)


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of a document's text in one language."""

    lang: Lang
    begin: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """One text as read from disk, with the language segments found in it."""

    identifier: str
    text: str
    segments: tuple[Segment, ...]
    path: str
    encoding: str = "utf-8"
    title: str | None = None
    year: str | None = None
    zone: str | None = None
    source: str | None = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def languages(self) -> tuple[Lang, ...]:
        return tuple(lang for lang in LANGS if any(s.lang == lang for s in self.segments))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a segment: ``text[begin:end]`` of its document."""

    lang: Lang
    begin: int
    end: int
    index: int


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a concept or fact was seen, and by which rule."""

    begin: int
    end: int
    anchor: str
    lang: Lang
    rule: str


@dataclass(slots=True)
class Concept:
    """A concept found in one document.

    ``key`` is its identity across documents: the thesaurus or gazetteer IRI
    when it comes from there, otherwise type + language + normalised label, so
    the same wording in two documents is one node.
    """

    key: str
    types: set[str]
    labels: dict[str, str] = field(default_factory=dict)
    iri: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    #: thesaurus IRI → SKOS mapping property ("broadMatch" or "relatedMatch")
    matches: dict[str, str] = field(default_factory=dict)

    @property
    def discovered(self) -> bool:
        return self.iri is None


@dataclass(frozen=True, slots=True)
class Fact:
    """A stated number; ``value`` is normalised (3.5万 → 35000)."""

    value: Decimal
    unit: str
    mention: Mention

    @property
    def lang(self) -> Lang:
        return self.mention.lang


@dataclass(frozen=True, slots=True)
class Relation:
    """``subject --property--> object`` between two concept keys, with its origin."""

    subject: str
    property: Literal["addresses", "concerns", "serves"]
    object: str
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class SentenceAlignment:
    """Chinese sentences (indices into ``DocumentGraph.sentences``) aligned with English ones."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    rule: str


@dataclass(frozen=True, slots=True)
class ConceptLink:
    """A concept joined across languages by the linker, and how sure it is."""

    key: str
    confidence: float
    rule: str


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """Two facts (indices into ``DocumentGraph.facts``) that disagree across languages."""

    first: int
    second: int


@dataclass(slots=True)
class DocumentGraph:
    """Everything extracted from one document, ready to become RDF."""

    document: Document
    concepts: list[Concept] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    alignments: list[SentenceAlignment] = field(default_factory=list)
    links: list[ConceptLink] = field(default_factory=list)
