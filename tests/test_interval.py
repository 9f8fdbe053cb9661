"""Exact intervals: rounding, inclusion-monotone arithmetic, set operations, unbounded ends."""

import itertools
import operator
from decimal import ROUND_DOWN, ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from strategies import decimals, interval_with_member, intervals, members
from townkpi import Interval, Rounding
from townkpi.interval import format_fraction

# --------------------------------------------------------------------------- from_rounded

EXTRA_PLACES = 3
#: Offsets, in units of 1/1000 of the written quantum, that sit on or next to a rounding boundary.
BOUNDARY_OFFSETS = [0, 1, -1, 499, 500, 501, -499, -500, -501, 999, 1000, 1001, -999, -1000, -1001]


def _probe(written: Decimal, offset: int) -> Decimal:
    """``written`` moved by ``offset`` thousandths of its last written digit."""
    exp = written.as_tuple().exponent
    assert isinstance(exp, int)
    return written + Decimal(offset).scaleb(exp - EXTRA_PLACES)


def _quantum(written: Decimal) -> Decimal:
    exp = written.as_tuple().exponent
    assert isinstance(exp, int)
    return Decimal(1).scaleb(exp)


def _rounds_to(x: Decimal, written: Decimal, *modes: str) -> bool:
    return any(x.quantize(_quantum(written), rounding=mode) == written for mode in modes)


OFFSETS = st.one_of(st.sampled_from(BOUNDARY_OFFSETS), st.integers(-1500, 1500))
WRITTEN = decimals(max_int_digits=7, max_places=4, signed=True)


@given(WRITTEN, OFFSETS)
@example(Decimal("98.8"), 500)
@example(Decimal("98.8"), -500)
@example(Decimal("-8.7"), 500)
@example(Decimal("-8.7"), -500)
@example(Decimal("0.0"), 500)
@example(Decimal("0.0"), -500)
def test_half_up_interval_is_exactly_what_rounds_half_up(written, offset):
    x = _probe(written, offset)
    iv = Interval.from_rounded(written, Rounding.HALF_UP)
    assert (x in iv) == _rounds_to(x, written, ROUND_HALF_UP)


@given(WRITTEN, OFFSETS)
@example(Decimal("98.8"), 1000)
@example(Decimal("-8.7"), -1000)
@example(Decimal(0), -999)
def test_truncate_interval_is_exactly_what_truncates(written, offset):
    x = _probe(written, offset)
    iv = Interval.from_rounded(written, Rounding.TRUNCATE)
    assert (x in iv) == _rounds_to(x, written, ROUND_DOWN)


@given(WRITTEN, OFFSETS)
@example(Decimal("98.8"), 500)
@example(Decimal("98.8"), -500)
def test_any_interval_is_what_rounds_to_nearest_either_way_at_a_tie(written, offset):
    x = _probe(written, offset)
    iv = Interval.from_rounded(written, Rounding.ANY)
    assert (x in iv) == _rounds_to(x, written, ROUND_HALF_UP, ROUND_HALF_DOWN)


@pytest.mark.parametrize(
    ("written", "rounding", "expected"),
    [
        ("98.8", Rounding.HALF_UP, "[98.75, 98.85)"),
        ("98.8", Rounding.TRUNCATE, "[98.8, 98.9)"),
        ("98.8", Rounding.ANY, "[98.75, 98.85]"),
        ("-8.7", Rounding.HALF_UP, "(-8.75, -8.65]"),
        ("-8.7", Rounding.TRUNCATE, "(-8.8, -8.7]"),
        ("131.5", Rounding.HALF_UP, "[131.45, 131.55)"),
        ("8.0", Rounding.HALF_UP, "[7.95, 8.05)"),
        ("4533", Rounding.HALF_UP, "[4532.5, 4533.5)"),
        ("0", Rounding.HALF_UP, "(-0.5, 0.5)"),
    ],
)
def test_from_rounded_examples(written, rounding, expected):
    assert str(Interval.from_rounded(Decimal(written), rounding)) == expected


def test_from_rounded_quantum_override():
    # "2000" written to the thousand: [1500, 2500).
    assert str(Interval.from_rounded(Decimal(2000), quantum=1000)) == "[1500, 2500)"


# --------------------------------------------------------------------------- arithmetic

OPERATIONS = {"+": operator.add, "-": operator.sub, "*": operator.mul}


@pytest.mark.parametrize("symbol", sorted(OPERATIONS))
@given(data=st.data())
def test_arithmetic_is_inclusion_monotone(symbol, data):
    op = OPERATIONS[symbol]
    a, x = data.draw(interval_with_member(), label="A, x")
    b, y = data.draw(interval_with_member(), label="B, y")
    assert op(x, y) in op(a, b)


@given(interval_with_member(), st.data())
def test_division_is_inclusion_monotone_when_zero_is_not_a_divisor(ax, data):
    a, x = ax
    b = data.draw(intervals(exclude_zero=True), label="B")
    assume(0 not in b)
    y = data.draw(members(b), label="y")
    assert x / y in a / b


@given(interval_with_member(), st.fractions(min_value=-1000, max_value=1000))
def test_arithmetic_with_numbers_is_arithmetic_with_points(ax, k):
    a, x = ax
    assert x + k in a + k
    assert k + x in k + a
    assert x - k in a - k
    assert k - x in k - a
    assert x * k in a * k
    assert x * k in a.scale(k)
    assert k * x in k * a


@given(intervals())
def test_negation_mirrors(a):
    mirrored = -a
    assert -mirrored == a
    if a.lower is not None:
        assert (-a).upper == -a.lower
        assert (-a).upper_closed == a.lower_closed


def test_arithmetic_examples():
    a = Interval.from_rounded(Decimal("131.5"))  # [131.45, 131.55)
    b = Interval.from_rounded(Decimal("8.0"))  # [7.95, 8.05)
    assert str(a + b) == "[139.4, 139.6)"
    assert str(a - b) == "(123.4, 123.6)"
    assert str(a * Interval.point(2)) == "[262.9, 263.1)"
    assert str(Interval.closed(1, 2) / Interval.closed(4, 5)) == "[0.2, 0.5]"


def test_division_by_an_interval_holding_zero_raises():
    with pytest.raises(ZeroDivisionError):
        Interval.closed(1, 2) / Interval.closed(-1, 1)
    with pytest.raises(ZeroDivisionError):
        Interval.closed(1, 2) / 0


def test_reciprocal_of_a_half_open_interval_at_zero_is_unbounded():
    assert Interval.greater_than(0).reciprocal() == Interval.greater_than(0)
    assert Interval(lower=0, upper=2, lower_closed=False).reciprocal() == Interval.at_least(
        Fraction(1, 2)
    )


# --------------------------------------------------------------------------- set operations


@given(interval_with_member(), intervals())
def test_intersection_holds_what_both_hold(ax, b):
    a, x = ax
    both = a.intersection(b)
    if both is None:
        assert x not in b
        assert not a.overlaps(b)
    else:
        assert (x in both) == (x in b)
        assert both.issubset(a)
        assert both.issubset(b)
        assert a.overlaps(b)


@given(intervals(), intervals())
def test_intersection_and_hull_commute(a, b):
    assert a.intersection(b) == b.intersection(a)
    assert a.hull(b) == b.hull(a)
    assert a.overlaps(b) == b.overlaps(a)


@given(intervals())
def test_idempotence(a):
    assert a.intersection(a) == a
    assert a.hull(a) == a
    assert a.issubset(a)
    assert a.overlaps(a)


@given(interval_with_member(), interval_with_member())
def test_hull_holds_both(ax, by):
    (a, x), (b, y) = ax, by
    h = a.hull(b)
    assert x in h
    assert y in h
    assert a.issubset(h)
    assert b.issubset(h)


@given(interval_with_member(), intervals())
def test_subset_members_are_members(ax, b):
    a, x = ax
    if a.issubset(b):
        assert x in b


def test_set_operation_examples():
    a = Interval.closed(0, 10)
    b = Interval(lower=10, upper=20, lower_closed=False)
    assert a.intersection(b) is None
    assert not a.overlaps(b)
    assert str(a.hull(b)) == "[0, 20]"
    assert Interval.closed(2, 3).issubset(a)
    assert not Interval(lower=0, upper=10, lower_closed=True, upper_closed=True).issubset(
        Interval.open(0, 10)
    )
    assert str(Interval.closed(0, 10).intersection(Interval.at_least(5))) == "[5, 10]"


# --------------------------------------------------------------------------- unbounded ends


def test_unbounded_ends():
    assert 10**30 in Interval.at_least(5)
    assert 5 in Interval.at_least(5)
    assert 4 not in Interval.at_least(5)
    assert 5 not in Interval.greater_than(5)
    assert -(10**30) in Interval.at_most(5)
    assert 5 not in Interval.less_than(5)
    assert 0 in Interval.everything()
    assert str(Interval.at_least(Fraction(199, 2))) == "[99.5, inf)"
    assert str(Interval.at_most(Fraction(39, 25))) == "(-inf, 1.56]"
    assert str(Interval.greater_than(10)) == "(10, inf)"
    assert str(Interval.everything()) == "(-inf, inf)"
    assert Interval.at_least(5).width is None
    assert not Interval.at_least(5).is_bounded


def test_an_unbounded_end_is_never_closed():
    iv = Interval(lower=None, upper=None, lower_closed=True, upper_closed=True)
    assert not iv.lower_closed
    assert not iv.upper_closed


def test_arithmetic_with_unbounded_ends():
    assert Interval.at_least(1) + Interval.at_least(2) == Interval.at_least(3)
    assert Interval.at_least(1) * Interval.at_least(2) == Interval.at_least(2)
    assert Interval.at_least(1) * -1 == Interval.at_most(-1)
    assert Interval.at_least(1) - Interval.at_least(2) == Interval.everything()
    assert Interval.greater_than(0) * Interval.closed(0, 1) == Interval.at_least(0)


def test_empty_intervals_are_refused():
    with pytest.raises(ValueError, match="empty interval"):
        Interval.closed(2, 1)
    with pytest.raises(ValueError, match="empty interval"):
        Interval(lower=1, upper=1, lower_closed=False)


def test_non_numbers_are_not_members():
    assert "1" not in Interval.closed(0, 2)
    assert 1.0 not in Interval.closed(0, 2)  # floats are refused, not compared


def test_is_above_and_below():
    assert Interval.greater_than(5).is_above(5)
    assert not Interval.at_least(5).is_above(5)
    assert Interval.less_than(5).is_below(5)
    assert not Interval.at_least(5).is_below(10**9)


# --------------------------------------------------------------------------- integers


@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        (Interval.from_rounded(Decimal("98.8")), []),
        (Interval.closed(Fraction(3, 2), 4), [2, 3, 4]),
        (Interval.open(1, 4), [2, 3]),
        (Interval.point(7), [7]),
        (Interval.from_rounded(Decimal(171)), [171]),
        (Interval(lower=Fraction(-5, 2), upper=0, upper_closed=False), [-2, -1]),
    ],
)
def test_integers(interval, expected):
    assert list(interval.integers()) == expected


def test_integers_of_an_interval_unbounded_above_stop_at_the_limit():
    assert list(Interval.greater_than(5).integers(limit=3)) == [6, 7, 8]


def test_integers_of_an_interval_unbounded_below_raise():
    with pytest.raises(ValueError, match="no first integer"):
        list(Interval.at_most(5).integers())


@given(intervals(bounded=True))
def test_integers_are_exactly_the_integers_inside(iv):
    assume(iv.width is not None and iv.width < 500)
    got = list(iv.integers())
    assert all(n in iv for n in got)
    assert all(b - a == 1 for a, b in itertools.pairwise(got))
    assert iv.lower is not None
    assert iv.upper is not None
    below = (got[0] if got else int(iv.lower)) - 1
    above = (got[-1] if got else int(iv.upper)) + 1
    assert below not in iv
    assert above not in iv


# --------------------------------------------------------------------------- format_fraction


@given(decimals(max_int_digits=12, max_places=12, signed=True))
def test_format_fraction_is_exact_for_terminating_decimals(d):
    text = format_fraction(Fraction(d))
    assert Decimal(text) == d
    assert Fraction(Decimal(text)) == Fraction(d)
    if "." in text:
        assert not text.endswith("0")  # shortest form: 8.0 prints as 8
    assert "e" not in text.lower()


@given(st.fractions(max_denominator=10**6))
def test_format_fraction_of_any_fraction_is_within_half_a_unit_of_the_last_place(f):
    text = format_fraction(f, places=6)
    assert abs(Fraction(Decimal(text)) - f) <= Fraction(1, 2 * 10**6)


@pytest.mark.parametrize(
    ("fraction", "places", "expected"),
    [
        (Fraction(26291, 200), 12, "131.455"),
        (Fraction(1, 3), 4, "0.3333"),
        (Fraction(2, 3), 4, "0.6667"),
        (Fraction(-2, 3), 4, "-0.6667"),
        (Fraction(-1, 3 * 10**13), 12, "0"),  # rounds to zero, printed without a sign
        (Fraction(1, 2**20), 12, "0.00000095367431640625"),
        (Fraction(10**15), 12, "1000000000000000"),
        (Fraction(0), 12, "0"),
    ],
)
def test_format_fraction_examples(fraction, places, expected):
    assert format_fraction(fraction, places) == expected
