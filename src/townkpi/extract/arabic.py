"""The Arabic pass: every run of digits (ASCII or full-width) becomes a mention or a skip.

One compiled expression finds, at each number, the longest reading that fits: a date or a clock
time (2026-02-02 09:45), a range of years (2021—2025年), a year (2023年, 2023年度, 2026年1月25日),
months and days (1-9月, 1月25日), a ratio (2.9∶1), a fraction (1/4), or a quantity: one number or a
range, an optional 万/亿 scale, 余/多, a unit and a suffix qualifier. What stands around a quantity
then decides what it is: letters (PM2.5, 5G), 第 (第1名, 第3批), a ``+`` (1+10+N), a list marker
at the start of a line (1.), 附件 (附件1), a following 年, 个月, 周年, 强, 级, 版 …

A quantity without a unit stays a bare mention here; [`scan`][townkpi.extract.mentions.scan]
gives it the unit of the next number of a list, reads it as a ratio, or skips it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from townkpi.extract.mention import MentionHint
from townkpi.extract.scanner import (
    MAX_NUMBER_LENGTH,
    Builder,
    is_cjk,
    line_start_before,
    numeral,
    ordinal,
    single,
)
from townkpi.model import SkipReason
from townkpi.numbers import Numeral

__all__ = ["scan_arabic"]

_MIN_YEAR: Final = 1900
_MAX_YEAR: Final = 2100
_MONTHS: Final = 12
_YEAR_DIGITS: Final = 4
_DIGITS: Final = "0123456789０１２３４５６７８９"
_TO_ASCII: Final = str.maketrans("０１２３４５６７８９", "0123456789")
_ENUMERATOR_AFTER: Final = frozenset(".．、)）")
_REFERENCE_BEFORE: Final = ("附件", "附表", "附图")
_SIGNS: Final = frozenset("-−－")
_LETTERS_OR_DIGITS: Final = re.compile("[0-9０-９A-Za-z]")
#: Words after a bare number that say what it is: (word, reason).
_FOLLOWERS: Final = (
    ("个月", SkipReason.DURATION),
    ("周年", SkipReason.ORDINAL),
    ("周", SkipReason.DURATION),
    ("岁", SkipReason.OTHER),
    ("届", SkipReason.ORDINAL),
    ("代", SkipReason.ORDINAL),
    ("强", SkipReason.LABEL),
    ("级", SkipReason.LABEL),
    ("版", SkipReason.LABEL),
    ("大", SkipReason.LABEL),
    ("后", SkipReason.LABEL),
    ("星", SkipReason.LABEL),
    ("号", SkipReason.NAME),
)

Found = tuple[int, int, SkipReason]

#: Characters before a number that may make it a label, an ordinal or a reference (the context
#: rules run only then): letters (PM2.5), blanks and line breaks (list markers), + (1+N), （ and
#: the last character of 附件, 附表, 附图.
_SPECIAL_BEFORE: Final = frozenset(
    " \t\n\u3000+＋（(件表图_" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)
#: Characters after a number that may do the same: + (1+N), ）, and the list markers . and 、.
_SPECIAL_AFTER: Final = frozenset("+＋)）.．、")


#: How far a quantity reaches: ``(end, the text of a range's second number or None, unit, 余/多,
#: suffix qualifier)``. A plain tuple, not a class: one is built for every range of a report.
_Extent = tuple[int, str | None, str | None, str | None, str | None]
#: The groups of a quantity reading, in the order of the pattern (``m.groups()`` of the quantity
#: reading alone), fetched in one call.
_QUANTITY_GROUPS: Final = ("n1", "s1", "m1", "u1", "sep", "n2", "s2", "m2", "u2", "suf")


def _ascii(text: str) -> str:
    return text.translate(_TO_ASCII)


def _is_year(digits: str) -> bool:
    return (
        len(digits) == _YEAR_DIGITS and digits.isdigit() and _MIN_YEAR <= int(digits) <= _MAX_YEAR
    )


# ---------------------------------------------------------------------------- simple readings


def _date(b: Builder, m: re.Match[str]) -> int:
    return b.skip(m.start(), m.end(), SkipReason.DATE)


def _years(b: Builder, m: re.Match[str]) -> int:
    return b.skip(m.start(), m.end(), SkipReason.PERIOD)


def _year(b: Builder, m: re.Match[str]) -> int:
    if not _is_year(_ascii(m.group("year"))):
        reason = SkipReason.DURATION
    else:
        reason = SkipReason.DATE if m.group("ymd") else SkipReason.YEAR
    return b.skip(m.start(), m.end(), reason)


def _month(b: Builder, m: re.Match[str]) -> int:
    if not 1 <= int(_ascii(m.group("month"))) <= _MONTHS:
        reason = SkipReason.OTHER
    else:
        reason = SkipReason.DATE if m.group("mday") else SkipReason.PERIOD
    return b.skip(m.start(), m.end(), reason)


def _day(b: Builder, m: re.Match[str]) -> int:
    after = b.text[m.end() : m.end() + 1]
    reason = SkipReason.NAME if after and is_cjk(after) else SkipReason.DATE  # 1号线: a name
    return b.skip(m.start(), m.end(), reason)


def _fraction(b: Builder, m: re.Match[str]) -> int:
    return b.skip(m.start(), m.end(), SkipReason.OTHER)


def _ratio(b: Builder, m: re.Match[str]) -> int:
    """2.9∶1 is a ratio of 2.9; a ratio of three parts (4.0∶37.7∶58.3) is not one figure."""
    parts = re.split("[∶:]", m.group())
    n = numeral(parts[0]) if len(parts) == 2 and _ascii(parts[1]) == "1" else None  # noqa: PLR2004
    if n is None:
        return b.skip(m.start(), m.end(), SkipReason.OTHER)
    return b.mention(m.start(), m.end(), numerals=(n,), hint=MentionHint.RATIO)


# ---------------------------------------------------------------------------- quantities


def _extent(b: Builder, m: re.Match[str], groups: tuple[str | None, ...]) -> _Extent:
    n1, s1, m1, u1, _, n2, s2, m2, u2, suf = groups
    n1 = n1 or ""
    number = n1 + s1 if s1 else n1
    number_end = m.start() + len(number)
    more_end = number_end + len(m1) if m1 else number_end
    unit = u1
    end = m.end("u1") if unit else more_end
    if unit and b.blocked(unit, end):
        unit, end = None, more_end
    second: str | None = None
    if n2 is not None and not unit:
        second = n2 + s2 if s2 else n2
        u2_bare = m.start("n2") + len(second)
        if m2:
            u2_bare += len(m2)
        u2_end = m.end("u2") if u2 else u2_bare
        if u2 and b.blocked(u2, u2_end):
            u2, u2_end = None, u2_bare
        unit, end = u2, u2_end
    elif n2 is not None and unit == u2:
        end, second = m.end("u2"), n2 + s2 if s2 else n2  # 4.5%—5%
    suffix = suf if suf and m.start("suf") == end else None
    more = m1 if m1 and second is None else None
    return end, second, unit, more, suffix


def _letters_before(b: Builder, start: int, end: int) -> Found | None:
    """PM2.5, G15, C919: letters written before the number (a line break may stand between)."""
    text = b.text
    i = start - 1
    while i >= 0 and start - i <= 2 and text[i] in " \t\n":  # noqa: PLR2004
        i -= 1
    if i < 0 or not (text[i].isascii() and text[i].isalpha()):
        return None
    while i > 0 and text[i - 1].isascii() and text[i - 1].isalpha():
        i -= 1
    return i, end, SkipReason.LABEL


def _plus(b: Builder, start: int, end: int) -> Found | None:
    """1+10+N, 2+3+N: a label."""
    text = b.text
    prev = text[start - 1] if start else ""
    if prev not in {"+", "＋"} and text[end : end + 1] not in {"+", "＋"}:
        return None
    m = b.p.plus_label.search(text, max(0, start - 12), end + 24)
    while m is not None and m.end() <= start:
        m = b.p.plus_label.search(text, m.end(), end + 24)
    if m is not None and m.start() <= start:
        return max(m.start(), b.reached()), max(m.end(), end), SkipReason.LABEL
    return start, end, SkipReason.LABEL


def _list_marker(b: Builder, start: int, end: int) -> Found | None:
    """（1） anywhere, or 1. / 1、 at the start of a line: an ordinal."""
    text = b.text
    prev, after = (text[start - 1] if start else ""), text[end : end + 1]
    if prev in {"（", "("} and after in {"）", ")"}:
        return start - 1, end + 1, SkipReason.ORDINAL
    if after in _ENUMERATOR_AFTER and line_start_before(text, start):
        return start, end + 1, SkipReason.ORDINAL
    return None


def _reference(b: Builder, start: int, end: int) -> Found | None:
    """附件1: a reference to another part of the document."""
    before = b.text[max(0, start - 2) : start]
    if before.endswith(_REFERENCE_BEFORE):
        return start, end, SkipReason.REFERENCE
    return None


_CONTEXT_RULES: Final[tuple[Callable[[Builder, int, int], Found | None], ...]] = (
    _letters_before,
    _plus,
    _list_marker,
    _reference,
)


def _bare_reason(
    b: Builder, start: int, end: int, number: str, second: str | None, *, scaled: bool
) -> Found | None:
    """Why a number (or a range, to ``second``) without a unit is not a quantity, or None."""
    text = b.text
    letters = b.p.letters_after.match(text, end)
    if letters is not None:
        return start, letters.end(), SkipReason.LABEL  # 5G, 4A, 3A级
    if text.startswith("年", end):
        year = second is None and _is_year(_ascii(number))
        return start, end + 1, SkipReason.YEAR if year else SkipReason.DURATION
    for word, reason in _FOLLOWERS:
        if text.startswith(word, end):
            return start, end + len(word), reason
    if _is_year(_ascii(number)) and (second is None or _is_year(_ascii(second))) and not scaled:
        return start, end, SkipReason.YEAR if second is None else SkipReason.PERIOD
    return None


def _named_quantity(b: Builder, m: re.Match[str]) -> int:
    return _quantity(b, m, m.group(*_QUANTITY_GROUPS))


def _quantity(b: Builder, m: re.Match[str], groups: tuple[str | None, ...]) -> int:
    """Read a quantity: one number (read here, the common case) or a range (by ``_extent``)."""
    n1, s1, m1, u1, _, n2, _, _, _, suf = groups
    n1 = n1 or ""
    start = m.start()  # the reading starts with its first number
    if len(n1) > MAX_NUMBER_LENGTH:
        return b.skip(start, start + len(n1), SkipReason.CODE)
    number = n1 + s1 if s1 else n1
    number_end = start + len(number)
    text = b.text
    prev = text[start - 1] if start else "\n"
    if prev == "第":
        return ordinal(b, start - 1, start, number_end)
    p = b.p
    end: int
    second: str | None = None
    unit: str | None
    more: str | None
    suffix: str | None
    if n2 is None:  # _extent of one number, inline
        unit, more = u1, m1
        end = number_end + len(m1) if m1 else number_end
        # Without a second number the reading ends with the unit (or the number) and the
        # suffix: where the unit ends is read off the match's end, not looked up by name.
        unit_end = m.end() - len(suf) if suf else m.end()
        if u1:
            # the set lookup spares the call for most units
            if text[unit_end : unit_end + 1] in p.blocked_next and b.blocked(u1, unit_end):
                unit = None
            else:
                end = unit_end
        suffix = suf if suf and unit_end == end else None
    else:
        end, second, unit, more, suffix = _extent(b, m, groups)
    if prev in _SPECIAL_BEFORE or text[number_end : number_end + 1] in _SPECIAL_AFTER:
        for rule in _CONTEXT_RULES:
            found = rule(b, start, number_end)
            if found is not None:
                return b.skip(found[0], max(found[1], end), found[2])
    if unit is None:
        found = _bare_reason(b, start, end, number, second, scaled=bool(s1))
        if found is not None:
            return b.skip(*found)
    return _record(b, start, prev, end, (number, second), unit, more, suffix)


def _record(  # noqa: PLR0917 - the extent of _quantity, positional (one call per number)
    b: Builder,
    start: int,
    prev: str,
    end: int,
    texts: tuple[str, str | None],
    unit: str | None,
    more: str | None,
    suffix: str | None,
) -> int:
    """Record the quantity at ``start`` (after ``prev``) with a minus sign and qualifiers.

    It ends at ``end`` before its suffix qualifier; ``texts`` are its number and the second
    number of a range (or None), ``more`` its 余/多.
    """
    text = b.text
    number, second = texts
    first = start
    if prev in _SIGNS and not (
        start >= 2 and _LETTERS_OR_DIGITS.match(text, start - 2, start - 1)  # noqa: PLR2004
    ):
        first -= 1  # a minus sign written before the number: 增速为-2.3%
        number = "-" + number
        prev = text[first - 1 : first]
    qualifiers: tuple[str, ...] = ()
    p = b.p
    if prev in p.prefix_last:  # the set lookup spares most searches
        qualifier = p.prefix_qualifier.search(text, max(0, first - 3), first)
        if qualifier is not None:
            qualifiers = (qualifier.group(),)
            first -= len(qualifiers[0])
    if more is not None:
        qualifiers += (more,)
    if suffix is not None:
        qualifiers += (suffix,)
        end += len(suffix)
    numerals: tuple[Numeral, ...] | None
    if second is None:
        numerals = single(number)
    else:
        n, n_2 = numeral(number), numeral(second)
        numerals = None if n is None or n_2 is None else (n, n_2)
    if numerals is None:
        return b.skip(start, end, SkipReason.OTHER)
    # the fields of Builder.mention, appended here (one call per number)
    b.starts.append(first)
    b.ends.append(end)
    b.numerals.append(numerals)
    b.units.append(unit)
    b.qualifiers.append(qualifiers)
    b.hints.append(None)
    return end


_READINGS: Final[dict[str, Callable[[Builder, re.Match[str]], int]]] = {
    "dt": _date,
    "clock": _date,
    "yrange": _years,
    "yearb": _year,
    "monthb": _month,
    "day": _day,
    "ratio": _ratio,
    "frac": _fraction,
    "qty": _named_quantity,
}


#: Characters after the first run of digits that may begin another reading than a quantity: a
#: date (2026-02-02, 2026/2/2), a clock time, a year, a range of years or months, a month, a day,
#: a ratio (2∶1), a fraction (1/4) or a number with thousands separators (1,200∶1).
_OTHER_READING_AFTER: Final = frozenset("-/－:：年—–~～至到月日号∶／,")
#: After a decimal point, another reading is possible only for a 4-digit run (2026.2.2) or a
#: decimal ratio or fraction (2.9∶1, 0.5/1).
_POINTS: Final = frozenset(".．")


def scan_arabic(b: Builder) -> None:
    """Read every run of digits of ``b.text`` into ``b``'s mentions and skips."""
    text = b.text
    p = b.p
    search, match, decimal_ratio = p.quantity.search, p.arabic.match, p.decimal_ratio.match
    # The quotes are disjoint and in text order, and numbers are read in text order: the quote
    # that may hold a number is the first one not yet passed (a pointer, not a search).
    starts, ends = b.quotes.starts, b.quotes.ends
    q, quotes = 0, len(starts)
    pos = 0
    # The quantity reading matches at every digit: its search finds the next number and reads
    # it as a quantity at once (one search, not a search for digits and then a match).
    while (m := search(text, pos)) is not None:
        start = m.start()
        groups = m.groups()
        n1 = groups[0] or ""
        # where the first run of digits ends: before a thousands separator or a decimal point
        # of the first number (1,200, 2.5), else with it
        run_end = start + len(n1) - len(n1.lstrip(_DIGITS))
        # Every reading but a quantity needs a certain character right after the first run of
        # digits; elsewhere the quantity reading alone gives the same match.
        after = text[run_end : run_end + 1]
        alone = after not in _OTHER_READING_AFTER and (
            after not in _POINTS
            or (run_end - start != _YEAR_DIGITS and decimal_ratio(text, run_end) is None)
        )
        if not alone:
            m = match(text, start)
            if m is None:  # pragma: no cover - the quantity reading matches any digit
                pos = start + 1
                continue
        while q < quotes and ends[q] <= start:
            q += 1
        if q < quotes and starts[q] <= start:  # inside a short quoted label or a title: “141”体系
            pos = max(m.end(), b.record_quote(q, m.span()))
        elif alone:
            pos = _quantity(b, m, groups)
        else:
            pos = _READINGS[m.lastgroup or "qty"](b, m)
