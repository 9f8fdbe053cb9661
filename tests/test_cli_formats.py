"""``townkpi check --format text|json|csv|sarif|html --output FILE --actuals SOURCE``.

The report is the hand reading of the Guanhaiwei report with 宁慈线's rate written 98.5% (see
``render_cases.broken_reading``): 169户 at 98.5% is the one error. ``townkpi.loading.load`` hands
it over with its text, so that these tests do not depend on the extractor.
"""

import csv
import io
import json
import re
import sys

import pytest

import townkpi.cli
from render_cases import broken_reading
from townkpi.cli import main
from townkpi.render import FORMATS
from townkpi.serialize import report_to_dict

REPO_ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
ACTUALS = REPO_ROOT / "examples" / "guanhaiwei" / "actuals-2024.toml"


@pytest.fixture(autouse=True)
def only_check(monkeypatch):
    monkeypatch.setattr(townkpi.cli, "COMMANDS", ("townkpi.cli.check",))


@pytest.fixture(scope="module")
def report():
    return broken_reading()


@pytest.fixture
def facts_json(tmp_path, report, monkeypatch):
    """A path that loads as the broken reading, text included."""
    import townkpi.loading  # noqa: PLC0415

    path = tmp_path / "broken.txt"
    path.write_text(report.text, encoding="utf-8")
    original = townkpi.loading.load

    def load(source, **kwargs):
        return report if str(source) == str(path) else original(source, **kwargs)

    monkeypatch.setattr(townkpi.loading, "load", load)
    return path


def test_facts_json_without_text_renders_the_findings(tmp_path, report, capsys):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(report_to_dict(report), ensure_ascii=False), encoding="utf-8")
    assert main(["check", str(path), "--format", "html"]) == 1
    html = capsys.readouterr().out
    assert "This report has no text" in html
    assert html.count('<tr id="finding-') == 9


def test_the_parser_offers_every_format():
    from townkpi.cli import check as command  # noqa: PLC0415

    assert command.FORMATS == FORMATS


def test_text_is_the_default_and_compiler_style(facts_json, capsys):
    assert main(["check", str(facts_json)]) == 1
    out = capsys.readouterr().out
    header = next(ln for ln in out.splitlines() if " TK101 error: " in ln)
    assert header.startswith(f"{facts_json}:6:")
    assert "宁慈线完成拆迁169户，完成率98.5%" in out
    assert "\x1b[" not in out  # not a terminal: no colour


def test_text_is_coloured_on_a_terminal_unless_no_color(facts_json, capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    main(["check", str(facts_json)])
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", str(facts_json)])
    assert "\x1b[" not in capsys.readouterr().out


def test_csv_to_a_file(facts_json, tmp_path, capsys, report):
    out = tmp_path / "findings.csv"
    assert main(["check", str(facts_json), "--format", "csv", "--output", str(out)]) == 1
    assert capsys.readouterr().out == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    [grim] = [r for r in rows if r["code"] == "TK101"]
    assert grim["figures"] == "169户 / 98.5%"
    assert len(rows) == 9


def test_sarif(facts_json, capsys, report):
    assert main(["check", str(facts_json), "--format", "sarif"]) == 1
    log = json.loads(capsys.readouterr().out)
    [error] = [r for r in log["runs"][0]["results"] if r["level"] == "error"]
    regions = [loc["physicalLocation"]["region"] for loc in error["locations"]]
    assert [report.text[r["charOffset"] : r["charOffset"] + r["charLength"]] for r in regions] == [
        "169户",
        "98.5%",
    ]


def test_html_with_the_illustrative_scorecard(facts_json, tmp_path, report):
    page = tmp_path / "report.html"
    argv = [
        "check",
        str(facts_json),
        "--format",
        "html",
        "-o",
        str(page),
        "--actuals",
        str(ACTUALS),
    ]
    assert main(argv) == 1
    html = page.read_text(encoding="utf-8")
    assert '<section id="targets">' in html
    assert "Illustrative" in html
    flagged = re.findall(r'data-status="flagged" data-start="(\d+)" data-end="(\d+)"', html)
    assert {report.text[int(a) : int(b)] for a, b in flagged} == {"169户", "98.5%"}


def test_json_with_the_scorecard(facts_json, capsys):
    main(["check", str(facts_json), "--format", "json", "--actuals", str(ACTUALS)])
    out = json.loads(capsys.readouterr().out)
    assert out["targets"]["illustrative"] is True
    assert out["targets"]["targets"]


def test_an_unwritable_output_is_one_line_and_exit_2(facts_json, tmp_path, capsys):
    out = tmp_path / "missing-directory" / "report.html"
    assert main(["check", str(facts_json), "--format", "html", "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "cannot write the output" in err
    assert "Traceback" not in err
