"""Last year's level implied by a level and its growth (AGR102, AGR103)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from townkpi import (
    Check,
    CheckContext,
    Evidence,
    Fact,
    FactKind,
    Finding,
    Interval,
    Modality,
    Period,
    Severity,
    UnitCategory,
    describe_fact,
    format_interval,
    interval_in_unit,
    is_increment,
    same_subject,
    unit_category,
)

__all__ = ["ImpliedPreviousLevel", "PreviousLevelConflict", "implied_previous", "previous_year"]

#: The sector whose physical quantities (areas, outputs, head of livestock) are checked.
SECTOR: Final = "agriculture"

#: Quantities whose growth is a change of the quantity itself (no price index is involved).
_PHYSICAL: Final = frozenset(
    {UnitCategory.AREA, UnitCategory.MASS, UnitCategory.COUNT, UnitCategory.VOLUME}
)

#: Words before a change that compare with another year than the last (年均, 比2020年, 五年).
_NOT_YEAR_ON_YEAR: Final = re.compile(r"年均|平均|比\d{4}|较\d{4}|[二三四五十]年|十[三四五]五|累计")

#: How many characters before a change are searched for those words.
_REACH: Final = 12


@attrs.frozen(slots=True, kw_only=True)
class Implied:
    """What a level and its year-on-year growth say about the year before.

    Attributes:
        level: The level (2.1万亩).
        change: Its growth (10%).
        indicator: The canonical indicator of the level.
        unit: The unit of the level, in which ``previous`` is given.
        previous: The interval of last year's level.
        about: Last year's level computed from the written numbers.
    """

    level: Fact
    change: Fact
    indicator: str
    unit: str
    previous: Interval
    about: Fraction


def _level_of(ctx: CheckContext, change: Fact) -> tuple[Fact, str] | None:
    """The physical agricultural level a year-on-year growth rate refers to, with its indicator."""
    level = ctx.referent(change)
    if change.kind is not FactKind.CHANGE or level is None or level.kind is not FactKind.AMOUNT:
        return None
    ind = ctx.indicator(level, head=True)
    if ind is None or ind.sector != SECTOR or level.unit is None or level.period is None:
        return None
    if unit_category(level) not in _PHYSICAL or is_increment(level) or "年均" in change.qualifiers:
        return None
    clause = re.split(r"[，,；;。]", ctx.text_before(change, _REACH))[-1]
    if _NOT_YEAR_ON_YEAR.search(clause) or unit_category(change) is not UnitCategory.PROPORTION:
        return None
    return level, ind.name


def implied_previous(ctx: CheckContext, change: Fact) -> Implied | None:
    """Last year's level from a growth rate of an agricultural quantity, or None."""
    found = _level_of(ctx, change)
    growth = None if found is None else interval_in_unit(change, "倍")
    if found is None or growth is None:
        return None
    level, name = found
    factor = growth + 1
    if factor.lower is None or factor.lower <= 0 or level.unit is None:
        return None  # a fall of 100% or more is TK302's
    rate = Fraction(change.value.number) / 100
    return Implied(
        level=level,
        change=change,
        indicator=name,
        unit=level.unit,
        previous=level.interval / factor,
        about=Fraction(level.value.number) / (1 + rate),
    )


def previous_year(period: Period) -> Period:
    """The same months one year earlier."""
    return Period(
        start_year=period.start_year - 1,
        start_month=period.start_month,
        end_year=period.end_year - 1,
        end_month=period.end_month,
    )


def _growth(change: Fact) -> str:
    """A change for a message: "a growth of 10%" or "a fall of 2.0%"."""
    text = str(change.value)
    if change.value.number < 0:
        return f"a fall of {text.removeprefix('-')}"
    return f"a growth of {text}"


def _about(x: Fraction) -> str:
    """``x`` to four significant digits."""
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return format(round(d, max(3 - d.adjusted(), 0)).normalize(), "f")


class _Stated:
    """The amounts of each indicator and period, in text order, with bounds in a unit.

    A growth is compared only with the amounts of its level's indicator stated for the year
    before, and only when one of them may lie outside last year's implied level: when the lowest
    upper end of them all lies above that level's lower end and the highest lower end below its
    upper end, every one of them meets it, and none is visited.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self._ctx = ctx
        self._figures: dict[tuple[str, Period], list[Fact]] = {}
        self._indexed: set[str] = set()
        # (amount, interval in the unit) in text order, the lowest upper and highest lower end
        self._in_unit: dict[
            tuple[str, Period, str],
            tuple[list[tuple[Fact, Interval]], Fraction | None, Fraction | None],
        ] = {}

    def of(
        self, indicator: str, period: Period, unit: str
    ) -> tuple[list[tuple[Fact, Interval]], Fraction | None, Fraction | None]:
        """The amounts of ``indicator`` stated for ``period`` in ``unit``, with their bounds."""
        key = (indicator, period, unit)
        found = self._in_unit.get(key)
        if found is None:
            if indicator not in self._indexed:
                self._indexed.add(indicator)
                for f in self._ctx.figures_of(indicator, FactKind.AMOUNT, head=True):
                    if f.period is not None:
                        self._figures.setdefault((indicator, f.period), []).append(f)
            pairs = [
                (f, iv)
                for f in self._figures.get((indicator, period), ())
                if (iv := interval_in_unit(f, unit)) is not None
            ]
            uppers = [iv.upper for _, iv in pairs if iv.upper is not None]
            lowers = [iv.lower for _, iv in pairs if iv.lower is not None]
            found = (pairs, min(uppers, default=None), max(lowers, default=None))
            self._in_unit[key] = found
        return found

    def previous(self, found: Implied) -> Iterator[tuple[Fact, Interval]]:
        """Figures of the same indicator that may be last year's level and miss the implied one.

        Every figure of the indicator stated for the year before, in the level's unit and in
        text order, unless the bounds show that every one meets ``found.previous``.
        """
        level = found.level
        assert level.period is not None
        pairs, lowest_upper, highest_lower = self.of(
            found.indicator, previous_year(level.period), found.unit
        )
        lo, hi = found.previous.lower, found.previous.upper
        below = lo is not None and lowest_upper is not None and lowest_upper <= lo
        above = hi is not None and highest_lower is not None and highest_lower >= hi
        if not (below or above):
            return  # every figure meets last year's implied level
        for other, iv in pairs:
            if is_increment(other) or not same_subject(level, other):
                continue
            if (other.modality is Modality.TARGET) != (level.modality is Modality.TARGET):
                continue
            yield other, iv


class PreviousLevelConflict(Check):
    """A level and its growth must agree with last year's level stated elsewhere.

    "完成小麦播种2.1万亩，同比增长10%" says last year's wheat area was 2.1万亩 / 1.10, between
    1.855 and 1.964万亩 given the rounding of both figures. If the report (or a table of
    records) also states last year's wheat area, the two must meet. Only physical quantities of
    agriculture are compared (areas, outputs, head of livestock), whose growth involves no
    price index, and only year-on-year changes (not 年均 or 比2020年).

    反例:
        2022年小麦播种1.7万亩。2023年完成小麦播种2.1万亩，同比增长10%。

    正例:
        2022年小麦播种1.9万亩。2023年完成小麦播种2.1万亩，同比增长10%。
    """

    code = "AGR102"
    name = "agriculture.previous_level_conflict"
    description = "A level and its growth disagree with last year's level stated in the report."
    groups = ("agriculture", "periods")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each growth that last year's stated level cannot give."""
        stated_amounts = _Stated(ctx)  # indexed once (not every amount visited per growth)
        for change in ctx.of_kind(FactKind.CHANGE):
            found = implied_previous(ctx, change)
            if found is None:
                continue
            for stated, iv in stated_amounts.previous(found):
                if iv.overlaps(found.previous):
                    continue
                yield self.finding(
                    f"{describe_fact(found.level, period=True)} after {_growth(change)} means "
                    f"last year's level lay in {format_interval(found.previous)}{found.unit}, but "
                    f"{describe_fact(stated, period=True)} stands for "
                    f"{format_interval(iv)}{found.unit}; the level, its growth and last year's "
                    "level cannot all be right",
                    facts=[found.level, change, stated],
                    evidence=(
                        Evidence.of("level", str(found.level.value)),
                        Evidence.of("growth", str(change.value)),
                        Evidence.of("implied_previous", found.previous),
                        Evidence.of("stated_previous", str(stated.value)),
                        Evidence.of("stated_previous_interval", iv),
                        Evidence.of("unit", found.unit),
                    ),
                )
                break


class ImpliedPreviousLevel(Check):
    """Last year's level that a level and its growth imply, shown as information.

    "完成小麦播种2.1万亩，同比增长10%" implies a wheat area of about 1.909万亩 the year before
    (between 1.8552 and 1.9635万亩 given the rounding of both figures). Nothing is wrong: the
    finding shows the implied quantity, to compare with last year's report.

    反例:
        完成小麦播种2.1万亩，同比增长10%。

    正例:
        完成小麦播种2.1万亩。
    """

    code = "AGR103"
    name = "agriculture.implied_previous_level"
    description = "Last year's level that an agricultural quantity and its growth imply."
    groups = ("agriculture", "periods", "implied")
    default_severity = Severity.INFO

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an information finding for each level with a year-on-year growth."""
        for change in ctx.of_kind(FactKind.CHANGE):
            found = implied_previous(ctx, change)
            if found is None:
                continue
            about = f"{_about(found.about)}{found.unit}"
            yield self.finding(
                f"{describe_fact(found.level, period=True)} after {_growth(change)} implies about "
                f"{about} the year before (in {format_interval(found.previous)}{found.unit})",
                facts=[found.level, change],
                evidence=(
                    Evidence.of("level", str(found.level.value)),
                    Evidence.of("growth", str(change.value)),
                    Evidence.of("implied_previous", about),
                    Evidence.of("previous_interval", found.previous),
                ),
            )
