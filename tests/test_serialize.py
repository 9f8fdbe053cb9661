"""Facts to and from the JSON contract of ``townkpi facts --format json``."""

import json

import jsonschema
import pytest
from hypothesis import given

from strategies import facts, reports
from townkpi import Fact, FactKind, NumberFormatError, Report, Span, UnitError, Value
from townkpi.serialize import fact_from_dict, fact_to_dict, report_from_dict, report_to_dict

CONTRACT_KEYS = [
    "id",
    "start",
    "end",
    "surface",
    "kind",
    "value",
    "unit",
    "lower",
    "upper",
    "comparator",
    "indicator",
    "subject",
    "period",
    "modality",
    "qualifiers",
    "refers_to",
]


@pytest.fixture(scope="module")
def facts_schema(contract_dir):
    schema = json.loads((contract_dir / "facts.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@given(reports())
def test_report_round_trips(report):
    assert report_from_dict(report_to_dict(report), text=report.text) == report


@given(reports())
def test_report_round_trips_through_json_text(report):
    text = json.dumps(report_to_dict(report), ensure_ascii=False)
    assert report_from_dict(json.loads(text)) == report


@given(facts())
def test_fact_round_trips(fact):
    assert fact_from_dict(fact_to_dict(fact)) == fact


@given(facts())
def test_fact_dict_starts_with_the_contract_keys_in_order(fact):
    data = fact_to_dict(fact)
    assert list(data)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS


@given(reports(with_span=True))
def test_output_validates_against_the_facts_schema(facts_schema, report):
    facts_schema.validate(report_to_dict(report))


def test_the_gdp_fact_as_json(facts_schema):
    fact = Fact(
        id="f1",
        kind=FactKind.AMOUNT,
        value=Value.parse("131.5亿元"),
        surface="131.5亿元",
        indicator="地区生产总值",
        span=Span(start=120, end=127, line=3, column=40),
    )
    data = fact_to_dict(fact)
    assert data["value"] == "131.5"
    assert data["unit"] == "亿元"
    assert (data["lower"], data["upper"]) == ("131.45", "131.55")
    assert (data["lower_closed"], data["upper_closed"]) == (True, False)
    assert data["comparator"] == "="
    assert (data["start"], data["end"], data["line"], data["column"]) == (120, 127, 3, 40)
    report = Report(source="report.txt", facts=(fact,))
    facts_schema.validate(report_to_dict(report))


def test_unbounded_ends_are_null():
    fact = Fact(id="f1", kind=FactKind.AMOUNT, value=Value.parse("300场次以上"))
    data = fact_to_dict(fact)
    assert (data["lower"], data["upper"]) == ("300", None)
    assert data["comparator"] == ">="
    assert data["surface"] == "300场次"  # the value as written stands in for a missing surface


def test_a_change_has_a_signed_value():
    fact = Fact(id="f2", kind=FactKind.CHANGE, value=Value.parse("8.7%", negative=True))
    assert fact_to_dict(fact)["value"] == "-8.7"


def test_a_range_keeps_its_text():
    fact = Fact(id="f3", kind=FactKind.AMOUNT, value=Value.parse("1-2个"), surface="1-2个")
    data = fact_to_dict(fact)
    assert (data["value"], data["lower"], data["upper"]) == ("1-2", "1", "2")
    assert fact_from_dict(data) == fact


def _minimal(**overrides):
    data = {"id": "f1", "kind": "amount", "value": "131.5", "unit": "亿元", "lower": "131.45"}
    data.update(overrides)
    return data


def test_bad_numbers_raise_number_format_error():
    with pytest.raises(NumberFormatError, match="value"):
        fact_from_dict(_minimal(value="abc"))
    with pytest.raises(NumberFormatError, match="lower"):
        fact_from_dict(_minimal(lower="1.2.3"))


def test_unknown_unit_raises_unit_error():
    with pytest.raises(UnitError):
        fact_from_dict(_minimal(unit="光年"))


def test_unknown_kind_raises_value_error():
    with pytest.raises(ValueError, match="'size'"):
        fact_from_dict(_minimal(kind="size"))


def test_reading_a_minimal_object_fills_the_defaults():
    fact = fact_from_dict(_minimal())
    assert fact.span is None
    assert fact.modality.value == "actual"
    assert fact.interval.lower_closed
    assert fact.interval.upper is None
