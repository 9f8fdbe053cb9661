"""The town indicator database example: its figures, its labels, and its run through the API."""

import importlib.util
import sys

import pytest

import townkpi
from conftest import REPO_ROOT
from townkpi.records import written_value

EXAMPLE = REPO_ROOT / "examples" / "town_db"


@pytest.fixture(scope="module")
def build_db():
    spec = importlib.util.spec_from_file_location("build_db", EXAMPLE / "build_db.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_db"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def table(build_db, tmp_path):
    db = tmp_path / "town.sqlite"
    built = build_db.build(EXAMPLE / "indicators.csv", db)
    result = townkpi.load_sqlite(db, build_db.TABLE)
    assert result.ok
    assert len(result.facts) == len(built.facts)
    return result.report


def test_every_row_says_where_it_comes_from(table, build_db):
    for fact in table.facts:
        year = fact.period.start_year
        expected = "report-2023" if year == 2023 else build_db.ILLUSTRATIVE
        assert build_db.provenance(fact) == expected, fact.record


def test_the_2023_figures_stand_in_the_report_as_written(table, build_db, guanhaiwei_text):
    real = [f for f in table.facts if build_db.provenance(f) == "report-2023"]
    assert len(real) == 37
    for fact in real:
        value = fact.surface.removeprefix("-")  # a fall is written 下降8.7%
        assert value in guanhaiwei_text, (fact.id, value)


def test_the_csv_notes_label_the_illustrative_figures():
    head = (EXAMPLE / "indicators.csv").read_text(encoding="utf-8").splitlines()[:3]
    assert any("ILLUSTRATIVE" in line and "NOT real" in line for line in head)


def test_values_keep_their_written_form(table):
    facts = {f.id: f for f in table.facts}
    assert facts["revenue-2023"].value.text == "8.0"
    hazards = facts["hazards-2023"]
    assert (hazards.unit, str(hazards.interval)) == ("万个", "(2.2, 2.3)")
    assert written_value("2.2万余", "个") == hazards.surface
    assert facts["cases-2023"].value.text == "-8.7"
    assert table.referent(facts["ningci-households-rate-2023"]) == facts["ningci-households-2023"]


def test_checks_run_on_the_table_and_point_to_rows(table):
    result = townkpi.check(table)
    assert result.findings
    for finding in result.findings:
        assert finding.spans == ()
        assert finding.records
        assert all(r.startswith("row ") for r in finding.records)


@pytest.fixture(scope="module")
def validate(build_db):
    spec = importlib.util.spec_from_file_location("validate", EXAMPLE / "validate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_2024_targets_are_scored_against_the_illustrative_figures(table, validate, capsys):
    card = validate.score_targets(table)
    assert card.illustrative
    status = {e.target.indicator: e.status for e in card.entries}
    # 力争规上工业增加值同比增长5%: 4.8% stands for [4.75, 4.85), all below 5%.
    assert status["规上工业增加值"] == "missed"
    # 完成外贸自营进出口同比增长8%: 7.9% stands for [7.85, 7.95).
    assert status["外贸自营进出口"] == "missed"
    # 确保全年新进规企业超过10家: 12家.
    assert status["新进规企业"] == "met"
    # 城乡居民收入倍差保持在1.56以内: 1.55.
    assert status["城乡居民收入倍差"] == "met"
    printed = capsys.readouterr().out
    assert "4.8% [ILLUSTRATIVE]" in printed
    used = {i for e in card.entries if e.actual is not None for i in e.actual.facts}
    assert used
    assert all(i.endswith("-2024") for i in used)
