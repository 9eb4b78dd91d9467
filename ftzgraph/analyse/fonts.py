"""Find a font matplotlib can draw Chinese with, so figures fall back cleanly without one.

matplotlib ships no CJK font; without one, Chinese labels come out as empty
boxes. :func:`cjk_font` looks through the fonts matplotlib knows (its own and
the system's, e.g. Debian's ``fonts-noto-cjk`` or ``fonts-wqy-microhei``) for
one that has glyphs for common Chinese characters; figures use English labels
(or the IRI's last segment) when there is none.
"""

from __future__ import annotations

from functools import cache

_PROBE = "中国自由贸易试验区改革"
#: Fonts that claim every code point but draw placeholder boxes.
_PLACEHOLDER_FONTS = ("last resort",)


@cache
def cjk_font() -> str | None:
    """The family name of an installed font with Chinese glyphs, or None."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    entries = sorted(font_manager.fontManager.ttflist, key=lambda f: (f.name, f.fname))
    for entry in entries:
        if entry.name.lower().startswith(_PLACEHOLDER_FONTS):
            continue
        try:
            charmap = FT2Font(entry.fname).get_charmap()
        except (OSError, RuntimeError, ValueError):
            continue
        if all(ord(ch) in charmap for ch in _PROBE):
            return entry.name
    return None


def has_cjk(text: str) -> bool:
    return any("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)
