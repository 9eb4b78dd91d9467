"""Cue lexicons: data files of ``cue<TAB>role`` lines, one per language folder.

Researchers extend the files (``lang/zh/cues.tsv``, ``lang/en/cues.tsv``),
not the code.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load_cues(package: str) -> dict[str, frozenset[str]]:
    """Role → cues of the ``cues.tsv`` in ``package``."""
    text = resources.files(package).joinpath("cues.tsv").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise ValueError(f"{package}/cues.tsv line {number}: expected 'cue<TAB>role'")
        out.setdefault(parts[1].strip(), set()).add(parts[0].strip())
    return {role: frozenset(cues) for role, cues in out.items()}
