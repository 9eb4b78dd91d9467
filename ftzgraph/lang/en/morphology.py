"""Tiny English morphology the matchers need (no model required)."""

from __future__ import annotations


def plural(phrase: str) -> str:
    """The phrase with its last word pluralised: zone → zones, facility → facilities."""
    head, _, last = phrase.rpartition(" ")
    if not last or not last[-1].isalpha():
        return phrase
    lower = last.lower()
    if lower.endswith("s") and not lower.endswith("ss"):
        return phrase
    if lower.endswith(("ss", "sh", "ch", "x", "z")):
        last += "es"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"  # also FTZ → FTZs
    return f"{head} {last}" if head else last
