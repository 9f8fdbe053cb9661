"""Helpers shared by the built-in checks: proportions, base counts, phrasing of figures."""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from townkpi.checks.base import CheckContext
from townkpi.errors import DimensionMismatchError, UnitError
from townkpi.findings import format_interval, format_number
from townkpi.interval import Interval
from townkpi.model import Fact, FactKind, Modality
from townkpi.units import Unit, UnitCategory, conversion_factor, parse_unit

__all__ = [
    "ATTAINMENT_WORDS",
    "DECLINE_WORDS",
    "base_interval",
    "comparable",
    "describe",
    "in_unit",
    "is_attainment",
    "percent_interval",
    "proportion",
]

#: Words that mark a percentage as attainment of a target (may exceed 100%).
ATTAINMENT_WORDS: Final = ("目标", "计划", "任务", "预期", "预算")

#: Words that write a change as a decline (the number after them is a magnitude).
DECLINE_WORDS: Final = ("下降", "减少", "降低", "下滑", "回落", "缩减", "减小", "下跌", "降幅")

#: Percent as a fraction of one.
_PERCENT: Final = Fraction(1, 100)


def unit_of(fact: Fact) -> Unit | None:
    """The fact's resolved unit, or None for a pure number or an unknown unit."""
    try:
        return fact.value.unit_info
    except UnitError:  # pragma: no cover - Value validates its unit
        return None


def proportion(fact: Fact) -> Interval | None:
    """The fact's interval as a fraction of one (98.8% → [0.9875, 0.9885)).

    None when its unit is not a proportion (%, ‰, 倍) or it has no unit.
    """
    u = unit_of(fact)
    if u is None or u.category is not UnitCategory.PROPORTION:
        return None
    return fact.value.interval_in("倍")


def percent_interval(fact: Fact) -> Interval | None:
    """The fact's interval in percent, or None when it is not a proportion."""
    p = proportion(fact)
    return None if p is None else p.scale(100)


def base_interval(fact: Fact) -> tuple[Interval, str] | None:
    """The interval in the unit without 万/亿, and that unit: 2.2万余个 → (22000, 23000) 个."""
    u = unit_of(fact)
    if u is None:
        return None
    return fact.value.interval.scale(u.factor), u.base


def in_unit(fact: Fact, unit: str | Unit) -> Interval | None:
    """The fact's interval converted into ``unit``, or None when the dimensions differ."""
    try:
        return fact.value.interval_in(unit)
    except (DimensionMismatchError, UnitError):
        return None


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
        ia, ib = in_unit(a, target), in_unit(b, target)
        if ia is None or ib is None:  # pragma: no cover - same dimension always converts
            return None
        return ia, ib, target
    if ua.category is UnitCategory.COUNT and ub.category is UnitCategory.COUNT:
        return a.value.interval.scale(ua.factor), b.value.interval.scale(ub.factor), ub.base
    return None


def describe(fact: Fact) -> str:
    """A figure for a message: its indicator phrase (and subject) with the value as written."""
    words = [w for w in (fact.subject, fact.indicator) if w]
    label = "".join(words)
    shown = fact.surface or str(fact.value)
    return f"{label} {shown}".strip() if label else shown


def is_attainment(ctx: CheckContext, fact: Fact) -> bool:
    """Whether a percentage is the attainment of a target (完成年度目标的117%): it may exceed 100%.

    The catalog decides when it knows the indicator phrase; otherwise a word such as 目标 or 计划
    in the phrase, or just before the figure, marks attainment.
    """
    ind = ctx.indicator(fact)
    if ind is not None and (ind.attainment or ind.bounded):
        return ind.attainment
    phrase = (fact.indicator or "") + ctx.text_before(fact, 12)
    return any(w in phrase for w in ATTAINMENT_WORDS)


def is_actual(fact: Fact) -> bool:
    """Whether the fact reports what happened or an estimate (not a target)."""
    return fact.modality is not Modality.TARGET


def is_amount(fact: Fact) -> bool:
    """Whether the fact is an amount (a level or count)."""
    return fact.kind is FactKind.AMOUNT


def show_interval(interval: Interval, unit: str = "") -> str:
    """An interval for a message, with a unit after it."""
    return f"{format_interval(interval)}{unit}"


def show_number(x: Fraction | int, unit: str = "") -> str:
    """A number for a message, with a unit after it."""
    return f"{format_number(x)}{unit}"


def convert_factor(source: str, target: str) -> Fraction | None:
    """The conversion factor between two units, or None when they cannot be converted."""
    try:
        return conversion_factor(source, target)
    except (DimensionMismatchError, UnitError):
        return None


def resolve_unit(text: str) -> Unit | None:
    """A unit string resolved, or None when unknown."""
    try:
        return parse_unit(text)
    except UnitError:
        return None
