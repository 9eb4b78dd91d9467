"""Chinese numbers → values: digits, numerals, and mixed forms.

Handles 19, 3.5万, 十九, 二十六, 两百, 一千零五, 百分之七十三, 四分之三, 两成;
returns None for anything else, so callers can skip what is not a number.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
UNITS = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS) + "".join(BIG)


def parse_number(text: str) -> Decimal | None:
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    if text.startswith("百分之"):
        inner = parse_number(text[3:])
        return inner
    if "分之" in text:
        denom, _, numer = text.partition("分之")
        d, n = parse_number(denom), parse_number(numer)
        return None if not d or n is None else (n / d * 100).quantize(Decimal("0.01"))
    if text.endswith("成") and len(text) > 1:
        inner = parse_number(text[:-1])
        return None if inner is None else inner * 10
    multiplier = 1
    while text and text[-1] in BIG and _has_digit(text[:-1]):
        multiplier *= BIG[text[-1]]
        text = text[:-1]
    try:
        return Decimal(text) * multiplier
    except InvalidOperation:
        pass
    value = _numeral(text)
    return None if value is None else Decimal(value) * multiplier


def _has_digit(text: str) -> bool:
    return any(c.isdigit() or c in DIGITS or c in UNITS for c in text)


def _numeral(text: str) -> int | None:
    """Value of a pure Chinese numeral (十九 → 19, 二十六 → 26, 一千零五 → 1005)."""
    if not text or any(c not in NUMERAL_CHARS for c in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in UNITS:
            section += (1 if digit is None else digit) * UNITS[ch]
            digit = None
        else:  # 万 / 亿
            section += digit or 0
            total = (total + section) * BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)
