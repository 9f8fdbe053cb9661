"""Target.evaluate: met, missed and undecidable, margins, units, kinds, and growth from levels.

Every expected interval is worked out by hand from the written figures: a figure written to one
decimal stands for [x − 0.05, x + 0.05) (half-up rounding), a whole percent for [x − 0.5, x + 0.5),
and a count of a counting unit (家, 个) for itself.
"""

from fractions import Fraction

import pytest

from townkpi.errors import DimensionMismatchError
from townkpi.interval import Interval
from townkpi.model import Fact, FactKind, Modality, Period, Value
from townkpi.numbers import Comparator
from townkpi.targets import (
    Actual,
    OutcomeReason,
    Strength,
    Target,
    TargetKind,
    TargetStatus,
)

MET, MISSED, UNDECIDABLE = TargetStatus.MET, TargetStatus.MISSED, TargetStatus.UNDECIDABLE


def target(comparator, bound, unit, kind=TargetKind.LEVEL, **extra):
    iv = bound if isinstance(bound, Interval) else Interval.point(Fraction(bound))
    return Target(id="t", indicator="x", comparator=comparator, bound=iv, unit=unit, kind=kind,
                  **extra)  # fmt: skip


def fact(written, kind=FactKind.AMOUNT, period=None, fact_id="a1", **extra):
    return Fact(id=fact_id, kind=kind, value=Value.parse(written), surface=written,
                period=None if period is None else Period.parse(period), **extra)  # fmt: skip


# ---------------------------------------------------------------- strict and non-strict bounds


def test_more_than_ten_with_exactly_ten_is_missed():
    t = target(Comparator.GT, 10, "家")  # 超过10家
    outcome = t.evaluate(Value.parse("10家"))
    assert outcome.status is MISSED
    assert outcome.margin == Interval.point(0)
    assert outcome.reason is None


def test_ten_or_more_with_exactly_ten_is_met():
    t = target(Comparator.GE, 10, "家")  # 10家以上
    outcome = t.evaluate(Value.parse("10家"))
    assert outcome.status is MET
    assert outcome.margin == Interval.point(0)


def test_more_than_ten_with_eleven_is_met():
    outcome = target(Comparator.GT, 10, "家").evaluate(Value.parse("11家"))
    assert outcome.status is MET
    assert outcome.margin == Interval.point(1)
    assert outcome.margin_unit == "家"


def test_at_most_with_exactly_the_bound_is_met_and_less_than_is_missed():
    assert target(Comparator.LE, 5, "起").evaluate(Value.parse("5起")).status is MET
    assert target(Comparator.LT, 5, "起").evaluate(Value.parse("5起")).status is MISSED
    assert target(Comparator.LT, 5, "起").evaluate(Value.parse("4起")).status is MET


def test_an_actual_written_with_a_comparator_is_an_interval_too():
    # 超过10家 stands for (10, inf): all of it is > 10, and all of it is >= 10.
    assert target(Comparator.GT, 10, "家").evaluate(Value.parse("超过10家")).status is MET
    # 10家以上 stands for [10, inf): against > 10 it straddles (10 itself is not > 10).
    outcome = target(Comparator.GT, 10, "家").evaluate(Value.parse("10家以上"))
    assert outcome.status is UNDECIDABLE
    assert outcome.reason is OutcomeReason.STRADDLES


# ---------------------------------------------------------------- rounding intervals


def test_growth_above_the_bound_is_met_with_the_margin_in_percentage_points():
    # 5.4% stands for [5.35, 5.45); minus the bound 5 gives [0.35, 0.45).
    outcome = target(Comparator.GE, 5, "%", TargetKind.GROWTH).evaluate(Value.parse("5.4%"))
    assert outcome.status is MET
    assert outcome.margin == Interval(lower=Fraction("0.35"), upper=Fraction("0.45"),
                                      upper_closed=False)  # fmt: skip
    assert outcome.margin_unit == "个百分点"


def test_a_rounded_actual_at_the_bound_is_undecidable():
    # 10.0% stands for [9.95, 10.05): 9.96% rounds to 10.0% and misses 10%; 10.01% meets it.
    outcome = target(Comparator.GE, 10, "%", TargetKind.GROWTH).evaluate(Value.parse("10.0%"))
    assert outcome.status is UNDECIDABLE
    assert outcome.reason is OutcomeReason.STRADDLES
    assert outcome.margin == Interval(lower=Fraction("-0.05"), upper=Fraction("0.05"),
                                      upper_closed=False)  # fmt: skip
    assert "straddles" in outcome.message


@pytest.mark.parametrize(
    ("actual", "status"),
    [
        ("99.6%", MET),  # [99.55, 99.65)
        ("99.5%", UNDECIDABLE),  # [99.45, 99.55)
        ("99.4%", MISSED),  # [99.35, 99.45)
        ("99.55%", MET),  # [99.545, 99.555): all of it >= 99.5
        ("99.45%", MISSED),  # [99.445, 99.455): all of it < 99.5
    ],
)
def test_insurance_rate_at_least_99_5(actual, status):
    t = target(Comparator.GE, Fraction("99.5"), "%", TargetKind.RATE)  # 99.5%以上
    assert t.evaluate(Value.parse(actual)).status is status


def test_hundred_percent_against_99_5_is_met():
    # 100% is [99.5, 100.5): every value in it is >= 99.5 (the closed lower end included).
    t = target(Comparator.GE, Fraction("99.5"), "%", TargetKind.RATE)
    assert t.evaluate(Value.parse("100%")).status is MET


@pytest.mark.parametrize(
    ("actual", "status"),
    [
        ("1.55", MET),  # [1.545, 1.555)
        ("1.56", UNDECIDABLE),  # [1.555, 1.565)
        ("1.57", MISSED),  # [1.565, 1.575)
        ("1.6", UNDECIDABLE),  # [1.55, 1.65)
        ("1.5", MET),  # [1.45, 1.55)
    ],
)
def test_income_ratio_within_1_56(actual, status):
    t = target(Comparator.LE, Fraction("1.56"), None, TargetKind.RATIO)  # 1.56以内
    assert t.evaluate(Value.parse(actual)).status is status


@pytest.mark.parametrize(
    ("actual", "status"), [("0个", MISSED), ("1个", MET), ("2个", MET), ("3个", MISSED)]
)
def test_range_target_is_met_within_the_range(actual, status):
    t = target(Comparator.RANGE, Interval.closed(1, 2), "个")  # 新增1-2个
    assert t.evaluate(Value.parse(actual)).status is status


# ---------------------------------------------------------------- units and kinds


def test_actual_in_another_scale_is_converted_exactly():
    # 0.006亿元 stands for [0.0055, 0.0065) 亿元 = [55, 65) 万元: all of it >= 50万元.
    t = target(Comparator.GE, 50, "万元")
    outcome = t.evaluate(Value.parse("0.006亿元"))
    assert outcome.status is MET
    assert outcome.margin == Interval(lower=5, upper=15, upper_closed=False)
    # 49.9万元 stands for [49.85, 49.95): none of it >= 50.
    assert t.evaluate(Value.parse("49.9万元")).status is MISSED


def test_a_pure_ratio_target_accepts_an_actual_in_percent():
    # 155% stands for [154.5, 155.5) % = [1.545, 1.555): all of it <= 1.56.
    t = target(Comparator.LE, Fraction("1.56"), None, TargetKind.RATIO)
    assert t.evaluate(Value.parse("155%")).status is MET


@pytest.mark.parametrize(
    ("bound_unit", "actual"), [("家", "12个"), ("%", "2个百分点"), ("元", "5美元")]
)
def test_different_dimensions_are_undecidable_with_the_reason(bound_unit, actual):
    outcome = target(Comparator.GE, 1, bound_unit).evaluate(Value.parse(actual))
    assert outcome.status is UNDECIDABLE
    assert outcome.reason is OutcomeReason.DIMENSION
    assert outcome.margin is None
    assert "measure different things" in outcome.message


def test_a_level_fact_against_a_growth_target_is_undecidable_by_kind():
    t = target(Comparator.GE, 5, "%", TargetKind.GROWTH)
    outcome = t.evaluate(fact("98.8%", kind=FactKind.RATE))
    assert outcome.status is UNDECIDABLE
    assert outcome.reason is OutcomeReason.KIND
    assert "two consecutive years" in outcome.message


def test_a_growth_fact_is_accepted_by_a_growth_target():
    t = target(Comparator.GE, 5, "%", TargetKind.GROWTH)
    outcome = t.evaluate(fact("5.4%", kind=FactKind.CHANGE, period="2024"))
    assert outcome.status is MET
    assert outcome.actual.facts == ("a1",)
    assert outcome.actual.period == Period.year(2024)


def test_a_decline_target_is_met_by_a_larger_decline():
    # 下降3%: the change is at most -3%. -3.5% stands for (-3.55, -3.45]: all of it <= -3.
    t = target(Comparator.LE, -3, "%", TargetKind.GROWTH)
    assert t.evaluate(Value.parse("3.5%", negative=True)).status is MET
    assert t.evaluate(Value.parse("2.5%", negative=True)).status is MISSED


# ---------------------------------------------------------------- growth from two levels


def test_growth_from_two_levels_is_exact_interval_arithmetic():
    # 105.0亿元 is [104.95, 105.05), 100.0亿元 is [99.95, 100.05); the growth lies strictly
    # between 104.95/100.05 - 1 and 105.05/99.95 - 1, times 100.
    g = Actual.from_levels(fact("105.0亿元", period="2024", fact_id="c"),
                           fact("100.0亿元", period="2023", fact_id="p"))  # fmt: skip
    lower = (Fraction("104.95") / Fraction("100.05") - 1) * 100
    upper = (Fraction("105.05") / Fraction("99.95") - 1) * 100
    assert g.interval == Interval.open(lower, upper)
    assert g.unit == "%"
    assert g.kind is FactKind.CHANGE
    assert g.facts == ("c", "p")
    assert g.period == Period.year(2024)
    t = target(Comparator.GE, 5, "%", TargetKind.GROWTH)
    assert t.evaluate(g).status is UNDECIDABLE  # 4.89… to 5.10…
    assert target(Comparator.GE, Fraction("4.8"), "%", TargetKind.GROWTH).evaluate(g).status is MET


def test_growth_from_levels_in_different_scales():
    # 1.1亿元 after 10000万元: [1.05, 1.15) 亿元 over [9999.5, 10000.5) 万元 = [0.99995, 1.00005) 亿元.
    g = Actual.from_levels(Value.parse("1.1亿元"), Value.parse("10000万元"))
    lower = (Fraction("1.05") / Fraction("1.00005") - 1) * 100
    upper = (Fraction("1.15") / Fraction("0.99995") - 1) * 100
    assert g.interval == Interval(lower=lower, upper=upper, lower_closed=False,
                                  upper_closed=False)  # fmt: skip


def test_growth_from_levels_needs_consecutive_years():
    with pytest.raises(ValueError, match="one year apart"):
        Actual.from_levels(fact("5家", period="2024"), fact("4家", period="2022"))


def test_growth_from_levels_of_different_dimensions_raises():
    with pytest.raises(DimensionMismatchError):
        Actual.from_levels(Value.parse("5家"), Value.parse("4个"))


def test_growth_from_levels_refuses_a_rate():
    with pytest.raises(ValueError, match="two levels"):
        Actual.from_levels(fact("5%", kind=FactKind.RATE), fact("4家"))


def test_growth_from_a_previous_level_that_may_be_zero_raises():
    with pytest.raises(ValueError, match="may be zero"):
        Actual.from_levels(Value.parse("5亿元"), Value.parse("0.0亿元"))


def test_growth_from_an_estimate_is_an_estimate():
    g = Actual.from_levels(fact("5家", modality=Modality.ESTIMATE), fact("4家"))
    assert g.modality is Modality.ESTIMATE


# ---------------------------------------------------------------- the target itself


def test_strength_order():
    assert Strength.NONE < Strength.EFFORT < Strength.STRIVE < Strength.SEEK < Strength.ENSURE
    assert Strength.from_words(["力争", "确保"]) is Strength.ENSURE
    assert Strength.from_words(["争创"]) is Strength.SEEK
    assert Strength.from_words(["累计", "新增"]) is Strength.NONE
    assert Strength.parse("strive") is Strength.STRIVE
    assert Strength.parse("确保") is Strength.ENSURE
    with pytest.raises(ValueError, match="not a target strength"):
        Strength.parse("务必")


@pytest.mark.parametrize("comparator", [Comparator.EQ, Comparator.APPROX])
def test_a_target_has_a_directed_comparator(comparator):
    with pytest.raises(ValueError, match="comparator"):
        target(comparator, 5, "%")


def test_a_target_bound_is_finite():
    with pytest.raises(ValueError, match="bound"):
        target(Comparator.GE, Interval.at_least(5), "%")


@pytest.mark.parametrize(
    ("comparator", "bound", "unit", "text"),
    [
        (Comparator.GE, 5, "%", "≥ 5%"),
        (Comparator.GT, 10, "家", "> 10家"),
        (Comparator.LE, Fraction("1.56"), None, "≤ 1.56"),
        (Comparator.LT, 3, "起", "< 3起"),
        (Comparator.RANGE, Interval.closed(1, 2), "个", "in 1-2个"),
    ],
)
def test_describe_bound(comparator, bound, unit, text):
    assert target(comparator, bound, unit).describe_bound() == text


def test_evaluating_an_actual_object_keeps_it():
    a = Actual(interval=Interval.point(12), unit="家", text="12家", source="table row 3")
    outcome = target(Comparator.GT, 10, "家").evaluate(a)
    assert outcome.actual is a
    assert outcome.is_met
    assert outcome.is_decided
