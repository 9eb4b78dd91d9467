"""Chinese clauses on jieba tokens: splitting, cue lookups, enumerations, span trimming.

The role rules (``roles.py``, ``frames.py``) share these; cue words come from
``cues.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from spacy.tokens import Doc, Token

from ftzgraph.lang.cues import load_cues
from ftzgraph.lang.spans import RoleSpan

BREAKS = frozenset("，,；;：:。！？!?（）()[]【】")


ENUM = frozenset("、")


QUOTES = frozenset("“”\"'‘’「」《》")

Clause = list[Token]


@cache
def cues() -> dict[str, frozenset[str]]:
    return load_cues(__package__)


def is_cue(token: Token, role: str) -> bool:
    return token.text in cues().get(role, frozenset())


def is_action(token: Token) -> bool:
    """An action verb, also when jieba glued an adverb to it (积极探索) or a suffix (推进到)."""
    text = token.text
    actions = cues()["action"]
    if text in actions or (len(text) >= 3 and (text[:2] in actions or text[:3] in actions)):
        return True
    adverbs = cues()["adverb"]
    return any(
        text.startswith(a) and text[len(a) :] in actions for a in adverbs if len(a) < len(text)
    )


def has_problem_cue(tokens: Sequence[Token]) -> bool:
    """Checked on characters: jieba may cut 占比较低 as 占/比较/低."""
    text = "".join(t.text for t in tokens)
    return any(cue in text for cue in cues()["problem"])


def split_clauses(doc: Doc) -> list[Clause]:
    clauses: list[Clause] = [[]]
    for token in doc:
        if token.text in BREAKS or token.is_space:
            clauses.append([])
        else:
            clauses[-1].append(token)
    return [c for c in clauses if c]


#: Article and item numbers that open a clause: 第一条, 第三章, （一）, 二、, 1.
NUMBERING = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[条章节款项编]|[一二三四五六七八九十\d]+[、.．]?"
    r"|[一二三四五六七八九十]+是|其[一二三四五六七八九十]|首先|其次|再次|最后|——)$"
)


def strip_connectors(clause: Clause) -> Clause:
    i = 0
    while i < len(clause) and (
        is_cue(clause[i], "connector")
        or clause[i].text in QUOTES
        or clause[i].text in "、．.—"
        or NUMBERING.match(clause[i].text)
    ):
        i += 1
    return clause[i:]


def is_adverb(token: Token) -> bool:
    """A listed adverb, or any word made adverbial by 地 (更好地, 有序地)."""
    text = token.text
    return is_cue(token, "adverb") or (len(text) >= 3 and text.endswith("地"))


def skip_adverbs(clause: Clause, i: int) -> int:
    """Past adverbs (and the 、 between them: 积极稳妥、深入推进)."""
    while i < len(clause) and (
        (is_adverb(clause[i]) and not is_action(clause[i]))
        or (clause[i].text in ENUM and i > 0 and is_adverb(clause[i - 1]))
    ):
        i += 1
    return i


def opens_verb_phrase(item: Clause) -> bool:
    i = skip_adverbs(item, 0)
    return i < len(item) and is_action(item[i])


def split_enumeration(
    tokens: Clause, opens_item: Callable[[Clause], bool], *, first_only: bool = False
) -> list[Clause]:
    """Split at 、 only when every item satisfies ``opens_item`` — or, with ``first_only``, when
    the first does: A缺乏、B偏低、C较长 is a list of clauses even if C's predicate is unknown,
    while in A、B、C短缺 the first item has none and the list is one shared-predicate phrase."""
    items: list[Clause] = [[]]
    for token in tokens:
        if token.text in ENUM:
            items.append([])
        else:
            items[-1].append(token)
    items = [i for i in items if i]
    if len(items) > 1 and (opens_item(items[0]) if first_only else all(map(opens_item, items))):
        return items
    return [tokens]


def split_on(tokens: Clause, marks: frozenset[str]) -> list[Clause]:
    parts: list[Clause] = [[]]
    for token in tokens:
        if token.text in marks:
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def verb_phrases(tokens: Clause) -> list[Clause]:
    """Cut a run of verb phrases (发挥X效应增强Y作用) at each later verb with its own object."""
    phrases: list[Clause] = [[]]
    for i, token in enumerate(tokens):
        current = phrases[-1]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        opens = (
            (is_adverb(token) and after is not None and is_action(after))
            or (is_action(token) and not is_cue(token, "nominal"))
        ) and i + 2 < len(tokens)
        previous = current[-1] if current else None
        if (
            opens
            and len(current) >= 2
            and previous is not None
            and not (is_adverb(previous) or is_action(previous))
            and previous.text not in ENUM
            and previous.text not in QUOTES
        ):
            phrases.append([])
        phrases[-1].append(token)
    return [p for p in phrases if p]


def token_with_cue(clause: Clause, role: str) -> int | None:
    """Index of the first token where a ``role`` cue starts (cues may span tokens: 积累/了)."""
    base = clause[0].idx
    text = clause[0].doc.text[base : clause[-1].idx + len(clause[-1].text)]
    hits = [text.find(cue) for cue in cues().get(role, ())]
    starts = [h for h in hits if h >= 0]
    if not starts:
        return None
    first = min(starts) + base
    return next((i for i, t in enumerate(clause) if t.idx <= first < t.idx + len(t.text)), None)


def make_span(role: str, tokens: Sequence[Token], rule: str) -> RoleSpan | None:
    """The trimmed span of ``tokens``: no leading intro/connector/modal, no trailing 等/问题.

    Trimming works on characters, since jieba may glue a one-character cue
    to the next word (如高价值 …).
    """
    tokens = list(tokens)
    if not tokens:
        return None
    doc = tokens[0].doc
    begin, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc.text
    leading = _by_length(("problem-intro", "connector", "modal"))
    trailing = _by_length(("trailing",))
    changed = True
    while changed and end > begin:
        changed = False
        while begin < end and (
            text[begin] in ENUM or text[begin] in QUOTES or text[begin].isspace()
        ):
            begin, changed = begin + 1, True
        for cue in leading:
            if text.startswith(cue, begin, end) and end - begin > len(cue) + 1:
                begin, changed = begin + len(cue), True
                break
        while end > begin and (
            text[end - 1] in ENUM or text[end - 1].isspace() or text[end - 1] == "的"
        ):
            end, changed = end - 1, True
        for cue in trailing:
            keep_noun = role == "Problem" and end - begin <= len(cue) + 2
            if text.endswith(cue, begin, end) and end - begin > len(cue) + 1 and not keep_noun:
                end, changed = end - len(cue), True
                break
    if end - begin < 2:
        return None
    return RoleSpan(role, begin, end, rule)


@cache
def _by_length(roles: tuple[str, ...]) -> tuple[str, ...]:
    words = {w for role in roles for w in cues().get(role, ())}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def unique_spans(spans: list[RoleSpan]) -> list[RoleSpan]:
    seen: dict[tuple[str, int, int], RoleSpan] = {}
    for span in spans:
        seen.setdefault((span.type, span.begin, span.end), span)
    return list(seen.values())
