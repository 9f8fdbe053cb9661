"""Per-capita disposable income: the urban-rural ratio (ECO102) and the overall mean (ECO103)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from townkpi import (
    Check,
    CheckContext,
    CounterpartIndex,
    Evidence,
    Fact,
    FactKind,
    Finding,
    Interval,
    UnitCategory,
    describe_fact,
    format_interval,
    interval_in_unit,
    quotient,
    unit_category,
)

__all__ = ["IncomeGapRatio", "OverallIncomeOutsideRange"]

URBAN: Final = "城镇居民人均可支配收入"
RURAL: Final = "农村居民人均可支配收入"
OVERALL: Final = "居民人均可支配收入"
GAP: Final = "城乡居民收入倍差"

#: Incomes are compared in this unit.
_UNIT: Final = "元"


def _ratio_interval(fact: Fact) -> Interval | None:
    """A ratio written as a pure number (2.27) or in 倍 or %, as a plain number interval."""
    cat = unit_category(fact)
    if cat is None:
        return fact.interval
    if cat is UnitCategory.PROPORTION:
        return interval_in_unit(fact, "倍")
    return None


def _in_unit(fact: Fact) -> bool:
    return interval_in_unit(fact, _UNIT) is not None


def _incomes(ctx: CheckContext) -> tuple[CounterpartIndex, CounterpartIndex]:
    """The urban and the rural incomes in the unit, indexed to find a figure's nearest."""
    urban = CounterpartIndex(ctx, (URBAN,), head=True, where=_in_unit)
    return urban, CounterpartIndex(ctx, (RURAL,), head=True, where=_in_unit)


class IncomeGapRatio(Check):
    """The urban-rural income ratio is urban income divided by rural income.

    城乡居民收入倍差 (or 城乡居民收入比) is defined as the per-capita disposable income of urban
    residents divided by that of rural residents. When a report states all three for the same
    year and place, the quotient of the two incomes, computed with the intervals their rounding
    allows (6.9万元 is anything in [6.85, 6.95) 万元), must meet the interval of the stated ratio.

    反例:
        城镇、农村居民人均可支配收入分别达6.9万元、3.4万元，城乡居民收入倍差缩小到1.89。

    正例:
        城镇、农村居民人均可支配收入分别达6.9万元、3.4万元，城乡居民收入倍差缩小到2.03。
    """

    code = "ECO102"
    name = "economy.income_gap_ratio"
    description = "The urban-rural income ratio does not equal urban income over rural income."
    groups = ("economy", "relations")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each stated ratio the two stated incomes cannot give."""
        # the nearest income of each kind in the unit, from one index each (not every pair)
        incomes: tuple[CounterpartIndex, CounterpartIndex] | None = None
        for gap, ind in ctx.with_indicators(FactKind.RATIO, FactKind.AMOUNT, head=True):
            if ind.name != GAP:
                continue
            stated = _ratio_interval(gap)
            if incomes is None:
                incomes = _incomes(ctx)
            urban, rural = incomes[0].nearest(gap), incomes[1].nearest(gap)
            if stated is None or urban is None or rural is None:
                continue
            u, r = interval_in_unit(urban, _UNIT), interval_in_unit(rural, _UNIT)
            computed = None if u is None or r is None else quotient(u, r)
            if computed is None or computed.overlaps(stated):
                continue
            yield self.finding(
                f"{describe_fact(gap, period=True)} is urban income over rural income, but "
                f"{describe_fact(urban, period=True)} divided by "
                f"{describe_fact(rural, period=True)} lies in {format_interval(computed)}, which "
                f"does not meet the {format_interval(stated)} the stated ratio allows, so the "
                "ratio and the two incomes cannot all be right",
                facts=[gap, urban, rural],
                evidence=(
                    Evidence.of("ratio", str(gap.value)),
                    Evidence.of("ratio_interval", stated),
                    Evidence.of("urban_income", str(urban.value)),
                    Evidence.of("rural_income", str(rural.value)),
                    Evidence.of("computed_ratio", computed),
                ),
            )


class OverallIncomeOutsideRange(Check):
    """The income of all residents lies between the urban and the rural income.

    The per-capita disposable income of all residents (全体居民) is the mean over urban and rural
    residents together, a weighted average of the two group means, so it cannot lie above both
    or below both. The three figures of the same year and place are compared with the intervals
    their rounding allows; a growth rate is not checked this way, because the shares of urban
    and rural residents change from year to year.

    反例:
        全体居民人均可支配收入55000元，其中城镇居民人均可支配收入52000元、农村居民人均可支配收入21000元。

    正例:
        全体居民人均可支配收入39545元，其中城镇居民人均可支配收入52000元、农村居民人均可支配收入21000元。
    """

    code = "ECO103"
    name = "economy.overall_income_outside_range"
    description = "The income of all residents lies outside the range of urban and rural income."
    groups = ("economy", "relations")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each overall income above both or below both group incomes."""
        incomes: tuple[CounterpartIndex, CounterpartIndex] | None = None
        for overall, ind in ctx.with_indicators(FactKind.AMOUNT, head=True):
            if ind.name != OVERALL:
                continue
            o = interval_in_unit(overall, _UNIT)
            if incomes is None:
                incomes = _incomes(ctx)
            urban, rural = incomes[0].nearest(overall), incomes[1].nearest(overall)
            if o is None or urban is None or rural is None:
                continue
            u, r = interval_in_unit(urban, _UNIT), interval_in_unit(rural, _UNIT)
            if u is None or r is None:
                continue
            between = u.hull(r)
            if o.overlaps(between):
                continue
            above = between.upper is not None and o.is_above(between.upper)
            side = "above" if above else "below"
            yield self.finding(
                f"{describe_fact(overall, period=True)} is the mean income of urban and rural "
                f"residents together, so it lies between {describe_fact(rural, period=True)} and "
                f"{describe_fact(urban, period=True)}, that is in "
                f"{format_interval(between)}{_UNIT}; but it stands for "
                f"{format_interval(o)}{_UNIT}, entirely {side} that range, so the three incomes "
                "cannot all be right",
                facts=[overall, urban, rural],
                evidence=(
                    Evidence.of("overall_income", str(overall.value)),
                    Evidence.of("urban_income", str(urban.value)),
                    Evidence.of("rural_income", str(rural.value)),
                    Evidence.of("overall_interval", o),
                    Evidence.of("allowed_interval", between),
                    Evidence.of("unit", _UNIT),
                ),
            )
