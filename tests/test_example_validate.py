"""examples/guanhaiwei/validate.py: what ``make demo`` runs, on the real extractor."""

import importlib.util
import re

from conftest import REPO_ROOT

SCRIPT = REPO_ROOT / "examples" / "guanhaiwei" / "validate.py"


def _validate():
    spec = importlib.util.spec_from_file_location("guanhaiwei_validate", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_demo_prints_facts_findings_and_scorecard_and_writes_the_page(tmp_path, capsys):
    page = tmp_path / "nested" / "report.html"
    assert _validate().main(["--html", str(page)]) == 0
    out = capsys.readouterr().out
    # the facts table: 131.5亿元 of 地区生产总值 on line 3, read as [131.45, 131.55)
    row = next(ln for ln in out.splitlines() if "131.5亿元" in ln and "amount" in ln)
    assert "地区生产总值" in row
    assert "[131.45, 131.55) 亿元" in row
    # the findings: 169户 at 98.8% implies 171 households, and no error
    assert "feasible_totals=171" in out
    assert re.search(r": 0 errors, 0 warnings, \d+ info", out)
    # the scorecard says its actuals are illustrative
    assert "ILLUSTRATIVE" in out
    html = page.read_text(encoding="utf-8")
    assert '<section id="targets">' in html
    assert 'data-status="flagged"' not in html
    assert "== wrote " in out
    assert out.rstrip().endswith("report.html")


def test_without_targets(tmp_path, capsys):
    assert _validate().main(["--html", str(tmp_path / "r.html"), "--no-targets"]) == 0
    assert "ILLUSTRATIVE" not in capsys.readouterr().out
    assert '<section id="targets">' not in (tmp_path / "r.html").read_text(encoding="utf-8")
