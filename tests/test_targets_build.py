"""Targets built from target facts: kind, comparator, bound, strength and period."""

from fractions import Fraction

import pytest

from townkpi.interval import Interval
from townkpi.model import Fact, FactKind, Modality, Period, Report, Span, Value
from townkpi.numbers import Comparator
from townkpi.targets import Strength, TargetKind, target_from_fact, targets_from_report
from townkpi.targets.build import targets_from_fact
from townkpi.targets.phrases import split_indicator


def plan_fact(written, kind, *qualifiers, fact_id="f1", negative=False, **extra):
    return Fact(
        id=fact_id,
        kind=kind,
        value=Value.parse(written, negative=negative),
        surface=written,
        indicator=extra.pop("indicator", "x"),
        modality=Modality.TARGET,
        qualifiers=qualifiers,
        **extra,
    )


@pytest.mark.parametrize(
    ("written", "kind", "qualifiers", "expected"),
    [
        # 力争规上工业增加值同比增长5%: a plain figure in a plan is a floor.
        ("5%", FactKind.CHANGE, ("力争",),
         (Comparator.GE, 5, "%", TargetKind.GROWTH, Strength.STRIVE)),
        # 确保全年新进规企业超过10家
        ("超过10家", FactKind.AMOUNT, ("确保", "超过"),
         (Comparator.GT, 10, "家", TargetKind.LEVEL, Strength.ENSURE)),
        # 完成技术改造项目40个 (no strength word)
        ("40个", FactKind.AMOUNT, (), (Comparator.GE, 40, "个", TargetKind.LEVEL, Strength.NONE)),
        # 争取城乡医保参保达到99.5%以上
        ("99.5%以上", FactKind.RATE, ("争取", "以上"),
         (Comparator.GE, Fraction("99.5"), "%", TargetKind.RATE, Strength.SEEK)),
        # 城乡居民收入倍差保持在1.56以内
        ("1.56以内", FactKind.RATIO, ("以内",),
         (Comparator.LE, Fraction("1.56"), None, TargetKind.RATIO, Strength.NONE)),
        # a share target is a rate target
        ("30%", FactKind.SHARE, ("努力",),
         (Comparator.GE, 30, "%", TargetKind.RATE, Strength.EFFORT)),
        # 进入前3名: a plain rank is a ceiling
        ("3名", FactKind.RANK, (), (Comparator.LE, 3, "名", TargetKind.RANK, Strength.NONE)),
        # 控制在 makes a plain figure a ceiling
        ("35起", FactKind.AMOUNT, ("控制在",),
         (Comparator.LE, 35, "起", TargetKind.LEVEL, Strength.NONE)),
    ],
)  # fmt: skip
def test_target_from_fact(written, kind, qualifiers, expected):
    comparator, bound, unit, target_kind, strength = expected
    t = target_from_fact(plan_fact(written, kind, *qualifiers))
    assert t.comparator is comparator
    assert t.bound == Interval.point(bound)
    assert t.unit == unit
    assert t.kind is target_kind
    assert t.strength is strength
    assert t.surface == written


def test_a_plain_decline_is_a_ceiling_on_the_change():
    # 单位能耗下降3%: the change must be at most -3%.
    t = target_from_fact(plan_fact("3%", FactKind.CHANGE, "确保", negative=True))
    assert t.comparator is Comparator.LE
    assert t.bound == Interval.point(-3)


def test_a_comparator_on_a_decline_bounds_its_size():
    # 下降3%以上: a decline of 3% or more, a change of at most -3%.
    t = target_from_fact(plan_fact("3%以上", FactKind.CHANGE, "以上", negative=True))
    assert t.comparator is Comparator.LE
    assert t.bound == Interval.point(-3)


def test_a_range_keeps_both_ends():
    # 新增1-2个村婴幼儿照护服务驿站
    t = target_from_fact(plan_fact("1-2个", FactKind.AMOUNT))
    assert t.comparator is Comparator.RANGE
    assert t.bound == Interval.closed(1, 2)
    assert t.describe_bound() == "in 1-2个"


def test_the_bound_is_the_written_threshold_exactly_not_its_rounding_interval():
    t = target_from_fact(plan_fact("5%", FactKind.CHANGE))
    assert t.bound.is_point
    assert t.threshold == 5


def test_targets_from_report_takes_only_target_facts_and_defaults_the_period():
    span = Span(start=10, end=12, line=3, column=4)
    facts = [
        Fact(id="f1", kind=FactKind.AMOUNT, value=Value.parse("131.5亿元"), indicator="地区生产总值",
             period=Period.months(2023, 1, 9)),
        plan_fact("5%", FactKind.CHANGE, "力争", fact_id="f2", indicator="规上工业增加值",
                  span=span),
        plan_fact("8%", FactKind.CHANGE, fact_id="f3", indicator="外贸自营进出口",
                  period=Period.year(2025)),
        Fact(id="f4", kind=FactKind.AMOUNT, value=Value.parse("16.5亿元"), indicator="农林牧渔业产值",
             modality=Modality.ESTIMATE),
    ]  # fmt: skip
    targets = targets_from_report(Report(source="plan.txt", facts=facts, year=2023))
    assert [t.id for t in targets] == ["f2", "f3"]
    first, second = targets
    assert first.indicator == "规上工业增加值"
    assert first.period == Period.year(2024)  # the year after the report's year
    assert first.span == span
    assert first.fact_id == "f2"
    assert first.source == "plan.txt"
    assert second.period == Period.year(2025)  # the fact's own period wins


def test_targets_from_a_report_without_a_year_have_no_default_period():
    report = Report(source="p", facts=[plan_fact("5%", FactKind.CHANGE)])
    assert targets_from_report(report)[0].period is None


# ---------------------------------------------------------------- one figure, several indicators


@pytest.mark.parametrize(
    ("phrase", "parts"),
    [
        ("规上工业企业总产值、规上工业增加值", ("规上工业企业总产值", "规上工业增加值")),
        ("培育未来工厂和数字化车间各", ("未来工厂", "数字化车间")),
        ("申报慈溪市文明村、文明社区、文明单位各", ("申报慈溪市文明村", "文明社区", "文明单位")),
        ("争创省级无障碍社区", ("省级无障碍社区",)),
        ("确保全年新进规企业", ("全年新进规企业",)),
        # not lists of indicators
        ("夏宝、吉毅等", ("夏宝、吉毅等",)),
        ("对里杜湖、外杜湖饮用水源保护区内", ("对里杜湖、外杜湖饮用水源保护区内",)),
        ("城乡居民和农村居民收入", ("城乡居民和农村居民收入",)),  # 和 without 各
    ],
)
def test_split_indicator(phrase, parts):
    assert split_indicator(phrase) == parts


def test_one_figure_for_two_indicators_gives_two_targets():
    # 力争规上工业企业总产值、规上工业增加值同比增长5%
    fact = plan_fact("5%", FactKind.CHANGE, "力争", indicator="规上工业企业总产值、规上工业增加值")
    first, second = targets_from_fact(fact)
    assert (first.id, first.indicator) == ("f1/1", "规上工业企业总产值")
    assert (second.id, second.indicator) == ("f1/2", "规上工业增加值")
    assert first.bound == second.bound == Interval.point(5)
    assert first.fact_id == second.fact_id == "f1"
    report = Report(source="p", facts=[fact], year=2023)
    assert [t.indicator for t in targets_from_report(report)] == [
        "规上工业企业总产值",
        "规上工业增加值",
    ]
