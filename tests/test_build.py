"""Facts built in code with townkpi.fact / change / share / rate.

Figures from the Guanhaiwei 2023 work report (examples/guanhaiwei/report.txt), read by hand.
"""

from fractions import Fraction

import pytest

import townkpi
from townkpi import Comparator, FactKind, Modality, Period, Report, UnitError


def test_a_fact_and_its_change_read_naturally():
    gdp = townkpi.fact("地区生产总值", "131.5亿元", period="2023-01/2023-09")
    growth = townkpi.change("5.4%", refers_to=gdp)
    assert (gdp.kind, gdp.value.text, gdp.unit) == (FactKind.AMOUNT, "131.5", "亿元")
    assert gdp.period == Period.months(2023, 1, 9)
    assert growth.kind is FactKind.CHANGE
    assert growth.refers_to == gdp.id
    assert (growth.indicator, growth.period) == ("地区生产总值", gdp.period)
    assert growth.interval.lower == Fraction("5.35")
    report = Report(source="code", facts=[gdp, growth])
    assert report.referent(growth) is gdp
    assert gdp.span is None
    assert gdp.record is None


def test_ids_are_made_from_what_the_fact_is_about():
    a = townkpi.fact("地区生产总值", "131.5亿元", period="2023-01/2023-09", subject="全镇")
    b = townkpi.fact("地区生产总值", "131.5亿元", period="2023-01/2023-09", subject="全镇")
    assert a.id == b.id == "全镇 地区生产总值 2023-01/2023-09"
    assert townkpi.fact(None, "2.2万余个").id == "2.2万个"
    assert townkpi.fact("x", "1", id="mine").id == "mine"


def test_precision_and_qualifiers_are_kept():
    revenue = townkpi.fact("一般公共预算收入", "8.0亿元")
    assert revenue.value.text == "8.0"
    assert revenue.interval.lower == Fraction("7.95")
    hazards = townkpi.fact("问题隐患", "2.2万余个")
    assert (hazards.unit, hazards.qualifiers, hazards.comparator) == (
        "万个",
        ("余",),
        Comparator.GT,
    )
    land = townkpi.fact("新增粮食种植面积", "约230亩")
    assert land.qualifiers == ("约",)
    assert land.surface == "约230亩"
    assert townkpi.fact("x", "约230亩", qualifiers=("新增",)).qualifiers == ("新增",)


@pytest.mark.parametrize(
    ("written", "text", "lower", "upper"),
    [
        ("5.4%", "5.4", "5.35", "5.45"),
        ("-8.7%", "-8.7", "-8.75", "-8.65"),
        ("下降8.7%", "-8.7", "-8.75", "-8.65"),
        ("同比下降24.3%", "-24.3", "-24.35", "-24.25"),
        ("同比增长23.1%", "23.1", "23.05", "23.15"),
        ("提高2个百分点", "2", "1.5", "2.5"),
    ],
)
def test_changes_take_their_sign_from_the_words(written, text, lower, upper):
    c = townkpi.change(written)
    assert c.value.text == text
    assert (c.interval.lower, c.interval.upper) == (Fraction(lower), Fraction(upper))
    assert c.surface == written


def test_rate_and_share_refer_to_their_amount():
    done = townkpi.fact("拆迁", "169户", subject="宁慈线", period=2023)
    rate = townkpi.rate("98.8%", refers_to=done)
    assert (rate.kind, rate.subject, rate.indicator, rate.refers_to) == (
        FactKind.RATE,
        "宁慈线",
        "拆迁",
        done.id,
    )
    digital = townkpi.fact("数字经济产值", "56.15亿元", period="2023-01/2023-09")
    share = townkpi.share("15.56%", refers_to=digital)
    assert share.kind is FactKind.SHARE
    assert share.id == "数字经济产值 2023-01/2023-09 share"
    assert townkpi.rate("99.5%", refers_to="f7").refers_to == "f7"


def test_targets_and_estimates():
    target = townkpi.fact("新进规企业", "超过10家", period=2024, modality="target")
    assert target.modality is Modality.TARGET
    assert target.interval.lower == 10
    assert not target.interval.lower_closed
    growth = townkpi.change("5%", refers_to=target)
    assert growth.modality is Modality.TARGET
    estimate = townkpi.fact("农林牧渔业产值", "16.5亿元", modality=Modality.ESTIMATE, period=2023)
    assert estimate.id == "农林牧渔业产值 2023 estimate"


def test_bad_input_raises_typed_errors():
    with pytest.raises(UnitError):
        townkpi.fact("x", "8.0亿园")
    with pytest.raises(townkpi.NumberFormatError):
        townkpi.fact("x", "很多")
    with pytest.raises(ValueError, match="kind"):
        townkpi.fact("x", "1", kind="growth")
    with pytest.raises(ValueError, match="period"):
        townkpi.fact("x", "1", period="明年")


def test_built_facts_round_trip_through_records():
    gdp = townkpi.fact("地区生产总值", "131.5亿元", period="2023-01/2023-09")
    facts = [gdp, townkpi.change("下降8.7%", refers_to=gdp), townkpi.fact("隐患", "2.2万余个")]
    report = Report(source="code", facts=facts)
    again = Report.from_records(report.to_records(), source="code")
    assert [f.value for f in again.facts] == [f.value for f in facts]
    assert [f.surface for f in again.facts] == [f.surface for f in facts]
