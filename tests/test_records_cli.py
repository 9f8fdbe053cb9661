"""Tables on the command line: ``townkpi check TABLE`` and ``townkpi targets PLAN --actuals TABLE``."""

import json

import townkpi
from conftest import REPO_ROOT
from townkpi.cli import main

CSV = """\
id,indicator,subject,value,unit,kind,period,refers_to
done,拆迁,宁慈线,169,户,amount,2023,
rate,拆迁完成率,宁慈线,98.8,%,rate,2023,done
land,征地,宁慈线,184,亩地,amount,2023,
"""


def test_check_a_table_reports_bad_rows_and_checks_the_others(tmp_path, capsys):
    path = tmp_path / "indicators.csv"
    path.write_text(CSV, encoding="utf-8")
    assert main(["check", str(path), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    codes = {f["code"]: f for f in out["findings"]}
    bad = codes["TK904"]
    assert (bad["severity"], bad["records"], bad["spans"]) == ("error", ["row 4"], [])
    assert "column unit" in bad["message"]
    # The good rows are still checked: 169户 at 98.8% needs a total of 171 (169/171 = 98.83%).
    rate = codes["TK102"]
    assert rate["records"] == ["row 2", "row 3"]
    assert "171" in rate["message"]


def test_a_bad_row_is_reported_even_when_other_checks_are_selected(tmp_path, capsys):
    path = tmp_path / "indicators.csv"
    path.write_text(CSV, encoding="utf-8")
    assert main(["check", str(path), "--select", "TK1", "--format", "json"]) == 1
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert "TK904" in codes


def test_check_a_clean_sqlite_table(tmp_path, capsys):
    report = townkpi.load_csv(REPO_ROOT / "examples" / "town_db" / "indicators.csv").report
    db = townkpi.write_sqlite(report, tmp_path / "town.db")
    assert main(["check", str(db)]) == 0
    # The CSV's rows 29 and 30 (宁慈线拆迁 169户, 完成率98.8%) are the table's rows 25 and 26.
    assert "row 25, row 26" in capsys.readouterr().out


def test_targets_against_a_table_of_actuals(capsys):
    plan = REPO_ROOT / "examples" / "guanhaiwei" / "report.txt"
    actuals = REPO_ROOT / "examples" / "town_db" / "indicators.csv"
    assert main(["targets", str(plan), "--actuals", str(actuals), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["illustrative"]
    assert data["problems"] == []
    by_indicator = {t["target"]["indicator"]: t for t in data["targets"]}
    # 力争规上工业增加值同比增长5%, against the table's (illustrative) 4.8%.
    entry = by_indicator["规上工业增加值"]
    assert (entry["status"], entry["actual"]["facts"]) == ("missed", ["value-added-growth-2024"])
