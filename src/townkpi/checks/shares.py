"""Shares, parts and wholes (TK201-TK204): a built-in plugin.

A share of a whole lies in [0, 100]% (TK201); a share with its part implies the whole, shown as
information (TK202: 56.15亿元 at 15.56% → about 360.9亿元). The catalog declares which indicators
are parts of others (服务业增加值 ≤ 地区生产总值, 已处置 ≤ 排摸, 立案查处 ≤ 排查发现): a part that
exceeds its whole is an error (TK203). It also declares sums (地区生产总值 = 三次产业增加值): parts
whose sum cannot meet the whole are an error (TK204). As in XBRL Calculations 1.1, a relation is
only reported when no values consistent with the written precision satisfy it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Final

from townkpi.checks.base import Check, CheckContext
from townkpi.checks.common import above, below, comparable, percent_interval, show_interval
from townkpi.checks.helpers import (
    CounterpartIndex,
    describe_fact,
    interval_in_unit,
    proportion_interval,
    surely_greater,
)
from townkpi.findings import Evidence, Finding, Severity, format_number
from townkpi.hookspecs import hookimpl
from townkpi.interval import Interval
from townkpi.model import Fact, FactKind

__all__ = [
    "ImpliedWhole",
    "PartAboveWhole",
    "ShareRange",
    "SumOfParts",
    "townkpi_register_checks",
]


# Fractions, compared without converting an int each time.
_ZERO: Final = Fraction(0)
_ONE: Final = Fraction(1)
_HUNDRED: Final = Fraction(100)
_PERCENT_RANGE: Final = Interval.closed(0, 100)


def _significant(d: Decimal) -> int:
    return len(d.normalize().as_tuple().digits)


def _about(x: Fraction, digits: int) -> str:
    """``x`` rounded to ``digits`` significant digits, as a decimal string."""
    if x == 0:
        return "0"
    d = Decimal(x.numerator) / Decimal(x.denominator)
    shift = digits - d.adjusted() - 1
    return format_number(Fraction(round(d, shift)))


class ShareRange(Check):
    """A share of a whole lies between 0% and 100%.

    "占全市数字经济产值的115.56%" would make the part larger than the whole it belongs to. Ratios
    that compare two separate amounts (相当于, 是…的) are not shares and are not checked.

    反例:
        1-9月，实现数字经济产值56.15亿元，占全市数字经济产值的115.56%。

    正例:
        1-9月，实现数字经济产值56.15亿元，占全市数字经济产值的15.56%。
    """

    code = "TK201"
    name = "townkpi.shares.share_range"
    description = "A share of a whole lies above 100% or below 0%."
    groups = ("core", "shares")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each share outside 0-100%."""
        allowed = _PERCENT_RANGE
        for share in ctx.of_kind(FactKind.SHARE):
            pct = percent_interval(share)
            if pct is None:
                continue
            if above(pct, _HUNDRED):
                why = "entirely above 100%: the part would exceed the whole"
            elif below(pct, _ZERO):
                why = "entirely below 0%: a part cannot be negative"
            else:
                continue
            yield self.finding(
                f"{describe_fact(share)} is a share of a whole, which lies in [0, 100]%, but the "
                f"figure stands for {show_interval(pct, '%')}, {why}",
                facts=[share, *(f for f in (ctx.referent(share),) if f is not None)],
                evidence={"share": str(share.value), "share_interval": pct, "allowed": allowed},
            )


class ImpliedWhole(Check):
    """The whole that a share and its part imply, shown as information.

    "实现数字经济产值56.15亿元，占全市数字经济产值的15.56%" implies a city total of 56.15 / 0.1556,
    about 360.9亿元 (between 360.71 and 361.01 given the rounding of both figures). Nothing is
    wrong: the finding shows the implied quantity, to compare with the city's own report.

    反例:
        实现数字经济产值56.15亿元，占全市数字经济产值的15.56%。

    正例:
        实现数字经济产值56.15亿元。
    """

    code = "TK202"
    name = "townkpi.shares.implied_whole"
    description = "The whole that a share of a stated part implies."
    groups = ("core", "shares", "implied")
    default_severity = Severity.INFO

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an information finding for each share with its part."""
        for share in ctx.of_kind(FactKind.SHARE):
            part = ctx.referent(share)
            if part is None or part.kind is not FactKind.AMOUNT:
                continue  # tested before the conversion: most shares refer to no amount
            p = proportion_interval(share)
            if p is None:
                continue
            if not above(p, _ZERO) or above(p, _ONE):
                continue
            unit = part.unit or ""
            whole = part.interval / p
            digits = min(_significant(part.value.number), _significant(share.value.number))
            about = _about(Fraction(part.value.number) / Fraction(share.value.number) * 100, digits)
            yield self.finding(
                f"{describe_fact(part)} at {share.value} of the whole implies a whole of about "
                f"{about}{unit} (in {show_interval(whole, unit)})",
                facts=[part, share],
                evidence=(
                    Evidence.of("part", str(part.value)),
                    Evidence.of("share", str(share.value)),
                    Evidence.of("implied_whole", f"{about}{unit}"),
                    Evidence.of("whole_interval", whole),
                ),
            )


class PartAboveWhole(Check):
    """A part cannot exceed its whole.

    The catalog declares which indicators are parts of which (服务业增加值 of 地区生产总值, 已处置
    of 排摸, 立案查处 of 排查发现). Two such figures of the same sentence, or of the same period
    and subject, are compared in one unit (万元 and 亿元 are converted; two counts are compared as
    counts): the part is reported only when every value its writing allows exceeds every value
    the whole's writing allows.

    反例:
        累计排摸“四不”违法建筑58宗，已处置65宗。

    正例:
        累计排摸“四不”违法建筑58宗，已处置55宗。
    """

    code = "TK203"
    name = "townkpi.shares.part_above_whole"
    description = "A part (by the catalog's part-of relations) exceeds its whole."
    groups = ("core", "shares", "relations")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each part above its whole."""
        # the nearest whole of each part, from one index per whole (not every pair compared)
        wholes: dict[str, CounterpartIndex] = {}
        for part, ind in ctx.with_indicators(FactKind.AMOUNT):
            for whole_name in ind.part_of:
                index = wholes.get(whole_name)
                if index is None:
                    index = wholes[whole_name] = CounterpartIndex(ctx, whole_name)
                whole = index.nearest(part)
                if whole is not None:
                    found = self._compare(part, whole, ind.name, whole_name)
                    if found is not None:
                        yield found

    def _compare(self, part: Fact, whole: Fact, part_name: str, whole_name: str) -> Finding | None:
        both = comparable(part, whole)
        if both is None:
            return None
        p, w, unit = both
        if not surely_greater(p, w):
            return None
        return self.finding(
            f"{describe_fact(part)} is part of {describe_fact(whole)} "
            f"({part_name} ≤ {whole_name}), but in {unit} the part stands for "
            f"{show_interval(p, unit)} and the whole for {show_interval(w, unit)}: every value of "
            "the part exceeds every value of the whole",
            facts=[part, whole],
            evidence=(
                Evidence.of("relation", f"{part_name} ≤ {whole_name}"),
                Evidence.of("part", str(part.value)),
                Evidence.of("whole", str(whole.value)),
                Evidence.of("part_interval", p),
                Evidence.of("whole_interval", w),
                Evidence.of("unit", unit),
            ),
        )


class SumOfParts(Check):
    """Parts whose sum cannot equal their whole.

    The catalog declares sums (进出口总额 = 出口额 + 进口额; 地区生产总值 = the three sectors'
    value added). When the whole and at least two parts of the same period and subject are
    stated, the sum of the parts' intervals is compared with the whole's: the report is flagged
    only when they cannot overlap (when all parts are stated), or when the stated parts alone
    already exceed the whole.

    反例:
        全年进出口总额520亿元，其中出口310亿元、进口230亿元。

    正例:
        全年进出口总额520亿元，其中出口300亿元、进口220亿元。
    """

    code = "TK204"
    name = "townkpi.shares.sum_of_parts"
    description = "Stated parts cannot add up to their stated whole."
    groups = ("core", "shares", "relations")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each whole whose parts cannot sum to it."""
        # the nearest part of each name, from one index per name (not every pair compared)
        indexes: dict[str, CounterpartIndex] = {}
        for whole, ind in ctx.with_indicators(FactKind.AMOUNT):
            if not ind.sum_of:
                continue
            parts: list[Fact] = []
            for name in ind.sum_of:
                index = indexes.get(name)
                if index is None:
                    index = indexes[name] = CounterpartIndex(ctx, name)
                found = index.nearest(whole)
                if found is not None:
                    parts.append(found)
            if len(parts) < 2:  # noqa: PLR2004 - a sum needs two parts
                continue
            finding = self._compare(whole, parts, complete=len(parts) == len(ind.sum_of))
            if finding is not None:
                yield finding

    def _compare(self, whole: Fact, parts: list[Fact], *, complete: bool) -> Finding | None:
        unit = whole.unit or ""
        w_iv = whole.interval
        total: Interval | None = None
        for part in parts:
            p = interval_in_unit(part, unit) if unit else None
            if p is None:
                return None
            total = p if total is None else total + p
        if total is None:
            return None
        if surely_greater(total, w_iv):
            why = "exceeds the whole even at their smallest"
        elif complete and surely_greater(w_iv, total):
            why = "falls short of the whole even at their largest"
        else:
            return None
        names = " + ".join(describe_fact(p) for p in parts)
        return self.finding(
            f"{describe_fact(whole)} should be the sum of {names}, but the parts add up to "
            f"{show_interval(total, unit)}, which {why} ({show_interval(w_iv, unit)})",
            facts=[whole, *parts],
            evidence=(
                Evidence.of("whole", str(whole.value)),
                Evidence.of("parts", [str(p.value) for p in parts]),
                Evidence.of("sum_interval", total),
                Evidence.of("whole_interval", w_iv),
                Evidence.of("complete", "true" if complete else "false"),
            ),
        )


@hookimpl
def townkpi_register_checks() -> list[type[Check]]:
    """The share, part and sum checks."""
    return [ShareRange, ImpliedWhole, PartAboveWhole, SumOfParts]
