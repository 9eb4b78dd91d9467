"""English reform-area candidates beyond the thesaurus, from noun chunks.

A noun phrase headed by an area noun (liberalization, facilitation, opening,
access) with a modifier or an ``of`` phrase (trade liberalization, the
opening of the financial industry, market access), and the items of "in the
fields of A, B and C".
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ftzgraph.lang.cues import load_cues
from ftzgraph.lang.spans import RoleSpan


@cache
def cues() -> dict[str, frozenset[str]]:
    return load_cues(__package__)


def _is(token: Token, role: str) -> bool:
    return token.lemma_.lower() in cues().get(role, frozenset())


def names_field(term: str) -> bool:
    """ "trade liberalization": the term names a field of reform, wherever it stands."""
    words = term.lower().split()
    return bool(words) and words[-1] in cues()["field-head"]


def find_areas(doc: Doc) -> list[RoleSpan]:
    if not doc.has_annotation("DEP"):
        return []
    out: list[RoleSpan] = []
    for token in doc:
        if token.pos_ == "NOUN" and _is(token, "area-head"):
            listed = _of_list(token)
            if listed:
                out += [_phrase(item, "en-area-of-list") for item in listed]
                continue
            span = _area_phrase(token)
            if span is not None:
                out.append(span)
        if _is(token, "area-frame") and token.pos_ == "NOUN":
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    for item in _conjuncts(pobj):
                        out.append(_phrase(item, "en-area-frame"))
    seen: dict[tuple[int, int], RoleSpan] = {}
    for span in out:
        seen.setdefault((span.begin, span.end), span)
    return list(seen.values())


def _evaluative(modifier: Token) -> bool:
    """Limited/insufficient/greater financial opening: the judgement is not part of the field."""
    return modifier.tag_ in ("JJR", "JJS") or modifier.lemma_.lower() in cues().get(
        "problem-adj", frozenset()
    )


def _of_list(head: Token) -> list[Token]:
    """Liberalization of trade, investment and transport: the listed fields (three or more)."""
    heads = [head, *(c for c in head.children if c.dep_ == "conj")]
    for h in heads:
        for prep in (c for c in h.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                items = _conjuncts(pobj)
                if len(items) >= 3:  # "of investment and trade" is one compound field
                    return items
    return []


def _conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out += _conjuncts(child)
    return out


def _area_phrase(head: Token) -> RoleSpan | None:
    modifiers = [
        c
        for c in head.children
        if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i and not _evaluative(c)
    ]
    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
    if not modifiers and not of:
        return None
    start = min([head.i, *(t.i for m in modifiers for t in m.subtree)])
    while start < head.i and _evaluative(head.doc[start]):
        start += 1
    end = head.i
    if of and not modifiers:
        end = max(t.i for t in of[0].subtree)
    while start < head.i and head.doc[start].dep_ in ("det", "poss", "punct"):
        start += 1
    doc = head.doc
    return RoleSpan("ReformArea", doc[start].idx, doc[end].idx + len(doc[end].text), "en-area-head")


def _phrase(head: Token, rule: str) -> RoleSpan:
    tokens = [t for t in head.subtree if t.i <= head.i or t.dep_ not in ("conj", "cc", "punct")]
    ids = sorted(t.i for t in tokens)
    start, end = ids[0], head.i
    for i in ids:
        if i > head.i and i == end + 1:
            end = i
    doc = head.doc
    while start < head.i and doc[start].dep_ in ("det", "poss"):
        start += 1
    return RoleSpan("ReformArea", doc[start].idx, doc[end].idx + len(doc[end].text), rule)
