"""English achievements: "played a (key) role in X", "has made/achieved X"."""

from __future__ import annotations

from spacy.tokens import Doc

from ftzgraph.lang.en.phrases import contiguous, emit, is_cue, noun_phrase
from ftzgraph.lang.spans import RoleSpan


def achievements(doc: Doc) -> list[RoleSpan]:
    out = []
    for token in doc:
        if is_cue(token, "play") and token.pos_ == "VERB":
            roles = [c for c in token.children if c.dep_ == "dobj" and is_cue(c, "role-noun")]
            preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"]
            for r in roles:
                preps += [c for c in r.children if c.dep_ == "prep" and c.lower_ == "in"]
            for prep in preps:
                for obj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
                    out += emit("Achievement", list(obj.subtree), "en-achievement-role")
        elif (
            is_cue(token, "achievement-verb")
            and token.pos_ == "VERB"
            and token.tag_ in ("VBN", "VBD")
        ):
            for obj in (c for c in token.children if c.dep_ == "dobj"):
                # "achieved a fall in clearance times": the PP may hang on the verb
                trailing = [c for c in token.children if c.dep_ == "prep" and c.i > obj.i]
                tokens = noun_phrase(obj) + [t for p in trailing for t in p.subtree]
                out += emit("Achievement", contiguous(obj, tokens), "en-achievement-result")
    return out
