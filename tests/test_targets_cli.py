"""``townkpi targets``: the scorecard as text, JSON and CSV; exit status 0, or 2 for bad input.

The plan here is a facts JSON written from hand-made target facts, so that the command is tested
without depending on extraction; the Guanhaiwei report itself is scored in
test_targets_guanhaiwei.py.
"""

import csv
import io
import json
import unicodedata

import pytest

import townkpi.cli
from townkpi.cli import main
from townkpi.model import Fact, FactKind, Modality, Period, Report, Value
from townkpi.serialize import report_to_dict

Y2024 = Period.year(2024)


def plan_fact(fid, indicator, written, kind, *qualifiers):
    return Fact(id=fid, kind=kind, value=Value.parse(written), surface=written,
                indicator=indicator, period=Y2024, modality=Modality.TARGET,
                qualifiers=qualifiers)  # fmt: skip


PLAN = Report(
    source="plan.txt",
    facts=[
        plan_fact("f1", "规上工业增加值", "5%", FactKind.CHANGE, "力争"),
        plan_fact("f2", "新进规企业", "超过10家", FactKind.AMOUNT, "确保", "超过"),
        plan_fact("f3", "城乡居民收入倍差", "1.56以内", FactKind.RATIO, "以内"),
        plan_fact("f4", "长护险享受率", "2%以上", FactKind.RATE, "争取", "以上"),
        plan_fact("f5", "文艺赋美活动", "300场次以上", FactKind.AMOUNT, "以上"),
        Fact(id="f6", kind=FactKind.AMOUNT, value=Value.parse("131.5亿元"), indicator="地区生产总值"),
    ],
)  # fmt: skip

ACTUALS = """\
illustrative = true
note = "made up for a test"

[[actual]]
indicator = "规上工业增加值"
value = "5.4"
unit = "%"
kind = "change"
period = "2024"

[[actual]]
indicator = "新进规企业"
value = "10"
unit = "家"
period = "2024"

[[actual]]
indicator = "城乡居民收入倍差"
value = "1.55"
kind = "ratio"
period = "2024"

[[actual]]
indicator = "长护险享受率"
value = "2.0"
unit = "%"
kind = "rate"
period = "2024"
"""


@pytest.fixture(autouse=True)
def only_the_targets_command(monkeypatch):
    """Build the parser with this command alone, independent of the other commands' modules."""
    monkeypatch.setattr(townkpi.cli, "COMMANDS", ("townkpi.cli.targets",))


@pytest.fixture
def files(tmp_path):
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(report_to_dict(PLAN), ensure_ascii=False), encoding="utf-8")
    actuals = tmp_path / "actuals.toml"
    actuals.write_text(ACTUALS, encoding="utf-8")
    return plan, actuals


def test_targets_is_a_registered_command():
    from townkpi.cli import COMMANDS  # noqa: PLC0415 - the real tuple, not the patched one

    assert "townkpi.cli.targets" in COMMANDS


def test_text_scorecard(files, capsys):
    plan, actuals = files
    assert main(["targets", str(plan), "--actuals", str(actuals)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == f"Targets of {plan} scored against {actuals}"
    assert lines[1].startswith("ILLUSTRATIVE:")
    assert "made up for a test" in lines[2]
    header = next(line for line in lines if line.startswith("#"))
    assert header.split() == ["#", "target", "strength", "rule", "actual", "status", "margin"]
    row = next(line for line in lines if "新进规企业" in line and "确保" in line)
    assert row.split() == ["2", "新进规企业", "确保", ">", "10家", "10家", "*", "missed", "0家"]
    row = next(line for line in lines if "规上工业增加值" in line and "力争" in line)
    assert row.split() == ["1", "规上工业增加值", "力争", "≥", "5%", "5.4%", "*", "met", "[0.35,",
                           "0.45)", "个百分点"]  # fmt: skip
    assert "2 met, 1 missed, 1 undecidable, 1 no-actual" in out
    assert "no actual figure of this indicator" in out  # 文艺赋美活动
    assert "10家, which is not > 10家" in out
    # the columns line up: the status column starts at the same display width on every row
    table = lines[lines.index(header) : lines.index(header) + 6]
    offsets = {display_width(line[: line.index(word)]) for line, word in
               zip(table, ["status", "met", "missed", "met", "undecidable", "no-actual"],
                   strict=True)}  # fmt: skip
    assert len(offsets) == 1


def display_width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_json_scorecard(files, capsys):
    plan, actuals = files
    assert main(["targets", str(plan), "--actuals", str(actuals), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["plan", "actuals", "illustrative", "notes", "counts", "targets",
                          "problems"]  # fmt: skip
    assert data["illustrative"] is True
    assert data["counts"] == {"met": 2, "missed": 1, "undecidable": 1, "no-actual": 1}
    statuses = {t["target"]["indicator"]: t["status"] for t in data["targets"]}
    assert statuses == {
        "规上工业增加值": "met",
        "新进规企业": "missed",
        "城乡居民收入倍差": "met",
        "长护险享受率": "undecidable",
        "文艺赋美活动": "no-actual",
    }
    assert data["problems"] == []
    ratio = next(t for t in data["targets"] if t["target"]["indicator"] == "城乡居民收入倍差")
    # 1.55 is [1.545, 1.555); minus 1.56: [-0.015, -0.005)
    assert ratio["margin"] == {"lower": "-0.015", "upper": "-0.005", "lower_closed": True,
                               "upper_closed": False}  # fmt: skip
    assert ratio["target"]["comparator"] == "<="
    assert ratio["target"]["strength"] == "none"
    assert ratio["actual"]["illustrative"] is True
    assert ratio["actual"]["source"] == f"{actuals} row 3"


def test_csv_scorecard(files, capsys):
    plan, actuals = files
    assert main(["targets", str(plan), "--actuals", str(actuals), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["status"] for r in rows] == ["met", "missed", "met", "undecidable", "no-actual"]
    assert rows[3]["actual_interval"] == "[1.95, 2.05)"
    assert rows[3]["reason"] == "straddles"
    assert rows[1]["rule"] == "> 10家"
    # the four actuals come from the illustrative file; 文艺赋美活动 has none
    assert [r["illustrative"] for r in rows] == ["true", "true", "true", "true", "false"]
    assert rows[1]["actual_source"] == f"{actuals} row 2"


def test_without_actuals_every_target_has_none(files, capsys):
    plan, _ = files
    assert main(["targets", str(plan), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["no-actual"] == 5
    assert data["illustrative"] is False


def test_bad_actual_rows_exit_2_after_the_scorecard(files, tmp_path, capsys):
    plan, _ = files
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,value,unit,kind,period\n规上工业增加值,5.4,%,change,2024\n"
                   "新进规企业,ten,家,amount,2024\n", encoding="utf-8")  # fmt: skip
    assert main(["targets", str(plan), "--actuals", str(bad), "--format", "json"]) == 2
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["counts"]["met"] == 1  # the good row still scored
    assert data["problems"] == [{"source": str(bad), "code": "TK903", "row": 3, "column": "value",
                                 "reason": data["problems"][0]["reason"]}]  # fmt: skip
    assert f"{bad}: row 3, column value" in captured.err


def test_a_missing_plan_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["targets", str(tmp_path / "nope.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "nope.json" in err


def test_an_unknown_format_is_a_usage_error(files, capsys):
    plan, _ = files
    assert main(["targets", str(plan), "--format", "xml"]) == 2
    assert "invalid choice" in capsys.readouterr().err
