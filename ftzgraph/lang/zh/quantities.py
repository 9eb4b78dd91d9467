"""Stated numbers in Chinese sentences.

A number (digits, or Chinese numerals when a counter word follows) with an
optional 万/亿, followed by a counter or unit from ``counters.txt``; also
百分之…, …分之…, …成. Not numbers: years and dates (2013年9月, 2035年),
ordinals (第三), numbers inside names (十八大, 十二届, 十四五, COVID-19).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from ftzgraph.lang.spans import Quantity
from ftzgraph.lang.zh.numerals import NUMERAL_CHARS, parse_number

_DIGITS = r"\d+(?:[.,]\d+)*"
_HANNUM = f"[{NUMERAL_CHARS}]+"


@cache
def counters() -> tuple[str, ...]:
    text = resources.files(__package__).joinpath("counters.txt").read_text(encoding="utf-8")
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    return tuple(sorted(set(words), key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    unit = "|".join(map(re.escape, counters()))
    return re.compile(
        rf"(?P<pct>百分之(?:{_DIGITS}|{_HANNUM}))"
        rf"|(?P<frac>(?:{_HANNUM})分之(?:{_HANNUM}))"
        rf"|(?P<num>{_DIGITS}(?:[万亿]+)?|{_HANNUM})(?P<approx>多|余)?"
        rf"(?P<unit>%|％|成(?![为果员立本功])|{unit})?"
    )


_NOT_BEFORE = set("第")
_NOT_AFTER = ("大", "届", "中全会", "五", "号", "月", "日", "时", "点")


def find_quantities(text: str) -> list[Quantity]:
    found = []
    for m in _pattern().finditer(text):
        if m.group("pct") or m.group("frac"):
            span = m.group("pct") or m.group("frac")
            value = parse_number(span)
            if value is not None:
                found.append(Quantity(m.start(), m.end(), value, "%"))
            continue
        number, unit = m.group("num"), m.group("unit") or ""
        start, end = m.start(), m.end()
        before = text[start - 1] if start else ""
        after = text[m.end("num") :]
        is_digits = number[0].isdigit()
        if before in _NOT_BEFORE or (before.isascii() and (before.isalpha() or before == "-")):
            continue
        if after.startswith(_NOT_AFTER) or _is_date(number, unit, after):
            continue
        if not is_digits and not unit:
            continue  # a Chinese numeral without a counter is a word (统一, 一体化)
        if not is_digits and number == "一" and unit != "年":
            continue  # 一个/一项 is an article more often than a count
        value = parse_number(number)
        if value is None:
            continue
        if unit == "成":
            value *= 10
        found.append(Quantity(start, end, value, unit))
    return found


def _is_date(number: str, unit: str, after: str) -> bool:
    if unit == "年" and number.isdigit() and len(number) == 4:
        return True  # 2013年
    return bool(number.isdigit() and len(number) == 4 and 1900 <= int(number) <= 2100 and not unit)
