"""Shared English parse helpers: cue lookups, verb and noun phrases, spans.

Spans are subtrees of a head with subjects, auxiliaries, coordinated
siblings and trailing "etc." cut off. Cue words come from ``cues.tsv``.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ftzgraph.lang.cues import load_cues
from ftzgraph.lang.spans import RoleSpan

CUT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "aux", "auxpass", "cc", "conj", "punct", "mark", "expl", "csubj"}
)


@cache
def cues() -> dict[str, frozenset[str]]:
    return load_cues(__package__)


def is_cue(token: Token, role: str) -> bool:
    return token.lemma_.lower() in cues().get(role, frozenset()) or token.lower_ in cues().get(
        role, frozenset()
    )


def has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def with_conjuncts(verb: Token) -> list[Token]:
    """The verb and the verbs coordinated with it (the small parser sometimes labels a later
    coordinated verb ``dep`` instead of ``conj``)."""
    out = [verb]
    for child in verb.children:
        if child.pos_ in ("VERB", "AUX") and (
            child.dep_ == "conj" or (child.dep_ == "dep" and child.i > verb.i)
        ):
            out += with_conjuncts(child)
    return out


def conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out += conjuncts(child)
    return out


def verb_phrase(verb: Token, *, with_passive_subject: bool = False) -> list[Token]:
    """The verb and its objects/modifiers, without subject, auxiliaries, conjuncts or means.

    A passive recommendation keeps its subject (a data flow management system
    shall be established): without it nothing is said.
    """
    tokens = [verb]
    passive = with_passive_subject and any(c.dep_ == "auxpass" for c in verb.children)
    for child in verb.children:
        if passive and child.dep_ == "nsubjpass":
            tokens.extend(child.subtree)
            tokens.extend(c for c in verb.children if c.dep_ in ("aux", "auxpass"))
            continue
        if child.dep_ in CUT_DEPS or is_means(child) or is_purpose(child):
            continue
        if (
            child.dep_ == "prep"
            and child.i < verb.i
            and any(t.ent_type_ == "DATE" for t in child.subtree)
        ):
            continue  # "By 2025," is not part of the target
        if child.dep_ == "advmod" and child.i < verb.i and child.lower_ in ("also", "then"):
            continue
        tokens.extend(child.subtree)
    return contiguous(verb, tokens)


def is_means(token: Token) -> bool:
    return (
        token.dep_ == "prep"
        and token.lower_ == "by"
        and any(c.dep_ == "pcomp" for c in token.children)
    )


def is_purpose(token: Token) -> bool:
    """A purpose attached to a verb: "…, to V" (advcl) or "in order to V" (prep in → order)."""
    if token.dep_ == "prep" and token.lower_ == "in":
        return any(c.dep_ == "pobj" and c.lower_ == "order" for c in token.children)
    return (
        token.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and token.i > token.head.i
    )


def noun_phrase(noun: Token) -> list[Token]:
    tokens = [noun]
    for child in noun.children:
        if child.dep_ in ("conj", "cc", "punct", "appos", "relcl"):
            continue
        tokens.extend(child.subtree)
    return contiguous(noun, tokens)


def contiguous(head: Token, tokens: list[Token]) -> list[Token]:
    """The longest gap-free run of ``tokens`` around ``head``."""
    ids = {t.i for t in tokens}
    start = end = head.i
    while start - 1 in ids:
        start -= 1
    while end + 1 in ids:
        end += 1
    return list(head.doc[start : end + 1])


def emit(role: str, tokens: list[Token], rule: str) -> list[RoleSpan]:
    trailing = cues().get("trailing", frozenset())
    while tokens and (
        tokens[-1].is_punct or tokens[-1].lower_ in trailing or tokens[-1].dep_ == "cc"
    ):
        tokens = tokens[:-1]
    while tokens and (
        tokens[0].is_punct
        or tokens[0].dep_ in ("cc", "mark", "aux")
        or tokens[0].tag_ in ("WRB", "WDT")
        or is_cue(tokens[0], "example-intro")
        or (role == "Problem" and tokens[0].lower_ in ("a", "an", "the"))
    ):
        tokens = tokens[1:]
    if not tokens or (len(tokens) == 1 and tokens[0].pos_ not in ("NOUN", "PROPN")):
        return []
    begin, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return [RoleSpan(role, begin, end, rule)]


def listed_items(noun: Token) -> list[Token]:
    """X, Y and Z in "problems such as X, Y and Z" (also "including", "like"); gerund items
    too (countermeasures, including improving X and strengthening Y)."""
    items: list[Token] = []
    for child in noun.children:
        preps = [child] if child.dep_ == "prep" else []
        if child.dep_ == "amod" and is_cue(child, "example-intro"):
            preps = [c for c in child.children if c.dep_ == "prep"]
        if child.dep_ == "prep" and is_cue(child, "example-intro"):
            preps = [child]
        for prep in preps:
            if not (is_cue(prep, "example-intro") or prep.lower_ == "as"):
                continue
            for pobj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
                items += conjuncts(pobj)
    for token in noun.doc[noun.i + 1 :]:
        if (
            token.lower_ == "such"
            and token.i + 1 < len(noun.doc)
            and noun.doc[token.i + 1].lower_ == "as"
            and not items
        ):
            as_token = noun.doc[token.i + 1]
            for pobj in (c for c in as_token.children if c.dep_ == "pobj"):
                items += conjuncts(pobj)
    return items
