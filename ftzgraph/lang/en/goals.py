"""English goals: purpose clauses, "for the purpose of", targets, attained states."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ftzgraph.lang.en.phrases import (
    conjuncts,
    contiguous,
    emit,
    has_to,
    is_cue,
    verb_phrase,
    with_conjuncts,
)
from ftzgraph.lang.spans import RoleSpan


def target_heads(doc: Doc) -> list[Token]:
    """By 2025, X will have established A, set up B …: future-perfect verbs state targets."""
    out = []
    for token in doc:
        auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if token.pos_ == "VERB" and "will" in auxes and "have" in auxes:
            out += [v for v in with_conjuncts(token) if v not in out]
    return out


def purposes_of(doc: Doc) -> list[RoleSpan]:
    """For the purpose of building X to promote Y, establish Z: each a goal."""
    out = []
    for token in doc:
        if not (is_cue(token, "purpose-head") and token.pos_ == "NOUN"):
            continue
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for verb in (c for c in prep.children if c.dep_ == "pcomp"):
                for v in with_conjuncts(verb):
                    out += emit("Goal", verb_phrase(v), "en-goal-purpose-of")
                    for clause in v.children:
                        if clause.dep_ in ("advcl", "xcomp", "acl") and has_to(clause):
                            for w in with_conjuncts(clause):
                                out += emit("Goal", verb_phrase(w), "en-goal-purpose-of")
    return out


def goals(doc: Doc, recommended: set[int]) -> list[RoleSpan]:
    out = []
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children
        ):
            continue
        head = token.head
        in_order = any(
            c.lower_ in ("order", "as") and c.dep_ in ("mark", "advmod", "dep")
            for c in token.children
        ) or head.lower_ in ("order",)
        purpose = (
            in_order
            or is_cue(head, "purpose-head")
            or (
                token.dep_ == "advcl"
                and (head.i in recommended or any(c.i in recommended for c in head.children))
            )
            or (head.dep_ == "pobj" and is_cue(head.head.head, "purpose-head"))
            or any(is_cue(a, "purpose-head") for a in head.ancestors if a.i < token.i)
        )
        if not purpose or token.i in recommended or (token.dep_ == "xcomp" and not in_order):
            continue
        for v in with_conjuncts(token):
            out += _attained(v) or emit("Goal", verb_phrase(v), "en-goal-purpose")
    return out


def _attained(verb: Token) -> list[RoleSpan]:
    """To realize liberalization and facilitation of trade, investment, capital flows …: the
    goal is the state attained, without the list of fields it applies to (those are reform
    areas); a plain object (achieve a higher level of opening up) is kept whole."""
    if not is_cue(verb, "attain"):
        return []
    out = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        heads = conjuncts(obj)
        listing = [
            p
            for h in heads
            for p in h.children
            if p.dep_ == "prep" and any(len(conjuncts(o)) >= 3 for o in p.children)
        ]
        cut = {t.i for p in listing for t in p.subtree}
        tokens = [t for h in heads for t in h.subtree if t.i not in cut]
        out += emit("Goal", contiguous(obj, tokens), "en-goal-attain")
    return out
