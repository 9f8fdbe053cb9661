"""The domain model: validators, periods, values, facts, reports; frozen, slotted, keyword-only."""

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given

from strategies import facts, periods, spans, values
from townkpi import (
    Comparator,
    Document,
    Fact,
    FactKind,
    Interval,
    Modality,
    Numeral,
    Period,
    Report,
    SkippedMention,
    SkipReason,
    Span,
    Unit,
    UnitError,
    Value,
    convert,
    parse_numeral,
    parse_unit,
    quantity,
)


def _amount(fact_id: str = "f1", written: str = "131.5亿元") -> Fact:
    return Fact(id=fact_id, kind=FactKind.AMOUNT, value=Value.parse(written), surface=written)


# --------------------------------------------------------------------------- validators


@pytest.mark.parametrize(
    "kwargs",
    [
        {"start": -1, "end": 3},  # negative start
        {"start": 5, "end": 4},  # end before start
        {"start": 0, "end": 1, "line": 0},  # lines are 1-based
        {"start": 0, "end": 1, "column": 0},  # columns are 1-based
    ],
)
def test_span_rejects_bad_offsets(kwargs):
    with pytest.raises(ValueError, match=r"start|end|line|column|must be"):
        Span(**kwargs)


def test_span_length_and_containment():
    outer = Span(start=10, end=30)
    assert len(outer) == 20
    assert outer.contains(Span(start=12, end=20))
    assert not outer.contains(Span(start=25, end=31))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"start_year": 2023, "start_month": 13, "end_year": 2023, "end_month": 13},
        {"start_year": 2023, "start_month": 0, "end_year": 2023, "end_month": 9},
        {"start_year": 2023, "start_month": 9, "end_year": 2023, "end_month": 1},
        {"start_year": 2024, "start_month": 1, "end_year": 2023, "end_month": 12},
        {"start_year": 999, "start_month": 1, "end_year": 2023, "end_month": 12},
    ],
)
def test_period_rejects_bad_months_and_order(kwargs):
    with pytest.raises(ValueError):  # noqa: PT011 - attrs' and our own messages differ
        Period(**kwargs)


@pytest.mark.parametrize(
    "text", ["2023-13", "2023/2024-05", "23", "2023-Q5", "二〇二三", "", "2023-9"]
)
def test_period_parse_rejects_other_forms(text):
    with pytest.raises(ValueError):  # noqa: PT011 - attrs' and our own messages differ
        Period.parse(text)


def test_quarter_out_of_range():
    with pytest.raises(ValueError, match="no quarter 5"):
        Period.quarter(2024, 5)


def test_value_rejects_an_unknown_unit():
    with pytest.raises(UnitError, match="光年"):
        Value(text="3", number=Decimal(3), unit="光年", interval=Interval.point(3))


def test_value_rejects_non_finite_numbers():
    with pytest.raises(ValueError, match="finite"):
        Value(text="inf", number=Decimal("Infinity"), interval=Interval.everything())


def test_value_rejects_a_missing_interval():
    with pytest.raises(TypeError):
        Value(text="3", number=Decimal(3), interval="[3]")  # type: ignore[arg-type]


def test_fact_rejects_bad_kind_and_empty_id():
    with pytest.raises(TypeError):
        Fact(id="f1", kind="amount", value=Value.parse("6座"))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="id"):
        Fact(id="", kind=FactKind.AMOUNT, value=Value.parse("6座"))


def test_report_rejects_duplicate_fact_ids():
    with pytest.raises(ValueError, match="duplicate fact id 'f1'"):
        Report(source="x", facts=(_amount("f1"), _amount("f1", "8.0亿元")))


def test_skipped_mention_needs_surface_and_reason():
    with pytest.raises(ValueError, match="surface"):
        SkippedMention(span=Span(start=0, end=4), surface="", reason=SkipReason.YEAR)


# --------------------------------------------------------------------------- periods


@given(periods())
def test_period_parse_and_str_round_trip(p):
    assert Period.parse(str(p)) == p
    assert p.contains(p)
    assert p.month_count >= 1


@pytest.mark.parametrize(
    ("period", "text", "months"),
    [
        (Period.year(2023), "2023", 12),
        (Period.months(2023, 1, 9), "2023-01/2023-09", 9),
        (Period.quarter(2024, 2), "2024-Q2", 3),
        (Period.months(2023, 5, 5), "2023-05/2023-05", 1),
        (
            Period(start_year=2022, start_month=11, end_year=2023, end_month=2),
            "2022-11/2023-02",
            4,
        ),
    ],
)
def test_period_examples(period, text, months):
    assert str(period) == text
    assert period.month_count == months
    assert Period.parse(text) == period


def test_period_parse_of_a_single_month():
    assert Period.parse("2023-05") == Period.months(2023, 5, 5)


def test_period_containment():
    assert Period.year(2023).contains(Period.months(2023, 1, 9))
    assert not Period.months(2023, 1, 9).contains(Period.year(2023))
    assert Period.year(2023).is_full_year
    assert not Period.months(2023, 1, 9).is_full_year


# --------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("written", "text", "unit", "interval", "comparator"),
    [
        ("131.5亿元", "131.5", "亿元", "[131.45, 131.55)", Comparator.EQ),
        ("2.2万余个", "2.2", "万个", "(2.2, 2.3)", Comparator.GT),
        ("超过10家", "10", "家", "(10, inf)", Comparator.GT),
        ("99.5%以上", "99.5", "%", "[99.5, inf)", Comparator.GE),
        ("１３１．５亿元", "131.5", "亿元", "[131.45, 131.55)", Comparator.EQ),
        ("十七家", "17", "家", "[17]", Comparator.EQ),
        ("2.2万", "22000", None, "[21500, 22500)", Comparator.EQ),
        ("5.4%", "5.4", "%", "[5.35, 5.45)", Comparator.EQ),
        ("2个百分点", "2", "个百分点", "[1.5, 2.5)", Comparator.EQ),
    ],
)
def test_value_parse_examples(written, text, unit, interval, comparator):
    v = Value.parse(written)
    assert v.text == text
    assert v.unit == unit
    assert str(v.interval) == interval
    assert v.comparator is comparator


def test_value_parse_needs_a_number():
    from townkpi import NumberFormatError  # noqa: PLC0415 - only this test needs it

    with pytest.raises(NumberFormatError) as info:
        Value.parse("约亿元")
    assert info.value.text == "约亿元"
    assert info.value.position == 1  # 亿 alone is not a number
    with pytest.raises(NumberFormatError) as info:
        Value.parse("约 1,23亩")
    assert info.value.position == 3  # the comma after 1


def test_value_parse_exact_and_rounding_options():
    assert str(Value.parse("169户", exact=False).interval) == "[168.5, 169.5)"
    assert str(Value.parse("4533亩", exact=True).interval) == "[4533]"
    from townkpi import Rounding  # noqa: PLC0415 - only this test needs it

    assert str(Value.parse("98.8%", rounding=Rounding.TRUNCATE).interval) == "[98.8, 98.9)"


def test_value_interval_in_another_unit():
    v = Value.parse("131.5亿元")
    assert str(v.interval_in("万元")) == "[1314500, 1315500)"
    assert v.bounds() == ("131.45", "131.55")
    assert str(v) == "131.5亿元"


def test_from_numerals_moves_the_scale_into_the_unit():
    v = Value.from_numerals([parse_numeral("9.5万")], "件")
    assert (v.text, v.unit, v.number) == ("9.5", "万件", Decimal("9.5"))


def test_fact_quantity_is_exactly_1315000_wan_yuan():
    fact = _amount()
    assert convert(fact.quantity, "万元").magnitude == 1_315_000
    assert convert(fact.quantity, "万元").magnitude == Fraction(1_315_000)
    assert fact.quantity == quantity(1_315_000, "万元")
    assert fact.unit == "亿元"
    assert fact.comparator is Comparator.EQ
    assert str(fact.interval) == "[131.45, 131.55)"


def test_pure_number_quantity_is_dimensionless():
    assert Value.parse("1.56以内").quantity.dimensionless


# --------------------------------------------------------------------------- facts and reports


def test_evolve_returns_a_changed_copy_and_validates():
    fact = _amount()
    changed = attrs.evolve(fact, indicator="地区生产总值", period=Period.months(2023, 1, 9))
    assert changed.indicator == "地区生产总值"
    assert fact.indicator is None
    assert changed.value is fact.value
    with pytest.raises(ValueError, match="id"):
        attrs.evolve(fact, id="")


@given(facts())
def test_evolve_of_generated_facts(fact):
    assert attrs.evolve(fact) == fact
    assert attrs.evolve(fact, modality=Modality.TARGET).modality is Modality.TARGET


def test_report_lookups():
    gdp = _amount("f1")
    growth = Fact(
        id="f2",
        kind=FactKind.CHANGE,
        value=Value.parse("5.4%"),
        refers_to="f1",
        span=Span(start=3, end=7),
        sentence=Span(start=0, end=10),
    )
    report = Report(source="r.txt", text="生产总值增长5.4%", facts=[gdp, growth])
    assert report.fact("f2") is growth
    assert report.referent(growth) is gdp
    assert report.referent(gdp) is None
    assert list(report.of_kind(FactKind.CHANGE)) == [growth]
    assert report.index()["f1"] is gdp
    assert report.sentence_text(growth) == "生产总值增长5.4%"
    assert report.sentence_text(gdp) == ""
    assert growth.location == "line 1, column 1"
    assert gdp.location == "f1"
    with pytest.raises(KeyError):
        report.fact("f9")


def test_converters_make_tuples():
    fact = Fact(id="f1", kind=FactKind.AMOUNT, value=Value.parse("6座"), qualifiers=["约"])
    assert fact.qualifiers == ("约",)
    report = Report(source="x", facts=[fact], skipped=[])
    assert report.facts == (fact,)
    assert report.skipped == ()


# --------------------------------------------------------------------------- frozen, slotted


def _instances():
    value = Value.parse("131.5亿元")
    return [
        Span(start=0, end=1),
        Period.year(2023),
        value,
        _amount(),
        SkippedMention(span=Span(start=0, end=5), surface="2023年", reason=SkipReason.YEAR),
        Report(source="x"),
        Interval.point(1),
        parse_numeral("8.0"),
        parse_unit("亿元"),
        Document(source="x", text="text"),
    ]


@pytest.mark.parametrize("obj", _instances(), ids=lambda o: type(o).__name__)
def test_classes_are_frozen_slotted_and_keyword_only(obj):
    cls = type(obj)
    assert attrs.has(cls)
    assert "__dict__" not in dir(obj)
    assert hasattr(cls, "__slots__")
    field = attrs.fields(cls)[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, field.name, getattr(obj, field.name))
    init_fields = [f for f in attrs.fields(cls) if f.init]
    assert all(f.kw_only for f in init_fields), cls


def test_model_classes_cover_the_public_value_types():
    names = {type(o).__name__ for o in _instances()}
    assert {"Span", "Period", "Value", "Fact", "SkippedMention", "Report"} <= names
    assert {Numeral.__name__, Unit.__name__} <= names


@given(spans())
def test_generated_spans_are_valid(span):
    assert span.end > span.start


@given(values())
def test_generated_values_hold_their_number_unless_qualified(v):
    if v.comparator is Comparator.EQ:
        assert v.number in v.interval
