"""Finding every number in a report: quantities with their units, and the numbers that are not.

[`scan`][townkpi.extract.mentions.scan] reads the whole text in two passes, each driven by one
compiled regular expression:

1. the [Arabic pass][townkpi.extract.arabic] reads every run of digits (ASCII or full-width):
   dates, years, months, ratios, and quantities with an optional prefix qualifier (约, 超过 …),
   a number or a range (1-2), a 万/亿 scale, 余/多, a unit from the registry (longest match:
   个百分点 before 个, 万平方米 before 米) and a suffix qualifier (以上, 左右, 以内 …);
2. the [Chinese pass][townkpi.extract.chinese] reads numerals written in characters: quantities
   when a unit follows (十七家, 两个), else ordinals, periods, labels, durations and names.

Then a bare number in a list takes the unit of the next one (1409万、1305万人次), a bare number
after a ratio word is a ratio (收入倍差1.56), and any other bare number is skipped.

Every maximal run of digits ends up inside exactly one [`Mention`][townkpi.extract.mention.Mention]
or one [`Skip`][townkpi.extract.mention.Skip] with a [`SkipReason`][townkpi.model.SkipReason]:
nothing is dropped silently. A mention's span covers the number, its unit and the qualifiers
attached to it (约230亩, 2.2万余个, 99.5%以上, 第1名).

Example:
    >>> s = scan("新增粮食种植面积约230亩，1-9月增长10%以上。")
    >>> for m in s.mentions:
    ...     print(m.surface, m.unit, m.qualifiers)
    约230亩 亩 ('约',)
    10%以上 % ('以上',)
    >>> s.skipped[0].surface, s.skipped[0].reason.value
    ('1-9月', 'period')
"""

from __future__ import annotations

import operator
from typing import Final

from townkpi.extract.arabic import scan_arabic
from townkpi.extract.chinese import scan_chinese, scan_letters
from townkpi.extract.mention import Mention, MentionHint, Scan, Skip
from townkpi.extract.scanner import Builder, Patterns, base_symbol, patterns
from townkpi.model import SkipReason

__all__ = ["Mention", "MentionHint", "Scan", "Skip", "scan"]

_LIST_GLUE: Final = frozenset({"、", "，", ",", "和", "及", "与", "或"})
_RATIO_WINDOW: Final = 12
_OTHER: Final = SkipReason.OTHER.value
_ITEM_START: Final = operator.itemgetter(0)


def scan(text: str, units: tuple[str, ...] = ()) -> Scan:
    """Find every number of ``text``: quantities as mentions, the rest as skips, in text order.

    Args:
        text: The decoded text of a report.
        units: Unit symbols beyond those of ``units.txt`` to read after a number (a plugin's,
            already defined in the registry).

    Returns:
        The [`Scan`][townkpi.extract.mention.Scan]. Every maximal run of ASCII or full-width
        digits lies inside one mention or one skip.
    """
    b = Builder(text, patterns(units))
    scan_arabic(b)
    scan_chinese(b)
    scan_letters(b)
    skips = b.skips
    p = b.p
    starts, ends, units_of, hints = b.starts, b.ends, b.units, b.hints
    numerals = b.numerals
    # One walk backwards over the quantities (by index, in text order): a bare number in a
    # list takes the unit of the next one (1409万、1305万人次; the next one may have taken it
    # from the one after it); a bare number after a ratio word is a ratio (收入倍差保持在1.56以内);
    # any other is skipped. The builder's lists are updated in place.
    kept: list[int] = []
    nxt = -1
    order = sorted(range(len(starts)), key=starts.__getitem__)  # stable: equal starts as found
    for x in reversed(order):
        if units_of[x] is None and hints[x] is None:
            start = starts[x]
            next_unit = None if nxt < 0 else units_of[nxt]
            if next_unit is not None and text[ends[x] : starts[nxt]] in _LIST_GLUE:
                unit = base_symbol(next_unit)
                if numerals[x][-1].scale == 0 and unit != next_unit:
                    unit = next_unit  # 3、5万元: both in 万元
                units_of[x] = unit
                kept.append(x)
            elif _after_ratio_word(p, text, start):
                hints[x] = MentionHint.RATIO
                kept.append(x)
            else:
                skips.append((start, ends[x], text[start : ends[x]], _OTHER))
        else:
            kept.append(x)
        nxt = x
    kept.reverse()
    skips.sort(key=_ITEM_START)
    return Scan(
        text=text,
        starts=[starts[i] for i in kept],
        ends=[ends[i] for i in kept],
        numerals=[numerals[i] for i in kept],
        units=[units_of[i] for i in kept],
        qualifiers=[b.qualifiers[i] for i in kept],
        hints=[hints[i] for i in kept],
        skips=skips,
    )


def _after_ratio_word(p: Patterns, text: str, start: int) -> bool:
    """Whether a ratio word (倍差, 比值 …) stands before ``start`` in its phrase, nearby."""
    window = max(0, start - _RATIO_WINDOW)
    cut = p.last_punctuation.search(text, window, start)
    if cut is not None:
        window = cut.start() + 1
    return p.ratio_before.search(text, window, start) is not None
