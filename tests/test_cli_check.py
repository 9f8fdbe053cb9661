"""``townkpi check`` and ``townkpi plugins`` on facts JSON written from the hand reading."""

import json

import jsonschema
import pytest

import townkpi.cli
from reading import reading
from townkpi.cli import main
from townkpi.model import FactKind
from townkpi.serialize import report_to_dict


@pytest.fixture(autouse=True)
def only_my_commands(monkeypatch):
    """The other subcommands are tested elsewhere; load only check and plugins."""
    monkeypatch.setattr(townkpi.cli, "COMMANDS", ("townkpi.cli.check", "townkpi.cli.plugins"))


@pytest.fixture
def clean_json(tmp_path):
    path = tmp_path / "guanhaiwei.json"
    path.write_text(json.dumps(report_to_dict(reading()), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def broken_json(tmp_path):
    """The reading with the 宁慈线 relocation rate changed from 98.8% to 98.5%."""
    data = report_to_dict(reading())
    for fact in data["facts"]:
        if fact["surface"] == "98.8%":
            fact.update(value="98.5", lower="98.45", upper="98.55", surface="98.5%")
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def check_schema(contract_dir):
    return json.loads((contract_dir / "check.schema.json").read_text(encoding="utf-8"))


def test_the_clean_reading_passes_and_the_json_meets_the_contract(clean_json, capsys, check_schema):
    assert main(["check", str(clean_json), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    jsonschema.validate(out, check_schema)
    assert out["counts"]["error"] == 0
    assert out["source"] == str(clean_json)
    # 169户 at 98.8% → 171户 is among the information findings
    implied = [f for f in out["findings"] if f["code"] == "TK102"]
    assert any(f["evidence"].get("feasible_totals") == ["171"] for f in implied)


def test_a_broken_rate_fails_with_evidence_and_spans(broken_json, capsys, check_schema):
    assert main(["check", str(broken_json), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    jsonschema.validate(out, check_schema)
    [grim] = [f for f in out["findings"] if f["code"] == "TK101"]
    assert grim["severity"] == "error"
    assert grim["evidence"]["nearest_totals"] == ["171", "172"]
    text = reading().text  # only the JSON was edited: the spans point into the original text
    assert [text[s:e] for s, e in grim["spans"]] == ["169户", "98.8%"]
    assert out["counts"] == {"error": 1, "warning": 0, "info": 8}


def test_text_format_names_place_code_and_evidence(broken_json, capsys):
    assert main(["check", str(broken_json)]) == 1
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if " TK101 " in ln)
    assert line.startswith(f"{broken_json}:")
    assert "TK101 error" in line
    assert "nearest_totals=171, 172" in out
    assert "1 error, 0 warnings, 8 info" in out.splitlines()[-1]


def test_ignore_and_select(broken_json, capsys):
    assert main(["check", str(broken_json), "--ignore", "TK101", "--format", "json"]) == 0
    assert "TK101" not in {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert main(["check", str(broken_json), "--select", "TK2", "--format", "json"]) == 0
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert codes == {"TK202"}


def test_fail_on_info(clean_json, capsys):
    assert main(["check", str(clean_json), "--fail-on", "info"]) == 1
    assert main(["check", str(clean_json), "--fail-on", "warning"]) == 0
    capsys.readouterr()


def test_config_file_changes_severity(broken_json, tmp_path, capsys):
    config = tmp_path / "townkpi.toml"
    config.write_text('[severity]\nTK101 = "warning"\n', encoding="utf-8")
    assert main(["check", str(broken_json), "--config", str(config), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [f["severity"] for f in out["findings"] if f["code"] == "TK101"] == ["warning"]


def test_pyproject_table_is_found_from_the_working_directory(broken_json, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.townkpi]\nignore = ["TK101"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(broken_json)]) == 0


def test_bad_config_is_one_line_and_exit_2(broken_json, tmp_path, capsys):
    config = tmp_path / "townkpi.toml"
    config.write_text('fail-on = "fatal"\n', encoding="utf-8")
    assert main(["check", str(broken_json), "--config", str(config)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "E-CONFIG" in err
    assert "fail-on" in err


def test_missing_input_exits_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.json")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_disable_plugin(broken_json, capsys):
    argv = ["check", str(broken_json), "--disable-plugin", "townkpi.checks.rates"]
    assert main([*argv, "--format", "json"]) == 0
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert not any(c.startswith("TK1") for c in codes)


def test_plugins_lists_builtins_with_hooks_and_codes(capsys):
    assert main(["plugins", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    by_name = {p["name"]: p for p in out["plugins"]}
    rates = by_name["townkpi.checks.rates"]
    assert rates["builtin"] is True
    assert rates["hooks"] == ["townkpi_register_checks"]
    assert rates["checks"] == ["TK101", "TK102", "TK103"]
    assert by_name["townkpi.catalog"]["indicators"] >= 80
    assert out["faults"] == []


def test_plugins_text(capsys):
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "townkpi.checks.shares" in out
    assert "checks: TK201, TK202, TK203, TK204" in out


def test_reading_has_the_rates_the_tests_rely_on():
    rates = [f for f in reading().facts if f.kind is FactKind.RATE]
    assert "98.8%" in {f.surface for f in rates}
