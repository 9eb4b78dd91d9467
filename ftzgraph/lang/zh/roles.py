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

from collections.abc import Sequence
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
    text = token.text
    actions = cues()["action"]
    return text in actions or (len(text) >= 3 and (text[:2] in actions or text[:3] in actions))


def _has_problem_cue(tokens: Sequence[Token]) -> bool:
    """Checked on characters: jieba may cut 占比较低 as 占/比较/低."""
    text = "".join(t.text for t in tokens)
    return any(cue in text for cue in cues()["problem"])


def find_roles(doc: Doc) -> list[RoleSpan]:
    spans: list[RoleSpan] = []
    modal_seen = False
    for clause in _clauses(doc):
        clause = _strip_connectors(clause)
        if not clause:
            continue
        found, modal_seen = _clause_roles(clause, modal_seen)
        spans.extend(found)
    return _unique(spans)


def _clauses(doc: Doc) -> list[Clause]:
    clauses: list[Clause] = [[]]
    for token in doc:
        if token.text in _BREAKS or token.is_space:
            clauses.append([])
        else:
            clauses[-1].append(token)
    return [c for c in clauses if c]


def _strip_connectors(clause: Clause) -> Clause:
    i = 0
    while i < len(clause) and (_is(clause[i], "connector") or clause[i].text in _QUOTES):
        i += 1
    return clause[i:]


def _clause_roles(clause: Clause, modal_seen: bool) -> tuple[list[RoleSpan], bool]:
    first = clause[0]
    if _is(first, "purpose") and len(clause) > 1:
        return _purpose(clause), modal_seen
    if _is(first, "means") and len(clause) > 1 and (first.text != "以" or _is_action(clause[1])):
        return _means(clause[1:]), modal_seen
    significance = _significance(clause)
    if significance:
        return significance, modal_seen
    achievement = _achievement(clause)
    if achievement:
        return achievement, modal_seen
    problems = _problems(clause)
    if problems:
        return problems, modal_seen
    modal = next((i for i, t in enumerate(clause[:5]) if _is(t, "modal")), None)
    if modal is not None and modal + 1 < len(clause):
        recs = _recommendations(clause[modal + 1 :], "zh-rec-modal")
        if recs:
            return recs, True
    start = _skip_adverbs(clause, 0)
    if start < len(clause) and _is_action(clause[start]):
        rule = "zh-rec-after-modal" if modal_seen else "zh-rec-directive"
        return _recommendations(clause, rule), modal_seen
    return [], modal_seen


def _skip_adverbs(clause: Clause, i: int) -> int:
    while i < len(clause) and _is(clause[i], "adverb") and not _is_action(clause[i]):
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


def _split_enumeration(tokens: Clause, opens_item) -> list[Clause]:
    """Split at 、 only when every resulting item satisfies ``opens_item``."""
    items: list[Clause] = [[]]
    for token in tokens:
        if token.text in _ENUM:
            items.append([])
        else:
            items[-1].append(token)
    items = [i for i in items if i]
    if len(items) > 1 and all(opens_item(i) for i in items):
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
    role = next((i for i in range(idx + 1, len(clause)) if _is(clause[i], "role-noun")), None)
    if clause[idx].text.startswith(("发挥", "起")) and role is not None:
        inner = clause[idx + 1 : role]
        de = max((i for i, t in enumerate(inner) if t.text == "的"), default=None)
        if de is not None and de >= 1:
            inner = inner[:de]
        elif (
            opener := next(
                (i for i, t in enumerate(clause[:idx]) if t.text in ("对于", "对")), None
            )
        ) is not None:
            inner = clause[opener + 1 : idx]
        else:
            inner = []
        span = _span("Achievement", inner, "zh-achievement-role")
        return [span] if span else []
    if clause[idx].text.startswith(("发挥", "起")):
        return []
    span = _span("Achievement", clause, "zh-achievement-result")
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
    elif all(_is(t, "problem-noun") or _is(t, "vague") or t.text in ("一些", "的") for t in body):
        return []
    items = _split_enumeration(body, _has_problem_cue)
    return [s for item in items if (s := _span("Problem", item, "zh-problem-cue"))]


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
