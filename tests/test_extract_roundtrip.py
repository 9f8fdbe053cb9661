"""Round trips: a fact rendered as a Chinese clause is extracted back with the same reading.

A random indicator, number (ASCII or full-width digits, thousands separators, a 万/亿 scale),
unit and qualifier is written as a report writes it (实现地区生产总值约131.5亿元。,
社会消费品零售总额同比下降8.7%以上。) and must come back as one fact with the same value text, unit,
kind, comparator and sign.
"""

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategies import written_decimals
from townkpi.extract import accounted_for, extract

INDICATORS = (
    "地区生产总值",
    "一般公共预算收入",
    "规上工业总产值",
    "固定资产投资",
    "社会消费品零售总额",
    "服务业增加值",
    "粮食播种面积",
    "高标准农田",
    "拆迁",
    "征地",
    "违法建筑",
    "国家高新技术企业",
    "城镇新增就业",
    "外贸自营进出口",
)
#: Units as reports write them after a number (a 万/亿 scale included where reports use one).
AMOUNT_UNITS = (
    "亿元",
    "万元",
    "元",
    "万美元",
    "亩",
    "万亩",
    "公顷",
    "平方米",
    "万平方米",
    "公里",
    "吨",
    "万吨",
    "千瓦",
    "万千瓦",
    "户",
    "人",
    "名",
    "万人",
    "人次",
    "万人次",
    "家",
    "个",
    "件",
    "万件",
    "项",
    "座",
    "条",
    "处",
    "起",
    "次",
    "宗",
    "辆",
    "套",
    "所",
    "场次",
)
CHANGE_UNITS = ("%", "％", "个百分点")
PREFIXES = ("", "实现", "完成", "累计", "全年")
FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@attrs.frozen(kw_only=True)
class Rendered:
    """A clause and the reading it must give back."""

    text: str
    value: str
    unit: str
    kind: str
    comparator: str


def _written(plain: str, *, fullwidth: bool, thousands: bool) -> str:
    head, dot, tail = plain.partition(".")
    text = (f"{int(head):,}" if thousands else head) + dot + tail
    return text.translate(FULLWIDTH) if fullwidth else text


@st.composite
def clauses(draw: st.DrawFn) -> Rendered:
    plain = draw(written_decimals(max_int_digits=7, max_places=2))
    written = _written(
        plain, fullwidth=draw(st.booleans()), thousands=draw(st.booleans()) and "." not in plain
    )
    indicator = draw(st.sampled_from(INDICATORS))
    change = draw(st.booleans())
    qualifier = draw(st.sampled_from(("", "约", "超过", "以上", "余")))
    if qualifier == "余" and "." in plain:
        qualifier = ""  # 余 follows a whole number: 70余次, 2000余个
    comparator = {"": "=", "约": "~", "超过": ">", "以上": ">=", "余": ">"}[qualifier]
    before = qualifier if qualifier in ("约", "超过") else ""
    more = "余" if qualifier == "余" else ""
    after = "以上" if qualifier == "以上" else ""
    if change:
        down = draw(st.booleans())
        unit = draw(st.sampled_from(CHANGE_UNITS))
        verb = "下降" if down else "增长"
        text = f"{indicator}同比{verb}{before}{written}{more}{unit}{after}。"
        value = ("-" if down and Decimal(plain) != 0 else "") + plain  # no "-0"
        return Rendered(text=text, value=value, unit=unit, kind="change", comparator=comparator)
    unit = draw(st.sampled_from(AMOUNT_UNITS))
    prefix = draw(st.sampled_from(PREFIXES))
    text = f"{prefix}{indicator}{before}{written}{more}{unit}{after}。"
    return Rendered(text=text, value=plain, unit=unit, kind="amount", comparator=comparator)


@pytest.fixture(scope="module", autouse=True)
def _compiled():
    """The first extraction compiles the patterns and builds the unit registry (~0.5 s): do it
    before the examples run, so that Hypothesis's deadline measures extraction only."""
    extract("实现产值1.5亿元，增长5%以上。", year=2023)


@given(clauses())
def test_a_rendered_fact_is_extracted_back(clause):
    report = extract(clause.text, year=2023)
    assert len(report.facts) == 1, (clause.text, [f.surface for f in report.facts])
    f = report.facts[0]
    got = (f.value.text, f.unit, f.kind.value, f.comparator.value)
    assert got == (clause.value, clause.unit, clause.kind, clause.comparator), clause.text
    if Decimal(clause.value) != 0:
        assert (f.value.number < 0) == clause.value.startswith("-")
    assert clause.text[f.span.start : f.span.end] == f.surface
    assert accounted_for(report) == []


@given(st.lists(clauses(), min_size=2, max_size=6))
def test_a_sentence_of_rendered_facts_keeps_them_apart(items):
    text = "；".join(c.text.rstrip("。") for c in items) + "。"
    facts = extract(text, year=2023).facts
    got = [(f.value.text, f.unit, f.kind.value, f.comparator.value) for f in facts]
    assert got == [(c.value, c.unit, c.kind, c.comparator) for c in items], text
