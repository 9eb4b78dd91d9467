"""Chinese name patterns the lexicon cannot list: sessions, congresses, local bodies, zones.

The patterns are built from word lists in ``names.tsv`` (suffix → type) and
from the gazetteer's place labels handed in by the caller, so a researcher
can extend either without touching code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

_NUM = "一二三四五六七八九十百零〇两"

#: Meetings and congresses: 十二届全国人大常委会第十四次会议, 党的十九大, 十八届三中全会.
EVENT_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?:第)?[{_NUM}]+届[\u4e00-\u9fff]{{0,14}}?第[{_NUM}]+次(?:全体)?会议"),
    re.compile(rf"(?:党的|中共)[{_NUM}]+大"),
    re.compile(rf"[{_NUM}]+届[{_NUM}]+中全会"),
)


@cache
def suffixes() -> dict[str, tuple[str, ...]]:
    """Type → name suffixes, longest first (``names.tsv``: suffix TAB type)."""
    text = resources.files(__package__).joinpath("names.tsv").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        suffix, ctype = line.split("\t")[:2]
        out.setdefault(ctype.strip(), []).append(suffix.strip())
    return {t: tuple(sorted(s, key=len, reverse=True)) for t, s in out.items()}


def place_name_pattern(places: Iterable[str], ctype: str) -> re.Pattern[str] | None:
    """``<place>[省|市|…]<suffix>`` for one type: 重庆市人民政府, 中国（江苏）自由贸易试验区."""
    ends = suffixes().get(ctype)
    names = sorted({p for p in places if len(p) >= 2}, key=len, reverse=True)
    if not ends or not names:
        return None
    place = "|".join(map(re.escape, names))
    tail = "|".join(map(re.escape, ends))
    admin = "(?:省|市|自治区|特别行政区|新区|区|县)?"
    return re.compile(
        rf"(?:中国[（(](?:{place}){admin}[)）]|(?:{place}){admin})(?:{tail})"
        rf"(?:[\u4e00-\u9fff]{{2,4}}片区)?"
    )


_TITLE = re.compile(r"《[^《》]{1,80}》")


def title_spans(text: str) -> list[tuple[int, int]]:
    """《…》 ranges: a document's title names a document, not the bodies and places in it."""
    return [(m.start(), m.end()) for m in _TITLE.finditer(text)]
