"""Properties of target evaluation (Hypothesis).

- For an "at least" target a larger actual never turns met into missed (nor met into undecidable,
  nor undecidable into missed).
- An outcome is undecidable exactly when the actual's interval holds values on both sides of the
  bound; the oracle here reads that off the interval's ends directly.
- Strict and non-strict comparators at the bound: an exact actual equal to the bound meets >= and
  <=, and misses > and <.
- Evaluation does not depend on the unit an actual is written in (万元 or 亿元).
- A growth derived from two levels contains the growth of every pair of true levels.
"""

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from strategies import decimals, intervals, members
from townkpi.interval import Interval
from townkpi.model import Value
from townkpi.numbers import Comparator
from townkpi.targets import Actual, Target, TargetKind, TargetStatus

ORDER = {TargetStatus.MISSED: 0, TargetStatus.UNDECIDABLE: 1, TargetStatus.MET: 2}
DIRECTED = (Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT)

bounds = st.fractions(min_value=-1000, max_value=1000, max_denominator=100)


def make_target(comparator, bound, unit="万元"):
    return Target(id="t", indicator="x", comparator=comparator, bound=Interval.point(bound),
                  unit=unit, kind=TargetKind.LEVEL)  # fmt: skip


def actual(iv, unit="万元"):
    return Actual(interval=iv, unit=unit, text="x")


def satisfies(x, comparator, bound):
    return {
        Comparator.GE: x >= bound,
        Comparator.GT: x > bound,
        Comparator.LE: x <= bound,
        Comparator.LT: x < bound,
    }[comparator]


def has_value_at_or_above(iv, b):
    return iv.upper is None or iv.upper > b or (iv.upper == b and iv.upper_closed)


def has_value_above(iv, b):
    return iv.upper is None or iv.upper > b


def has_value_at_or_below(iv, b):
    return iv.lower is None or iv.lower < b or (iv.lower == b and iv.lower_closed)


def has_value_below(iv, b):
    return iv.lower is None or iv.lower < b


def sides(iv, comparator, b):
    """(some value satisfies, some value does not), from the interval's ends alone."""
    if comparator is Comparator.GE:
        return has_value_at_or_above(iv, b), has_value_below(iv, b)
    if comparator is Comparator.GT:
        return has_value_above(iv, b), has_value_at_or_below(iv, b)
    if comparator is Comparator.LE:
        return has_value_at_or_below(iv, b), has_value_above(iv, b)
    return has_value_below(iv, b), has_value_at_or_above(iv, b)


@given(intervals(), bounds, st.sampled_from(DIRECTED))
def test_undecidable_exactly_when_the_interval_straddles_the_bound(iv, b, comparator):
    outcome = make_target(comparator, b).evaluate(actual(iv))
    some_in, some_out = sides(iv, comparator, b)
    expected = {
        (True, True): TargetStatus.UNDECIDABLE,
        (True, False): TargetStatus.MET,
        (False, True): TargetStatus.MISSED,
    }[(some_in, some_out)]
    assert outcome.status is expected


@given(intervals(), bounds, st.sampled_from(DIRECTED), st.data())
def test_every_member_agrees_with_a_decided_outcome(iv, b, comparator, data):
    outcome = make_target(comparator, b).evaluate(actual(iv))
    x = data.draw(members(iv))
    if outcome.status is TargetStatus.MET:
        assert satisfies(x, comparator, b)
    elif outcome.status is TargetStatus.MISSED:
        assert not satisfies(x, comparator, b)


@given(intervals(), bounds, st.fractions(min_value=0, max_value=1000, max_denominator=100),
       st.sampled_from((Comparator.GE, Comparator.GT)))  # fmt: skip
def test_a_larger_actual_never_does_worse_against_an_at_least_target(iv, b, shift, comparator):
    t = make_target(comparator, b)
    before = t.evaluate(actual(iv)).status
    after = t.evaluate(actual(iv + shift)).status
    assert ORDER[after] >= ORDER[before]
    if before is TargetStatus.MET:
        assert after is TargetStatus.MET


@given(decimals(max_int_digits=4, max_places=3), decimals(max_int_digits=4, max_places=3),
       bounds)  # fmt: skip
def test_a_larger_written_figure_never_does_worse(a, b, bound):
    # Two figures written to the same precision: the larger one stands for a shifted interval.
    exp = min(a.as_tuple().exponent, b.as_tuple().exponent)
    small, large = sorted((a.quantize(Decimal(1).scaleb(exp)), b.quantize(Decimal(1).scaleb(exp))))
    t = make_target(Comparator.GE, bound, "%")
    before = t.evaluate(Value.parse(f"{small}%")).status
    after = t.evaluate(Value.parse(f"{large}%")).status
    assert ORDER[after] >= ORDER[before]


@given(bounds, st.sampled_from(DIRECTED))
def test_strict_and_non_strict_comparators_at_the_bound(b, comparator):
    outcome = make_target(comparator, b).evaluate(actual(Interval.point(b)))
    strict = comparator in {Comparator.GT, Comparator.LT}
    assert outcome.status is (TargetStatus.MISSED if strict else TargetStatus.MET)
    assert outcome.margin == Interval.point(0)


@given(st.integers(min_value=0, max_value=10**6), bounds)
def test_exact_counts_against_more_than(n, b):
    # 超过b家 against exactly n家: met exactly when n > b.
    t = make_target(Comparator.GT, b, "家")
    status = t.evaluate(Value.parse(f"{n}家")).status
    assert status is (TargetStatus.MET if n > b else TargetStatus.MISSED)


@given(decimals(max_int_digits=6, max_places=3), bounds, st.sampled_from(DIRECTED),
       st.sampled_from(("万元", "亿元")))  # fmt: skip
def test_evaluation_is_unit_invariant(d, b, comparator, target_unit):
    # d万元 and d/10000亿元, written to the same absolute precision, stand for the same amounts.
    in_wan = Value.parse(f"{d}万元")
    in_yi = Value.parse(f"{d.scaleb(-4):f}亿元")
    t = make_target(comparator, b, target_unit)
    first, second = t.evaluate(in_wan), t.evaluate(in_yi)
    assert first.status is second.status
    assert first.margin == second.margin


@given(intervals(bounded=True, exclude_zero=True), intervals(bounded=True, exclude_zero=True),
       st.data())  # fmt: skip
def test_growth_from_levels_contains_every_true_growth(current, previous, data):
    g = Actual.from_levels(actual(current, "亿元"), actual(previous, "亿元"))
    x, y = data.draw(members(current)), data.draw(members(previous))
    assert (x / y - 1) * 100 in g.interval


@given(intervals(bounded=True), bounds)
def test_the_margin_is_the_actual_minus_the_bound(iv, b):
    outcome = make_target(Comparator.GE, b).evaluate(actual(iv))
    assert outcome.margin == iv - Fraction(b)
    if outcome.status is TargetStatus.MET:
        assert outcome.margin.lower is not None
        assert outcome.margin.lower >= 0
