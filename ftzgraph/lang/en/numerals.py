"""English number words → values: seventeen, twenty-six, 3.5 million, a dozen, half."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
#: Fraction words → denominators; "three quarters" is 3 × 100 / 4 percent, computed exactly as
#: the Chinese 四分之三 is, so equal shares compare equal.
FRACTIONS = {
    "half": 2,
    "halves": 2,
    "quarter": 4,
    "quarters": 4,
    "third": 3,
    "thirds": 3,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}


def parse_number(words: str) -> Decimal | None:
    """Value of ``words`` or None; shares (half, a quarter) come out as percentages."""
    tokens = words.lower().replace(",", "").replace("-", " ").split()
    tokens = [t for t in tokens if t not in ("and", "a", "an")]
    if not tokens:
        return None
    if tokens[-1] in FRACTIONS:  # half, three quarters, two thirds: a share, in percent
        count = parse_number(" ".join(tokens[:-1])) if len(tokens) > 1 else Decimal(1)
        if count is None:
            return None
        return (count * 100 / FRACTIONS[tokens[-1]]).quantize(Decimal("0.01"))
    total, current = Decimal(0), Decimal(0)
    seen = False
    for token in tokens:
        if token in SMALL:
            current += SMALL[token]
        elif token in SCALES:
            current = (current or 1) * SCALES[token]
            if SCALES[token] >= 1000:
                total, current = total + current, Decimal(0)
        else:
            try:
                current += Decimal(token)
            except InvalidOperation:
                return None
        seen = True
    return total + current if seen else None
