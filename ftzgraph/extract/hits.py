"""The record every extractor emits: a typed span, before spans become concepts."""

from __future__ import annotations

from dataclasses import dataclass

from ftzgraph.records import Lang


@dataclass(frozen=True, slots=True)
class Hit:
    """``text[begin:end]`` is a ``type`` concept; ``iri`` when the lexicon knows it."""

    type: str
    begin: int
    end: int
    lang: Lang
    rule: str
    iri: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.begin
