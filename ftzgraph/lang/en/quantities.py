"""Stated numbers in English sentences, from spaCy tokens.

A run of number-like tokens (``like_num``: digits or number words) with an
optional scale word, and a following percent sign/word as unit. Not numbers:
years and dates (tokens spaCy tags DATE that look like years), ordinals,
numbers glued into names (COVID-19, G20).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ftzgraph.lang.en.numerals import FRACTIONS, SCALES, parse_number
from ftzgraph.lang.spans import Quantity

_YEAR = re.compile(r"^(1[89]|20|21)\d\d$")
_PERCENT = {"%", "percent", "per cent", "percentage"}


def find_quantities(doc: Doc) -> list[Quantity]:
    found: list[Quantity] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not _starts_number(token):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and (
            doc[j].like_num
            or doc[j].lower_ in SCALES
            or doc[j].text == "-"
            or doc[j].lower_ in FRACTIONS
        ):
            j += 1
        span = doc[i:j]
        i = j
        if _excluded(span[0]):
            continue
        value = parse_number(span.text)
        if value is None:
            continue
        unit = "%" if span[-1].lower_ in FRACTIONS else ""
        if j < len(doc) and doc[j].lower_ in _PERCENT:
            unit = "%"
            span = doc[span.start : j + 1]
        found.append(Quantity(span.start_char, span.end_char, value, unit))
    return found


def _starts_number(token: Token) -> bool:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.lower_ in FRACTIONS:
        return following is not None and following.lower_ == "of"
    if token.lower_ == "one":
        return following is not None and following.pos_ == "NOUN"  # "one year", not "one of"
    return token.like_num


def _excluded(token: Token) -> bool:
    if token.ent_type_ in ("DATE", "TIME", "ORDINAL") and _YEAR.match(token.text):
        return True
    if _YEAR.match(token.text) and token.ent_type_ in ("DATE", ""):
        return True
    if token.i > 0 and token.doc[token.i - 1].text in ("-", "No", "No.", "Article", "Art."):
        return True
    return "-" in token.text and any(c.isalpha() for c in token.text)
