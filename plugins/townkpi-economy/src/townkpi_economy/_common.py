"""Helpers of the economy checks: which facts are comparable, units, and phrasing of figures.

Only townkpi's public API is used. Two figures are compared when they describe the same thing at
the same time: both targets or both not, and either in the same sentence or of the same known
period and subject (a missing subject matches one that names the whole area, 全镇 or 全省).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import Final

from townkpi import (
    CheckContext,
    DimensionMismatchError,
    Fact,
    FactKind,
    Indicator,
    Interval,
    Modality,
    UnitCategory,
    UnitError,
)
from townkpi.findings import format_interval

__all__ = [
    "canonical",
    "describe",
    "find",
    "in_unit",
    "same_scope",
    "same_subject",
    "show",
    "surely_greater",
]

#: A subject that starts so names the whole area the report is about (全镇, 全市, 全省).
WHOLE_AREA: Final = "全"


def canonical(ctx: CheckContext, fact: Fact) -> Indicator | None:
    """The catalog indicator a fact's phrase ends with (its head), or None."""
    return ctx.catalog.lookup(fact.indicator, head=True)


def category(fact: Fact) -> UnitCategory | None:
    """The category of the fact's unit, or None for a pure number."""
    u = fact.value.unit_info
    return None if u is None else u.category


def in_unit(fact: Fact, unit: str) -> Interval | None:
    """The fact's interval converted into ``unit``, or None when the dimensions differ."""
    if fact.unit is None:
        return None
    try:
        return fact.value.interval_in(unit)
    except (DimensionMismatchError, UnitError):
        return None


def same_subject(a: Fact, b: Fact) -> bool:
    """Whether two facts are about the same place or project.

    A missing subject matches another missing one or one that names the whole area (全镇).
    """
    if a.subject == b.subject:
        return True
    other = a.subject or b.subject or ""
    return not (a.subject and b.subject) and other.startswith(WHOLE_AREA)


def same_scope(ctx: CheckContext, a: Fact, b: Fact) -> bool:
    """Whether two facts describe the same scope at the same time.

    Both are targets or neither is, their periods do not differ, and they stand in the same
    sentence or state the same known period, for the same subject.
    """
    if (a.modality is Modality.TARGET) != (b.modality is Modality.TARGET):
        return False
    if a.period is not None and b.period is not None and a.period != b.period:
        return False
    if ctx.same_sentence(a, b):
        return same_subject(a, b)
    return a.period is not None and a.period == b.period and same_subject(a, b)


def find(ctx: CheckContext, fact: Fact, names: Iterable[str]) -> Iterator[Fact]:
    """The amounts of the given catalog indicators in the same scope as ``fact``."""
    wanted = frozenset(names)
    for other in ctx.facts:
        if other.id == fact.id or other.kind is not FactKind.AMOUNT:
            continue
        ind = canonical(ctx, other)
        if ind is not None and ind.name in wanted and same_scope(ctx, fact, other):
            yield other


def surely_greater(a: Interval, b: Interval) -> bool:
    """Whether every value of ``a`` exceeds every value of ``b``."""
    if a.lower is None or b.upper is None:
        return False
    return a.lower > b.upper or (a.lower == b.upper and not (a.lower_closed and b.upper_closed))


def ratio(a: Interval, b: Interval) -> Interval | None:
    """``a / b`` for a positive ``b``, or None when ``b`` may be zero or negative."""
    if b.lower is None or b.lower < 0 or 0 in b:
        return None
    return a / b


def percent(x: Interval) -> Interval:
    """A fraction of one in percent."""
    return x.scale(Fraction(100))


def describe(fact: Fact) -> str:
    """A figure for a message: its subject and indicator phrase with the value as written."""
    label = "".join(w for w in (fact.subject, fact.indicator) if w)
    shown = fact.surface or str(fact.value)
    when = f" ({fact.period})" if fact.period is not None else ""
    return f"{label} {shown}{when}".strip()


def show(interval: Interval, unit: str = "") -> str:
    """An interval for a message, its ends rounded to four decimals, with a unit after it."""
    return f"{format_interval(interval)}{unit}"
