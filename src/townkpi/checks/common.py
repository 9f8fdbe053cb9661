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
    "counterparts",
    "describe",
    "in_unit",
    "is_actual",
    "is_attainment",
    "is_increment",
    "percent_interval",
    "proportion",
    "same_scope",
    "same_subject",
    "surely_greater",
]

ATTAINMENT_WORDS: Final = ("目标", "计划", "任务", "预期", "预算")
"""Words that mark a percentage as attainment of a target (may exceed 100%)."""

DECLINE_WORDS: Final = ("下降", "减少", "降低", "下滑", "回落", "缩减", "减小", "下跌", "降幅")
"""Words that write a change as a decline (the number after them is a magnitude)."""

_PERCENT: Final = Fraction(1, 100)
"""Percent as a fraction of one."""


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
    ind = ctx.indicator(fact, clause=True)
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


def surely_greater(a: Interval, b: Interval) -> bool:
    """Whether every number of ``a`` exceeds every number of ``b`` (no values satisfy a ≤ b)."""
    if a.lower is None or b.upper is None:
        return False
    return a.lower > b.upper or (a.lower == b.upper and not (a.lower_closed and b.upper_closed))


_WHOLE_AREA_PREFIX: Final = "全"
"""Subjects that name the whole area a report is about (全镇, 全市 …)."""


def same_subject(a: Fact, b: Fact) -> bool:
    """Whether two facts are about the same subject.

    Equal subjects are the same, and so are two where one contains the other (宁慈线 and
    轨道交通宁慈线); a missing subject matches another missing one or a subject that names the
    whole area (全镇, 全市, 全省).
    """
    if a.subject == b.subject:
        return True
    sa, sb = a.subject or "", b.subject or ""
    if not sa or not sb:
        other = sa or sb
        return other.startswith(_WHOLE_AREA_PREFIX)
    return sa in sb or sb in sa


INCREMENT_WORDS: Final = ("新增", "净增", "新建", "增加", "新开工", "新引进", "新认定")
"""Words that make a figure an increment rather than a level (新增粮食种植面积约230亩)."""


def is_increment(fact: Fact) -> bool:
    """Whether a figure is an increment (新增…) rather than a level."""
    phrase = fact.indicator or ""
    return any(phrase.startswith(w) for w in INCREMENT_WORDS) or any(
        q in INCREMENT_WORDS for q in fact.qualifiers
    )


def same_scope(ctx: CheckContext, a: Fact, b: Fact) -> bool:
    """Whether two amounts are comparable as part and whole of one report's statement.

    They are when both are targets or both are not, both are increments (新增…) or both levels,
    and they stand in the same sentence or state the same known period for the same subject.
    """
    if is_actual(a) != is_actual(b) or is_increment(a) != is_increment(b):
        return False
    if ctx.same_sentence(a, b):
        return True
    if a.period is None or b.period is None or a.period != b.period:
        return False
    return same_subject(a, b)


def counterparts(ctx: CheckContext, fact: Fact, indicator: str) -> list[Fact]:
    """The amounts of another catalog indicator in the same scope as ``fact``, nearest first.

    Facts in the same sentence come first, then the others in order of distance in the text.
    """
    out = [
        other
        for other in ctx.amounts_of(indicator)
        if other.id != fact.id and same_scope(ctx, fact, other)
    ]

    def distance(other: Fact) -> tuple[int, int]:
        near = 0 if ctx.same_sentence(fact, other) else 1
        if fact.span is None or other.span is None:
            return near, 0
        return near, abs(fact.span.start - other.span.start)

    return sorted(out, key=distance)
