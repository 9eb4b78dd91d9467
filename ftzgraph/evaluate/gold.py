"""Gold annotation files (GOLD.md): one JSON per document."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class GoldConcept:
    type: str
    zh: str | None
    en: str | None

    def label(self, lang: str) -> str | None:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True, slots=True)
class GoldRelation:
    type: str
    source: str
    target: str


@dataclass(frozen=True, slots=True)
class GoldFact:
    what: str
    zh: float | None
    en: float | None


@dataclass(slots=True)
class GoldDocument:
    document: str
    concepts: list[GoldConcept] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)
    facts: list[GoldFact] = field(default_factory=list)


def _number(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def load_gold(folder: str | Path) -> list[GoldDocument]:
    """Every ``*.json`` of ``folder`` in file-name order; raises ValueError naming a bad file."""
    documents = []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            documents.append(
                GoldDocument(
                    data["document"],
                    [GoldConcept(c["type"], c.get("zh"), c.get("en")) for c in data["concepts"]],
                    [
                        GoldRelation(r["type"], r["from"], r["to"])
                        for r in data.get("relations", [])
                    ],
                    [
                        GoldFact(f.get("what", ""), _number(f.get("zh")), _number(f.get("en")))
                        for f in data.get("facts", [])
                    ],
                )
            )
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise ValueError(f"{path}: not a gold annotation file ({err})") from err
    return documents
