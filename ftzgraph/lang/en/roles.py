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
    for verb in _recommendation_heads(doc):
        for v in _with_conjuncts(verb):
            if v.i in recommended:
                continue
            recommended.add(v.i)
            spans += _emit("Recommendation", _verb_phrase(v), "en-rec-deontic")
            spans += _means(v)
    spans += _goals(doc, recommended)
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
            yield from (c for c in token.children if c.dep_ in ("xcomp", "ccomp"))
        elif _is(token, "propose") and token.pos_ == "VERB":
            for child in token.children:
                if (child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB") or (
                    child.dep_ == "dobj" and child.tag_ == "VBG"
                ):
                    yield child


def _with_conjuncts(verb: Token) -> list[Token]:
    out = [verb]
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            out += _with_conjuncts(child)
    return out


def _verb_phrase(verb: Token) -> list[Token]:
    """The verb and its objects/modifiers, without subject, auxiliaries, conjuncts or means."""
    tokens = [verb]
    for child in verb.children:
        if child.dep_ in _CUT_DEPS or _is_means(child) or _is_purpose(child):
            continue
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
            out += _emit("Goal", _verb_phrase(v), "en-goal-purpose")
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
            phrase = _noun_phrase(token.head)
            covered.update(t.i for t in phrase)
            out += _emit("Problem", phrase, "en-problem-adjective")
        elif _is(token, "problem-adj") and token.dep_ == "acomp":
            subject = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subject:
                tokens = [*subject[0].subtree, token.head, token]
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
                out += _emit("Achievement", _noun_phrase(obj), "en-achievement-result")
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
        or _is(tokens[0], "example-intro")
    ):
        tokens = tokens[1:]
    if not tokens or (len(tokens) == 1 and tokens[0].pos_ not in ("NOUN", "PROPN")):
        return []
    begin, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return [RoleSpan(role, begin, end, rule)]
