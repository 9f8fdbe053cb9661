"""Unit cases written from the Guanhaiwei report: every figure read with Value.parse.

Each row is a figure exactly as it stands in ``examples/guanhaiwei/report.txt`` with what it
must mean, worked out by hand: the digits as written, the unit as written (scale included), its
dimension and category, the interval of true values in that unit and the comparator.

Conventions behind the expected intervals:
- a number written with decimals stands for its half-up rounding interval (131.5 → [131.45, 131.55));
- a whole count of a counting unit without 万/亿 is exact (169户 → [169]);
- a whole number of a continuous unit is rounded to the unit (4533亩 → [4532.5, 4533.5));
- 余 puts the value above the written number and below the next step of its last significant
  place (70余 → (70, 80), 2.2万余 → (2.2, 2.3) in 万个);
- 约 is a ±5 % band (约230 → [218.5, 241.5]);
- 以上 is at least, 以内 at most, 超过 more than; a range covers both ends.
"""

from decimal import Decimal
from fractions import Fraction

import pytest

from townkpi import Comparator, UnitCategory, Value, convert

F = Fraction
INF = None
EQ, GT, GE, LE, APPROX, RANGE = (
    Comparator.EQ,
    Comparator.GT,
    Comparator.GE,
    Comparator.LE,
    Comparator.APPROX,
    Comparator.RANGE,
)
CNY, USD = "[currency_cny]", "[currency_usd]"
AREA = "[length]^2"
C, A, K, P = UnitCategory.CURRENCY, UnitCategory.AREA, UnitCategory.COUNT, UnitCategory.PROPORTION

# (written, text, unit, dimension, category, lower, lower_closed, upper, upper_closed, comparator)
CASES = [
    ("131.5亿元", "131.5", "亿元", CNY, C, F("131.45"), True, F("131.55"), False, EQ),
    ("8.0亿元", "8.0", "亿元", CNY, C, F("7.95"), True, F("8.05"), False, EQ),
    ("246.4亿元", "246.4", "亿元", CNY, C, F("246.35"), True, F("246.45"), False, EQ),
    ("17.1亿元", "17.1", "亿元", CNY, C, F("17.05"), True, F("17.15"), False, EQ),
    ("16.5亿元", "16.5", "亿元", CNY, C, F("16.45"), True, F("16.55"), False, EQ),
    ("2.1万亩", "2.1", "万亩", AREA, A, F("2.05"), True, F("2.15"), False, EQ),
    ("4533亩", "4533", "亩", AREA, A, F("4532.5"), True, F("4533.5"), False, EQ),
    ("约230亩", "230", "亩", AREA, A, F("218.5"), True, F("241.5"), True, APPROX),
    ("1800万元", "1800", "万元", CNY, C, F("1799.5"), True, F("1800.5"), False, EQ),
    ("8686亩", "8686", "亩", AREA, A, F("8685.5"), True, F("8686.5"), False, EQ),
    ("6座", "6", "座", "[structure]", K, F(6), True, F(6), True, EQ),
    ("24家", "24", "家", "[establishment]", K, F(24), True, F(24), True, EQ),
    ("180亩", "180", "亩", AREA, A, F("179.5"), True, F("180.5"), False, EQ),
    ("56.15亿元", "56.15", "亿元", CNY, C, F("56.145"), True, F("56.155"), False, EQ),
    ("15.56%", "15.56", "%", "[]", P, F("15.555"), True, F("15.565"), False, EQ),
    ("962人", "962", "人", "[person]", K, F(962), True, F(962), True, EQ),
    ("216万美元", "216", "万美元", USD, C, F("215.5"), True, F("216.5"), False, EQ),
    ("169户", "169", "户", "[household]", K, F(169), True, F(169), True, EQ),
    ("98.8%", "98.8", "%", "[]", P, F("98.75"), True, F("98.85"), False, EQ),
    ("184亩", "184", "亩", AREA, A, F("183.5"), True, F("184.5"), False, EQ),
    ("97.4%", "97.4", "%", "[]", P, F("97.35"), True, F("97.45"), False, EQ),
    ("20.9万平方米", "20.9", "万平方米", AREA, A, F("20.85"), True, F("20.95"), False, EQ),
    ("19.7万平方米", "19.7", "万平方米", AREA, A, F("19.65"), True, F("19.75"), False, EQ),
    ("58宗", "58", "宗", "[case_file]", K, F(58), True, F(58), True, EQ),
    ("22处", "22", "处", "[site]", K, F(22), True, F(22), True, EQ),
    ("756户", "756", "户", "[household]", K, F(756), True, F(756), True, EQ),
    ("74幢", "74", "幢", "[building]", K, F(74), True, F(74), True, EQ),
    ("70余次", "70", "次", "[occurrence]", K, F(70), False, F(80), False, GT),
    ("330余处", "330", "处", "[site]", K, F(330), False, F(340), False, GT),
    ("50条", "50", "条", "[strip]", K, F(50), True, F(50), True, EQ),
    ("2000余个", "2000", "个", "[piece]", K, F(2000), False, F(3000), False, GT),
    ("761起", "761", "起", "[incident]", K, F(761), True, F(761), True, EQ),
    ("2806万元", "2806", "万元", CNY, C, F("2805.5"), True, F("2806.5"), False, EQ),
    ("670起", "670", "起", "[incident]", K, F(670), True, F(670), True, EQ),
    ("350余人", "350", "人", "[person]", K, F(350), False, F(360), False, GT),
    ("1000余次", "1000", "次", "[occurrence]", K, F(1000), False, F(2000), False, GT),
    ("2.2万余个", "2.2", "万个", "[piece]", K, F("2.2"), False, F("2.3"), False, GT),
    ("700余条", "700", "条", "[strip]", K, F(700), False, F(800), False, GT),
    ("9.5万件", "9.5", "万件", "[item]", K, F("9.45"), True, F("9.55"), False, EQ),
    ("99.5％", "99.5", "％", "[]", P, F("99.45"), True, F("99.55"), False, EQ),
    ("611个", "611", "个", "[piece]", K, F(611), True, F(611), True, EQ),
    ("75宗", "75", "宗", "[case_file]", K, F(75), True, F(75), True, EQ),
    ("300场次以上", "300", "场次", "[performance]", K, F(300), True, INF, False, GE),
    ("99.5%以上", "99.5", "%", "[]", P, F("99.5"), True, INF, False, GE),
    ("90%以上", "90", "%", "[]", P, F(90), True, INF, False, GE),
    ("50万元以上", "50", "万元", CNY, C, F(50), True, INF, False, GE),
    ("超过10家", "10", "家", "[establishment]", K, F(10), False, INF, False, GT),
    ("1-2个", "1-2", "个", "[piece]", K, F(1), True, F(2), True, RANGE),
    ("96亩", "96", "亩", AREA, A, F("95.5"), True, F("96.5"), False, EQ),
    ("172亩", "172", "亩", AREA, A, F("171.5"), True, F("172.5"), False, EQ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_figure_from_the_report(case, guanhaiwei_text):
    written, text, unit, dimension, category, lo, lo_closed, hi, hi_closed, comparator = case
    assert written in guanhaiwei_text, f"{written} is not in the report"
    v = Value.parse(written)
    assert v.text == text
    assert v.unit == unit
    info = v.unit_info
    assert info is not None
    assert info.dimension == dimension
    assert info.category is category
    assert v.interval.lower == lo
    assert v.interval.lower_closed is lo_closed
    assert v.interval.upper == hi
    assert v.interval.upper_closed is hi_closed
    assert v.comparator is comparator


def test_ratio_without_unit(guanhaiwei_text):
    # 城乡居民收入倍差保持在1.56以内: a pure number, at most 1.56.
    assert "1.56以内" in guanhaiwei_text
    v = Value.parse("1.56以内")
    assert v.text == "1.56"
    assert v.unit is None
    assert v.unit_info is None
    assert v.interval.lower is None
    assert v.interval.upper == F("1.56")
    assert v.interval.upper_closed
    assert v.comparator is LE


@pytest.mark.parametrize(
    ("written", "text", "lower", "upper"),
    [
        # 下降8.7%: a change written with 下降 is negative.
        ("8.7%", "-8.7", F("-8.75"), F("-8.65")),
        ("24.3%", "-24.3", F("-24.35"), F("-24.25")),
    ],
)
def test_declines_are_negative(written, text, lower, upper, guanhaiwei_text):
    assert f"下降{written}" in guanhaiwei_text or f"分别下降{written}" in guanhaiwei_text
    v = Value.parse(written, negative=True)
    assert v.text == text
    assert v.number == Decimal(text)
    assert v.interval.lower == lower
    assert not v.interval.lower_closed  # half-up rounds -8.75 to -8.8
    assert v.interval.upper == upper
    assert v.interval.upper_closed


def test_quantity_of_the_gdp_figure_in_wan_yuan():
    # 131.5亿元 = 131.5 × 10**4 万元 = 1,315,000万元 exactly.
    assert convert(Value.parse("131.5亿元").quantity, "万元").magnitude == 1_315_000
