"""Records to facts and back: conversion, problems, ids and references.

Figures are those of the Guanhaiwei 2023 work report (examples/guanhaiwei/report.txt), read by
hand: 1-9月 地区生产总值131.5亿元, 同比增长5.4%; 一般公共预算收入8.0亿元; 宁慈线完成拆迁169户,
完成率98.8%; 排查发现问题隐患2.2万余个; 新增粮食种植面积约230亩; 确保全年新进规企业超过10家.
"""

import doctest
import pickle
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

import townkpi
from townkpi import (
    Comparator,
    Fact,
    FactKind,
    Interval,
    Modality,
    Period,
    ProblemKind,
    Record,
    RecordsError,
    Report,
    Value,
    facts_from_records,
)
from townkpi.records import convert, findings, loaders, problem_findings, record, writers
from townkpi.records.convert import format_interval, parse_interval, written_value

GDP_ROWS = [
    {"id": "gdp", "indicator": "地区生产总值", "subject": "全镇", "value": "131.5", "unit": "亿元",
     "period": "2023-01/2023-09"},
    {"id": "gdp-growth", "indicator": "地区生产总值", "value": "5.4", "unit": "%", "kind": "change",
     "period": "2023-01/2023-09", "refers_to": "gdp"},
    {"indicator": "一般公共预算收入", "value": "8.0", "unit": "亿元", "period": "2023-01/2023-09"},
]  # fmt: skip


@pytest.mark.parametrize(
    "module", [record, convert, loaders, writers, findings, townkpi.build, townkpi.loading]
)
def test_doctests(module):
    failures, _ = doctest.testmod(module)
    assert failures == 0


def test_rows_become_facts_with_their_record():
    result = facts_from_records(GDP_ROWS, source="gdp.csv")
    assert result.ok
    gdp, growth, revenue = result.facts
    assert (gdp.id, gdp.kind, gdp.indicator, gdp.subject) == (
        "gdp",
        FactKind.AMOUNT,
        "地区生产总值",
        "全镇",
    )
    assert gdp.value.number == Decimal("131.5")
    assert gdp.unit == "亿元"
    assert gdp.interval.lower == Fraction("131.45")
    assert gdp.interval.upper == Fraction("131.55")
    assert gdp.period == Period.months(2023, 1, 9)
    assert gdp.span is None
    assert gdp.record == "row 1"
    assert gdp.location == "row 1"
    assert growth.kind is FactKind.CHANGE
    assert growth.refers_to == "gdp"
    assert result.report.referent(growth) == gdp
    assert revenue.id == "r3"
    assert result.report.source == "gdp.csv"


def test_written_precision_is_kept():
    (revenue,) = facts_from_records([{"value": "8.0", "unit": "亿元"}]).facts
    assert revenue.value.text == "8.0"
    assert revenue.interval.lower == Fraction("7.95")
    (eight,) = facts_from_records([{"value": "8", "unit": "亿元"}]).facts
    assert eight.value.text == "8"
    assert eight.interval.lower == Fraction("7.5")


@pytest.mark.parametrize(
    ("value", "unit", "text", "written_unit", "lower", "upper", "comparator", "qualifiers"),
    [
        ("2.2万余", "个", "2.2", "万个", "2.2", "2.3", Comparator.GT, ("余",)),
        ("超过10", "家", "10", "家", "10", None, Comparator.GT, ("超过",)),
        ("99.5以上", "%", "99.5", "%", "99.5", None, Comparator.GE, ("以上",)),
        ("1.56以内", None, "1.56", None, None, "1.56", Comparator.LE, ("以内",)),
        ("169", "户", "169", "户", "169", "169", Comparator.EQ, ()),
        ("2.2万余个", None, "2.2", "万个", "2.2", "2.3", Comparator.GT, ("余",)),
        ("-8.7", "%", "-8.7", "%", "-8.75", "-8.65", Comparator.EQ, ()),
        ("1-2", "个", "1-2", "个", "1", "2", Comparator.RANGE, ()),
    ],
)
def test_values_as_written(  # noqa: PLR0917 - one parameter per column of the table above
    value, unit, text, written_unit, lower, upper, comparator, qualifiers
):
    (f,) = facts_from_records([{"value": value, "unit": unit}]).facts
    assert f.value.text == text
    assert f.unit == written_unit
    assert f.interval.lower == (None if lower is None else Fraction(lower))
    assert f.interval.upper == (None if upper is None else Fraction(upper))
    assert f.comparator is comparator
    assert f.qualifiers == qualifiers


def test_about_gives_a_band_and_its_qualifier():
    (f,) = facts_from_records(
        [{"indicator": "新增粮食种植面积", "value": "约230", "unit": "亩"}]
    ).facts
    assert f.comparator is Comparator.APPROX
    assert Fraction(225) in f.interval
    assert Fraction(235) in f.interval
    assert f.qualifiers == ("约",)
    assert f.surface == "约230亩"


def test_qualifiers_column_replaces_the_words_read_off_the_value():
    rows = [{"value": "约230", "unit": "亩", "qualifiers": "新增 累计"}]
    (f,) = facts_from_records(rows).facts
    assert f.qualifiers == ("新增", "累计")
    assert f.comparator is Comparator.APPROX
    (g,) = facts_from_records([{"value": "约230", "unit": "亩", "qualifiers": ""}]).facts
    assert g.qualifiers == ()


def test_interval_column_overrides_the_written_precision():
    (f,) = facts_from_records([{"value": "98.8", "unit": "%", "interval": "[98.75, 98.85]"}]).facts
    assert f.interval.upper_closed
    assert f.interval.upper == Fraction("98.85")


def test_kind_and_modality_are_case_insensitive_and_default():
    rows = [
        {"value": "10", "unit": "家", "kind": "Amount", "modality": "TARGET"},
        {"value": "10", "unit": "家"},
    ]
    first, second = facts_from_records(rows).facts
    assert first.modality is Modality.TARGET
    assert (second.kind, second.modality) == (FactKind.AMOUNT, Modality.ACTUAL)


def test_extras_are_kept_in_order():
    rows = [
        {"indicator": "拆迁", "value": "169", "unit": "户", "备注": "宁慈线", "source_doc": "p3"}
    ]
    (f,) = facts_from_records(rows).facts
    assert f.extras == (("备注", "宁慈线"), ("source_doc", "p3"))
    (back,) = Report(source="x", facts=[f]).to_records()
    assert back.extras == (("备注", "宁慈线"), ("source_doc", "p3"))


# ----------------------------------------------------------------------------- problems


def _problem(rows):
    result = facts_from_records(rows)
    assert len(result.problems) == 1, result.problems
    return result, result.problems[0]


@pytest.mark.parametrize(
    ("bad", "kind", "column", "words"),
    [
        ({"value": "8.0", "unit": "亿园"}, ProblemKind.UNIT, "unit", "亿园"),
        ({"value": "8.0亿园"}, ProblemKind.UNIT, "value", "亿园"),
        ({"value": "八点零", "unit": "亿元"}, ProblemKind.NUMBER, "value", "八点零"),
        ({"value": "12.3.4", "unit": "亿元"}, ProblemKind.NUMBER, "value", "12.3.4"),
        ({"value": "", "unit": "亿元"}, ProblemKind.MISSING, "value", "no value"),
        ({"unit": "亿元"}, ProblemKind.MISSING, "value", "no value"),
        ({"value": "5", "unit": "%", "kind": "growth"}, ProblemKind.KIND, "kind", "growth"),
        ({"value": "5", "modality": "hoped"}, ProblemKind.MODALITY, "modality", "hoped"),
        ({"value": "5", "period": "2023-13"}, ProblemKind.PERIOD, "period", "2023-13"),
        ({"value": "5", "period": "1-9月"}, ProblemKind.PERIOD, "period", "1-9月"),
        ({"value": "5", "interval": "[3, 2]"}, ProblemKind.INTERVAL, "interval", "empty"),
        ({"value": "5", "interval": "about 5"}, ProblemKind.INTERVAL, "interval", "about 5"),
        ({"value": "5", "refers_to": "nowhere"}, ProblemKind.REFERENCE, "refers_to", "nowhere"),
    ],
)
def test_each_bad_cell_names_row_and_column_and_the_other_rows_are_kept(bad, kind, column, words):
    rows = [GDP_ROWS[0], bad, GDP_ROWS[2]]
    result, problem = _problem(rows)
    assert (problem.kind, problem.row, problem.column) == (kind, 2, column)
    assert words in problem.reason
    assert str(problem).startswith(f"row 2, column {column}: ")
    assert problem.code == kind.code
    assert [f.record for f in result.facts] == ["row 1", "row 3"]


def test_problem_codes_are_stable():
    assert ProblemKind.NOT_A_RECORD.code == "TK901"
    assert ProblemKind.UNIT.code == "TK904"
    assert ProblemKind.REFERENCE.code == "TK910"
    assert len({k.code for k in ProblemKind}) == len(ProblemKind)


def test_a_row_with_several_bad_cells_reports_each():
    result = facts_from_records([{"value": "8.0", "unit": "亿园", "kind": "x", "period": "soon"}])
    assert [p.column for p in result.problems] == ["unit", "kind", "period"]
    assert result.facts == ()


def test_duplicate_ids_keep_the_first():
    rows = [{"id": "a", "value": "1"}, {"id": "a", "value": "2"}]
    result, problem = _problem(rows)
    assert (problem.kind, problem.row, problem.column) == (ProblemKind.DUPLICATE_ID, 2, "id")
    assert "row 1" in problem.reason
    assert [f.value.text for f in result.facts] == ["1"]


def test_automatic_ids_do_not_clash_with_written_ones():
    rows = [{"id": "r2", "value": "1"}, {"value": "2"}]
    first, second = facts_from_records(rows).facts
    assert first.id == "r2"
    assert second.id != "r2"


def test_a_reference_to_a_bad_row_is_a_problem_too():
    rows = [
        {"id": "n", "value": "169", "unit": "戸"},
        {"value": "98.8", "unit": "%", "kind": "rate", "refers_to": "n"},
    ]
    result = facts_from_records(rows)
    assert [(p.row, p.column, p.kind) for p in result.problems] == [
        (1, "unit", ProblemKind.UNIT),
        (2, "refers_to", ProblemKind.REFERENCE),
    ]
    assert "row 1" in result.problems[1].reason
    assert result.facts == ()


def test_a_reference_to_itself_is_a_problem():
    _, problem = _problem([{"id": "a", "value": "1", "refers_to": "a"}])
    assert "itself" in problem.reason


def test_something_that_is_not_a_row():
    result = facts_from_records([GDP_ROWS[0], 42])  # type: ignore[list-item]
    (problem,) = result.problems
    assert (problem.kind, problem.row, problem.column) == (ProblemKind.NOT_A_RECORD, 2, None)
    assert len(result.facts) == 1


def test_from_records_raises_with_every_problem_and_the_good_rows():
    rows = [GDP_ROWS[0], {"value": "8.0", "unit": "亿园"}, {"value": "x"}]
    with pytest.raises(RecordsError) as info:
        Report.from_records(rows, source="table")
    error = info.value
    assert [p.row for p in error.problems] == [2, 3]
    assert "row 2, column unit" in str(error)
    assert str(error).startswith("table: 2 problems")
    assert error.report is not None
    assert [f.id for f in error.report.facts] == ["gdp"]
    assert isinstance(error, ValueError)


def test_from_records_without_problems():
    report = Report.from_records(GDP_ROWS, source="table")
    assert [f.id for f in report.facts] == ["gdp", "gdp-growth", "r3"]


def test_records_error_pickles():
    result = facts_from_records([{"value": "x"}])
    error = RecordsError("t", result.problems, result.report)
    again = pickle.loads(pickle.dumps(error))
    assert again.problems == error.problems
    assert str(again) == str(error)


# ----------------------------------------------------------------------------- back to records


def test_to_records_writes_values_as_a_report_would():
    report = Report.from_records(
        [
            {"value": "2.2万余", "unit": "个"},
            {"value": "超过10", "unit": "家", "modality": "target"},
            {"value": "99.5以上", "unit": "%"},
            {"value": "约230", "unit": "亩"},
            {"value": "8.0", "unit": "亿元"},
        ]
    )
    cells = [(r.value, r.unit, r.interval) for r in report.to_records()]
    assert cells == [
        ("2.2万余", "个", None),
        ("超过10", "家", None),
        ("99.5以上", "%", None),
        ("约230", "亩", None),
        ("8.0", "亿元", None),
    ]


def test_to_records_writes_an_interval_when_the_writing_cannot_say_it():
    v = attrs.evolve(
        Value.parse("98.8%"), interval=Interval.closed(Decimal("98.75"), Decimal("98.85"))
    )
    fact = Fact(id="r", kind=FactKind.RATE, value=v)
    (rec,) = Report(source="x", facts=[fact]).to_records()
    assert rec.interval == "[98.75, 98.85]"
    assert Report.from_records([rec]).facts[0].value == v


def test_records_round_trip_through_report():
    report = Report.from_records(GDP_ROWS, source="table")
    again = Report.from_records(report.to_records(), source="table")
    assert again == report


# ----------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    "text", ["[131.45, 131.55)", "(10, inf)", "(-inf, 1.56]", "[169]", "(2.2, 2.3)", "[1/3, 0.5)"]
)
def test_interval_cells_round_trip(text):
    assert format_interval(parse_interval(text)) == text


@pytest.mark.parametrize("text", ["", "[1, 2", "(inf, 2)", "[-inf]", "[2, 1]", "(1, 1)"])
def test_bad_interval_cells(text):
    with pytest.raises(ValueError, match=r"interval"):
        parse_interval(text)


def test_written_value_joins_cells():
    assert written_value("超过10", "家") == "超过10家"
    assert written_value("230左右", "亩") == "230亩左右"
    assert written_value(" 131.5 ", None) == "131.5"


def test_record_from_mapping_matches_columns_loosely():
    rec = Record.from_mapping({" Value ": "1", "UNIT": "户", "remark": "", "x": None}, row=4)
    assert (rec.value, rec.unit, rec.row, rec.extras) == ("1", "户", 4, ())
    assert rec.location == "row 4"
    assert rec.qualifiers is None


def test_record_from_mapping_keeps_decimal_digits():
    rec = Record.from_mapping({"value": Decimal("8.0"), "period": 2023})
    assert (rec.value, rec.period) == ("8.0", "2023")


def test_problems_become_error_findings_naming_the_row():
    result = facts_from_records([GDP_ROWS[0], {"value": "5", "period": "明年"}])
    (finding,) = problem_findings(result.problems)
    assert (finding.code, finding.severity.value, finding.records) == ("TK907", "error", ("row 2",))
    assert finding.spans == ()
    assert finding.evidence_dict() == {"column": "period", "cell": "明年"}
    assert finding.message.startswith("column period: ")
