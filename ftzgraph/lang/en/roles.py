"""English discourse roles from spaCy's dependency parse.

- recommendation: the verb under a deontic head (should/must V, need to V,
  it is necessary to V, we propose/suggest V-ing), one per coordinated verb;
  a ``by V-ing`` means attached to a recommendation is one too;
- goal: an infinitival purpose clause (in order to V, so as to V, of great
  significance for X to V, and ``to V`` after a recommendation);
- problem: items after "problems/obstacles such as …", "lack of X", noun
  phrases with a problem adjective (insufficient X), and "X is insufficient";
- achievement: "played a role in X", "has made/achieved X".

Spans are subtrees of the head with subjects, auxiliaries, coordinated
siblings and trailing "etc." cut off. Cue words come from ``cues.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Token

from ftzgraph.lang.cues import load_cues
from ftzgraph.lang.spans import RoleSpan

_CUT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "aux", "auxpass", "cc", "conj", "punct", "mark", "expl", "csubj"}
)


@cache
def cues() -> dict[str, frozenset[str]]:
    return load_cues(__package__)


def _is(token: Token, role: str) -> bool:
    return token.lemma_.lower() in cues().get(role, frozenset()) or token.lower_ in cues().get(
        role, frozenset()
    )


def find_roles(doc: Doc) -> list[RoleSpan]:
    if not doc.has_annotation("DEP"):
        return []
    spans: list[RoleSpan] = []
    recommended: set[int] = set()
    targeted = _target_heads(doc)
    heads = [(v, "en-rec-deontic") for v in _recommendation_heads(doc)]
    heads += [(v, "en-rec-directive") for v in _directive_heads(doc)]
    for verb, rule in heads:
        for v in _with_conjuncts(verb):
            if v.i in recommended or v.i in targeted:
                continue
            recommended.add(v.i)
            spans += _recommendation(v, rule)
            spans += _means(v)
    for verb in targeted:
        spans += _emit("Goal", _verb_phrase(verb, with_passive_subject=True), "en-goal-target")
    spans += _purposes_of(doc)
    spans += _goals(doc, recommended | set(targeted))
    spans += _problems(doc)
    spans += _achievements(doc)
    seen: dict[tuple[str, int, int], RoleSpan] = {}
    for span in spans:
        seen.setdefault((span.type, span.begin, span.end), span)
    return list(seen.values())


# ---- recommendations ------------------------------------------------------------


def _recommendation_heads(doc: Doc) -> Iterable[Token]:
    for token in doc:
        if token.dep_ == "aux" and _is(token, "modal") and token.head.pos_ in ("VERB", "AUX"):
            yield token.head
        elif _is(token, "need") and token.pos_ == "VERB":
            yield from (c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB")
        elif (
            _is(token, "necessity")
            and token.pos_ == "ADJ"
            and any(c.dep_ == "expl" or c.lower_ == "it" for c in token.head.children)
        ):
            for owner in (token, token.head):  # the parser hangs "to V" on either
                yield from (
                    c for c in owner.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
                )
        elif _is(token, "propose") and token.pos_ == "VERB":
            for child in token.children:
                if (child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB") or (
                    child.dep_ == "dobj" and child.tag_ == "VBG"
                ):
                    yield child


def _directive_heads(doc: Doc) -> Iterable[Token]:
    """The state establishes X: a present-tense action verb with a subject, as laws write."""
    for token in doc:
        if (
            token.dep_ == "ROOT"
            and token.tag_ in ("VBZ", "VBP")
            and _is(token, "action")
            and any(
                c.dep_ == "nsubj" and c.lower_ not in ("it", "this", "that") for c in token.children
            )
        ):
            yield token


def _target_heads(doc: Doc) -> list[Token]:
    """By 2025, X will have established A, set up B …: future-perfect verbs state targets."""
    out = []
    for token in doc:
        auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if token.pos_ == "VERB" and "will" in auxes and "have" in auxes:
            out += [v for v in _with_conjuncts(token) if v not in out]
    return out


def _recommendation(verb: Token, rule: str) -> list[RoleSpan]:
    """One recommendation, or what it really names: the V of "supports X in V-ing", the X of
    "build itself into X" (a goal)."""
    supported = (
        [
            c
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "in"
            for c in _with_prep_conjuncts(prep)
        ]
        if _is(verb, "support")
        else []
    )
    if supported:
        out = []
        for target in supported:
            phrase = _verb_phrase(target) if target.pos_ == "VERB" else _noun_phrase(target)
            out += _emit("Recommendation", phrase, "en-rec-support")
        return out
    into = _becomes(verb)
    if into:
        return [s for target in into for s in _emit("Goal", list(target.subtree), "en-goal-into")]
    return _emit("Recommendation", _verb_phrase(verb, with_passive_subject=True), rule)


def _with_prep_conjuncts(prep: Token) -> list[Token]:
    """The objects of "in V-ing … and in W-ing …"."""
    out = [c for c in prep.children if c.dep_ in ("pcomp", "pobj")]
    for child in prep.children:
        if child.dep_ == "conj" and child.pos_ == "ADP":
            out += _with_prep_conjuncts(child)
    return out


def _becomes(verb: Token) -> list[Token]:
    if not _is(verb, "become"):
        return []
    return [
        c
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "into"
        for c in prep.children
        if c.dep_ == "pobj"
    ]


def _purposes_of(doc: Doc) -> list[RoleSpan]:
    """For the purpose of building X to promote Y, establish Z: each a goal."""
    out = []
    for token in doc:
        if not (_is(token, "purpose-head") and token.pos_ == "NOUN"):
            continue
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for verb in (c for c in prep.children if c.dep_ == "pcomp"):
                for v in _with_conjuncts(verb):
                    out += _emit("Goal", _verb_phrase(v), "en-goal-purpose-of")
                    for clause in v.children:
                        if clause.dep_ in ("advcl", "xcomp", "acl") and _has_to(clause):
                            for w in _with_conjuncts(clause):
                                out += _emit("Goal", _verb_phrase(w), "en-goal-purpose-of")
    return out


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _with_conjuncts(verb: Token) -> list[Token]:
    """The verb and the verbs coordinated with it (the small parser sometimes labels a later
    coordinated verb ``dep`` instead of ``conj``)."""
    out = [verb]
    for child in verb.children:
        if child.pos_ in ("VERB", "AUX") and (
            child.dep_ == "conj" or (child.dep_ == "dep" and child.i > verb.i)
        ):
            out += _with_conjuncts(child)
    return out


def _verb_phrase(verb: Token, *, with_passive_subject: bool = False) -> list[Token]:
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
        if child.dep_ in _CUT_DEPS or _is_means(child) or _is_purpose(child):
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
    return _contiguous(verb, tokens)


def _is_means(token: Token) -> bool:
    return (
        token.dep_ == "prep"
        and token.lower_ == "by"
        and any(c.dep_ == "pcomp" for c in token.children)
    )


def _is_purpose(token: Token) -> bool:
    return (
        token.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and token.i > token.head.i
    )


def _means(verb: Token) -> list[RoleSpan]:
    out = []
    for child in verb.children:
        if _is_means(child):
            for pcomp in (c for c in child.children if c.dep_ == "pcomp"):
                for v in _with_conjuncts(pcomp):
                    out += _emit("Recommendation", _verb_phrase(v), "en-rec-means")
    return out


# ---- goals ----------------------------------------------------------------------


def _goals(doc: Doc, recommended: set[int]) -> list[RoleSpan]:
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
            or _is(head, "purpose-head")
            or (head.i in recommended and token.dep_ == "advcl" and token.i > head.i)
            or (head.dep_ == "pobj" and _is(head.head.head, "purpose-head"))
            or any(_is(a, "purpose-head") for a in head.ancestors if a.i < token.i)
        )
        if not purpose or token.i in recommended or (token.dep_ == "xcomp" and not in_order):
            continue
        for v in _with_conjuncts(token):
            out += _attained(v) or _emit("Goal", _verb_phrase(v), "en-goal-purpose")
    return out


def _attained(verb: Token) -> list[RoleSpan]:
    """To realize liberalization and facilitation of X: the goal is the state attained."""
    if not _is(verb, "attain"):
        return []
    out = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        heads = _conjuncts(obj)
        tokens = [
            t
            for h in heads
            for t in h.subtree
            if t.dep_ != "prep"
            and not any(a.dep_ == "prep" for a in t.ancestors if a.i > obj.i - 1 and a in h.subtree)
        ]
        tokens = [t for t in tokens if t.i <= max(h.i for h in heads)]
        out += _emit("Goal", _contiguous(obj, tokens), "en-goal-attain")
    return out


# ---- problems -------------------------------------------------------------------


def _problems(doc: Doc) -> list[RoleSpan]:
    out: list[RoleSpan] = []
    covered: set[int] = set()
    for token in doc:
        if _is(token, "problem-noun") and token.pos_ == "NOUN":
            for item in _listed_items(token):
                phrase = _noun_phrase(item)
                covered.update(t.i for t in phrase)
                out += _emit("Problem", phrase, "en-problem-list")
    for token in doc:
        if token.i in covered:
            continue
        if (
            _is(token, "lack")
            and token.pos_ == "NOUN"
            and any(c.lower_ == "of" for c in token.children)
        ):
            phrase = _noun_phrase(token)
            covered.update(t.i for t in phrase)
            out += _emit("Problem", phrase, "en-problem-lack")
        elif (
            _is(token, "problem-adj")
            and token.dep_ == "amod"
            and token.head.pos_ in ("NOUN", "PROPN")
        ):
            head = token.head
            while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head  # insufficient data sharing: the phrase is headed by "sharing"
            phrase = _noun_phrase(head)
            covered.update(t.i for t in phrase)
            out += _emit("Problem", phrase, "en-problem-adjective")
        elif _is(token, "problem-adj") and (
            token.dep_ == "acomp" or (token.tag_ == "VBN" and token.dep_ == "ROOT")
        ):
            verb = token.head if token.dep_ == "acomp" else token
            subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subject:
                auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
                tokens = [*subject[0].subtree, verb, *auxes, token]
                out += _emit("Problem", _contiguous(token, tokens), "en-problem-predicate")
        elif (
            (_is(token, "difficulty") and any(c.dep_ == "xcomp" for c in token.children))
            or (_is(token, "negative-verb") and token.pos_ == "VERB")
            or (token.lower_ == "yet" and any(c.dep_ == "neg" for c in token.head.children))
        ):
            clause_head = token.head if token.lower_ == "yet" else token
            if clause_head.dep_ == "acomp":
                clause_head = clause_head.head
            out += _emit("Problem", list(clause_head.subtree), "en-problem-clause")
    return out


def _listed_items(noun: Token) -> list[Token]:
    """X, Y and Z in "problems such as X, Y and Z" (also "including", "like")."""
    items: list[Token] = []
    for child in noun.children:
        preps = [child] if child.dep_ == "prep" else []
        if child.dep_ == "amod" and _is(child, "example-intro"):
            preps = [c for c in child.children if c.dep_ == "prep"]
        if child.dep_ == "prep" and _is(child, "example-intro"):
            preps = [child]
        for prep in preps:
            if not (_is(prep, "example-intro") or prep.lower_ == "as"):
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                items += _conjuncts(pobj)
    for token in noun.doc[noun.i + 1 :]:
        if (
            token.lower_ == "such"
            and token.i + 1 < len(noun.doc)
            and noun.doc[token.i + 1].lower_ == "as"
            and not items
        ):
            as_token = noun.doc[token.i + 1]
            for pobj in (c for c in as_token.children if c.dep_ == "pobj"):
                items += _conjuncts(pobj)
    return items


def _conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out += _conjuncts(child)
    return out


def _noun_phrase(noun: Token) -> list[Token]:
    tokens = [noun]
    for child in noun.children:
        if child.dep_ in ("conj", "cc", "punct", "appos", "relcl"):
            continue
        tokens.extend(child.subtree)
    return _contiguous(noun, tokens)


# ---- achievements ---------------------------------------------------------------


def _achievements(doc: Doc) -> list[RoleSpan]:
    out = []
    for token in doc:
        if _is(token, "play") and token.pos_ == "VERB":
            roles = [c for c in token.children if c.dep_ == "dobj" and _is(c, "role-noun")]
            preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"]
            for r in roles:
                preps += [c for c in r.children if c.dep_ == "prep" and c.lower_ == "in"]
            for prep in preps:
                for obj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
                    out += _emit("Achievement", list(obj.subtree), "en-achievement-role")
        elif (
            _is(token, "achievement-verb") and token.pos_ == "VERB" and token.tag_ in ("VBN", "VBD")
        ):
            for obj in (c for c in token.children if c.dep_ == "dobj"):
                # "achieved a fall in clearance times": the PP may hang on the verb
                trailing = [c for c in token.children if c.dep_ == "prep" and c.i > obj.i]
                tokens = _noun_phrase(obj) + [t for p in trailing for t in p.subtree]
                out += _emit("Achievement", _contiguous(obj, tokens), "en-achievement-result")
    return out


# ---- spans ----------------------------------------------------------------------


def _contiguous(head: Token, tokens: list[Token]) -> list[Token]:
    """The longest gap-free run of ``tokens`` around ``head``."""
    ids = {t.i for t in tokens}
    start = end = head.i
    while start - 1 in ids:
        start -= 1
    while end + 1 in ids:
        end += 1
    return list(head.doc[start : end + 1])


def _emit(role: str, tokens: list[Token], rule: str) -> list[RoleSpan]:
    trailing = cues().get("trailing", frozenset())
    while tokens and (
        tokens[-1].is_punct or tokens[-1].lower_ in trailing or tokens[-1].dep_ == "cc"
    ):
        tokens = tokens[:-1]
    while tokens and (
        tokens[0].is_punct
        or tokens[0].dep_ in ("cc", "mark", "aux")
        or tokens[0].tag_ in ("WRB", "WDT")
        or _is(tokens[0], "example-intro")
        or (role == "Problem" and tokens[0].lower_ in ("a", "an"))
    ):
        tokens = tokens[1:]
    if not tokens or (len(tokens) == 1 and tokens[0].pos_ not in ("NOUN", "PROPN")):
        return []
    begin, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return [RoleSpan(role, begin, end, rule)]
