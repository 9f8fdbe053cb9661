"""Report.to_frame(): facts as a pandas DataFrame, exact values and pint quantities."""

import sys
from decimal import Decimal
from fractions import Fraction

import pytest

from reading import reading
from townkpi.errors import TownkpiError
from townkpi.frame import FRAME_COLUMNS
from townkpi.model import Fact, FactKind, Report, Value
from townkpi.units import convert, format_quantity


def test_one_row_per_fact_indexed_by_id():
    report = reading()
    frame = report.to_frame()
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert list(frame.index) == [f.id for f in report.facts]
    assert frame.index.name == "id"


def test_values_stay_exact_and_quantities_convert():
    report = reading()
    frame = report.to_frame()
    gdp = frame[frame["surface"] == "131.5亿元"].iloc[0]
    assert gdp["value"] == Decimal("131.5")
    assert isinstance(gdp["value"], Decimal)
    assert (gdp["lower"], gdp["upper"]) == (Fraction("131.45"), Fraction("131.55"))
    assert (gdp["lower_closed"], gdp["upper_closed"]) == (True, False)
    assert format_quantity(convert(gdp["quantity"], "万元")) == "1315000万元"
    assert gdp["line"] == 3


def test_unbounded_ends_and_facts_without_spans():
    report = Report(
        source="t",
        facts=[Fact(id="a", kind=FactKind.AMOUNT, value=Value.parse("超过10家"), record="row 2")],
    )
    row = report.to_frame().loc["a"]
    assert row["lower"] == 10
    assert row["upper"] is None
    assert row["start"] is None
    assert row["record"] == "row 2"


def test_an_empty_report_gives_an_empty_frame_with_the_columns():
    frame = Report(source="t").to_frame()
    assert frame.empty
    assert list(frame.columns) == list(FRAME_COLUMNS)


def test_without_pandas_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(TownkpiError, match=r"pip install 'townkpi\[pandas\]'"):
        Report(source="t").to_frame()
