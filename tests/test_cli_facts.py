"""``townkpi facts PATH``: the JSON contract, CSV, the table, encodings and input errors."""

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from townkpi.cli import main
from townkpi.render.csv import FACT_COLUMNS
from townkpi.render.display import width

REPORT = Path(__file__).resolve().parent.parent / "examples" / "guanhaiwei" / "report.txt"
SHORT = "2023年工作总结\n1-9月，全镇实现地区生产总值131.5亿元，同比增长5.4%；完成拆迁169户，完成率98.8%。\n"


def _run(capsys, *args):
    status = main(["facts", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_follows_the_contract(capsys, contract_dir):
    schema = json.loads((contract_dir / "facts.schema.json").read_text(encoding="utf-8"))
    status, out, err = _run(capsys, REPORT, "--format", "json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    jsonschema.validate(data, schema)
    assert data["source"] == str(REPORT)
    assert data["encoding"] == "utf-8"
    first = data["facts"][0]
    assert {k: first[k] for k in ("id", "surface", "kind", "value", "unit", "lower", "upper")} == {
        "id": "f1",
        "surface": "131.5亿元",
        "kind": "amount",
        "value": "131.5",
        "unit": "亿元",
        "lower": "131.45",
        "upper": "131.55",
    }
    text = REPORT.read_text(encoding="utf-8")
    for fact in data["facts"]:
        assert text[fact["start"] : fact["end"]] == fact["surface"]
    for skipped in data["skipped"]:
        assert text[skipped["start"] : skipped["end"]] == skipped["surface"]


def test_json_of_a_decline_and_a_link(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("2023年工作总结\n实现收入8.0亿元，同比下降8.7%。\n", encoding="utf-8")
    _, out, _ = _run(capsys, path, "--format", "json")
    facts = json.loads(out)["facts"]
    assert [(f["value"], f["kind"], f["refers_to"], f["period"]) for f in facts] == [
        ("8.0", "amount", None, "2023"),
        ("-8.7", "change", "f1", "2023"),
    ]


def test_csv_has_the_contract_columns(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(SHORT, encoding="utf-8")
    status, out, _ = _run(capsys, path, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert status == 0
    assert tuple(rows[0]) == FACT_COLUMNS
    surfaces = [dict(zip(rows[0], r, strict=True))["surface"] for r in rows[1:]]
    assert surfaces == ["131.5亿元", "5.4%", "169户", "98.8%"]


def test_the_table_is_aligned_and_counts_the_kinds(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(SHORT, encoding="utf-8")
    status, out, _ = _run(capsys, path, "--skipped")
    lines = out.splitlines()
    assert status == 0
    assert lines[0] == f"{path}: 4 facts, 2 skipped"
    header, rows = lines[1], lines[2:6]
    assert header.split()[:4] == ["id", "at", "figure", "kind"]
    column = header.index("kind")
    assert all(
        width(r[: r.index(k)]) == width(header[:column])
        for r, k in zip(rows, ["amount", "change", "amount", "rate"], strict=True)
    )
    assert lines[6] == "kinds: amount 2, change 1, rate 1"
    assert "1-9月" in out.split("skipped:")[1]


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("gb18030", SHORT.encode("gb18030")),
        ("utf-8-sig", SHORT.encode("utf-8-sig")),
    ],
)
def test_other_encodings_give_the_same_facts(capsys, tmp_path, encoding, data):
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    _, out, _ = _run(capsys, path, "--format", "json")
    report = json.loads(out)
    assert report["encoding"] == encoding
    assert [f["surface"] for f in report["facts"]] == ["131.5亿元", "5.4%", "169户", "98.8%"]


def test_html_is_read_as_its_text(capsys, tmp_path):
    path = tmp_path / "r.html"
    path.write_text(
        "<html><body><h1>2023年工作总结</h1><p>完成拆迁<b>169户</b>，完成率98.8%。</p></body></html>",
        encoding="utf-8",
    )
    _, out, _ = _run(capsys, path, "--format", "json")
    facts = json.loads(out)["facts"]
    assert [(f["surface"], f["refers_to"]) for f in facts] == [("169户", None), ("98.8%", "f1")]


def test_the_year_can_be_given(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("完成拆迁169户。\n", encoding="utf-8")
    _, out, _ = _run(capsys, path, "--format", "json", "--year", "2019")
    assert json.loads(out)["facts"][0]["period"] == "2019"


def _one_line_error(capsys, path):
    status, out, err = _run(capsys, path)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("townkpi: E-")
    return err


def test_a_binary_file_is_refused_in_one_line(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in _one_line_error(capsys, path)


def test_a_missing_file_is_refused_in_one_line(capsys, tmp_path):
    assert "E-MISSING" in _one_line_error(capsys, tmp_path / "absent.txt")


def test_a_directory_is_refused_in_one_line(capsys, tmp_path):
    assert "E-DIRECTORY" in _one_line_error(capsys, tmp_path)


def test_an_unknown_format_is_bad_usage(capsys):
    status, out, _ = _run(capsys, REPORT, "--format", "xml")
    assert status == 2
    assert out == ""
