"""English recommendations: deontic heads, directives, support frames, means."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ftzgraph.lang.en.phrases import (
    emit,
    is_cue,
    is_means,
    listed_items,
    noun_phrase,
    verb_phrase,
    with_conjuncts,
)
from ftzgraph.lang.spans import RoleSpan


def listed_recommendations(doc: Doc) -> list[RoleSpan]:
    """Countermeasures, including improving X and strengthening Y: each item a recommendation."""
    out: list[RoleSpan] = []
    for token in doc:
        if is_cue(token, "rec-noun") and token.pos_ == "NOUN":
            for item in listed_items(token):
                phrase = verb_phrase(item) if item.tag_ == "VBG" else noun_phrase(item)
                out += emit("Recommendation", phrase, "en-rec-listed")
    return out


def recommendation_heads(doc: Doc) -> Iterable[Token]:
    for token in doc:
        if token.dep_ == "aux" and is_cue(token, "modal") and token.head.pos_ in ("VERB", "AUX"):
            yield token.head
        elif is_cue(token, "need") and token.pos_ == "VERB":
            yield from (c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB")
            # "need to deepen X, reduce Y and expand Z": the parser may hang the later verbs
            # on "need"; without a subject of their own they share its "to"
            yield from (
                c
                for c in token.children
                if c.dep_ == "conj"
                and c.pos_ == "VERB"
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            )
        elif (
            is_cue(token, "necessity")
            and token.pos_ == "ADJ"
            and any(c.dep_ == "expl" or c.lower_ == "it" for c in token.head.children)
        ):
            for owner in (token, token.head):  # the parser hangs "to V" on either
                yield from (
                    c for c in owner.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
                )
        elif is_cue(token, "propose") and token.pos_ == "VERB":
            for child in token.children:
                if (child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB") or (
                    child.dep_ == "dobj" and child.tag_ == "VBG"
                ):
                    yield child


def directive_heads(doc: Doc) -> Iterable[Token]:
    """The state establishes X: a present-tense action verb with a subject, as laws write."""
    for token in doc:
        if (
            token.dep_ == "ROOT"
            and token.tag_ in ("VBZ", "VBP")
            and is_cue(token, "action")
            and any(
                c.dep_ == "nsubj" and c.lower_ not in ("it", "this", "that") for c in token.children
            )
        ):
            yield token


def recommendation(verb: Token, rule: str) -> list[RoleSpan]:
    """One recommendation, or what it really names: the V of "supports X in V-ing", the X of
    "build itself into X" (a goal)."""
    supported = (
        [
            c
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "in"
            for c in _with_prep_conjuncts(prep)
        ]
        if is_cue(verb, "support")
        else []
    )
    if supported:
        out = []
        for target in supported:
            phrase = verb_phrase(target) if target.pos_ == "VERB" else noun_phrase(target)
            out += emit("Recommendation", phrase, "en-rec-support")
        return out
    into = _becomes(verb)
    if into:
        return [s for target in into for s in emit("Goal", list(target.subtree), "en-goal-into")]
    return emit("Recommendation", verb_phrase(verb, with_passive_subject=True), rule)


def _with_prep_conjuncts(prep: Token) -> list[Token]:
    """The objects of "in V-ing … and in W-ing …"."""
    out = [c for c in prep.children if c.dep_ in ("pcomp", "pobj")]
    for child in prep.children:
        if child.dep_ == "conj" and child.pos_ == "ADP":
            out += _with_prep_conjuncts(child)
    return out


def _becomes(verb: Token) -> list[Token]:
    if not is_cue(verb, "become"):
        return []
    return [
        c
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "into"
        for c in prep.children
        if c.dep_ == "pobj"
    ]


def means(verb: Token) -> list[RoleSpan]:
    out = []
    for child in verb.children:
        if is_means(child):
            for pcomp in (c for c in child.children if c.dep_ == "pcomp"):
                for v in with_conjuncts(pcomp):
                    out += emit("Recommendation", verb_phrase(v), "en-rec-means")
    return out
