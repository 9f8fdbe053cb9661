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
from collections.abc import Sequence
from typing import Final

import attrs

from townkpi.extract.arabic import scan_arabic
from townkpi.extract.chinese import scan_chinese, scan_letters
from townkpi.extract.mention import Mention, MentionHint, Scan, Skip, new_skip
from townkpi.extract.scanner import Builder, base_symbol, patterns
from townkpi.model import SkipReason

__all__ = ["Mention", "MentionHint", "Scan", "Skip", "scan"]

_LIST_GLUE: Final = frozenset({"、", "，", ",", "和", "及", "与", "或"})
_RATIO_WINDOW: Final = 12
_START: Final = operator.attrgetter("start")


def _inherit_units(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """Give a bare number the unit of the next one in a list: 1409万、1305万人次."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        cur, nxt = out[i], out[i + 1]
        if cur.unit is not None or cur.hint is not None or nxt.unit is None:
            continue
        if text[cur.end : nxt.start] not in _LIST_GLUE:
            continue
        unit = base_symbol(nxt.unit)
        if cur.numerals[-1].scale == 0 and unit != nxt.unit:
            unit = nxt.unit  # 3、5万元: both in 万元
        out[i] = attrs.evolve(cur, unit=unit)
    return out


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
    mentions: list[Mention] = []
    skips = list(b.skips)
    p = b.p
    for x in _inherit_units(sorted(b.mentions, key=_START), text):
        if x.unit is not None or x.hint is not None:
            mentions.append(x)
            continue
        window = max(0, x.start - _RATIO_WINDOW)
        cut = p.last_punctuation.search(text, window, x.start)
        if cut is not None:
            window = cut.start() + 1
        if p.ratio_before.search(text, window, x.start) is not None:
            mentions.append(attrs.evolve(x, hint=MentionHint.RATIO))  # 收入倍差保持在1.56以内
        else:
            skips.append(new_skip(x.start, x.end, x.surface, SkipReason.OTHER))
    skips.sort(key=_START)
    return Scan(mentions=tuple(mentions), skipped=tuple(skips))
