"""English problems: "problems such as X, Y and Z", "lack of X", "insufficient X", "X is slow"."""

from __future__ import annotations

from spacy.tokens import Doc

from ftzgraph.lang.en.phrases import contiguous, emit, is_cue, listed_items, noun_phrase
from ftzgraph.lang.spans import RoleSpan


def problems(doc: Doc) -> list[RoleSpan]:
    out: list[RoleSpan] = []
    covered: set[int] = set()
    for token in doc:
        if is_cue(token, "problem-noun") and token.pos_ == "NOUN":
            for item in listed_items(token):
                phrase = noun_phrase(item)
                covered.update(t.i for t in phrase)
                out += emit("Problem", phrase, "en-problem-list")
    for token in doc:
        if token.i in covered:
            continue
        if (
            is_cue(token, "lack")
            and token.pos_ == "NOUN"
            and any(c.lower_ == "of" for c in token.children)
        ):
            phrase = noun_phrase(token)
            covered.update(t.i for t in phrase)
            out += emit("Problem", phrase, "en-problem-lack")
        elif (
            is_cue(token, "excess")
            and token.head.pos_ in ("NOUN", "PROPN")
            and any(c.lower_ in ("too", "so") and c.dep_ == "advmod" for c in token.children)
        ):
            phrase = noun_phrase(token.head)  # too many special measures, too few arbitrators
            covered.update(t.i for t in phrase)
            out += emit("Problem", phrase, "en-problem-excess")
        elif (
            is_cue(token, "problem-adj")
            and token.dep_ == "amod"
            and token.head.pos_ in ("NOUN", "PROPN")
        ) or (
            is_cue(token, "burden-adj") and token.dep_ == "amod" and is_cue(token.head, "burden")
        ):
            head = token.head
            while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head  # insufficient data sharing: the phrase is headed by "sharing"
            phrase = noun_phrase(head)
            covered.update(t.i for t in phrase)
            out += emit("Problem", phrase, "en-problem-adjective")
        elif is_cue(token, "problem-adj") and (
            token.dep_ == "acomp" or (token.tag_ == "VBN" and token.dep_ == "ROOT")
        ):
            verb = token.head if token.dep_ == "acomp" else token
            subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subject:
                auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
                tokens = [*subject[0].subtree, verb, *auxes, token]
                out += emit("Problem", contiguous(token, tokens), "en-problem-predicate")
        elif (
            (is_cue(token, "difficulty") and any(c.dep_ == "xcomp" for c in token.children))
            or (is_cue(token, "negative-verb") and token.pos_ == "VERB")
            or (token.lower_ == "yet" and any(c.dep_ == "neg" for c in token.head.children))
        ):
            clause_head = token.head if token.lower_ == "yet" else token
            if clause_head.dep_ == "acomp":
                clause_head = clause_head.head
            out += emit("Problem", list(clause_head.subtree), "en-problem-clause")
    return out
