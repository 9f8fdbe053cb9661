"""Helpers of the built-in checks only: base counts, comparable pairs, attainment, phrasing.

The helpers sector packs share with the built-in checks (scope, wording, intervals, whole counts)
are public, in [`townkpi.checks.helpers`][townkpi.checks.helpers].
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Final

from townkpi.checks.base import CheckContext
from townkpi.checks.helpers import interval_in_unit, unit_category
from townkpi.errors import DimensionMismatchError, UnitError
from townkpi.findings import format_interval
from townkpi.interval import Interval
from townkpi.model import Fact, Modality
from townkpi.units import Unit, UnitCategory, conversion_factor

__all__ = [
    "ATTAINMENT_WORDS",
    "DECLINE_WORDS",
    "above",
    "base_interval",
    "below",
    "comparable",
    "is_actual",
    "is_attainment",
    "percent_interval",
    "show_interval",
    "unit_of",
]

ATTAINMENT_WORDS: Final = ("目标", "计划", "任务", "预期", "预算")
"""Words that mark a percentage as attainment of a target (may exceed 100%)."""

DECLINE_WORDS: Final = ("下降", "减少", "降低", "下滑", "回落", "缩减", "减小", "下跌", "降幅")
"""Words that write a change as a decline (the number after them is a magnitude)."""

# Enum members read in loops over every figure: a module constant is read faster.
_TARGET: Final = Modality.TARGET
_PROPORTION: Final = UnitCategory.PROPORTION


def above(interval: Interval, x: Fraction) -> bool:
    """``interval.is_above(x)``, in integer arithmetic.

    The same answer, exactly: the interval's ends are Fractions, and comparing their numerators
    and denominators as integers skips the generic Fraction comparison the checks would otherwise
    make for every figure.
    """
    lo = interval.lower
    if lo is None:
        return False
    a, b = lo.numerator * x.denominator, x.numerator * lo.denominator
    return a > b or (a == b and not interval.lower_closed)


def below(interval: Interval, x: Fraction) -> bool:
    """``interval.is_below(x)``, in integer arithmetic (as ``above``)."""
    hi = interval.upper
    if hi is None:
        return False
    a, b = hi.numerator * x.denominator, x.numerator * hi.denominator
    return a < b or (a == b and not interval.upper_closed)


def unit_of(fact: Fact) -> Unit | None:
    """The fact's resolved unit, or None for a pure number or an unknown unit."""
    try:
        return fact.value.unit_info
    except UnitError:  # pragma: no cover - Value validates its unit
        return None


@functools.lru_cache(maxsize=256)
def _percent_factor(unit: str) -> Fraction | None:
    """Percent per one ``unit`` of a proportion: 1/10 for ‰, 100 for 倍; None for % (one)."""
    factor = conversion_factor(unit, "倍") * 100
    return None if factor == 1 else factor


def percent_interval(fact: Fact) -> Interval | None:
    """The fact's interval in percent, or None when it is not a proportion.

    The same as scaling [`proportion_interval`][townkpi.checks.helpers.proportion_interval] by
    100, in one exact multiplication (none for a figure written in %).
    """
    unit = fact.value.unit
    if unit is None or unit_category(fact) is not _PROPORTION:
        return None
    try:
        factor = _percent_factor(unit)
    except (DimensionMismatchError, UnitError):  # pragma: no cover - a proportion converts
        return None
    return fact.value.interval if factor is None else fact.value.interval.scale(factor)


def base_interval(fact: Fact) -> tuple[Interval, str] | None:
    """The interval in the unit without 万/亿, and that unit: 2.2万余个 → (22000, 23000) 个."""
    u = unit_of(fact)
    if u is None:
        return None
    return fact.value.interval.scale(u.factor), u.base


def comparable(a: Fact, b: Fact) -> tuple[Interval, Interval, str] | None:
    """Both facts' intervals in one unit, for comparing a part with a whole.

    Units of one dimension are converted (万元 and 亿元); two counts of different counting units
    (个 and 起) are compared as plain counts, without their 万/亿 scales. Returns None when the
    dimensions cannot be compared (亩 and 元).
    """
    ua, ub = unit_of(a), unit_of(b)
    if ua is None or ub is None:
        return None
    if ua.dimension == ub.dimension:
        target = ub.text if ub.factor <= ua.factor else ua.text
        ia, ib = interval_in_unit(a, target), interval_in_unit(b, target)
        if ia is None or ib is None:  # pragma: no cover - same dimension always converts
            return None
        return ia, ib, target
    if ua.category is UnitCategory.COUNT and ub.category is UnitCategory.COUNT:
        return a.value.interval.scale(ua.factor), b.value.interval.scale(ub.factor), ub.base
    return None


def is_attainment(ctx: CheckContext, fact: Fact) -> bool:
    """Whether a percentage is the attainment of a target (完成年度目标的117%): it may exceed 100%.

    The catalog decides when it knows the indicator phrase; otherwise a word such as 目标 or 计划
    in the phrase, or just before the figure, marks attainment.
    """
    ind = ctx.indicator(fact, clause=True)
    if ind is not None and (ind.attainment or ind.bounded):
        return ind.attainment
    phrase = (fact.indicator or "") + ctx.text_before(fact, 12)
    return any(w in phrase for w in ATTAINMENT_WORDS)


def is_actual(fact: Fact) -> bool:
    """Whether the fact reports what happened or an estimate (not a target)."""
    return fact.modality is not _TARGET


def show_interval(interval: Interval, unit: str = "") -> str:
    """An interval for a message, with a unit after it."""
    return f"{format_interval(interval)}{unit}"
