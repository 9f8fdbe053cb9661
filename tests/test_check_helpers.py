"""The public helpers of checks (townkpi.checks.helpers) and the reading of a rate's count.

Expected values are worked out by hand from the figures: 98.8% stands for [98.75, 98.85)%, so 169
done needs a total in (169/0.9885, 169/0.9875] = (170.97, 171.14], and so on.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import townkpi
from townkpi import (
    CheckContext,
    Interval,
    Report,
    UnitCategory,
    amounts_before,
    counterparts,
    describe_fact,
    extract,
    fact,
    figure_words,
    interval_in_unit,
    is_cumulative,
    is_increment,
    is_list_item,
    is_under_way,
    proportion_interval,
    quotient,
    rate,
    related_in_catalog,
    same_scope,
    same_subject,
    surely_greater,
    unit_category,
    whole_parts,
    whole_totals,
)
from townkpi.checks.readings import Reading, rate_reading, rate_stem


def _pct(text: str) -> Interval:
    return Interval.from_rounded(Decimal(text)).scale(Fraction(1, 100))


def _ctx(text: str) -> tuple[CheckContext, dict[str, townkpi.Fact]]:
    report = extract(text)
    return CheckContext(report=report), {f.surface: f for f in report.facts}


# --------------------------------------------------------------------------- exports


def test_the_helpers_are_public_and_the_number_formats_too():
    for name in ("same_scope", "counterparts", "describe_fact", "surely_greater", "is_increment"):
        assert name in townkpi.__all__
    assert townkpi.format_number(Fraction(16900, 99)) == "170.7071"
    assert townkpi.format_interval(Interval.closed(1, 2)) == "[1, 2]"


# --------------------------------------------------------------------------- whole counts


def test_whole_totals_of_169_done_at_98_8_percent():
    counts = whole_totals(169, _pct("98.8"))
    assert counts is not None
    assert counts.feasible == (171,)
    assert counts.possible


def test_whole_totals_of_169_done_at_98_5_percent_are_none():
    # (169/0.9855, 169/0.9845] = (171.487, 171.661]: 171 gives 98.83%, 172 gives 98.26%
    counts = whole_totals(169, _pct("98.5"))
    assert counts is not None
    assert counts.feasible == ()
    assert counts.nearest == (171, 172)
    assert counts.interval == Interval(
        lower=169 / Fraction("0.9855"), upper=169 / Fraction("0.9845"), lower_closed=False
    )


def test_whole_parts_of_25_handled_at_92_and_93_percent():
    # 25 × [0.915, 0.925) = [22.875, 23.125): 23; 25 × [0.925, 0.935) = [23.125, 23.375): none
    assert whole_parts(25, _pct("92")).feasible == (23,)
    at_93 = whole_parts(25, _pct("93"))
    assert at_93.feasible == ()
    assert at_93.nearest == (23, 24)
    assert at_93.interval == Interval(
        lower=Fraction(185, 8), upper=Fraction(187, 8), upper_closed=False
    )


def test_whole_parts_at_100_percent_keep_within_the_whole():
    # 100% stands for [99.5, 100.5)%; a part is at most its whole: 670 × [0.995, 1] → 667 … 670
    counts = whole_parts(670, _pct("100"), limit=10)
    assert counts.feasible == (667, 668, 669, 670)
    assert counts.interval.upper == 670


def test_whole_counts_limit_lists_one_more_when_there_are_more():
    # 316 done at 96% ([95.5, 96.5)%): totals 328, 329, 330
    assert whole_totals(316, _pct("96"), limit=2).feasible == (328, 329, 330)
    assert whole_totals(316, _pct("96"), limit=5).feasible == (328, 329, 330)


def test_whole_counts_refuse_what_implies_nothing():
    assert whole_totals(5, Interval.closed(0, Fraction(1, 100))) is None  # the rate may be 0
    assert whole_totals(5, Interval.closed(2, 3)) is None  # entirely above 100%
    assert whole_parts(5, Interval.closed(2, 3)) is None


# --------------------------------------------------------------------------- intervals


def test_interval_in_unit_and_categories():
    gdp = fact("地区生产总值", "131.5亿元")
    assert interval_in_unit(gdp, "万元") == Interval(
        lower=1314500, upper=1315500, upper_closed=False
    )
    assert interval_in_unit(gdp, "亩") is None
    assert unit_category(gdp) is UnitCategory.CURRENCY
    assert unit_category(fact("倍差", "1.56")) is None
    assert proportion_interval(fact("完成率", "98.8%")) == _pct("98.8")
    assert proportion_interval(gdp) is None


def test_quotient_and_surely_greater():
    assert quotient(Interval.closed(1, 2), Interval.closed(2, 4)) == Interval.closed(
        Fraction(1, 4), 1
    )
    assert quotient(Interval.closed(1, 2), Interval.closed(0, 4)) is None
    assert surely_greater(Interval.closed(3, 4), Interval.closed(1, 2))
    assert not surely_greater(Interval.closed(2, 4), Interval.closed(1, 2))  # 2 ≤ 2 is possible
    assert surely_greater(
        Interval(lower=2, upper=4, lower_closed=False), Interval.closed(1, 2)
    )  # (2, 4] against [1, 2]: no value of the first is at most 2
    assert not surely_greater(Interval.at_least(3), Interval.at_least(1))


# --------------------------------------------------------------------------- wording


def test_describe_fact_with_and_without_the_period():
    done = fact("完成拆迁", "169户", subject="宁慈线", period=2023)
    assert describe_fact(done) == "宁慈线完成拆迁 169户"
    assert describe_fact(done, period=True) == "宁慈线完成拆迁 169户 (2023)"


def test_increments():
    assert is_increment(fact("新增粮食种植面积", "230亩"))
    assert is_increment(fact("新引进项目", "5个"))
    assert not is_increment(fact("服务业增加值", "41.7亿元"))  # 增加值 is a level


def test_words_before_a_figure():
    ctx, f = _ctx("累计建成高标准农田120.5万亩，推进8686亩高标准农田改造提升项目。")
    assert is_cumulative(ctx, f["120.5万亩"])
    assert not is_cumulative(ctx, f["8686亩"])
    assert is_under_way(ctx, f["8686亩"])
    assert not is_under_way(ctx, f["120.5万亩"])
    assert figure_words(ctx, f["120.5万亩"]) == "累计建成高标准农田"


def test_list_items():
    ctx, f = _ctx("办理人大代表建议25件、政协提案37件，办结率98.4%。调处矛盾纠纷670起。")
    assert is_list_item(ctx, f["25件"])
    assert is_list_item(ctx, f["37件"])
    assert not is_list_item(ctx, f["670起"])


def test_figure_words_of_a_figure_without_text_is_its_indicator():
    report = Report(source="x", facts=[fact("调处矛盾纠纷", "670起")])
    assert figure_words(CheckContext(report=report), report.facts[0]) == "调处矛盾纠纷"


# --------------------------------------------------------------------------- scope


def test_same_subject():
    a = fact("完成拆迁", "169户", subject="宁慈线")
    assert same_subject(a, fact("征地", "184亩", subject="轨道交通宁慈线"))
    assert not same_subject(a, fact("完成拆迁", "316户", subject="通苏嘉甬铁路"))
    assert same_subject(fact("GDP", "131.5亿元"), fact("服务业增加值", "41.7亿元", subject="全镇"))
    assert not same_subject(a, fact("征地", "184亩"))


def test_same_scope_and_counterparts():
    text = (
        "1-9月，全镇实现地区生产总值131.5亿元；实现服务业增加值41.7亿元。"
        "2022年，实现地区生产总值120亿元。力争地区生产总值达到140亿元。"
    )
    ctx, f = _ctx(text)
    services = f["41.7亿元"]
    assert same_scope(ctx, services, f["131.5亿元"])  # the same sentence
    assert not same_scope(ctx, services, f["120亿元"])  # another year
    assert not same_scope(ctx, services, f["140亿元"])  # a target
    assert counterparts(ctx, services, "地区生产总值") == [f["131.5亿元"]]
    assert counterparts(ctx, services, ["地区生产总值"], head=True) == [f["131.5亿元"]]


def test_counterparts_are_nearest_first():
    text = "全镇完成拆迁169户。全镇征地184亩，完成拆迁150户。"
    ctx, f = _ctx(text)
    land = f["184亩"]
    found = counterparts(ctx, land, "拆迁户数")
    assert found[0] is f["150户"]  # the same sentence first


def test_amounts_before_and_related_in_catalog():
    ctx, f = _ctx("累计排摸“四不”违法建筑58宗，已处置55宗，拆除19.7万平方米。")
    assert amounts_before(ctx, f["19.7万平方米"]) == [f["55宗"], f["58宗"]]
    assert amounts_before(ctx, f["58宗"]) == []
    assert related_in_catalog(ctx, f["55宗"], f["58宗"])  # 违法建筑处置 ≤ 违法建筑排摸
    assert not related_in_catalog(ctx, f["58宗"], f["19.7万平方米"])


# --------------------------------------------------------------------------- readings


@pytest.mark.parametrize(
    ("words", "stem"),
    [("调处成功率", "成功"), ("完成率", "完成"), ("问题整改销号率", "销号"), ("满意度", None)],
)
def test_rate_stem(words, stem):
    assert rate_stem(words) == stem


@pytest.mark.parametrize(
    ("text", "count", "reading"),
    [
        # the rate's word in the count's words: the count is the part done
        ("宁慈线完成拆迁169户，完成率98.8%。", "169户", Reading.DONE),
        ("镇村两级便民服务中心办结审批服务9.5万件，办结率99.5％。", "9.5万件", Reading.DONE),
        ("宁慈线征地184亩，完成率97.4%。", "184亩", Reading.DONE),  # 征地 is work done
        ("化解上级交办信访事项45件，信访事项化解率97.8%。", "45件", Reading.DONE),
        # a rate of outcomes over cases or tests: the count is the whole
        ("调处矛盾纠纷25起，调处成功率92%。", "25起", Reading.TOTAL),
        ("办理人大代表建议25件，满意率100%。", "25件", Reading.TOTAL),
        ("抽检食品批次1200批次，合格率98.5%。", "1200批次", Reading.TOTAL),
        ("受理群众诉求1200件，办结率98.3%。", "1200件", Reading.TOTAL),
        ("排查问题点位120处，问题整改销号率98.3%。", "120处", Reading.TOTAL),
        # neither
        ("新建项目25个，完成率92%。", "25个", Reading.EITHER),
    ],
)
def test_rate_reading_from_the_words(text, count, reading):
    ctx, f = _ctx(text)
    (r,) = [x for x in ctx.facts if x.kind is townkpi.FactKind.RATE]
    assert rate_reading(ctx, r, f[count]) is reading


def test_rate_reading_of_figures_without_text():
    done = fact("拆迁", "169户")
    cases = fact("调处矛盾纠纷", "670起")
    ctx = CheckContext(report=Report(source="x", facts=[done, cases]))
    assert rate_reading(ctx, rate("98.8%", refers_to=done), done) is Reading.DONE
    # a rate built on the count borrows its indicator: the count's words decide
    assert rate_reading(ctx, rate("99.5%", refers_to=cases), cases) is Reading.TOTAL
    success = rate("99.5%", refers_to=cases, indicator="调处成功率")
    assert rate_reading(ctx, success, cases) is Reading.TOTAL
