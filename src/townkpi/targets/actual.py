"""What a target is evaluated against: one observed figure, or a growth derived from two levels.

An [`Actual`][townkpi.targets.actual.Actual] is the interval of true values an observed figure
stands for, with its unit, kind and period. It comes from a [`Fact`][townkpi.model.Fact] or a bare
[`Value`][townkpi.model.Value] ([`Actual.of`][townkpi.targets.actual.Actual.of]), or from the
levels of two consecutive periods
([`Actual.from_levels`][townkpi.targets.actual.Actual.from_levels]): growth = (level this year /
level last year − 1) × 100%, computed on intervals, exactly. 105亿元 after 100亿元 is not a growth
of exactly 5%: the two rounded levels allow anything from 104.5/100.5 − 1 to 105.5/99.5 − 1.

Example:
    >>> from townkpi.model import Value
    >>> g = Actual.from_levels(Value.parse("105亿元"), Value.parse("100亿元"))
    >>> str(g.interval), g.unit
    ('(3.980099502488, 6.030150753769)', '%')
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Final

import attrs

from townkpi.errors import DimensionMismatchError
from townkpi.interval import Interval
from townkpi.model import Fact, FactKind, Modality, Period, Value
from townkpi.units import conversion_factor, parse_unit

__all__ = ["PURE_NUMBER", "Actual", "interval_in_unit"]

#: The unit a figure without one is read in (a pure number: 1.56 is 1.56 倍).
PURE_NUMBER: Final = "倍"


def _check_unit(_inst: object, _attr: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        parse_unit(value)


def interval_in_unit(interval: Interval, unit: str | None, target: str | None) -> Interval:
    """Convert an interval from ``unit`` into ``target`` exactly (None is a pure number).

    Raises:
        DimensionMismatchError: The units measure different things (家 and 个, % and 个百分点).

    Example:
        >>> str(interval_in_unit(Interval.closed(1, 2), "亿元", "万元"))
        '[10000, 20000]'
    """
    if (unit or PURE_NUMBER) == (target or PURE_NUMBER):
        return interval
    return interval.scale(conversion_factor(unit or PURE_NUMBER, target or PURE_NUMBER))


def _str_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _next_year(period: Period) -> Period:
    return attrs.evolve(period, start_year=period.start_year + 1, end_year=period.end_year + 1)


@attrs.frozen(slots=True, kw_only=True)
class Actual:
    """An observed figure a target is evaluated against.

    Attributes:
        interval: Every true value consistent with the figure, in ``unit``.
        unit: The unit of ``interval`` (as written, scale included), or None for a pure number.
        text: The figure as written (``5.4%``), or how it was derived from levels.
        kind: The kind of the fact it came from, or None when unknown (a bare value).
        indicator: What it measures, when known.
        subject: Who or where it is about, when known.
        period: The period it covers, when known.
        modality: Actual or estimate.
        facts: The ids of the facts it came from (two for a growth derived from levels).
        source: Where it came from, for messages (``line 3, column 12``, ``actuals.csv line 4``).
    """

    interval: Interval = attrs.field(validator=attrs.validators.instance_of(Interval))
    unit: str | None = attrs.field(default=None, validator=_check_unit)
    text: str = attrs.field(validator=attrs.validators.min_len(1))
    kind: FactKind | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(FactKind))
    )
    indicator: str | None = None
    subject: str | None = None
    period: Period | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Period))
    )
    modality: Modality = attrs.field(
        default=Modality.ACTUAL, validator=attrs.validators.instance_of(Modality)
    )
    facts: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    source: str | None = None

    @classmethod
    def of(cls, figure: Fact | Value | Actual) -> Actual:
        """The actual a fact or a bare value stands for (an actual is returned as it is)."""
        if isinstance(figure, Actual):
            return figure
        if isinstance(figure, Value):
            return cls(interval=figure.interval, unit=figure.unit, text=str(figure))
        return cls(
            interval=figure.interval,
            unit=figure.unit,
            text=figure.surface or str(figure.value),
            kind=figure.kind,
            indicator=figure.indicator,
            subject=figure.subject,
            period=figure.period,
            modality=figure.modality,
            facts=(figure.id,),
            source=figure.location,
        )

    @classmethod
    def from_levels(cls, current: Fact | Value | Actual, previous: Fact | Value | Actual) -> Actual:
        """The growth from ``previous`` to ``current``, in %: (current / previous − 1) × 100.

        Both levels are converted into the unit of ``current`` first; the result is the exact
        interval of every growth rate the two written levels allow.

        Args:
            current: The level of the later period.
            previous: The level of the period one year before.

        Raises:
            DimensionMismatchError: The two levels measure different things.
            ValueError: The periods are both known and not one year apart, a level is not an
                amount, or the previous level may be zero.
        """
        cur, prev = cls.of(current), cls.of(previous)
        for level in (cur, prev):
            if level.kind not in {None, FactKind.AMOUNT}:
                raise ValueError(
                    f"a growth needs two levels, but {level.text} is a {level.kind} figure"
                )
        if (
            cur.period is not None
            and prev.period is not None
            and _next_year(prev.period) != cur.period
        ):
            raise ValueError(
                f"a growth needs levels one year apart, not {prev.period} and {cur.period}"
            )
        try:
            prev_iv = interval_in_unit(prev.interval, prev.unit, cur.unit)
        except DimensionMismatchError as exc:
            raise DimensionMismatchError(prev.unit or "", cur.unit or "", "divide") from exc
        try:
            growth = (cur.interval / prev_iv - 1) * Fraction(100)
        except ZeroDivisionError as exc:
            raise ValueError(f"the previous level {prev.text} may be zero") from exc
        return cls(
            interval=growth,
            unit="%",
            text=f"{cur.text} / {prev.text} − 1",
            kind=FactKind.CHANGE,
            indicator=cur.indicator or prev.indicator,
            subject=cur.subject or prev.subject,
            period=cur.period,
            modality=(
                Modality.ACTUAL
                if Modality.ACTUAL is cur.modality is prev.modality
                else Modality.ESTIMATE
            ),
            facts=cur.facts + prev.facts,
            source=", ".join(s for s in (cur.source, prev.source) if s) or None,
        )

    def interval_in(self, unit: str | None) -> Interval:
        """The interval converted exactly into ``unit`` (None is a pure number).

        Raises:
            DimensionMismatchError: ``unit`` measures something else.
        """
        return interval_in_unit(self.interval, self.unit, unit)
