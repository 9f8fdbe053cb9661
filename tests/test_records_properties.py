"""Round trips of generated facts through records, tables and the facts JSON."""

import json
import tempfile
from pathlib import Path

import attrs
from hypothesis import given

from strategies import reports
from townkpi import Report, load_csv, load_json, load_sqlite, write_csv, write_sqlite
from townkpi.serialize import report_to_dict


def _without_positions(report: Report) -> tuple:
    """The facts with what records cannot carry removed: spans, sentences and record names.

    Extra columns are compared as a mapping: a table has one column order for all its rows, so
    facts whose extras came in different orders read back in the table's order.
    """
    return tuple(
        (attrs.evolve(f, span=None, sentence=None, record=None, extras=()), dict(f.extras))
        for f in report.facts
    )


@given(reports())
def test_report_to_records_and_back(report):
    again = Report.from_records(report.to_records(), source=report.source)
    assert _without_positions(again) == _without_positions(report)
    assert [f.record for f in again.facts] == [f"row {i}" for i in range(1, len(report.facts) + 1)]
    assert all(f.span is None for f in again.facts)


@given(reports())
def test_report_through_csv_and_sqlite(report):
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = write_csv(report, Path(tmp) / "t.csv")
        from_csv = load_csv(csv_path)
        db = write_sqlite(report, Path(tmp) / "t.sqlite")
        from_db = load_sqlite(db)
    assert from_csv.ok
    assert from_db.ok
    assert _without_positions(from_csv.report) == _without_positions(report)
    assert _without_positions(from_db.report) == _without_positions(report)


@given(reports())
def test_facts_json_round_trips_exactly(report):
    data = report_to_dict(report)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "facts.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        result = load_json(path)
    assert result.ok
    assert result.report == report
    assert report_to_dict(result.report) == data
