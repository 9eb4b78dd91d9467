"""Chinese reform-area candidates beyond the thesaurus.

Two frames, with words from ``cues.tsv``: 在A、B和C方面/领域 (each item a field),
and a noun phrase ending in an area head (投资贸易自由化便利化), whose left
edge is found on jieba tokens: nouns before the head,
stopping at a verb, a function word or punctuation.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ftzgraph.lang.cues import load_cues
from ftzgraph.lang.spans import RoleSpan

_LIST = frozenset("、，,和与及")
_STOP = frozenset('，,。；;：:！？!?（）()“”"《》、')


@cache
def cues() -> dict[str, frozenset[str]]:
    return load_cues(__package__)


def _blocks(token: Token) -> bool:
    c = cues()
    return (
        token.text in _STOP
        or token.is_space
        or token.text in c["function"]
        or token.text in c["action"]
        or token.text in c["adverb"]
        or token.text in c["modal"]
        or not all("\u4e00" <= ch <= "\u9fff" for ch in token.text)
    )


def names_field(term: str) -> bool:
    """贸易自由化, 金融业开放: the term names a field of reform, wherever it stands."""
    return any(term.endswith(head) for head in cues()["field-head"])


def find_areas(doc: Doc) -> list[RoleSpan]:
    found: list[RoleSpan] = []
    found += _frame_items(doc)
    found += _listed_before_head(doc)
    found += _headed_phrases(doc)
    seen: dict[tuple[int, int], RoleSpan] = {}
    for span in found:
        seen.setdefault((span.begin, span.end), span)
    return list(seen.values())


def _frame_items(doc: Doc) -> list[RoleSpan]:
    """在A、B和C方面 → A, B, C."""
    out = []
    ends = cues()["area-frame-end"]
    for i, token in enumerate(doc):
        if token.text != "在":
            continue
        for j in range(i + 1, min(len(doc), i + 30)):
            if doc[j].text in _STOP - _LIST:
                break
            if doc[j].text in ends:
                items: list[list[Token]] = [[]]
                for t in doc[i + 1 : j]:
                    if t.text in _LIST or t.text in ("以及",):
                        items.append([])
                    else:
                        items[-1].append(t)
                items = [it for it in items if it]
                if len(items) >= 2:
                    for item in items:
                        text_len = item[-1].idx + len(item[-1].text) - item[0].idx
                        if 2 <= text_len <= 12:
                            out.append(
                                RoleSpan(
                                    "ReformArea",
                                    item[0].idx,
                                    item[-1].idx + len(item[-1].text),
                                    "zh-area-frame",
                                )
                            )
                break
    return out


def _listed_before_head(doc: Doc) -> list[RoleSpan]:
    """跨境支付、人员往来、货物运输便利化 → each item a field (two or more items)."""
    out = []
    ends = cues()["area-list-end"]
    for h, token in enumerate(doc):
        if token.text not in ends or h == 0 or doc[h - 1].text in ends:
            continue
        items: list[list[Token]] = [[]]
        i = h - 1
        while i >= 0:
            t = doc[i]
            if t.text in _LIST:
                items.append([])
            elif _blocks(t) or len(items[-1]) >= 3:
                break
            else:
                items[-1].insert(0, t)
            i -= 1
        items = [it for it in items if it]
        if len(items) >= 2:
            for item in items:
                out.append(
                    RoleSpan(
                        "ReformArea", item[0].idx, item[-1].idx + len(item[-1].text), "zh-area-list"
                    )
                )
    return out


def _headed_phrases(doc: Doc) -> list[RoleSpan]:
    """X自由化, X便利化 with X a run of nouns."""
    out = []
    heads = cues()["area-head"]
    i = 0
    while i < len(doc):
        if doc[i].text not in heads:
            i += 1
            continue
        end = i
        while end + 1 < len(doc) and doc[end + 1].text in heads:
            end += 1  # 自由化便利化
        start = i
        while start - 1 >= 0 and not _blocks(doc[start - 1]) and i - start < 3:
            start -= 1
        if start < i:
            out.append(
                RoleSpan(
                    "ReformArea", doc[start].idx, doc[end].idx + len(doc[end].text), "zh-area-head"
                )
            )
        i = end + 1
    return out
