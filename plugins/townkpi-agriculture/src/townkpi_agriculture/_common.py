"""Helpers of the agriculture checks: which facts are comparable, units, and phrasing of figures.

Only townkpi's public API is used. Two figures are compared when they describe the same thing at
the same time: both targets or both not, and either in the same sentence or of the same known
period and subject (a missing subject matches one that names the whole area, 全镇 or 全省).
"""

from __future__ import annotations

import re
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
    Period,
    UnitCategory,
    UnitError,
)
from townkpi.findings import format_interval

__all__ = [
    "canonical",
    "describe",
    "find",
    "in_unit",
    "is_cumulative",
    "is_increment",
    "is_under_way",
    "previous_year",
    "same_scope",
    "same_subject",
    "show",
    "surely_greater",
]

#: A subject that starts so names the whole area the report is about (全镇, 全市, 全省).
WHOLE_AREA: Final = "全"

#: Words that make a figure an increment rather than a level (新增粮食种植面积约230亩).
INCREMENT_WORDS: Final = ("新增", "净增", "增加", "扩大")

#: The word that makes a figure a running total since some earlier date (累计达到120.5万亩).
CUMULATIVE_WORD: Final = "累计"

#: How many characters before a figure may carry 累计 (累计建成高标准农田4397万亩).
_CUMULATIVE_REACH: Final = 12

#: Words before a figure that make it work under way rather than done (推进8686亩…项目).
_UNDER_WAY: Final = re.compile(r"推进|推动|实施|开工|启动|在建|谋划|计划|力争|争取|确保")


def canonical(ctx: CheckContext, fact: Fact) -> Indicator | None:
    """The catalog indicator a fact's phrase ends with (its head), or None."""
    return ctx.catalog.lookup(fact.indicator, head=True)


def is_increment(fact: Fact) -> bool:
    """Whether a figure is an increment (新增…, 净增…) rather than a level."""
    phrase = fact.indicator or ""
    return any(w in phrase for w in INCREMENT_WORDS) or any(
        q in INCREMENT_WORDS for q in fact.qualifiers
    )


def is_cumulative(ctx: CheckContext, fact: Fact) -> bool:
    """Whether a figure is a running total (累计…), by its qualifiers or the words before it."""
    if CUMULATIVE_WORD in fact.qualifiers or CUMULATIVE_WORD in (fact.indicator or ""):
        return True
    before = ctx.text_before(fact, _CUMULATIVE_REACH)
    clause = re.split(r"[，,、；;：:]", before)[-1]
    return CUMULATIVE_WORD in clause


def is_under_way(ctx: CheckContext, fact: Fact) -> bool:
    """Whether the words before a figure make it work under way, not done (推进, 实施, 开工)."""
    before = ctx.text_before(fact, _CUMULATIVE_REACH)
    clause = re.split(r"[，,、；;：:]", before)[-1]
    return bool(_UNDER_WAY.search(clause))


def previous_year(period: Period) -> Period:
    """The same months one year earlier."""
    return Period(
        start_year=period.start_year - 1,
        start_month=period.start_month,
        end_year=period.end_year - 1,
        end_month=period.end_month,
    )


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


def find(
    ctx: CheckContext,
    fact: Fact,
    names: Iterable[str],
    kinds: Iterable[FactKind] = (FactKind.AMOUNT,),
) -> Iterator[Fact]:
    """The facts of the given catalog indicators and kinds in the same scope as ``fact``."""
    wanted, of_kind = frozenset(names), frozenset(kinds)
    for other in ctx.facts:
        if other.id == fact.id or other.kind not in of_kind:
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
