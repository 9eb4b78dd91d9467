"""What NLP model a language pipeline runs, recorded in each run's provenance."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    version: str
    fallback: bool = False

    def __str__(self) -> str:
        return f"{self.name} {self.version}" + (" (fallback)" if self.fallback else "")
