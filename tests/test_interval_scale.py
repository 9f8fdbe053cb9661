"""``Interval.scale`` takes a shortcut for a positive factor; it gives what multiplication gives."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from strategies import intervals
from townkpi.interval import Interval

factors = st.fractions(min_value=-1000, max_value=1000, max_denominator=10**6) | st.sampled_from(
    [Fraction(1), Fraction(0), Fraction(10000), Fraction(1, 100), Fraction(15, 10000)]
)


@given(intervals(), factors)
def test_scale_is_multiplication_by_the_point(iv, factor):
    assert iv.scale(factor) == iv * Interval.point(factor)


@given(intervals(), st.integers(min_value=-(10**8), max_value=10**8))
def test_scale_by_an_integer(iv, factor):
    assert iv.scale(factor) == iv * Interval.point(factor)


def test_scale_keeps_open_and_unbounded_ends():
    iv = Interval(lower=Fraction(1), upper=None, lower_closed=False)
    assert iv.scale(100) == Interval(lower=Fraction(100), upper=None, lower_closed=False)
    assert iv.scale(Fraction(-1)) == Interval(lower=None, upper=Fraction(-1), upper_closed=False)
