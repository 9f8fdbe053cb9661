"""Exact intervals for rounded and qualified values.

A figure in a report stands for every number that would have been written the same way: "98.8"
stands for [98.75, 98.85) under half-up rounding, "超过10" for (10, +∞). An
[`Interval`][townkpi.interval.Interval] holds such a set exactly, with `fractions.Fraction`
bounds (never floats), open or closed ends, and ``None`` for an unbounded end. Arithmetic is
inclusion-monotone: for any ``x`` in ``a`` and ``y`` in ``b``, ``x + y`` lies in ``a + b``
(likewise for ``-``, ``*`` and ``/``).

Example:
    >>> from decimal import Decimal
    >>> r = Interval.from_rounded(Decimal("98.8"))
    >>> str(r)
    '[98.75, 98.85)'
    >>> Fraction(9885, 100) in r
    False
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

__all__ = ["DEFAULT_APPROX_TOLERANCE", "Interval", "Rounding", "format_fraction"]

DEFAULT_APPROX_TOLERANCE: Final = Fraction(1, 20)
"""The relative half-width of the band that 约/左右 (about) put around a value: 5 %."""

Number = Fraction | int | Decimal


class Rounding(enum.StrEnum):
    """How a written value was rounded from the true one.

    Attributes:
        HALF_UP: Round half away from zero (the usual convention): "98.8" is [98.75, 98.85).
        TRUNCATE: Digits were cut off (XBRL's truncation): "98.8" is [98.8, 98.9).
        ANY: Either way at a tie; both ends closed: "98.8" is [98.75, 98.85].
    """

    HALF_UP = "half-up"
    TRUNCATE = "truncate"
    ANY = "any"


def _frac(x: Number) -> Fraction:
    # The exact type first: ``isinstance(x, Fraction)`` of any other type goes through the
    # abstract base class check of ``numbers.Rational``, slow beside these.
    if type(x) is Fraction:
        return x
    if isinstance(x, Decimal):  # the same Fraction, without Fraction's slower generic path
        return Fraction(*x.as_integer_ratio())
    if isinstance(x, Fraction):
        return x
    return Fraction(x)


@attrs.frozen(slots=True, kw_only=True)
class _End:
    """One end of an interval during arithmetic.

    ``value`` is None for an infinite end, ``closed`` says whether the end is attained.
    """

    value: Fraction | None
    closed: bool
    sign: int = 0  # for infinite ends: -1 or +1


def _mul_end(a: _End, b: _End) -> _End:
    if (a.value == 0 and a.closed) or (b.value == 0 and b.closed):
        return _End(value=Fraction(0), closed=True)
    if a.value is None or b.value is None:
        sa = a.sign if a.value is None else (a.value > 0) - (a.value < 0)
        sb = b.sign if b.value is None else (b.value > 0) - (b.value < 0)
        s = sa * sb
        if s == 0:
            return _End(value=Fraction(0), closed=False)
        return _End(value=None, closed=False, sign=s)
    return _End(value=a.value * b.value, closed=a.closed and b.closed)


_new = object.__new__
_set = object.__setattr__


def _trusted(
    lower: Fraction | None, upper: Fraction | None, lower_closed: bool, upper_closed: bool
) -> Interval:
    """An [`Interval`][townkpi.interval.Interval] built without converting or validating.

    Only for ends computed from a valid interval so that they are Fractions (or None, with that
    end open), ordered, and not an empty set; equal to ``Interval(...)`` with the same arguments.
    """
    interval = _new(Interval)
    _set(interval, "lower", lower)
    _set(interval, "upper", upper)
    _set(interval, "lower_closed", lower_closed)
    _set(interval, "upper_closed", upper_closed)
    return interval


def _key(e: _End) -> tuple[int, Fraction]:
    if e.value is None:
        return (e.sign, Fraction(0))
    return (0, e.value)


@attrs.frozen(slots=True, kw_only=True, repr=False)
class Interval:
    """A set of real numbers between two ends, each open or closed, possibly unbounded.

    Attributes:
        lower: The lower end, or ``None`` for −∞.
        upper: The upper end, or ``None`` for +∞.
        lower_closed: Whether ``lower`` itself belongs to the interval (False when unbounded).
        upper_closed: Whether ``upper`` itself belongs to the interval (False when unbounded).
    """

    lower: Fraction | None = attrs.field(converter=attrs.converters.optional(_frac))
    upper: Fraction | None = attrs.field(converter=attrs.converters.optional(_frac))
    lower_closed: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    upper_closed: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if self.lower is None and self.lower_closed:
            object.__setattr__(self, "lower_closed", False)
        if self.upper is None and self.upper_closed:
            object.__setattr__(self, "upper_closed", False)
        if self.lower is not None and self.upper is not None:
            if self.lower > self.upper:
                raise ValueError(f"empty interval: lower {self.lower} > upper {self.upper}")
            if self.lower == self.upper and not (self.lower_closed and self.upper_closed):
                raise ValueError(f"empty interval at {self.lower}: a point needs both ends closed")

    # ------------------------------------------------------------------ constructors
    @classmethod
    def point(cls, x: Number) -> Interval:
        """The single number ``x``."""
        f = _frac(x)
        return _trusted(f, f, True, True)  # a point is a valid interval: no re-validation

    # The constructors below build a valid interval without re-validating it (as ``point``
    # does); an empty one goes to the constructor, which raises its error.
    @classmethod
    def closed(cls, lower: Number, upper: Number) -> Interval:
        """``[lower, upper]``."""
        lo, hi = _frac(lower), _frac(upper)
        if lo <= hi:
            return _trusted(lo, hi, True, True)
        return cls(lower=lo, upper=hi)

    @classmethod
    def open(cls, lower: Number | None, upper: Number | None) -> Interval:
        """``(lower, upper)``; ``None`` for an unbounded end."""
        lo = None if lower is None else _frac(lower)
        hi = None if upper is None else _frac(upper)
        if lo is None or hi is None or lo < hi:
            return _trusted(lo, hi, False, False)
        return cls(lower=lo, upper=hi, lower_closed=False, upper_closed=False)

    @classmethod
    def at_least(cls, x: Number) -> Interval:
        """``[x, +∞)`` (以上, 不少于, 不低于)."""
        return _trusted(_frac(x), None, True, False)

    @classmethod
    def greater_than(cls, x: Number) -> Interval:
        """``(x, +∞)`` (超过, 高于)."""
        return _trusted(_frac(x), None, False, False)

    @classmethod
    def at_most(cls, x: Number) -> Interval:
        """``(−∞, x]`` (以内, 以下, 不超过)."""
        return _trusted(None, _frac(x), False, True)

    @classmethod
    def less_than(cls, x: Number) -> Interval:
        """``(−∞, x)`` (不足, 低于)."""
        return _trusted(None, _frac(x), False, False)

    @classmethod
    def everything(cls) -> Interval:
        """The whole real line."""
        return cls(lower=None, upper=None)

    @classmethod
    def from_rounded(
        cls, value: Decimal, rounding: Rounding = Rounding.HALF_UP, quantum: Number | None = None
    ) -> Interval:
        """Every number that, rounded to the precision ``value`` was written with, gives ``value``.

        Args:
            value: The number as written; its exponent gives the precision ("98.8" → 0.1).
            rounding: The rounding convention the writer is assumed to have used.
            quantum: Override the precision (the size of the last written digit).

        Returns:
            The interval of true values consistent with the written one.

        Example:
            >>> str(Interval.from_rounded(Decimal("131.5")))
            '[131.45, 131.55)'
            >>> str(Interval.from_rounded(Decimal("-8.7")))
            '(-8.75, -8.65]'
        """
        if quantum is None and rounding is not Rounding.TRUNCATE:
            return _rounded_half(value, rounding)
        q = quantum_of(value) if quantum is None else _frac(quantum)
        v = _frac(value)
        if rounding is Rounding.TRUNCATE:
            # Cut towards zero: 98.8 is [98.8, 98.9), -8.7 is (-8.8, -8.7], 0 is (-q, q).
            below = q if v <= 0 else Fraction(0)
            above = q if v >= 0 else Fraction(0)
        else:
            below = above = q / 2
        if rounding is Rounding.ANY:
            lower_closed = upper_closed = True
        else:
            # Half-up rounds a tie away from zero, and truncation keeps the written value itself,
            # so the end nearer to zero is attained and the one farther away is not.
            lower_closed, upper_closed = v > 0, v < 0
        return cls(
            lower=v - below,
            upper=v + above,
            lower_closed=lower_closed,
            upper_closed=upper_closed,
        )

    # ------------------------------------------------------------------ queries
    @property
    def is_point(self) -> bool:
        """Whether the interval holds exactly one number."""
        return self.lower is not None and self.lower == self.upper

    @property
    def is_bounded(self) -> bool:
        """Whether both ends are finite."""
        return self.lower is not None and self.upper is not None

    @property
    def width(self) -> Fraction | None:
        """``upper − lower``, or ``None`` when unbounded."""
        if self.lower is None or self.upper is None:
            return None
        return self.upper - self.lower

    def __contains__(self, x: object) -> bool:
        if not isinstance(x, Fraction | int | Decimal):
            return False
        f = _frac(x)
        if self.lower is not None and (
            f < self.lower or (f == self.lower and not self.lower_closed)
        ):
            return False
        return not (
            self.upper is not None
            and (f > self.upper or (f == self.upper and not self.upper_closed))
        )

    def intersection(self, other: Interval) -> Interval | None:
        """The numbers in both intervals, or ``None`` when they do not meet."""
        lo, lo_c = self.lower, self.lower_closed
        if other.lower is not None and (
            lo is None or other.lower > lo or (other.lower == lo and not other.lower_closed)
        ):
            lo, lo_c = other.lower, other.lower_closed
        hi, hi_c = self.upper, self.upper_closed
        if other.upper is not None and (
            hi is None or other.upper < hi or (other.upper == hi and not other.upper_closed)
        ):
            hi, hi_c = other.upper, other.upper_closed
        if lo is not None and hi is not None and (lo > hi or (lo == hi and not (lo_c and hi_c))):
            return None
        return Interval(lower=lo, upper=hi, lower_closed=lo_c, upper_closed=hi_c)

    def overlaps(self, other: Interval) -> bool:
        """Whether some number lies in both intervals."""
        return self.intersection(other) is not None

    def issubset(self, other: Interval) -> bool:
        """Whether every number of this interval lies in ``other``."""
        return self.intersection(other) == self

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both."""
        if self.lower is None or other.lower is None:
            lo, lo_c = None, False
        elif self.lower != other.lower:
            lo, lo_c = (
                (self.lower, self.lower_closed)
                if self.lower < other.lower
                else (
                    other.lower,
                    other.lower_closed,
                )
            )
        else:
            lo, lo_c = self.lower, self.lower_closed or other.lower_closed
        if self.upper is None or other.upper is None:
            hi, hi_c = None, False
        elif self.upper != other.upper:
            hi, hi_c = (
                (self.upper, self.upper_closed)
                if self.upper > other.upper
                else (
                    other.upper,
                    other.upper_closed,
                )
            )
        else:
            hi, hi_c = self.upper, self.upper_closed or other.upper_closed
        # The hull of two valid intervals is valid: built without re-validating it.
        return _trusted(lo, hi, lo_c, hi_c)

    def is_above(self, x: Number) -> bool:
        """Whether every number in the interval is greater than ``x``."""
        f = _frac(x)
        return self.lower is not None and (
            self.lower > f or (self.lower == f and not self.lower_closed)
        )

    def is_below(self, x: Number) -> bool:
        """Whether every number in the interval is less than ``x``."""
        f = _frac(x)
        return self.upper is not None and (
            self.upper < f or (self.upper == f and not self.upper_closed)
        )

    def integers(self, limit: int = 1_000_000) -> Iterator[int]:
        """The integers in the interval, in increasing order.

        Args:
            limit: Stop after this many, so that an unbounded interval cannot loop forever.

        Raises:
            ValueError: The interval is unbounded below (there is no first integer).
        """
        if self.lower is None:
            raise ValueError("an interval unbounded below has no first integer")
        first = math.ceil(self.lower)
        if first == self.lower and not self.lower_closed:
            first += 1
        n = first
        count = 0
        while count < limit and n in self:
            yield n
            n += 1
            count += 1

    # ------------------------------------------------------------------ arithmetic

    @staticmethod
    def _from_candidates(cands: list[_End]) -> Interval:
        low = min(cands, key=lambda e: (_key(e), not e.closed))
        high = max(cands, key=lambda e: (_key(e), e.closed))
        lo = None if low.value is None else low.value
        hi = None if high.value is None else high.value
        if (
            low.value is None and low.sign > 0
        ):  # all candidates +∞: cannot happen for non-empty sets
            raise ValueError("arithmetic produced an empty interval")
        if high.value is None and high.sign < 0:
            raise ValueError("arithmetic produced an empty interval")
        return Interval(lower=lo, upper=hi, lower_closed=low.closed, upper_closed=high.closed)

    def __neg__(self) -> Interval:
        return Interval(
            lower=None if self.upper is None else -self.upper,
            upper=None if self.lower is None else -self.lower,
            lower_closed=self.upper_closed,
            upper_closed=self.lower_closed,
        )

    def __add__(self, other: Interval | Number) -> Interval:
        o = other if isinstance(other, Interval) else Interval.point(other)
        lo = None if self.lower is None or o.lower is None else self.lower + o.lower
        hi = None if self.upper is None or o.upper is None else self.upper + o.upper
        return Interval(
            lower=lo,
            upper=hi,
            lower_closed=self.lower_closed and o.lower_closed,
            upper_closed=self.upper_closed and o.upper_closed,
        )

    def __radd__(self, other: Number) -> Interval:
        return self + other

    def __sub__(self, other: Interval | Number) -> Interval:
        o = other if isinstance(other, Interval) else Interval.point(other)
        return self + (-o)

    def __rsub__(self, other: Number) -> Interval:
        return Interval.point(other) - self

    def __mul__(self, other: Interval | Number) -> Interval:
        o = other if isinstance(other, Interval) else Interval.point(other)
        cands = [_mul_end(a, b) for a in _ends(self) for b in _ends(o)]
        return self._from_candidates(cands)

    def __rmul__(self, other: Number) -> Interval:
        return self * other

    def reciprocal(self) -> Interval:
        """``{1/x : x in self}``.

        Raises:
            ZeroDivisionError: Zero lies in the interval or is a closed end of it.
        """
        if 0 in self:
            raise ZeroDivisionError(f"reciprocal of {self}, which contains 0")
        if self.lower is not None and self.lower >= 0:  # positive side, lower may be an open 0
            lo = None if self.upper is None else 1 / self.upper
            lo_c = self.upper_closed if self.upper is not None else False
            hi = None if self.lower == 0 else 1 / self.lower
            hi_c = self.lower_closed if self.lower != 0 else False
            if lo is None:
                lo, lo_c = Fraction(0), False
            return Interval(lower=lo, upper=hi, lower_closed=lo_c, upper_closed=hi_c)
        if self.upper is not None and self.upper <= 0:
            return -((-self).reciprocal())
        raise ZeroDivisionError(f"reciprocal of {self}, which straddles 0")

    def __truediv__(self, other: Interval | Number) -> Interval:
        o = other if isinstance(other, Interval) else Interval.point(other)
        return self * o.reciprocal()

    def __rtruediv__(self, other: Number) -> Interval:
        return Interval.point(other) / self

    def scale(self, factor: Number) -> Interval:
        """The interval multiplied by an exact number (a unit conversion factor)."""
        f = _frac(factor)
        if f > 0:  # a conversion factor: each end times it (what ``self * point(f)`` gives)
            if f == 1:
                return self
            # a valid interval times a positive number is valid: built without re-validating
            return _trusted(
                None if self.lower is None else self.lower * f,
                None if self.upper is None else self.upper * f,
                self.lower_closed,
                self.upper_closed,
            )
        return self * Interval.point(f)

    # ------------------------------------------------------------------ display
    def __str__(self) -> str:
        lo = "-inf" if self.lower is None else format_fraction(self.lower)
        hi = "inf" if self.upper is None else format_fraction(self.upper)
        if self.is_point:
            return f"[{lo}]"
        return f"{'[' if self.lower_closed else '('}{lo}, {hi}{']' if self.upper_closed else ')'}"

    def __repr__(self) -> str:
        return f"Interval({self})"


def _ends(iv: Interval) -> tuple[_End, _End]:
    return (
        _End(value=iv.lower, closed=iv.lower_closed, sign=-1),
        _End(value=iv.upper, closed=iv.upper_closed, sign=1),
    )


def _rounded_half(value: Decimal, rounding: Rounding) -> Interval:
    """``Interval.from_rounded`` for half-up or either rounding at its own precision.

    The ends ``v ± q/2`` are formed from integers (one gcd each) rather than by Fraction
    arithmetic; they are the same numbers, ordered (``q > 0``), so the result skips validation.
    """
    if value.same_quantum(_ONE):  # written as a whole number (exponent 0): the ends are n ± 1/2
        numerator = int(value)
        closed = rounding is _ANY
        twice = 2 * numerator
        return _trusted(
            Fraction(twice - 1, 2),
            Fraction(twice + 1, 2),
            closed or numerator > 0,
            closed or numerator < 0,
        )
    exp = value.as_tuple().exponent
    if not isinstance(exp, int):
        raise ValueError(f"not a finite number: {value}")
    numerator, denominator = value.as_integer_ratio()
    if exp >= 0:
        # v is a whole multiple of q = 10**exp: the ends are (2v - q) / 2 and (2v + q) / 2.
        twice, q, den = 2 * numerator, 10**exp, 2
    else:
        # v = n / 10**-exp exactly: the ends are (2n - 1) / (2 * 10**-exp) and (2n + 1) / ….
        scale = 10**-exp
        twice, q, den = 2 * numerator * (scale // denominator), 1, 2 * scale
    closed = rounding is _ANY
    return _trusted(
        Fraction(twice - q, den),
        Fraction(twice + q, den),
        closed or numerator > 0,
        closed or numerator < 0,
    )


_ONE: Final = Decimal(1)
_ANY: Final = Rounding.ANY


def quantum_of(value: Decimal) -> Fraction:
    """The size of the last written digit of ``value``: 98.8 → 1/10, 131 → 1, 8.0 → 1/10."""
    exp = value.as_tuple().exponent
    if not isinstance(exp, int):
        raise ValueError(f"not a finite number: {value}")
    return Fraction(10) ** exp


def format_fraction(x: Fraction, places: int = 12) -> str:
    """A fraction as a plain decimal string: exact when it terminates, else rounded to ``places``.

    Example:
        >>> format_fraction(Fraction(26291, 200))
        '131.455'
        >>> format_fraction(Fraction(1, 3), places=4)
        '0.3333'
    """
    den = x.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den == 1:
        digits = max(twos, fives)
        d = Decimal(f"{x.numerator * 10**digits // x.denominator}E{-digits}")
    else:
        scaled = x * 10**places
        d = Decimal(f"{math.floor(scaled + Fraction(1, 2))}E{-places}")
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text
