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
from dataclasses import dataclass

from spacy.tokens import Doc

from ftzgraph.lang.spans import RoleSpan
from ftzgraph.lang.zh.clauses import (
    ENUM,
    Clause,
    cues,
    has_problem_cue,
    is_action,
    is_cue,
    make_span,
    opens_verb_phrase,
    skip_adverbs,
    split_clauses,
    split_enumeration,
    strip_connectors,
    token_with_cue,
    unique_spans,
    verb_phrases,
)
from ftzgraph.lang.zh.frames import goal_frames, inside_ranges, is_target_sentence, target_goals

__all__ = ["cues", "find_roles"]

_REMOVE = ("破除", "消除", "化解", "解决", "克服", "防范", "打破", "应对", "降低", "减少", "防控")


@dataclass(slots=True)
class _State:
    """What earlier clauses of the sentence set up for later ones."""

    modal_seen: bool = False
    purpose_open: bool = False
    reporting: bool = False  # 研究发现，…: what follows is a finding, not a directive
    actor_reports: bool = (
        False  # 市政府…制定整改措施: a named body's actions, as a report tells them
    )


def find_roles(doc: Doc, actors: Sequence[tuple[int, int]] = ()) -> list[RoleSpan]:
    """Role spans of one sentence. ``actors`` are the spans of named bodies (sentence offsets):
    a clause opening with one (国务院有关部门…, 市政府…) and no modal reports its actions,
    which are achievements."""
    spans: list[RoleSpan] = []
    consumed: list[tuple[int, int]] = []
    spans += goal_frames(doc, consumed)
    clauses = [c for c in (strip_connectors(c) for c in split_clauses(doc)) if c]
    clauses = [c for c in clauses if not inside_ranges(c, consumed)]
    if is_target_sentence(doc):
        return unique_spans(spans + target_goals(clauses))
    state = _State()
    starts = {b for b, _ in actors}
    for index, clause in enumerate(clauses):
        if clause[0].idx in starts and not any(t.text == "关于" for t in clause):
            state.actor_reports = True  # 关于: a document title (国务院关于…的通知), not a report
        spans += _clause_roles(clause, state, last=index == len(clauses) - 1)
    return unique_spans(spans)


def _clause_roles(clause: Clause, state: _State, *, last: bool) -> list[RoleSpan]:
    first = clause[0]
    if is_cue(first, "basis"):
        state.purpose_open = False
        return []
    if is_cue(first, "purpose") and len(clause) > 1:
        state.purpose_open = True
        return _purpose(clause)
    if first.text == "以" and len(clause) > 1 and is_action(clause[1]):
        state.purpose_open = True  # 以实现…: "so as to", a purpose
        return _purpose(clause)
    if is_cue(first, "means") and len(clause) > 1:
        if first.text != "以":
            return _means(clause[1:])
        if any(is_cue(t, "lead-verb") for t in clause[2:]):
            return [s for s in [make_span("Recommendation", clause, "zh-rec-lead")] if s]
    modal = _modal_index(clause)
    if state.purpose_open:
        if modal is None and not last and opens_verb_phrase(clause):
            return [
                s for vp in verb_phrases(clause) if (s := make_span("Goal", vp, "zh-goal-purpose"))
            ]
        state.purpose_open = False
    if _reports(clause):
        state.reporting = True
        return _problems(clause)  # 调查发现企业融资成本偏高: a finding may still name a problem
    if _is_time_clause(clause) or _names_itself(clause):
        return []
    if modal is not None and clause[modal].text.endswith("为") and len(clause[modal].text) > 1:
        if any(is_cue(t, "provide") for t in clause[modal + 1 :]):  # 应为X提供Y (jieba: 应为)
            state.modal_seen = True
            return [s for s in [make_span("Recommendation", clause[modal:], "zh-rec-provide")] if s]
    elif modal is not None and modal + 1 < len(clause):
        rest = clause[modal + 1 :]
        if rest[0].text == "为" and any(is_cue(t, "provide") for t in rest):
            state.modal_seen = True
            return [s for s in [make_span("Recommendation", rest, "zh-rec-provide")] if s]
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
    if state.actor_reports and not state.modal_seen and modal is None:
        head = _first_verb(clause, 0, reach=5)  # past the named body: 市政府认真研究…
        if head is not None and not _completed(clause, head):
            return [
                s
                for item in split_enumeration(clause[head:], opens_verb_phrase)
                if len(item) > 1
                and (s := make_span("Achievement", item, "zh-achievement-reported"))
            ]
    start = skip_adverbs(clause, 0)
    if start < len(clause) and is_cue(clause[start], "goal-verb") and not state.modal_seen:
        return [s for s in [make_span("Goal", clause, "zh-goal-target-verb")] if s]
    if start < len(clause) and is_action(clause[start]) and not _completed(clause, start):
        if state.reporting and not state.modal_seen:
            return []
        rule = "zh-rec-after-modal" if state.modal_seen else "zh-rec-directive"
        return _recommendations(clause, rule)
    return []


def _modal_index(clause: Clause) -> int | None:
    """A modal or a request verb (要求X做Y) near the clause start."""
    for i, token in enumerate(clause[:6]):
        if is_cue(token, "modal") or is_cue(token, "request"):
            return i
        if token.text.endswith("为") and token.text[:-1] in cues()["modal"]:
            return i  # 应为, 要为: jieba glued the modal to 为
    return None


def _first_verb(clause: Clause, start: int, reach: int = 8) -> int | None:
    """The first action verb (with its adverbs) after a modal; a subject may come between."""
    for i in range(start, min(len(clause), start + reach)):
        j = skip_adverbs(clause, i)
        if j < len(clause) and is_action(clause[j]):
            return (
                i
                if i == j or all(is_cue(t, "adverb") or t.text in ENUM for t in clause[i:j])
                else j
            )
    return None


def _is_time_clause(clause: Clause) -> bool:
    return is_cue(clause[-1], "temporal-end")


def _completed(clause: Clause, verb: int) -> bool:
    """提升了, 建立过: a verb with a perfective marker reports a done deed, it directs nothing."""
    for token in clause[verb : verb + 3]:
        if token.text in ("了", "过") or token.text.endswith("了"):
            return True
    return False


def _reports(clause: Clause) -> bool:
    """研究发现, 结果表明, 本文认为: a finding is reported, nothing is recommended."""
    head = "".join(t.text for t in clause[:3])
    return any(cue in head for cue in cues().get("reporting", ()))


def _names_itself(clause: Clause) -> bool:
    """制定本法, 现将…通知如下: formulas of the text about itself."""
    text = "".join(t.text for t in clause)
    return any(cue in text for cue in cues()["self-reference"]) or text.endswith("如下")


def _recommendations(tokens: Clause, rule: str) -> list[RoleSpan]:
    """One recommendation per enumerated verb phrase, plus obstacles they remove."""
    start = skip_adverbs(tokens, 0)
    if start >= len(tokens) or not is_action(tokens[start]):
        return []
    out = []
    for item in split_enumeration(tokens, opens_verb_phrase):
        if len(item) == 1 and item[0].text in cues()["action"]:
            continue  # 加以完善: a verb without its object says nothing to act on
        span = make_span("Recommendation", item, rule)
        if span:
            out.append(span)
        out.extend(_removed_obstacles(item))
    return out


def _removed_obstacles(item: Clause) -> list[RoleSpan]:
    for i, token in enumerate(item):
        if token.text.endswith(_REMOVE) and i + 1 < len(item):
            obj = item[i + 1 :]
            if any(is_cue(t, "problem-noun") for t in obj[-2:]):
                span = make_span("Problem", obj, "zh-problem-removed")
                return [span] if span else []
    return []


def _purpose(clause: Clause) -> list[RoleSpan]:
    body = clause[1:]
    if any(is_cue(t, "provide") for t in body):
        span = make_span("Recommendation", clause, "zh-rec-provide")
        return [span] if span else []
    start = skip_adverbs(body, 0)
    if start >= len(body) or not is_action(body[start]):
        return []
    return [s for vp in verb_phrases(body) if (s := make_span("Goal", vp, "zh-goal-purpose"))]


def _means(body: Clause) -> list[RoleSpan]:
    phrases = verb_phrases(body)
    if not phrases or not opens_verb_phrase(phrases[0]):
        return []
    out = [s for s in [make_span("Recommendation", phrases[0], "zh-rec-means")] if s]
    out += [s for vp in phrases[1:] if (s := make_span("Goal", vp, "zh-goal-means"))]
    return out


def _significance(clause: Clause) -> list[RoleSpan]:
    """对(于)A、B具有重大意义 → goals A, B."""
    if not any(is_cue(t, "significance") for t in clause):
        return []
    opener = next((i for i, t in enumerate(clause) if t.text in ("对于", "对")), None)
    head = next((i for i, t in enumerate(clause) if t.text in ("具有", "有", "具备")), None)
    if opener is None or head is None or head <= opener + 1:
        return []
    body = clause[opener + 1 : head]
    items = split_enumeration(body, lambda item: len(item) >= 2)
    return [s for item in items if (s := make_span("Goal", item, "zh-goal-significance"))]


def _achievement(clause: Clause) -> list[RoleSpan]:
    idx = token_with_cue(clause, "achievement")
    if idx is None:
        return []
    plays_role = clause[idx].text.startswith(("发挥", "起"))
    if not plays_role:
        span = make_span("Achievement", clause, "zh-achievement-result")
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
    span = make_span("Achievement", inner, "zh-achievement-role")
    return [span] if span else []


def _problems(clause: Clause) -> list[RoleSpan]:
    said = next((i for i, t in enumerate(clause) if is_cue(t, "reporting")), None)
    if said is not None and said + 1 < len(clause):
        clause = clause[said + 1 :]  # 两成企业反映融资成本偏高: the problem is what is reported
    intro = next((i for i, t in enumerate(clause) if is_cue(t, "problem-intro")), None)
    body = clause[intro + 1 :] if intro is not None else clause
    if not body:
        return []
    if not has_problem_cue(body):
        nouns = [i for i, t in enumerate(body) if is_cue(t, "problem-noun")]
        if intro is None or not nouns or any(is_cue(t, "vague") for t in body[: nouns[-1]]):
            return []
        if nouns[-1] == 0:
            return []
        body = body[: nouns[-1] + 1]
    elif _is_generic(body):
        return []  # 存在一些不足: an announcement, the problems follow
    items = split_enumeration(body, has_problem_cue, first_only=True)
    return [s for item in items if (s := make_span("Problem", item, "zh-problem-cue"))]


def _is_generic(body: Clause) -> bool:
    """Nothing but quantifiers and problem words (一些不足, 诸多问题)."""
    return all(
        is_cue(t, "vague")
        or is_cue(t, "problem")
        or is_cue(t, "problem-noun")
        or t.text in ("的", "了")
        for t in body
    )
