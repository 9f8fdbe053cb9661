"""A target rule: an indicator, a comparator and a bound for a later period, with its strength.

A [`Target`][townkpi.targets.rule.Target] is what a plan commits to: 规上工业增加值同比增长5% is
a growth target ``≥ 5%``; 新进规企业超过10家 is a level target ``> 10家``; 城乡居民收入倍差1.56以内
is a ratio target ``≤ 1.56``. Its bound is the written threshold, exact: a plan defines its
threshold, it does not measure it, so 5% means 5% and not the rounding interval [4.5%, 5.5%).

[`Target.evaluate`][townkpi.targets.rule.Target.evaluate] compares an actual with the target and
returns a [`TargetOutcome`][townkpi.targets.outcome.TargetOutcome]:

Example:
    >>> from townkpi.interval import Interval
    >>> from townkpi.model import Value
    >>> from townkpi.numbers import Comparator
    >>> t = Target(
    ...     id="t1",
    ...     indicator="新进规企业",
    ...     comparator=Comparator.GT,
    ...     bound=Interval.point(10),
    ...     unit="家",
    ...     kind=TargetKind.LEVEL,
    ... )
    >>> t.evaluate(Value.parse("10家")).status.value
    'missed'
    >>> t.evaluate(Value.parse("12家")).status.value
    'met'
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Final

import attrs

from townkpi.errors import DimensionMismatchError
from townkpi.interval import Interval, format_fraction
from townkpi.model import Fact, FactKind, Period, Span, Value
from townkpi.numbers import Comparator
from townkpi.targets.actual import Actual
from townkpi.targets.kinds import Strength, TargetKind
from townkpi.targets.outcome import OutcomeReason, TargetOutcome, TargetStatus
from townkpi.units import parse_unit

__all__ = ["TARGET_COMPARATORS", "Target"]

#: The comparators a target may have; a plain figure in a plan is read as one of these.
TARGET_COMPARATORS: Final = frozenset(
    {Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT, Comparator.RANGE}
)

_SYMBOLS: Final[Mapping[Comparator, str]] = MappingProxyType(
    {
        Comparator.GE: "≥",
        Comparator.GT: ">",
        Comparator.LE: "≤",
        Comparator.LT: "<",
        Comparator.RANGE: "in",
    }
)

#: The fact kinds an actual may have for each target kind (an actual of unknown kind always may).
_ACCEPTS: Final[Mapping[TargetKind, frozenset[FactKind]]] = MappingProxyType(
    {
        TargetKind.LEVEL: frozenset({FactKind.AMOUNT}),
        TargetKind.GROWTH: frozenset({FactKind.CHANGE}),
        TargetKind.RATE: frozenset({FactKind.RATE, FactKind.SHARE, FactKind.AMOUNT}),
        TargetKind.RATIO: frozenset({FactKind.RATIO, FactKind.AMOUNT}),
        TargetKind.RANK: frozenset({FactKind.RANK}),
    }
)

_NEEDS: Final[Mapping[TargetKind, str]] = MappingProxyType(
    {
        TargetKind.LEVEL: "a level (an amount)",
        TargetKind.GROWTH: "a change, or the levels of two consecutive years",
        TargetKind.RATE: "a rate or a share",
        TargetKind.RATIO: "a ratio",
        TargetKind.RANK: "a rank",
    }
)


def _check_unit(_inst: object, _attr: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        parse_unit(value)


def _check_comparator(_inst: object, _attr: attrs.Attribute[Comparator], value: Comparator) -> None:
    if value not in TARGET_COMPARATORS:
        raise ValueError(f"a target's comparator is one of >=, >, <=, <, range, not {value.value}")


def _check_bound(_inst: object, _attr: attrs.Attribute[Interval], value: Interval) -> None:
    if not value.is_bounded:
        raise ValueError(f"a target's bound is a written number or range, not {value}")


def _amount(x: Fraction, unit: str | None) -> str:
    return f"{format_fraction(x)}{unit or ''}"


def _interval_text(iv: Interval, unit: str | None) -> str:
    return f"{iv} {unit}" if unit else str(iv)


@attrs.frozen(slots=True, kw_only=True)
class Target:
    """A plan's commitment about one indicator in a later period.

    Attributes:
        id: Unique within its plan (the id of the fact it was built from).
        indicator: What it is about (规上工业增加值), or None when the plan left it unknown.
        subject: Who or where it is about (全镇), or None.
        comparator: How an actual must relate to the bound: ``>=``, ``>``, ``<=``, ``<``, or
            ``range`` (a range such as 新增1-2个: met when the actual lies within it).
        bound: The written threshold, exact: a point (5%, 10家), or both ends of a range (1-2个).
        unit: The bound's unit as written (``%``, ``家``, ``亿元``), or None for a pure number.
        kind: Level, growth, rate, ratio or rank.
        strength: How firmly the plan commits (力争 < 争取 < 确保).
        period: The period it is for (2024), when known.
        surface: The figure as the plan wrote it (``超过10家``, ``99.5%以上``).
        fact_id: The id of the target fact it was built from, if any.
        span: Where the figure stands in the plan's text, if known.
        source: The plan it came from (a file name).
    """

    id: str = attrs.field(validator=attrs.validators.min_len(1))
    indicator: str | None = None
    subject: str | None = None
    comparator: Comparator = attrs.field(
        validator=[attrs.validators.instance_of(Comparator), _check_comparator]
    )
    bound: Interval = attrs.field(validator=[attrs.validators.instance_of(Interval), _check_bound])
    unit: str | None = attrs.field(default=None, validator=_check_unit)
    kind: TargetKind = attrs.field(validator=attrs.validators.instance_of(TargetKind))
    strength: Strength = attrs.field(
        default=Strength.NONE, validator=attrs.validators.instance_of(Strength)
    )
    period: Period | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Period))
    )
    surface: str = ""
    fact_id: str | None = None
    span: Span | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Span))
    )
    source: str = ""

    # ---------------------------------------------------------------- views
    @property
    def threshold(self) -> Fraction:
        """The number an actual is measured against: the bound's end the comparator looks at."""
        assert self.bound.lower is not None
        assert self.bound.upper is not None
        if self.comparator in {Comparator.GT, Comparator.LE}:
            return self.bound.upper
        return self.bound.lower

    @property
    def goal(self) -> Interval:
        """Every value that satisfies the target, in its unit.

        Example:
            >>> from townkpi.interval import Interval
            >>> t = Target(
            ...     id="t",
            ...     comparator=Comparator.LE,
            ...     bound=Interval.point("1.56"),
            ...     kind=TargetKind.RATIO,
            ... )
            >>> str(t.goal)
            '(-inf, 1.56]'
        """
        b = self.bound
        if self.comparator is Comparator.RANGE:
            return b
        if self.comparator is Comparator.GE:
            return Interval(lower=b.lower, upper=None, lower_closed=b.lower_closed)
        if self.comparator is Comparator.GT:
            return Interval(lower=b.upper, upper=None, lower_closed=False)
        if self.comparator is Comparator.LE:
            return Interval(lower=None, upper=b.upper, upper_closed=b.upper_closed)
        return Interval(lower=None, upper=b.lower, upper_closed=False)

    @property
    def margin_unit(self) -> str | None:
        """The unit a margin is expressed in: 个百分点 for a target in %, else the target's unit."""
        return "个百分点" if self.unit in {"%", "％"} else self.unit

    def accepts(self, kind: FactKind | None) -> bool:
        """Whether an actual of this fact kind can be compared with the target (None: unknown)."""
        return kind is None or kind in _ACCEPTS[self.kind]

    def describe_bound(self) -> str:
        """The rule in symbols: ``≥ 5%``, ``> 10家``, ``≤ 1.56``, ``in 1-2个``."""
        if self.comparator is Comparator.RANGE and not self.bound.is_point:
            assert self.bound.upper is not None
            return f"in {format_fraction(self.threshold)}-{_amount(self.bound.upper, self.unit)}"
        return f"{_SYMBOLS[self.comparator]} {_amount(self.threshold, self.unit)}"

    def __str__(self) -> str:
        return f"{self.indicator or '?'} {self.describe_bound()}"

    # ---------------------------------------------------------------- evaluation
    def evaluate(self, actual: Fact | Value | Actual) -> TargetOutcome:
        """Compare an actual with the target.

        The actual's interval is converted exactly into the target's unit. The target is met
        when the whole interval satisfies it, missed when none of it does, and undecidable when
        the interval straddles the bound. A strict comparator (超过) excludes the bound itself,
        a non-strict one (以上, 以内) includes it.

        Args:
            actual: A fact, a bare value, or an [`Actual`][townkpi.targets.actual.Actual] (for a
                growth derived from two levels, see
                [`Actual.from_levels`][townkpi.targets.actual.Actual.from_levels]).

        Returns:
            The outcome; an actual that cannot be compared (another dimension, another kind of
            figure) gives an undecidable outcome that says why, never an exception.
        """
        act = Actual.of(actual)
        if act.kind is not None and not self.accepts(act.kind):
            return TargetOutcome(
                target=self,
                actual=act,
                status=TargetStatus.UNDECIDABLE,
                reason=OutcomeReason.KIND,
                message=(
                    f"{act.text} is a {act.kind.value} figure; a {self.kind.value} target "
                    f"needs {_NEEDS[self.kind]}"
                ),
            )
        try:
            iv = act.interval_in(self.unit)
        except DimensionMismatchError:
            return TargetOutcome(
                target=self,
                actual=act,
                status=TargetStatus.UNDECIDABLE,
                reason=OutcomeReason.DIMENSION,
                message=(
                    f"cannot compare {act.text} with {self.describe_bound()}: "
                    f"{act.unit or 'a pure number'} and {self.unit or 'a pure number'} "
                    "measure different things"
                ),
            )
        goal = self.goal
        margin = iv - self.threshold
        rule = self.describe_bound()
        if iv.is_point:
            assert iv.lower is not None
            stands = f"{act.text} is exactly {_amount(iv.lower, self.unit)}, which is"
            all_of, none_of = stands, f"{stands} not"
        else:
            stands = f"{act.text} stands for {_interval_text(iv, self.unit)}"
            all_of, none_of = f"{stands}: all of it is", f"{stands}: none of it is"
        if iv.issubset(goal):
            status, reason, message = TargetStatus.MET, None, f"{all_of} {rule}"
        elif not iv.overlaps(goal):
            status, reason, message = TargetStatus.MISSED, None, f"{none_of} {rule}"
        else:
            status, reason = TargetStatus.UNDECIDABLE, OutcomeReason.STRADDLES
            message = f"{stands}, which straddles the bound: part of it is {rule}, part is not"
        return TargetOutcome(
            target=self,
            actual=act,
            status=status,
            margin=margin,
            margin_unit=self.margin_unit,
            reason=reason,
            message=message,
        )
