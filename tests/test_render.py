"""The renderers: compiler-style text, JSON, CSV, SARIF and HTML of checked reports.

Positions and figures are read from the texts in ``render_cases`` by hand: in the tiny report,
line 2 is 拆迁3户，完成率70%。 with 3户 at offset 5 (line 2, column 3) and 70% at offset 11
(column 9); 拆迁 is four display columns wide and ，完成率 eight.
"""

import csv
import io
import json
import re
import sys

import jsonschema
import pytest

from render_cases import HANDLER, LINK, SCRIPT, broken_reading, hostile_report, tiny_report
from townkpi.errors import TownkpiError
from townkpi.findings import CheckResult, Evidence, Finding, PluginFault, Severity
from townkpi.model import Report, Span
from townkpi.plugins import default_host
from townkpi.render import FORMATS, render
from townkpi.render.csv import FACT_COLUMNS, FINDING_COLUMNS, facts_csv, neutralize
from townkpi.render.figures import FigureStatus, figures
from townkpi.render.sarif import sarif_log
from townkpi.render.snippet import snippet
from townkpi.render.text import render_text
from townkpi.run import check


@pytest.fixture(scope="module")
def tiny():
    report = tiny_report()
    return report, check(report)


@pytest.fixture(scope="module")
def broken():
    report = broken_reading()
    return report, check(report)


@pytest.fixture(scope="module")
def hostile():
    report = hostile_report()
    return report, check(report)


# ---------------------------------------------------------------------------- text


def test_text_shows_code_sentence_underlines_and_evidence(tiny):
    out = render("text", *tiny)
    lines = out.splitlines()
    assert lines[0].startswith("r.txt:2:3: TK101 error: 拆迁 3户 at a rate of 70%")
    assert lines[2] == "2 | 拆迁3户，完成率70%。"
    assert lines[3] == "  |     ^~~        ^~~"
    assert "  = nearest_totals=4, 5" in lines
    assert "  = rate_interval=[69.5, 70.5)" in lines
    assert lines[-1] == "r.txt: 1 error, 0 warnings, 0 info (2 facts, 0 skipped numbers)"


def test_text_of_the_guanhaiwei_reading_underlines_the_broken_rate(broken):
    out = render("text", *broken)
    block = next(b for b in out.split("\n\n") if "TK101" in b)
    [shown, underline] = [ln for ln in block.splitlines() if re.match(r"^ *\d* \| ", ln)]
    text = shown.split(" | ", 1)[1]
    marks = underline.split(" | ", 1)[1]
    assert "宁慈线完成拆迁169户，完成率98.5%" in text
    # the carets stand under 169户 and 98.5%: compare display columns, a CJK character is two
    width = lambda s: sum(2 if "\u4e00" <= c <= "\u9fff" or c in "，。；“”" else 1 for c in s)  # noqa: E731
    starts = [m.start() for m in re.finditer(r"\^", marks)]
    assert starts == [width(text[: text.index("169户")]), width(text[: text.index("98.5%")])]
    assert marks.split() == ["^~~~~", "^~~~~"]  # 169户 and 98.5% are five columns wide each
    assert "1 error, 0 warnings, 8 info (138 facts, 99 skipped numbers)" in out.splitlines()[-1]


def test_text_colour_only_with_rich_and_when_asked(tiny, monkeypatch):
    assert "\x1b[" not in render_text(*tiny)
    coloured = render_text(*tiny, color=True)
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render_text(*tiny)
    monkeypatch.setitem(sys.modules, "rich", None)  # rich not installed
    assert render_text(*tiny, color=True) == render_text(*tiny)


def test_text_cannot_send_escape_sequences_to_the_terminal(hostile):
    report, result = hostile
    out = render_text(report, result)
    assert "\x1b" not in out
    assert "\x1b" in result.findings[0].message  # the indicator in the message did contain one
    assert "\ufffd[31m红\ufffd[0m拆迁 3户" in out


def test_text_names_plugin_faults_and_findings_without_spans():
    result = CheckResult(
        source="t.csv",
        findings=[
            Finding(
                code="TK999",
                check="x.y",
                severity=Severity.WARNING,
                message="odd",
                records=["row 3"],
                evidence=[Evidence(name="total", value="12")],
            )
        ],
        faults=[PluginFault(plugin="broken_pack", version="1.0", reason="ImportError: no")],
    )
    out = render_text(Report(source="t.csv"), result)
    assert "t.csv:row 3: TK999 warning: odd\n  = total=12\n" in out
    assert "warning: plugin broken_pack 1.0: ImportError: no" in out


def test_snippet_cuts_long_lines_around_the_figures():
    text = "前" * 200 + "完成3户" + "后" * 200
    [line] = snippet(text, [Span(start=202, end=204)])
    assert line.text.startswith("…")
    assert line.text.endswith("…")
    assert "完成3户" in line.text
    assert len(line.text) < 40


# ---------------------------------------------------------------------------- json


def test_json_meets_the_contract(broken, contract_dir):
    schema = json.loads((contract_dir / "check.schema.json").read_text(encoding="utf-8"))
    report, result = broken
    out = json.loads(render("json", report, result))
    jsonschema.validate(out, schema)
    [grim] = [f for f in out["findings"] if f["code"] == "TK101"]
    assert [report.text[s:e] for s, e in grim["spans"]] == ["169户", "98.5%"]
    assert out["counts"] == {"error": 1, "warning": 0, "info": 8}


def test_json_stays_valid_for_hostile_input(hostile, contract_dir):
    schema = json.loads((contract_dir / "check.schema.json").read_text(encoding="utf-8"))
    out = json.loads(render("json", *hostile))
    jsonschema.validate(out, schema)
    assert HANDLER in out["findings"][0]["message"]


# ---------------------------------------------------------------------------- csv


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+86 574", "'+86 574"),
        ("-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-8.7", "-8.7"),
        ("+5.4", "+5.4"),
        ("131.5亿元", "131.5亿元"),
        ("", ""),
    ],
)
def test_neutralize(cell, expected):
    assert neutralize(cell) == expected


def test_csv_findings(tiny):
    rows = list(csv.DictReader(io.StringIO(render("csv", *tiny))))
    assert tuple(rows[0]) == FINDING_COLUMNS
    [row] = rows
    assert (row["code"], row["severity"], row["line"], row["column"]) == (
        "TK101",
        "error",
        "2",
        "3",
    )
    assert (row["start"], row["end"], row["spans"]) == ("5", "7", "5-7;11-14")
    assert row["figures"] == "3户 / 70%"
    assert "nearest_totals=4, 5" in row["evidence"]


def test_csv_neutralises_every_cell_of_hostile_findings():
    message = "=cmd|' /C calc'!A0 and more"
    finding = Finding(
        code="TK101", check="x.y", severity=Severity.ERROR, message=message, suggestion="@x"
    )
    out = render("csv", Report(source="+r.txt"), CheckResult(source="+r.txt", findings=[finding]))
    [row] = list(csv.reader(io.StringIO(out)))[1:]
    assert all(not c or c[0] not in "=+-@\t\r" for c in row)
    assert f"'{message}" in row


def test_facts_csv_has_the_contract_columns(broken):
    report, _ = broken
    rows = list(csv.DictReader(io.StringIO(facts_csv(report))))
    assert tuple(rows[0]) == FACT_COLUMNS
    assert len(rows) == len(report.facts)
    gdp = next(r for r in rows if r["surface"] == "131.5亿元")
    assert (gdp["value"], gdp["unit"], gdp["lower"], gdp["upper"]) == (
        "131.5",
        "亿元",
        "131.45",
        "131.55",
    )


# ---------------------------------------------------------------------------- sarif


def test_sarif_regions_rules_and_levels(tiny):
    report, result = tiny
    log = json.loads(render("sarif", report, result))
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(c.code for c in default_host().checks())
    [res] = run["results"]
    assert res["level"] == "error"
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == "TK101"
    regions = [loc["physicalLocation"]["region"] for loc in res["locations"]]
    assert [(r["charOffset"], r["charLength"]) for r in regions] == [(5, 2), (11, 3)]
    assert [(r["startLine"], r["startColumn"], r["endLine"], r["endColumn"]) for r in regions] == [
        (2, 3, 2, 5),
        (2, 9, 2, 12),
    ]
    assert [r["snippet"]["text"] for r in regions] == ["3户", "70%"]
    context = res["locations"][0]["physicalLocation"]["contextRegion"]
    assert context["snippet"]["text"] == "拆迁3户，完成率70%。"
    tk101 = rules[res["ruleIndex"]]
    assert tk101["defaultConfiguration"]["level"] == "error"
    assert "反例" in tk101["help"]["text"]


def test_sarif_without_spans_names_records_and_unknown_codes_get_a_rule():
    finding = Finding(
        code="ZZ001", check="pack.odd", severity=Severity.INFO, message="m", records=["row 3"]
    )
    fault = PluginFault(plugin="broken_pack", reason="ImportError: no")
    log = sarif_log(
        Report(source="t.csv"),
        CheckResult(source="t.csv", findings=[finding], faults=[fault]),
        checks=(),
    )
    [run] = log["runs"]
    [res] = run["results"]
    assert res["level"] == "note"
    assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "ZZ001"
    assert res["locations"][0]["logicalLocations"] == [{"name": "row 3", "kind": "element"}]
    [note] = run["invocations"][0]["toolConfigurationNotifications"]
    assert note["descriptor"]["id"] == "broken_pack"


def test_sarif_is_valid_json_for_hostile_input(hostile):
    log = json.loads(render("sarif", *hostile))
    [res] = log["runs"][0]["results"]
    assert (
        res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "%3Cb%3Ebad%3C/b%3E.txt"
    )


# ---------------------------------------------------------------------------- figures and html


def test_figures_flag_exactly_the_figures_of_warnings_and_errors(broken):
    report, result = broken
    figs = figures(report, result)
    flagged = {report.text[g.start : g.end] for g in figs if g.status is FigureStatus.FLAGGED}
    assert flagged == {"169户", "98.5%"}
    skipped = {(g.start, g.end) for g in figs if g.status is FigureStatus.SKIPPED}
    assert skipped == {(m.span.start, m.span.end) for m in report.skipped}
    # an info finding (316户 at 96% implies 328-330户) notes its figures without flagging them
    noted = next(g for g in figs if report.text[g.start : g.end] == "316户")
    assert noted.status is FigureStatus.CONSISTENT
    assert noted.findings


def test_html_is_self_contained_and_marks_every_figure(broken):
    report, result = broken
    page = render("html", report, result)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert "Content-Security-Policy" in page
    assert not re.search(r"<link|\ssrc=", page)
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', page))
    marks = re.findall(
        r'<mark class="fig [^"]*" data-status="(\w+)" data-start="(\d+)" data-end="(\d+)"', page
    )
    by_status = {}
    for status, start, end in marks:
        by_status.setdefault(status, set()).add(report.text[int(start) : int(end)])
    assert by_status["flagged"] == {"169户", "98.5%"}
    assert "131.5亿元" in by_status["consistent"]
    assert "2023年" in by_status["skipped"]
    assert page.count('<tr id="finding-') == len(result.findings)


def test_html_escapes_everything_from_the_input(hostile):
    page = render("html", *hostile)
    for raw in (SCRIPT, LINK, HANDLER, "<b><i>", "</div></table>", "<b>bad</b>"):
        assert raw not in page
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;" in page
    assert "javascript:" not in re.findall(r'href="([^"]*)"', page)
    assert "<script" not in page.lower()
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', page))


def test_html_with_a_scorecard_and_without_text():
    from townkpi.targets import Scorecard  # noqa: PLC0415

    page = render(
        "html",
        Report(source="t.csv"),
        CheckResult(source="t.csv"),
        scorecard=Scorecard(plan="<plan>", illustrative=True),
    )
    assert "Targets scorecard" in page
    assert "Illustrative" in page
    assert "&lt;plan&gt;" in page
    assert "This report has no text" in page


# ---------------------------------------------------------------------------- dispatch


def test_every_format_renders_and_an_unknown_one_is_an_error(tiny):
    for fmt in FORMATS:
        assert render(fmt, *tiny)
    with pytest.raises(TownkpiError, match="unknown output format 'xml'"):
        render("xml", *tiny)
