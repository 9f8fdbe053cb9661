"""Actuals files: CSV and TOML, bad rows recorded with row and column, the others kept."""

from fractions import Fraction
from pathlib import Path

import pytest

from townkpi.errors import InputError
from townkpi.interval import Interval
from townkpi.model import FactKind, Modality, Period
from townkpi.targets import load_actuals, read_actuals_csv, read_actuals_toml
from townkpi.targets.actuals import note_of

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "guanhaiwei"

CSV = """\
# Illustrative figures for a test.
indicator,subject,value,unit,kind,period,modality,note
规上工业增加值,,5.4,%,change,2024,,from the bureau
新进规企业,全镇,12,家,,2024,estimate,
城乡居民收入倍差,,1.55,,ratio,2024,,
规上工业总产值,,331.2亿元,,level,2023,,
"""


def test_csv_rows_become_facts():
    table = read_actuals_csv(CSV, source="a.csv")
    assert table.problems == ()
    assert table.illustrative is True
    assert table.note == "Illustrative figures for a test."
    first, second, third, fourth = table.facts
    assert first.indicator == "规上工业增加值"
    assert first.kind is FactKind.CHANGE
    assert first.unit == "%"
    assert first.interval == Interval(lower=Fraction("5.35"), upper=Fraction("5.45"),
                                      upper_closed=False)  # fmt: skip
    assert first.period == Period.year(2024)
    assert first.modality is Modality.ACTUAL
    assert first.record == "row 3"  # the line of the file
    assert note_of(first) == "from the bureau"
    assert second.interval == Interval.point(12)  # a count of 家 is exact
    assert second.subject == "全镇"
    assert second.modality is Modality.ESTIMATE
    assert second.kind is FactKind.AMOUNT
    assert third.unit is None
    assert third.kind is FactKind.RATIO
    assert fourth.unit == "亿元"  # the unit written with the value
    assert fourth.kind is FactKind.AMOUNT  # "level" is read as amount


def test_bad_csv_rows_are_named_and_the_others_kept():
    text = """\
indicator,value,unit,kind,period
a,5,%,change,2024
b,five,%,change,2024
c,5,公斤米,amount,2024
d,5,%,growthy,2024
e,5,%,change,24
,5,%,change,2024
f,5,%,change,2024,extra
g,6,家,amount,2024
"""
    table = read_actuals_csv(text, source="bad.csv")
    assert [f.indicator for f in table.facts] == ["a", "g"]
    found = {(p.row, p.column) for p in table.problems}
    assert found == {(3, "value"), (4, "unit"), (5, "kind"), (6, "period"), (7, "indicator"),
                     (8, None)}  # fmt: skip
    messages = " | ".join(str(p) for p in table.problems)
    assert "row 5, column kind: unknown kind 'growthy'" in messages
    assert "row 8: 6 cells, but the header has 5 columns" in messages


def test_csv_without_the_required_header_is_an_input_error():
    with pytest.raises(InputError, match="the header has no indicator"):
        read_actuals_csv("value,unit\n5,%\n", source="x.csv")
    with pytest.raises(InputError, match="no header row"):
        read_actuals_csv("# only a comment\n", source="x.csv")


def test_csv_without_an_illustrative_comment_is_not_illustrative():
    table = read_actuals_csv("indicator,value\na,5家\n")
    assert table.illustrative is False
    assert table.facts[0].interval == Interval.point(5)


TOML = """\
illustrative = true
note = "made up"

[[actual]]
indicator = "规上工业增加值"
value = "5.4"
unit = "%"
kind = "change"
period = "2024"

[[actual]]
indicator = "城乡居民收入倍差"
value = 1.50
kind = "ratio"
period = 2024
note = "a TOML float keeps its written digits"

[[actual]]
indicator = "文艺赋美活动"
value = "many"
unit = "场次"

[[actual]]
indicator = "技术改造项目"
value = "42"
unit = "个"
colour = "blue"
"""


def test_toml_tables_become_facts_and_bad_ones_problems():
    table = read_actuals_toml(TOML, source="a.toml")
    assert table.illustrative is True
    assert table.note == "made up"
    assert [f.indicator for f in table.facts] == [
        "规上工业增加值",
        "城乡居民收入倍差",
        "技术改造项目",
    ]
    ratio = table.facts[1]
    # 1.50 was written to two decimals: [1.495, 1.505), not [1.45, 1.55).
    assert ratio.interval == Interval(lower=Fraction("1.495"), upper=Fraction("1.505"),
                                      upper_closed=False)  # fmt: skip
    assert ratio.period == Period.year(2024)
    assert note_of(ratio) == "a TOML float keeps its written digits"
    assert ratio.record == "row 2"
    assert [(p.row, p.column) for p in table.problems] == [(3, "value")]
    assert table.facts[2].extras == (("colour", "blue"),)  # an unknown key is kept, not lost


def test_toml_problems_at_the_top_level():
    table = read_actuals_toml('actual = "x"\ncolour = 1\n', source="t.toml")
    assert table.facts == ()
    assert {p.column for p in table.problems} == {"actual", "colour"}
    table = read_actuals_toml('actual = ["x"]\n', source="t.toml")
    assert [(p.row, p.reason) for p in table.problems] == [(1, "not a table")]


def test_invalid_toml_is_an_input_error():
    with pytest.raises(InputError, match="not valid TOML"):
        read_actuals_toml("[[actual]\n", source="t.toml")


def test_load_actuals_by_suffix(tmp_path):
    (tmp_path / "a.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "a.toml").write_text(TOML, encoding="utf-8")
    assert len(load_actuals(tmp_path / "a.csv").facts) == 4
    assert len(load_actuals(tmp_path / "a.toml").facts) == 3
    assert load_actuals(tmp_path / "a.csv").source == str(tmp_path / "a.csv")
    with pytest.raises(InputError):
        load_actuals(tmp_path / "missing.csv")


def test_the_example_actuals_files_agree_and_are_labelled_illustrative():
    folder = EXAMPLE
    toml = load_actuals(folder / "actuals-2024.toml")
    csv = load_actuals(folder / "actuals-2024.csv")
    assert toml.problems == csv.problems == ()
    assert toml.illustrative
    assert csv.illustrative
    assert "ILLUSTRATIVE" in (folder / "actuals-2024.toml").read_text(encoding="utf-8")
    assert [(f.indicator, f.value, f.kind, f.period) for f in toml.facts] == [
        (f.indicator, f.value, f.kind, f.period) for f in csv.facts
    ]
    assert all("illustrative" in note_of(f) for f in toml.facts)
