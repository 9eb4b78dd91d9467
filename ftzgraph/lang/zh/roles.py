"""Chinese discourse roles: problems, recommendations, goals, achievements.

Rules work on jieba tokens clause by clause (a clause ends at ，；：。 and
brackets) and take their words from ``cues.tsv``:

- recommendation: a modal (应, 需要 …) or a clause-initial action verb
  (加强, 完善 …), adverbs included; once a modal is seen, later clauses of
  the sentence that open with an action verb are recommendations too;
- goal: a purpose marker (为, 为了 …) followed by a verb phrase; the end
  of a means clause (通过A, B → A recommendation, B goal); 对…具有…意义;
- problem: a clause carrying a problem predicate (不足, 较低 …), or the list
  after an intro (存在 …, 如 …), one problem per item that has its own
  predicate; the obstacle a recommendation removes (破除…障碍);
- achievement: 发挥…作用 (the role), 取得/形成了/积累了 (the clause).

Enumerations split at 、 only where each item opens with its own verb (or
carries its own problem predicate); a list that is the object of a single
verb stays one span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from ftzgraph.lang.cues import load_cues
from ftzgraph.lang.spans import RoleSpan

_BREAKS = frozenset("，,；;：:。！？!?（）()[]【】")
_ENUM = frozenset("、")
_QUOTES = frozenset("“”\"'‘’「」《》")
#: Verbs whose object is an obstacle being removed: their object is a problem.
_REMOVE = ("破除", "消除", "化解", "解决", "克服", "防范", "打破", "应对", "降低", "减少", "防控")

Clause = list[Token]


@cache
def cues() -> dict[str, frozenset[str]]:
    return load_cues(__package__)


def _is(token: Token, role: str) -> bool:
    return token.text in cues().get(role, frozenset())


def _is_action(token: Token) -> bool:
    """An action verb, also when jieba glued an adverb to it (积极探索) or a suffix (推进到)."""
    text = token.text
    actions = cues()["action"]
    if text in actions or (len(text) >= 3 and (text[:2] in actions or text[:3] in actions)):
        return True
    adverbs = cues()["adverb"]
    return any(
        text.startswith(a) and text[len(a) :] in actions for a in adverbs if len(a) < len(text)
    )


def _has_problem_cue(tokens: Sequence[Token]) -> bool:
    """Checked on characters: jieba may cut 占比较低 as 占/比较/低."""
    text = "".join(t.text for t in tokens)
    return any(cue in text for cue in cues()["problem"])


@dataclass(slots=True)
class _State:
    """What earlier clauses of the sentence set up for later ones."""

    modal_seen: bool = False
    purpose_open: bool = False


def find_roles(doc: Doc) -> list[RoleSpan]:
    spans: list[RoleSpan] = []
    consumed: list[tuple[int, int]] = []
    spans += _goal_frames(doc, consumed)
    clauses = [c for c in (_strip_connectors(c) for c in _clauses(doc)) if c]
    clauses = [c for c in clauses if not _inside(c, consumed)]
    if _is_target_sentence(doc):
        return _unique(spans + _targets(clauses))
    state = _State()
    for index, clause in enumerate(clauses):
        spans += _clause_roles(clause, state, last=index == len(clauses) - 1)
    return _unique(spans)


def _inside(clause: Clause, ranges: list[tuple[int, int]]) -> bool:
    begin, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
    return any(b <= begin and end <= e for b, e in ranges)


@cache
def _frame_pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted(cues()["goal-frame"], key=len, reverse=True))
    return re.compile(rf"是([^。；;！？]{{2,60}}?)的[\u4e00-\u9fff]{{0,3}}?(?:{nouns})")


def _goal_frames(doc: Doc, consumed: list[tuple[int, int]]) -> list[RoleSpan]:
    """是A，B的根本要求 → goals A and B (each item must open with a verb)."""
    out = []
    for match in _frame_pattern().finditer(doc.text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if span is None:
            continue
        items = [c for c in _split_on(list(span), _BREAKS | _ENUM) if c]
        if items and all(_opens_verb_phrase(item) for item in items):
            out += [s for item in items if (s := _span("Goal", item, "zh-goal-frame"))]
            consumed.append((match.start(), match.end()))
    return out


def _split_on(tokens: Clause, marks: frozenset[str]) -> list[Clause]:
    parts: list[Clause] = [[]]
    for token in tokens:
        if token.text in marks:
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


@cache
def _target_pattern() -> re.Pattern[str]:
    starts = "|".join(sorted(cues()["target-time"], key=len, reverse=True))
    return re.compile(rf"^\s*(?:{starts})\s*(?:\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年")


def _is_target_sentence(doc: Doc) -> bool:
    """到2025年，… — the sentence lists targets."""
    return bool(_target_pattern().match(doc.text))


def _targets(clauses: list[Clause]) -> list[RoleSpan]:
    out = []
    for clause in clauses:
        if _target_pattern().match(clause[0].doc.text[clause[0].idx :]) and len(clause) <= 3:
            continue  # the time phrase itself
        body = clause
        lead = _target_pattern().match(clause[0].doc.text[clause[0].idx :])
        if lead:
            body = [t for t in clause if t.idx >= clause[0].idx + lead.end()]
        out += [
            s
            for item in _split_enumeration(body, _opens_verb_phrase)
            if (s := _span("Goal", item, "zh-goal-target"))
        ]
    return out


def _clauses(doc: Doc) -> list[Clause]:
    clauses: list[Clause] = [[]]
    for token in doc:
        if token.text in _BREAKS or token.is_space:
            clauses.append([])
        else:
            clauses[-1].append(token)
    return [c for c in clauses if c]


#: Article and item numbers that open a clause: 第一条, 第三章, （一）, 二、, 1.
_NUMBERING = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[条章节款项编]|[一二三四五六七八九十\d]+[、.．]?|——)$"
)


def _strip_connectors(clause: Clause) -> Clause:
    i = 0
    while i < len(clause) and (
        _is(clause[i], "connector")
        or clause[i].text in _QUOTES
        or clause[i].text in "、．.—"
        or _NUMBERING.match(clause[i].text)
    ):
        i += 1
    return clause[i:]


def _clause_roles(clause: Clause, state: _State, *, last: bool) -> list[RoleSpan]:
    first = clause[0]
    if _is(first, "basis"):
        state.purpose_open = False
        return []
    if _is(first, "purpose") and len(clause) > 1:
        state.purpose_open = True
        return _purpose(clause)
    if _is(first, "means") and len(clause) > 1:
        if first.text != "以" or _is_action(clause[1]):
            return _means(clause[1:])
        if any(_is(t, "lead-verb") for t in clause[2:]):
            return [s for s in [_span("Recommendation", clause, "zh-rec-lead")] if s]
    modal = _modal_index(clause)
    if state.purpose_open:
        if modal is None and not last and _opens_verb_phrase(clause):
            return [
                s for vp in _verb_phrases(clause) if (s := _span("Goal", vp, "zh-goal-purpose"))
            ]
        state.purpose_open = False
    if _is_time_clause(clause) or _names_itself(clause):
        return []
    if modal is not None and clause[modal].text.endswith("为") and len(clause[modal].text) > 1:
        if any(_is(t, "provide") for t in clause[modal + 1 :]):  # 应为X提供Y (jieba: 应为)
            state.modal_seen = True
            return [s for s in [_span("Recommendation", clause[modal:], "zh-rec-provide")] if s]
    elif modal is not None and modal + 1 < len(clause):
        rest = clause[modal + 1 :]
        if rest[0].text == "为" and any(_is(t, "provide") for t in rest):
            state.modal_seen = True
            return [s for s in [_span("Recommendation", rest, "zh-rec-provide")] if s]
        head = _first_verb(clause, modal + 1)
        if head is not None:
            state.modal_seen = True
            return _recommendations(clause[head:], "zh-rec-modal")
    significance = _significance(clause)
    if significance:
        return significance
    achievement = _achievement(clause)
    if achievement:
        return achievement
    problems = _problems(clause)
    if problems:
        return problems
    start = _skip_adverbs(clause, 0)
    if start < len(clause) and _is(clause[start], "goal-verb") and not state.modal_seen:
        return [s for s in [_span("Goal", clause, "zh-goal-target-verb")] if s]
    if start < len(clause) and _is_action(clause[start]):
        rule = "zh-rec-after-modal" if state.modal_seen else "zh-rec-directive"
        return _recommendations(clause, rule)
    return []


def _modal_index(clause: Clause) -> int | None:
    """A modal or a request verb (要求X做Y) near the clause start."""
    for i, token in enumerate(clause[:6]):
        if _is(token, "modal") or _is(token, "request"):
            return i
        if token.text.endswith("为") and token.text[:-1] in cues()["modal"]:
            return i  # 应为, 要为: jieba glued the modal to 为
    return None


def _first_verb(clause: Clause, start: int, reach: int = 8) -> int | None:
    """The first action verb (with its adverbs) after a modal; a subject may come between."""
    for i in range(start, min(len(clause), start + reach)):
        j = _skip_adverbs(clause, i)
        if j < len(clause) and _is_action(clause[j]):
            return (
                i if i == j or all(_is(t, "adverb") or t.text in _ENUM for t in clause[i:j]) else j
            )
    return None


def _is_time_clause(clause: Clause) -> bool:
    return _is(clause[-1], "temporal-end")


def _names_itself(clause: Clause) -> bool:
    """制定本法, 现将…通知如下: formulas of the text about itself."""
    text = "".join(t.text for t in clause)
    return any(cue in text for cue in cues()["self-reference"]) or text.endswith("如下")


def _skip_adverbs(clause: Clause, i: int) -> int:
    """Past adverbs (and the 、 between them: 积极稳妥、深入推进)."""
    while i < len(clause) and (
        (_is(clause[i], "adverb") and not _is_action(clause[i]))
        or (clause[i].text in _ENUM and i > 0 and _is(clause[i - 1], "adverb"))
    ):
        i += 1
    return i


def _recommendations(tokens: Clause, rule: str) -> list[RoleSpan]:
    """One recommendation per enumerated verb phrase, plus obstacles they remove."""
    start = _skip_adverbs(tokens, 0)
    if start >= len(tokens) or not _is_action(tokens[start]):
        return []
    out = []
    for item in _split_enumeration(tokens, _opens_verb_phrase):
        span = _span("Recommendation", item, rule)
        if span:
            out.append(span)
        out.extend(_removed_obstacles(item))
    return out


def _opens_verb_phrase(item: Clause) -> bool:
    i = _skip_adverbs(item, 0)
    return i < len(item) and _is_action(item[i])


def _split_enumeration(tokens: Clause, opens_item, *, first_only: bool = False) -> list[Clause]:
    """Split at 、 only when every item satisfies ``opens_item`` — or, with ``first_only``, when
    the first does: A缺乏、B偏低、C较长 is a list of clauses even if C's predicate is unknown,
    while in A、B、C短缺 the first item has none and the list is one shared-predicate phrase."""
    items: list[Clause] = [[]]
    for token in tokens:
        if token.text in _ENUM:
            items.append([])
        else:
            items[-1].append(token)
    items = [i for i in items if i]
    if len(items) > 1 and (opens_item(items[0]) if first_only else all(map(opens_item, items))):
        return items
    return [tokens]


def _removed_obstacles(item: Clause) -> list[RoleSpan]:
    for i, token in enumerate(item):
        if token.text.endswith(_REMOVE) and i + 1 < len(item):
            obj = item[i + 1 :]
            if any(_is(t, "problem-noun") for t in obj[-2:]):
                span = _span("Problem", obj, "zh-problem-removed")
                return [span] if span else []
    return []


def _purpose(clause: Clause) -> list[RoleSpan]:
    body = clause[1:]
    if any(_is(t, "provide") for t in body):
        span = _span("Recommendation", clause, "zh-rec-provide")
        return [span] if span else []
    start = _skip_adverbs(body, 0)
    if start >= len(body) or not _is_action(body[start]):
        return []
    return [s for vp in _verb_phrases(body) if (s := _span("Goal", vp, "zh-goal-purpose"))]


def _means(body: Clause) -> list[RoleSpan]:
    phrases = _verb_phrases(body)
    if not phrases or not _opens_verb_phrase(phrases[0]):
        return []
    out = [s for s in [_span("Recommendation", phrases[0], "zh-rec-means")] if s]
    out += [s for vp in phrases[1:] if (s := _span("Goal", vp, "zh-goal-means"))]
    return out


def _verb_phrases(tokens: Clause) -> list[Clause]:
    """Cut a run of verb phrases (发挥X效应增强Y作用) at each later verb with its own object."""
    phrases: list[Clause] = [[]]
    for i, token in enumerate(tokens):
        current = phrases[-1]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        opens = (
            (_is(token, "adverb") and after is not None and _is_action(after))
            or (_is_action(token) and not _is(token, "nominal"))
        ) and i + 2 < len(tokens)
        previous = current[-1] if current else None
        if (
            opens
            and len(current) >= 2
            and previous is not None
            and not (_is(previous, "adverb") or _is_action(previous))
            and previous.text not in _ENUM
            and previous.text not in _QUOTES
        ):
            phrases.append([])
        phrases[-1].append(token)
    return [p for p in phrases if p]


def _significance(clause: Clause) -> list[RoleSpan]:
    """对(于)A、B具有重大意义 → goals A, B."""
    if not any(_is(t, "significance") for t in clause):
        return []
    opener = next((i for i, t in enumerate(clause) if t.text in ("对于", "对")), None)
    head = next((i for i, t in enumerate(clause) if t.text in ("具有", "有", "具备")), None)
    if opener is None or head is None or head <= opener + 1:
        return []
    body = clause[opener + 1 : head]
    items = _split_enumeration(body, lambda item: len(item) >= 2)
    return [s for item in items if (s := _span("Goal", item, "zh-goal-significance"))]


def _token_with_cue(clause: Clause, role: str) -> int | None:
    """Index of the first token where a ``role`` cue starts (cues may span tokens: 积累/了)."""
    base = clause[0].idx
    text = clause[0].doc.text[base : clause[-1].idx + len(clause[-1].text)]
    hits = [text.find(cue) for cue in cues().get(role, ())]
    starts = [h for h in hits if h >= 0]
    if not starts:
        return None
    first = min(starts) + base
    return next((i for i, t in enumerate(clause) if t.idx <= first < t.idx + len(t.text)), None)


def _achievement(clause: Clause) -> list[RoleSpan]:
    idx = _token_with_cue(clause, "achievement")
    if idx is None:
        return []
    plays_role = clause[idx].text.startswith(("发挥", "起"))
    if not plays_role:
        span = _span("Achievement", clause, "zh-achievement-result")
        return [span] if span else []
    role_nouns = tuple(cues()["role-noun"])
    role = next(
        (i for i in range(idx + 1, len(clause)) if clause[i].text.endswith(role_nouns)), None
    )
    if role is None:
        return []
    # 发挥了[X的]关键作用: X is the role; without X, the role is what 对于… names.
    inner = [t for t in clause[idx + 1 : role] if t.text not in ("了", "着")]
    de = max((i for i, t in enumerate(inner) if t.text == "的"), default=None)
    inner = inner[:de] if de is not None else []
    if sum(len(t.text) for t in inner) <= 2:
        opener = next((i for i, t in enumerate(clause[:idx]) if t.text in ("对于", "对")), None)
        inner = clause[opener + 1 : idx] if opener is not None else []
    span = _span("Achievement", inner, "zh-achievement-role")
    return [span] if span else []


def _problems(clause: Clause) -> list[RoleSpan]:
    intro = next((i for i, t in enumerate(clause) if _is(t, "problem-intro")), None)
    body = clause[intro + 1 :] if intro is not None else clause
    if not body:
        return []
    if not _has_problem_cue(body):
        nouns = [i for i, t in enumerate(body) if _is(t, "problem-noun")]
        if intro is None or not nouns or any(_is(t, "vague") for t in body[: nouns[-1]]):
            return []
        if nouns[-1] == 0:
            return []
        body = body[: nouns[-1] + 1]
    elif _is_generic(body):
        return []  # 存在一些不足: an announcement, the problems follow
    items = _split_enumeration(body, _has_problem_cue, first_only=True)
    return [s for item in items if (s := _span("Problem", item, "zh-problem-cue"))]


def _is_generic(body: Clause) -> bool:
    """Nothing but quantifiers and problem words (一些不足, 诸多问题)."""
    return all(
        _is(t, "vague") or _is(t, "problem") or _is(t, "problem-noun") or t.text in ("的", "了")
        for t in body
    )


def _span(role: str, tokens: Sequence[Token], rule: str) -> RoleSpan | None:
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
            text[begin] in _ENUM or text[begin] in _QUOTES or text[begin].isspace()
        ):
            begin, changed = begin + 1, True
        for cue in leading:
            if text.startswith(cue, begin, end) and end - begin > len(cue) + 1:
                begin, changed = begin + len(cue), True
                break
        while end > begin and (
            text[end - 1] in _ENUM or text[end - 1].isspace() or text[end - 1] == "的"
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


def _unique(spans: list[RoleSpan]) -> list[RoleSpan]:
    seen: dict[tuple[str, int, int], RoleSpan] = {}
    for span in spans:
        seen.setdefault((span.type, span.begin, span.end), span)
    return list(seen.values())
