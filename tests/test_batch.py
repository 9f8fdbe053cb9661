"""``townkpi.batch``: bad files recorded and skipped, resume, the SQLite schema, JSONL, jobs.

The expected figures come from reading the Guanhaiwei report: its title line is
"2023年工作总结和2024年工作安排" and its first figures are "1-9月，全镇实现地区生产总值131.5亿元，
同比增长5.4%". A second, short report written here for the test states a 2024 figure, so that one
indicator can be queried across years.
"""

import importlib
import json
import multiprocessing
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import jsonschema
import pytest

from townkpi.batch import (
    BatchOptions,
    FileStatus,
    expand_paths,
    open_store,
    process,
    run_batch,
)
from townkpi.errors import InputError, TownkpiError

GUANHAIWEI = Path(__file__).resolve().parent.parent / "examples" / "guanhaiwei" / "report.txt"

#: A short report written for these tests (not a real report).
REPORT_2024 = "观海卫镇2024年工作总结\n2024年，全镇实现地区生产总值138.2亿元，同比增长5.1%。\n"


@pytest.fixture
def corpus(tmp_path):
    """The Guanhaiwei report, a copy of it, a binary file and an empty file."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(GUANHAIWEI, folder / "a-guanhaiwei.txt")
    shutil.copy(GUANHAIWEI, folder / "b-copy.txt")
    (folder / "c-binary.dat").write_bytes(b"PK\x03\x04\x00\x00binary\x00")
    (folder / "d-empty.txt").write_bytes(b"")
    return folder


def _batch(paths, out, jobs=1):
    with open_store(out) as store:
        return run_batch(expand_paths(paths), store, jobs=jobs)


def _rows(db, sql, params=()):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def test_two_reports_read_and_two_bad_files_recorded(corpus, tmp_path):
    out = tmp_path / "out.sqlite"
    summary = _batch([corpus], out)
    assert (summary.ok, summary.failed) == (2, 2)
    rows = _rows(out, "SELECT path, status, error_code, year, title FROM reports ORDER BY path")
    names = [Path(r[0]).name for r in rows]
    assert names == ["a-guanhaiwei.txt", "b-copy.txt", "c-binary.dat", "d-empty.txt"]
    title = "2023年工作总结和2024年工作安排"
    assert [r[1:] for r in rows] == [
        ("ok", None, 2023, title),
        ("ok", None, 2023, title),
        ("error", "E-BINARY", None, None),
        ("error", "E-EMPTY", None, None),
    ]
    errors = _rows(out, "SELECT path, error FROM reports WHERE status = 'error'")
    for path, message in errors:
        assert message.startswith(path)  # the message names the file


def test_the_first_figures_of_the_report_are_stored(corpus, tmp_path):
    out = tmp_path / "out.sqlite"
    _batch([corpus / "a-guanhaiwei.txt"], out)
    gdp = _rows(
        out,
        "SELECT id, kind, value, unit, indicator, period FROM facts WHERE surface = '131.5亿元'",
    )
    assert len(gdp) == 1
    fact_id, kind, value, unit, indicator, period = gdp[0]
    assert (kind, value, unit, indicator, period) == (
        "amount",
        "131.5",
        "亿元",
        "地区生产总值",
        "2023-01/2023-09",
    )
    growth = _rows(out, "SELECT kind, value, unit, refers_to FROM facts WHERE surface = '5.4%'")
    assert growth == [("change", "5.4", "%", fact_id)]


def test_an_indicator_queried_across_years(corpus, tmp_path):
    (corpus / "e-2024.txt").write_text(REPORT_2024, encoding="utf-8")
    out = tmp_path / "out.sqlite"
    _batch([corpus / "a-guanhaiwei.txt", corpus / "e-2024.txt"], out)
    rows = _rows(
        out,
        """
        SELECT r.year, f.period, f.value, f.unit
        FROM facts AS f JOIN reports AS r ON r.id = f.report_id
        WHERE f.indicator = ? AND f.kind = 'amount'
        ORDER BY r.year
        """,
        ("地区生产总值",),
    )
    assert rows == [(2023, "2023-01/2023-09", "131.5", "亿元"), (2024, "2024", "138.2", "亿元")]


def test_resume_skips_files_already_in_the_output(corpus, tmp_path):
    out = tmp_path / "out.sqlite"
    first = _batch([corpus], out)
    assert len(first.files) == 4
    again = _batch([corpus], out)
    assert again.files == ()
    assert len(again.skipped) == 4
    (corpus / "e-2024.txt").write_text(REPORT_2024, encoding="utf-8")
    (corpus / "b-copy.txt").write_text(REPORT_2024, encoding="utf-8")  # new content, same path
    third = _batch([corpus], out)
    processed = sorted(Path(f.path).name for f in third.files)
    assert processed == ["b-copy.txt", "e-2024.txt"]
    assert len(third.skipped) == 3
    # the earlier version of b-copy.txt is kept beside the new one
    versions = _rows(out, "SELECT count(*) FROM reports WHERE path LIKE '%b-copy.txt'")
    assert versions == [(2,)]


def test_sqlite_schema(corpus, tmp_path):
    out = tmp_path / "out.sqlite"
    _batch([corpus], out)

    def columns(table):
        return [r[1] for r in _rows(out, f"PRAGMA table_info({table})")]

    assert columns("reports") == [
        "id", "path", "sha256", "size", "source", "year", "title", "encoding", "status",
        "error_code", "error", "faults",
    ]  # fmt: skip
    contract_facts = [
        "id", "start", "end", "surface", "kind", "value", "unit", "lower", "upper",
        "comparator", "indicator", "subject", "period", "modality", "qualifiers", "refers_to",
    ]  # fmt: skip
    assert columns("facts")[: len(contract_facts) + 1] == ["report_id", *contract_facts]
    contract_findings = ["code", "check", "severity", "message", "spans", "facts", "evidence"]
    assert columns("findings")[:9] == ["report_id", "seq", *contract_findings]
    assert columns("targets")[:2] == ["report_id", "id"]
    assert {"indicator", "comparator", "lower", "upper", "unit", "strength", "period"} <= set(
        columns("targets")
    )
    assert columns("skipped") == ["report_id", "start", "end", "surface", "reason"]


def test_findings_and_targets_are_stored_as_json_text(corpus, tmp_path):
    out = tmp_path / "out.sqlite"
    _batch([corpus / "a-guanhaiwei.txt"], out)
    findings = _rows(out, "SELECT code, severity, spans, facts, evidence FROM findings")
    assert findings, "the checks report at least the implied quantities of the report"
    for _code, severity, spans, facts, evidence in findings:
        assert severity in {"error", "warning", "info"}
        assert all(len(s) == 2 for s in json.loads(spans))
        assert isinstance(json.loads(facts), list)
        assert isinstance(json.loads(evidence), dict)
    # the 2024 plan: "力争规上工业企业总产值、规上工业增加值同比增长5%" is a growth target of at
    # least 5% for each
    targets = _rows(
        out,
        "SELECT kind, comparator, lower, unit, strength, period FROM targets "
        "WHERE indicator = '规上工业增加值'",
    )
    assert ("growth", ">=", "5", "%", "力争", "2024") in targets


def test_jsonl_one_object_per_file(corpus, tmp_path, contract_dir):
    out = tmp_path / "out.jsonl"
    _batch([corpus], out)
    lines = out.read_text(encoding="utf-8").splitlines()
    objects = [json.loads(line) for line in lines]
    assert [o["status"] for o in objects] == ["ok", "ok", "error", "error"]
    assert [o["error_code"] for o in objects] == [None, None, "E-BINARY", "E-EMPTY"]
    schema = json.loads((contract_dir / "facts.schema.json").read_text(encoding="utf-8"))
    fact_schema = {"$defs": schema["$defs"], **schema["$defs"]["fact"]}
    for fact in objects[0]["facts"]:
        jsonschema.validate(fact, fact_schema)
    assert objects[0]["facts"] == objects[1]["facts"]  # the copy reads the same
    gdp = [f for f in objects[0]["facts"] if f["surface"] == "131.5亿元"]
    assert [(f["value"], f["unit"], f["indicator"]) for f in gdp] == [
        ("131.5", "亿元", "地区生产总值")
    ]
    assert objects[2]["facts"] == objects[3]["facts"] == []


def test_jsonl_resume_redoes_a_line_cut_short(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    _batch([corpus], out)
    text = out.read_text(encoding="utf-8")
    last = text.rstrip("\n").rsplit("\n", 1)[-1]
    out.write_text(text[: len(text) - len(last) // 2 - 1], encoding="utf-8")  # cut the last line
    again = _batch([corpus], out)
    assert len(again.skipped) == 3
    assert [Path(f.path).name for f in again.files] == ["d-empty.txt"]
    good = []
    for line in out.read_text(encoding="utf-8").splitlines():
        try:
            good.append(json.loads(line))
        except ValueError:
            continue
    assert sorted(Path(o["path"]).name for o in good) == [
        "a-guanhaiwei.txt",
        "b-copy.txt",
        "c-binary.dat",
        "d-empty.txt",
    ]


def _dump(db):
    tables = ["reports", "facts", "skipped", "findings", "targets"]
    return {t: _rows(db, f"SELECT * FROM {t} ORDER BY rowid") for t in tables}


def test_two_jobs_give_the_same_rows_as_one(corpus, tmp_path):
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    _batch([corpus], one, jobs=1)
    _batch([corpus], two, jobs=2)
    a, b = _dump(one), _dump(two)
    assert a["facts"], "the reports have facts"
    assert a == b


def test_parquet_holds_the_same_files(corpus, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is in the test dependency group")
    out = tmp_path / "out.parquet"
    _batch([corpus], out)
    table = pq.read_table(out)
    assert table.column("status").to_pylist() == ["ok", "ok", "error", "error"]
    facts = table.column("facts").to_pylist()
    gdp = [f for f in facts[0] if f["surface"] == "131.5亿元"]
    assert [(f["value"], f["unit"]) for f in gdp] == [("131.5", "亿元")]
    again = _batch([corpus], out)
    assert len(again.skipped) == 4
    assert pq.read_table(out).num_rows == 4


def test_parquet_without_pyarrow_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(TownkpiError, match=r"townkpi\[parquet\]"):
        open_store(tmp_path / "out.parquet")


def test_unknown_output_suffix(tmp_path):
    with pytest.raises(InputError, match="unknown output format"):
        open_store(tmp_path / "out.xlsx")


def test_an_sqlite_file_of_something_else_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(InputError, match="not a townkpi batch output"):
        open_store(other)


def test_a_crash_in_extraction_is_recorded(corpus, tmp_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    # the module (``townkpi.extract`` as an attribute of the package is the function)
    monkeypatch.setattr(importlib.import_module("townkpi.extract"), "extract", broken)
    result = process(str(corpus / "a-guanhaiwei.txt"), BatchOptions())
    assert result.status is FileStatus.ERROR
    assert result.error_code == "E-CRASH"
    assert "extraction crashed with ZeroDivisionError: division by zero" in result.error
    assert len(result.sha256) == 64


def test_a_missing_file_is_recorded(tmp_path):
    result = process(str(tmp_path / "nowhere.txt"), BatchOptions())
    assert (result.status, result.error_code, result.sha256) == (FileStatus.ERROR, "E-MISSING", "")


def test_text_is_dropped_unless_kept(corpus):
    path = str(corpus / "a-guanhaiwei.txt")
    assert process(path, BatchOptions()).report.text == ""
    kept = process(path, BatchOptions(keep_text=True)).report.text
    assert kept.startswith("慈溪市观海卫镇人民政府")


def test_the_output_inside_an_input_directory_is_not_an_input(corpus):
    out = corpus / "out.sqlite"
    first = _batch([corpus], out)
    assert sorted(Path(f.path).name for f in first.files) == [
        "a-guanhaiwei.txt",
        "b-copy.txt",
        "c-binary.dat",
        "d-empty.txt",
    ]
    again = _batch([corpus], out)
    assert (again.files, len(again.skipped)) == ((), 4)


def test_a_worker_that_dies_stops_the_batch_with_a_clear_error_and_it_resumes(
    corpus, tmp_path, monkeypatch
):
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the dying extractor reaches the workers only when they are forked")
    module = importlib.import_module("townkpi.extract")
    real = module.extract

    def dies_on_the_copy(document, *args, **kwargs):
        if str(document.source).endswith("b-copy.txt"):
            os._exit(3)  # as a worker killed by the system would
        return real(document, *args, **kwargs)

    monkeypatch.setattr(module, "extract", dies_on_the_copy)
    out = tmp_path / "out.sqlite"
    with pytest.raises(TownkpiError, match="worker process died"), open_store(out) as store:
        run_batch(expand_paths([corpus]), store, jobs=2)
    monkeypatch.setattr(module, "extract", real)
    again = _batch([corpus], out)
    assert len(again.skipped) + len(again.files) == 4
    assert "b-copy.txt" in {Path(f.path).name for f in again.files}
