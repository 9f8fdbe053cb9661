"""Loaders and writers of tables of records: CSV, JSON, TOML, SQLite, and `townkpi.load`.

Figures from the Guanhaiwei 2023 work report (examples/guanhaiwei/report.txt), read by hand.
"""

import json
import sqlite3
from fractions import Fraction

import attrs
import pytest

import townkpi
from conftest import REPO_ROOT
from townkpi import (
    Fact,
    FactKind,
    InputError,
    ProblemKind,
    RecordsError,
    Report,
    SkippedMention,
    Span,
    Value,
    load,
    load_csv,
    load_json,
    load_sqlite,
    load_toml,
    read_records,
    write_csv,
    write_sqlite,
)
from townkpi.serialize import report_to_dict

CSV = """\
id,indicator,subject,value,unit,kind,period,modality,refers_to,备注
gdp,地区生产总值,全镇,131.5,亿元,amount,2023-01/2023-09,actual,,1-9月
,地区生产总值,全镇,5.4,%,change,2023-01/2023-09,actual,gdp,同比
,一般公共预算收入,全镇,8.0,亿元,,2023-01/2023-09,,,
,问题隐患,全镇,2.2万余,个,,2023,,,"累计排查, 大整治"
"""


def _write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _strip_record(report):
    return attrs.evolve(report, facts=[attrs.evolve(f, record=None) for f in report.facts])


# ----------------------------------------------------------------------------- CSV


def test_csv_rows_are_numbered_as_a_spreadsheet_shows_them(tmp_path):
    result = load_csv(_write(tmp_path, "t.csv", CSV))
    assert result.ok
    gdp, growth, revenue, hazards = result.facts
    assert [f.record for f in result.facts] == ["row 2", "row 3", "row 4", "row 5"]
    assert (gdp.id, growth.id, revenue.id, hazards.id) == ("gdp", "r3", "r4", "r5")
    assert growth.refers_to == "gdp"
    assert revenue.value.text == "8.0"
    assert (hazards.value.text, hazards.unit, str(hazards.interval)) == (
        "2.2",
        "万个",
        "(2.2, 2.3)",
    )
    assert gdp.extras == (("备注", "1-9月"),)
    assert hazards.extras == (("备注", "累计排查, 大整治"),)
    assert result.report.source.endswith("t.csv")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_in_spreadsheet_encodings(tmp_path, encoding):
    result = load_csv(_write(tmp_path, "t.csv", CSV, encoding))
    assert result.facts[0].indicator == "地区生产总值"
    assert result.ok


def test_csv_bad_rows_name_row_and_column_and_keep_the_others(tmp_path):
    text = CSV + ",一般公共预算收入,全镇,8.0,亿园,,2023,,,\n,拆迁,宁慈线,16.9.1,户,,2023,,,\n"
    result = load_csv(_write(tmp_path, "t.csv", text))
    assert [(p.row, p.column, p.kind) for p in result.problems] == [
        (6, "unit", ProblemKind.UNIT),
        (7, "value", ProblemKind.NUMBER),
    ]
    assert len(result.facts) == 4
    with pytest.raises(RecordsError, match=r"row 6, column unit: unknown unit: '亿园'"):
        result.raise_for_problems()


def test_csv_without_a_value_column(tmp_path):
    result = load_csv(_write(tmp_path, "t.csv", "indicator,amount\n地区生产总值,131.5\n"))
    (problem,) = result.problems
    assert (problem.row, problem.column, problem.kind) == (1, "value", ProblemKind.MISSING)
    assert result.facts == ()


def test_csv_blank_rows_are_skipped_and_cells_past_the_header_kept(tmp_path):
    text = "indicator,value,unit\n\n拆迁,169,户,宁慈线\n , , \n征地,184,亩\n"
    result = load_csv(_write(tmp_path, "t.csv", text))
    first, second = result.facts
    assert (first.record, second.record) == ("row 3", "row 5")
    assert first.extras == (("column 4", "宁慈线"),)


def test_csv_missing_or_empty_file(tmp_path):
    with pytest.raises(InputError) as info:
        load_csv(tmp_path / "absent.csv")
    assert info.value.code == "E-MISSING"
    with pytest.raises(InputError):
        load_csv(_write(tmp_path, "empty.csv", ""))


def test_csv_round_trip_through_the_writer(tmp_path):
    report = load_csv(_write(tmp_path, "t.csv", CSV)).report
    out = write_csv(report, tmp_path / "out.csv")
    again = load_csv(out).report
    assert _strip_record(again) == attrs.evolve(_strip_record(report), source=str(out))
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:4] == ["id", "indicator", "subject", "value"]
    assert "备注" in header
    assert "interval" not in header  # every written value says its interval itself


# ----------------------------------------------------------------------------- JSON


def _text_report():
    """Facts as extraction gives them, with spans (positions in the report's first paragraph)."""
    gdp = Fact(
        id="f1", kind=FactKind.AMOUNT, value=Value.parse("131.5亿元"), surface="131.5亿元",
        indicator="地区生产总值", subject="全镇", period=townkpi.Period.months(2023, 1, 9),
        span=Span(start=150, end=158, line=3, column=120), sentence=Span(start=130, end=170, line=3, column=100),
    )  # fmt: skip
    growth = Fact(
        id="f2", kind=FactKind.CHANGE, value=Value.parse("5.4%"), surface="同比增长5.4%",
        indicator="地区生产总值", period=townkpi.Period.months(2023, 1, 9), refers_to="f1",
        span=Span(start=163, end=167, line=3, column=133),
    )  # fmt: skip
    year = SkippedMention(
        span=Span(start=20, end=25, line=2, column=1), surface="2023年", reason="year"
    )
    return Report(source="report.txt", encoding="gb18030", facts=[gdp, growth], skipped=[year],
                  year=2023, title="2023年工作总结和2024年工作安排")  # fmt: skip


def test_facts_json_round_trips_identically(tmp_path):
    report = _text_report()
    data = report_to_dict(report)
    path = _write(tmp_path, "facts.json", json.dumps(data, ensure_ascii=False, indent=2))
    result = load_json(path)
    assert result.ok
    assert result.report == report
    assert report_to_dict(result.report) == data
    assert json.dumps(report_to_dict(load(path)), ensure_ascii=False, indent=2) == path.read_text(
        encoding="utf-8"
    )


def test_facts_json_bad_fact_names_its_position_and_field(tmp_path):
    data = report_to_dict(_text_report())
    data["facts"][0]["unit"] = "亿园"
    data["facts"].append(dict(data["facts"][1], id="f3", kind="growth"))
    data["facts"].append(dict(data["facts"][1], id="f4", lower="abc"))
    result = load_json(_write(tmp_path, "facts.json", json.dumps(data, ensure_ascii=False)))
    assert [(p.row, p.column, p.kind) for p in result.problems] == [
        (1, "unit", ProblemKind.UNIT),
        (2, "refers_to", ProblemKind.REFERENCE),
        (3, "kind", ProblemKind.KIND),
        (4, "lower", ProblemKind.NUMBER),
    ]
    assert result.facts == ()


def test_json_array_of_records_keeps_written_decimals(tmp_path):
    text = (
        '[{"indicator": "一般公共预算收入", "value": 8.0, "unit": "亿元", "period": 2023},'
        ' {"indicator": "增长", "value": "23.1", "unit": "%", "kind": "change"}, 7]'
    )
    result = load_json(_write(tmp_path, "rows.json", text))
    revenue, growth = result.facts
    assert revenue.value.text == "8.0"
    assert revenue.period == townkpi.Period.year(2023)
    assert growth.kind is FactKind.CHANGE
    (problem,) = result.problems
    assert (problem.row, problem.kind) == (3, ProblemKind.NOT_A_RECORD)


def test_json_object_with_records(tmp_path):
    text = '{"source": "town-db", "records": [{"value": "169", "unit": "户"}]}'
    result = load_json(_write(tmp_path, "rows.json", text))
    assert result.report.source == "town-db"
    assert result.facts[0].value.text == "169"


@pytest.mark.parametrize(
    ("text", "words"),
    [("{not json", "not JSON"), ('{"a": 1}', "townkpi facts JSON"), ('"text"', "array")],
)
def test_json_that_is_no_table(tmp_path, text, words):
    with pytest.raises(InputError, match=words):
        load_json(_write(tmp_path, "x.json", text))


# ----------------------------------------------------------------------------- TOML

TOML = """\
[[fact]]
id = "gdp"
indicator = "地区生产总值"
value = 131.5
unit = "亿元"
period = "2023-01/2023-09"

[[fact]]
indicator = "一般公共预算收入"
value = 8.0
unit = "亿元"
note = "1-9月"

[[fact]]
indicator = "城乡居民收入倍差"
value = "1.56以内"
kind = "ratio"
modality = "target"
period = 2024
"""


def test_toml_facts(tmp_path):
    result = load_toml(_write(tmp_path, "t.toml", TOML))
    assert result.ok
    gdp, revenue, ratio = result.facts
    assert gdp.id == "gdp"
    assert revenue.value.text == "8.0"
    assert revenue.extras == (("note", "1-9月"),)
    assert (ratio.kind, ratio.modality, ratio.interval.upper, ratio.interval.lower) == (
        FactKind.RATIO, townkpi.Modality.TARGET, Fraction("1.56"), None
    )  # fmt: skip
    assert revenue.record == "row 2"


def test_toml_bad_row(tmp_path):
    result = load_toml(
        _write(tmp_path, "t.toml", TOML + '\n[[fact]]\nvalue = "5"\nperiod = "明年"\n')
    )
    (problem,) = result.problems
    assert (problem.row, problem.column) == (4, "period")
    assert len(result.facts) == 3


@pytest.mark.parametrize(("text", "words"), [("a = [", "not TOML"), ("a = 1", r"\[\[fact\]\]")])
def test_toml_that_is_no_table(tmp_path, text, words):
    with pytest.raises(InputError, match=words):
        load_toml(_write(tmp_path, "t.toml", text))


# ----------------------------------------------------------------------------- SQLite


def test_sqlite_round_trip_through_the_writer(tmp_path):
    report = load_csv(_write(tmp_path, "t.csv", CSV)).report
    db = write_sqlite(report, tmp_path / "town.sqlite")
    again = load_sqlite(db)
    assert again.ok
    assert _strip_record(again.report) == attrs.evolve(
        _strip_record(report), source=f"{db}:indicators"
    )
    assert [f.record for f in again.facts] == ["row 1", "row 2", "row 3", "row 4"]
    with pytest.raises(InputError, match="already exists"):
        write_sqlite(report, db)
    write_sqlite(report, db, replace=True)


def test_sqlite_table_written_by_another_system(tmp_path):
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE kpi (indicator TEXT, value REAL, unit TEXT, period TEXT, dept TEXT)")
    con.executemany(
        "INSERT INTO kpi VALUES (?, ?, ?, ?, ?)",
        [("地区生产总值", 131.5, "亿元", "2023-01/2023-09", "统计办"),
         ("拆迁", 169, "户", "2023", "征迁办"),
         ("征地", 184, "亩地", "2023", "征迁办")],
    )  # fmt: skip
    con.commit()
    con.execute("DELETE FROM kpi WHERE indicator = '拆迁'")
    con.commit()
    con.close()
    result = read_records(db, table="kpi")
    (gdp,) = result.facts
    assert gdp.value.text == "131.5"
    assert gdp.extras == (("dept", "统计办"),)
    assert gdp.record == "row 1"
    (problem,) = result.problems
    assert (problem.row, problem.column, problem.kind) == (3, "unit", ProblemKind.UNIT)


def test_sqlite_errors(tmp_path):
    missing = tmp_path / "absent.sqlite"
    with pytest.raises(InputError) as info:
        load_sqlite(missing)
    assert info.value.code == "E-MISSING"
    assert not missing.exists()
    db = tmp_path / "t.db"
    sqlite3.connect(db).execute("CREATE TABLE other (value TEXT)").connection.close()
    with pytest.raises(InputError, match=r"no table 'indicators' \(tables: other\)"):
        load_sqlite(db)
    not_db = _write(tmp_path, "x.sqlite", "id,value\n" * 200)
    with pytest.raises(InputError, match="not an SQLite database"):
        load_sqlite(not_db)


# ----------------------------------------------------------------------------- dispatch


def test_read_records_and_load_choose_by_suffix(tmp_path):
    csv_path = _write(tmp_path, "t.CSV", CSV)
    assert len(read_records(csv_path).facts) == 4
    assert len(load(csv_path).facts) == 4
    toml_path = _write(tmp_path, "t.toml", TOML)
    assert load(toml_path).facts[0].id == "gdp"
    with pytest.raises(InputError, match="not a table of records"):
        read_records(_write(tmp_path, "t.xlsx", "x"))


def test_load_raises_for_bad_rows_naming_them(tmp_path):
    path = _write(tmp_path, "t.csv", "indicator,value,unit\n拆迁,169,户\n征地,184,亩地\n")
    with pytest.raises(RecordsError) as info:
        load(path)
    assert "row 3, column unit" in str(info.value)
    assert [f.indicator for f in info.value.report.facts] == ["拆迁"]


def test_csv_note_lines_before_the_header_are_skipped_and_counted(tmp_path):
    text = "# ILLUSTRATIVE FIGURES, not real\n#\nindicator,value,unit\n拆迁,169,户\n征地,184,亩地\n"
    result = load_csv(_write(tmp_path, "t.csv", text))
    assert [f.record for f in result.facts] == ["row 4"]
    assert [(p.row, p.column) for p in result.problems] == [(5, "unit")]


def test_the_actuals_file_of_the_guanhaiwei_example_reads_as_records():
    result = load_csv(REPO_ROOT / "examples" / "guanhaiwei" / "actuals-2024.csv")
    assert result.ok
    assert result.facts[0].indicator == "规上工业总产值"
    assert result.facts[0].record == "row 5"
