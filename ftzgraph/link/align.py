"""Sentence alignment within a bilingual document.

Dynamic programming over the two sentence sequences (Gale–Church style) with
1:1, 1:0, 0:1, 2:1, 1:2 and 2:2 moves; a pairing costs a length-ratio penalty
plus how little the sentences share — thesaurus/gazetteer concepts, stated
numbers, dictionary translations of their words — counted for every sentence
of the larger side, so an unrelated sentence is skipped rather than merged. Sentences the monotone
pass leaves alone are then matched to their best partner anywhere when the
evidence is strong, which catches reordered sentences.
"""

from __future__ import annotations

import math

from ftzgraph.link.dictionary import Dictionary
from ftzgraph.link.evidence import SentenceEvidence
from ftzgraph.records import SentenceAlignment

SKIP_COST = 1.0
MERGE_COST = 0.25
REORDER_MIN = 0.45
BAND = 40


def similarity(zh: SentenceEvidence, en: SentenceEvidence, dictionary: Dictionary) -> float:
    anchors = 0.0
    shared = zh.concepts | en.concepts | zh.numbers | en.numbers
    if shared:
        common = (zh.concepts & en.concepts) | (zh.numbers & en.numbers)
        anchors = len(common) / len(shared)
    words = dictionary.agreement(list(zh.words), set(en.words))
    return 0.5 * anchors + 0.5 * words if shared else words


def align(
    zh: list[SentenceEvidence], en: list[SentenceEvidence], dictionary: Dictionary
) -> list[SentenceAlignment]:
    """Alignments as index tuples into ``zh`` and ``en``."""
    n, m = len(zh), len(en)
    if not n or not m:
        return []
    ratio = sum(e.length for e in en) / max(1, sum(z.length for z in zh))
    sims: dict[tuple[int, int], float] = {}

    def sim(i: int, j: int) -> float:
        if (i, j) not in sims:
            sims[(i, j)] = similarity(zh[i], en[j], dictionary)
        return sims[(i, j)]

    def length_penalty(zh_len: int, en_len: int) -> float:
        return min(1.0, abs(math.log((en_len + 1) / (ratio * zh_len + 1)))) * 0.5

    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: dict[tuple[int, int], tuple[int, int]] = {}
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf or abs(i * m - j * n) > BAND * max(n, m):
                continue
            here = cost[i][j]
            for di, dj in ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)):
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                if di and dj:
                    zl = sum(zh[k].length for k in range(i, a))
                    el = sum(en[k].length for k in range(j, b))
                    # each merged sentence pays for what it does not share with the other side
                    zh_miss = sum(1 - max(sim(x, y) for y in range(j, b)) for x in range(i, a))
                    en_miss = sum(1 - max(sim(x, y) for x in range(i, a)) for y in range(j, b))
                    miss = max(zh_miss, en_miss)
                    step = length_penalty(zl, el) + miss + (MERGE_COST if di + dj > 2 else 0)
                else:
                    step = SKIP_COST
                if here + step < cost[a][b]:
                    cost[a][b] = here + step
                    back[(a, b)] = (i, j)
    alignments: list[SentenceAlignment] = []
    a, b = n, m
    while (a, b) != (0, 0):
        i, j = back[(a, b)]
        if a > i and b > j:
            zs, es = tuple(range(i, a)), tuple(range(j, b))
            score = max(sim(x, y) for x in zs for y in es)
            alignments.append(SentenceAlignment(zs, es, round(score, 3), "dp"))
        a, b = i, j
    alignments.reverse()
    extra = _reordered(zh, en, alignments, sim)
    moved = {i for a in extra for i in a.zh}
    kept = [a for a in alignments if not (a.score < 0.2 and set(a.zh) & moved)]
    return sorted(kept + extra, key=lambda a: (a.zh, a.en))


def _reordered(zh, en, alignments, sim) -> list[SentenceAlignment]:  # type: ignore[no-untyped-def]
    """Unaligned (or weakly aligned) Chinese sentences matched to a strong partner anywhere."""
    weak = {i for a in alignments if a.score < 0.2 for i in a.zh}
    aligned = {i for a in alignments for i in a.zh} - weak
    taken = {j for a in alignments if a.score >= 0.2 for j in a.en}
    extra = []
    for i in range(len(zh)):
        if i in aligned:
            continue
        candidates = [(sim(i, j), j) for j in range(len(en)) if j not in taken]
        if not candidates:
            continue
        score, j = max(candidates)
        if score >= REORDER_MIN:
            extra.append(SentenceAlignment((i,), (j,), round(score, 3), "reordered"))
            taken.add(j)
    return extra
