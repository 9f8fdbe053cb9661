"""Signs and ranges (TK301-TK307): a built-in plugin.

Figures that cannot be true whatever the rounding: a decline written with a negative number
(下降-8.7%, TK301), a decline of more than 100% of something that cannot go below zero (TK302),
a fraction of a count of whole things (31.6户, TK303), a rank below first (TK304), a month,
day or quarter that does not exist (13月, 第五季度, TK305), a range written high to low (10-5个,
TK306), and a value outside the range its indicator allows (收入倍差 below 1, TK307).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Final

from townkpi.checks.base import Check, CheckContext
from townkpi.checks.common import (
    DECLINE_WORDS,
    below,
    is_actual,
    percent_interval,
    show_interval,
    unit_of,
)
from townkpi.checks.helpers import describe_fact
from townkpi.findings import Evidence, Finding, format_number
from townkpi.hookspecs import hookimpl
from townkpi.interval import Interval
from townkpi.model import Fact, FactKind, SkippedMention
from townkpi.numbers import Comparator, parse_numeral
from townkpi.units import UnitCategory

__all__ = [
    "DateRange",
    "DeclineBelowMinus100",
    "DoubleNegative",
    "FractionalCount",
    "IndicatorRange",
    "RankBelowOne",
    "ReversedRange",
    "townkpi_register_checks",
]

_MINUS: Final = "-−－负"
_DECLINE_BEFORE: Final = re.compile(
    "(?:" + "|".join(DECLINE_WORDS) + r")了?\s*(?:幅度为|幅度|为|达)?\s*$"
)
#: Words that make a count an average or a density, which may have decimals (户均2.5人,
#: 每千人口托位数4.8个, 万人发明专利拥有量34.2件).
_AVERAGE_WORDS: Final = ("均", "每", "万人", "千人", "百人", "万户", "率", "拥有量", "密度")
#: Where the words of a figure's clause start: its clause may list several figures (、).
_CLAUSE_START: Final = re.compile(r"[，,；;：:。！？\n]")

_NUM: Final = r"[0-9０-９]{1,3}|[零〇一二两三四五六七八九十]{1,3}"
_MONTH_RANGE: Final = re.compile(rf"(?P<a>{_NUM})\s*[-—–~～至到]\s*(?P<b>{_NUM})\s*月")
_MONTH: Final = re.compile(rf"(?P<m>{_NUM})\s*月(?:份)?(?:(?P<d>{_NUM})\s*[日号])?")
#: A quarter; the second form starts only where a run of digits starts (leading zeros skipped),
#: so that a long run of digits is read once, not once from each of its digits.
_QUARTER: Final = re.compile(rf"第\s*(?P<q>{_NUM})\s*季度|(?<!\d)[^\D1-9]*(?P<q2>[1-9]\d*)\s*季度")
_MINUS_100: Final = Fraction(-100)  # a Fraction: compared without converting an int each time
_RANGE: Final = Comparator.RANGE  # read in loops over every figure
_DATE_CHAR: Final = re.compile("[月季]")
_MONTHS_IN_YEAR: Final = 12
_QUARTERS_IN_YEAR: Final = 4
_LEAP_YEAR: Final = 2024  # days in February when the year is unknown: 29


def _int(text: str) -> int | None:
    try:
        return int(parse_numeral(text).value)
    except ValueError:
        return None


class DoubleNegative(Check):
    """A decline written with a negative number.

    下降 (decline) already says the change is negative; "下降-8.7%" would be a rise of 8.7% and
    contradicts the word. Write either "下降8.7%" or "增长-8.7%".

    反例:
        全镇案件发案量同比下降-8.7%。

    正例:
        全镇案件发案量同比下降8.7%。
    """

    code = "TK301"
    name = "townkpi.signs.double_negative"
    description = "A decline (下降, 减少) is written with a negative number."
    groups = ("core", "signs")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each decline word followed by a minus sign."""
        text = ctx.report.text
        for fact in ctx.facts:
            span = fact.span
            if text and span is not None and span.start > 0:
                # fast path: a character other than a space or minus sign just before a figure
                # that does not start with a minus sign ends the words before it, so no minus
                # sign does
                last = text[span.start - 1]
                if last not in _MINUS and not last.isspace():
                    first = fact.surface
                    if not first or first[0] not in _MINUS:
                        continue
            surface = fact.surface or ""
            negative = bool(surface) and surface[0] in _MINUS
            before = ctx.text_before(fact, 12)
            if negative:
                word = _DECLINE_BEFORE.search(before)
            else:
                stripped = before.rstrip()
                if not stripped or stripped[-1] not in _MINUS:
                    continue
                word = _DECLINE_BEFORE.search(stripped[:-1])
            if word is None:
                continue
            yield self.finding(
                f"{describe_fact(fact)} follows “{word.group().strip()}”, which already makes the "
                "change negative; with the minus sign the figure would be a rise, so the word "
                "and the sign cannot both hold",
                facts=[fact],
                evidence={"word": word.group().strip(), "written": surface or str(fact.value)},
                suggestion=f"{word.group().strip()}{surface.lstrip(_MINUS)}" if surface else None,
            )


class DeclineBelowMinus100(Check):
    """A decline of more than 100%, or growth below −100%.

    A level that cannot be negative (a count, an output, an area) can fall by at most 100%:
    "发案量同比下降108.7%" would leave fewer than zero cases. Indicators the catalog marks as
    possibly negative (利润) are exempt.

    反例:
        全镇案件发案量同比下降108.7%。

    正例:
        全镇案件发案量同比下降8.7%。
    """

    code = "TK302"
    name = "townkpi.signs.decline_below_minus_100"
    description = "A change below −100% of a level that cannot be negative."
    groups = ("core", "signs")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each change entirely below −100%."""
        for change in ctx.of_kind(FactKind.CHANGE):
            upper = change.value.interval.upper
            if upper is None or upper.numerator >= 0:
                continue  # fast path: only a negative figure can lie below −100% in any unit
            pct = percent_interval(change)
            if pct is None or not below(pct, _MINUS_100):
                continue
            ind = ctx.indicator(change, clause=True)
            if ind is not None and ind.can_be_negative:
                continue
            yield self.finding(
                f"{describe_fact(change)} is a change of {show_interval(pct, '%')}: a fall of more "
                "than 100% would take the level below zero, which "
                f"{change.indicator or 'this indicator'} cannot reach",
                facts=[change, *(f for f in (ctx.referent(change),) if f is not None)],
                evidence={"change": str(change.value), "change_interval": pct, "floor": "-100"},
            )


class FractionalCount(Check):
    """A count of whole things written with a fraction.

    Households, people, enterprises and projects come whole: "宁慈线完成拆迁31.6户" cannot be
    right. Averages and densities (户均, 每千人口托位数, 万人发明专利拥有量), rates per something
    (0.6人/百亿元) and counts written with 万 (2.2万个) may have decimals.

    反例:
        宁慈线完成拆迁31.6户。

    正例:
        宁慈线完成拆迁169户；户均2.5人。
    """

    code = "TK303"
    name = "townkpi.signs.fractional_count"
    description = "A count of whole things (户, 人, 家 …) has a fractional part."
    groups = ("core", "signs")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each whole-thing count with decimals."""
        whole_things: dict[str | None, bool] = {}  # whether each unit counts whole things
        for fact in ctx.of_kind(FactKind.AMOUNT):
            value = fact.value
            counts = whole_things.get(value.unit)
            if counts is None:
                u = unit_of(fact)
                counts = whole_things[value.unit] = u is not None and u.counts_whole_things
            if not counts:
                continue  # fast path: most units are no count of whole things (亿元, %, 亩)
            if value.comparator is not _RANGE:  # fast path: most counts are whole
                n = value.number
                if n == n.to_integral_value():
                    continue
            u = unit_of(fact)
            if u is None:  # pragma: no cover - a unit that counts whole things
                continue
            numbers = _range_numbers(fact) or (fact.value.number,)
            fractional = [n for n in numbers if n != n.to_integral_value()]
            if not fractional:
                continue
            before = ctx.text_before(fact, 40)
            clause = _CLAUSE_START.split(before)[-1]
            if any(w in (fact.indicator or "") + clause for w in _AVERAGE_WORDS):
                continue
            if ctx.text_after(fact, 1) == "/":  # a rate per something (0.6人/百亿元)
                continue
            shown = ", ".join(format(n, "f") for n in fractional)
            yield self.finding(
                f"{describe_fact(fact)} counts {u.text}, which come whole, but is written with a "
                f"fraction ({shown}); no number of whole {u.text} is {shown}",
                facts=[fact],
                evidence={"written": str(fact.value), "unit": u.text, "fraction": shown},
            )


class RankBelowOne(Check):
    """A rank below first or a fractional rank.

    Ranks start at 1 (第1名) and are whole: 第0名 or 第1.5名 cannot be.

    反例:
        第二季度位列慈溪市第0名。

    正例:
        第二季度位列慈溪市第1名。
    """

    code = "TK304"
    name = "townkpi.signs.rank_range"
    description = "A rank is below 1 or not a whole number."
    groups = ("core", "signs")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each impossible rank."""
        for rank in ctx.of_kind(FactKind.RANK):
            n = rank.value.number
            if n >= 1 and n == n.to_integral_value():
                continue
            why = "below first place" if n < 1 else "not a whole place"
            yield self.finding(
                f"{describe_fact(rank)} is a rank, which is a whole number from 1 up, but it is "
                f"{format(n, 'f')}, {why}",
                facts=[rank],
                evidence={"rank": format(n, "f"), "allowed": "1, 2, 3 …"},
            )


def _month_ranges(text: str, within: int) -> Iterator[tuple[str, str]]:
    for m in _MONTH_RANGE.finditer(text):
        a, b = _int(m["a"]), _int(m["b"])
        if m.start() >= within or a is None or b is None:
            continue
        bad = [x for x in (a, b) if not 1 <= x <= _MONTHS_IN_YEAR]
        if bad:
            yield m.group(), f"there is no month {bad[0]}"
        elif a > b:
            yield m.group(), f"the months run backwards, from {a} to {b}"


def _months(text: str, year: int | None, within: int) -> Iterator[tuple[str, str]]:
    for m in _MONTH.finditer(text):
        month = _int(m["m"])
        if month is None or m.start() >= within:
            continue
        if not 1 <= month <= _MONTHS_IN_YEAR:
            yield m.group(), f"there is no month {month}"
            continue
        day = _int(m["d"]) if m["d"] else None
        last = calendar.monthrange(year or _LEAP_YEAR, month)[1]
        if day is not None and not 1 <= day <= last:
            yield m.group(), f"month {month} has {last} days, not {day}"


def _quarters(text: str, within: int) -> Iterator[tuple[str, str]]:
    for m in _QUARTER.finditer(text):
        q = _int(m["q"] or m["q2"])
        start = m.start() if m["q"] else m.start("q2")
        if start < within and q is not None and not 1 <= q <= _QUARTERS_IN_YEAR:
            yield text[start : m.end()], f"a year has four quarters, not {q}"


def _date_problems(text: str, year: int | None, within: int) -> Iterator[tuple[str, str]]:
    """(what, why) for each impossible date or period that starts before ``within``."""
    if "月" not in text and "季" not in text:  # each of the patterns needs 月 or 季度
        return
    ranges = list(_month_ranges(text, within))
    if ranges or _MONTH_RANGE.search(text[: within + 1]):
        yield from ranges
    else:
        yield from _months(text, year, within)
    yield from _quarters(text, within)


class DateRange(Check):
    """A month, day or quarter that does not exist.

    "1-13月", "2月30日" and "第五季度" name no period; the figures they date cannot be placed.
    The check reads the numbers the extractor skipped as dates and periods.

    反例:
        1-13月，全镇实现地区生产总值131.5亿元。

    正例:
        1-9月，全镇实现地区生产总值131.5亿元。
    """

    code = "TK305"
    name = "townkpi.signs.date_range"
    description = "A month, day or quarter that does not exist (13月, 2月30日, 第五季度)."
    groups = ("core", "signs", "periods")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each impossible date or period mention."""
        text = ctx.report.text
        seen: set[tuple[int, str]] = set()
        search = _DATE_CHAR.search
        for mention in ctx.report.skipped:
            # most skipped numbers are no dates: each pattern needs a 月 or 季 in the mention or
            # in the four characters after it (what ``_around`` adds before it is only 第)
            if text:
                span = mention.span
                if search(text, span.start, span.end + 4) is None:
                    continue
            elif "月" not in mention.surface and "季" not in mention.surface:
                continue
            around, within = _around(text, mention)
            for what, why in _date_problems(around, ctx.report.year, within):
                key = (mention.span.start, what)
                if key in seen:
                    continue
                seen.add(key)
                yield Finding(
                    code=self.code,
                    check=self.name,
                    severity=self.default_severity,
                    message=f"“{what}” is written as a date or period, but {why}",
                    spans=(mention.span,),
                    evidence=(
                        Evidence(name="written", value=what),
                        Evidence(name="reason", value=why),
                    ),
                )


def _around(text: str, mention: SkippedMention) -> tuple[str, int]:
    """The mention with a little context, and the offset where the mention ends within it."""
    if not text:
        return mention.surface, len(mention.surface)
    start = mention.span.start
    if start > 0 and text[start - 1] == "第":
        start -= 1
    return text[start : mention.span.end + 4], mention.span.end - start


def _range_numbers(fact: Fact) -> tuple[Decimal, ...]:
    if fact.comparator is not Comparator.RANGE:
        return ()
    m = re.fullmatch(r"(-?[\d.]+)-(-?[\d.]+)", fact.value.text)
    if m is None:
        return ()
    return Decimal(m[1]), Decimal(m[2])


class ReversedRange(Check):
    """A range written from high to low.

    "新增10-5个" reads as "from 10 to 5"; a range is written low to high ("5-10个"), so one of
    its ends is probably mistyped.

    反例:
        新增2-1个村婴幼儿照护服务驿站建设及运营。

    正例:
        新增1-2个村婴幼儿照护服务驿站建设及运营。
    """

    code = "TK306"
    name = "townkpi.signs.reversed_range"
    description = "A range is written with its larger end first (10-5个)."
    groups = ("core", "signs")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each range written high to low."""
        for fact in ctx.facts:
            if fact.value.comparator is not _RANGE:
                continue  # what ``_range_numbers`` tests first, without a call per figure
            ends = _range_numbers(fact)
            if not ends or ends[0] <= ends[1]:
                continue
            lo, hi = format(ends[1], "f"), format(ends[0], "f")
            yield self.finding(
                f"{describe_fact(fact)} is a range from {format(ends[0], 'f')} down to "
                f"{format(ends[1], 'f')}; a range runs from its smaller end to its larger, "
                "so the ends are swapped or one is mistyped",
                facts=[fact],
                evidence={"written": fact.value.text, "first": hi, "second": lo},
                suggestion=f"{lo}-{hi}{fact.unit or ''}",
            )


class IndicatorRange(Check):
    """A value outside the range its indicator allows.

    The catalog bounds some indicators: 城乡居民收入倍差 (urban over rural income) is at least 1,
    研发经费投入强度 at most 100%. A figure entirely outside the bound is impossible, and a target
    entirely outside it cannot be met ("收入倍差保持在0.56以内"). Rates and shares of a finite set
    are checked by TK103 and TK201.

    反例:
        城乡居民收入倍差缩小至0.96。

    正例:
        城乡居民收入倍差缩小至1.56。
    """

    code = "TK307"
    name = "townkpi.signs.indicator_range"
    description = "A value lies outside the range its catalog indicator allows (收入倍差 < 1)."
    groups = ("core", "signs")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each value entirely outside its indicator's range."""
        for fact, ind in ctx.with_indicators(FactKind.AMOUNT, FactKind.RATIO):
            if ind.minimum is None and ind.maximum is None:
                continue
            u = unit_of(fact)
            if u is not None and u.category is not UnitCategory.PROPORTION:
                continue
            iv = fact.interval
            allowed = Interval(lower=ind.minimum, upper=ind.maximum)
            if ind.minimum is not None and iv.is_below(ind.minimum):
                why = f"entirely below {format_number(ind.minimum)}"
            elif ind.maximum is not None and iv.is_above(ind.maximum):
                why = f"entirely above {format_number(ind.maximum)}"
            else:
                continue
            what = "a target that cannot be met" if not is_actual(fact) else "impossible"
            yield self.finding(
                f"{describe_fact(fact)}: {ind.name} lies in {show_interval(allowed)}, but the "
                f"figure stands for {show_interval(iv)}, {why}, which is {what}",
                facts=[fact],
                evidence={
                    "indicator": ind.name,
                    "written": str(fact.value),
                    "value_interval": iv,
                    "allowed": allowed,
                },
            )


@hookimpl
def townkpi_register_checks() -> list[type[Check]]:
    """The sign and range checks."""
    return [
        DoubleNegative,
        DeclineBelowMinus100,
        FractionalCount,
        RankBelowOne,
        DateRange,
        ReversedRange,
        IndicatorRange,
    ]
