"""Configuration: selection semantics, severities, files and errors."""

import pytest

from townkpi.config import Config, ConfigError, config_from_mapping, find_config, load_config
from townkpi.findings import Severity


@pytest.mark.parametrize(
    ("select", "ignore", "code", "selected"),
    [
        ((), (), "TK101", True),
        (("TK1",), (), "TK101", True),
        (("TK1",), (), "TK201", False),
        ((), ("TK101",), "TK101", False),
        ((), ("TK1",), "TK102", False),
        (("TK101",), ("TK1",), "TK101", True),  # the more specific select wins
        (("TK1",), ("TK101",), "TK101", False),  # the more specific ignore wins
        (("TK101",), ("TK101",), "TK101", False),  # a tie goes to ignore
        (("ALL",), ("TK3",), "TK301", False),
    ],
)
def test_selection(select, ignore, code, selected):
    assert Config(select=select, ignore=ignore).selects(code) is selected


def test_selection_by_name_and_group():
    cfg = Config(select=["rates"], ignore=["townkpi.rates.implied_total"])
    assert cfg.selects("TK101", "townkpi.rates.rate_count", ("core", "rates"))
    assert not cfg.selects("TK102", "townkpi.rates.implied_total", ("core", "rates"))
    assert not cfg.selects("TK201", "townkpi.shares.share_range", ("core", "shares"))


def test_severity_by_longest_prefix():
    cfg = config_from_mapping({"severity": {"TK": "warning", "TK101": "info"}})
    assert cfg.severity_for("TK101", Severity.ERROR) is Severity.INFO
    assert cfg.severity_for("TK201", Severity.ERROR) is Severity.WARNING
    assert cfg.severity_for("ECO101", Severity.ERROR) is Severity.ERROR


def test_overridden_by_the_command_line():
    cfg = Config(select=["TK1"], ignore=["TK102"], disabled_plugins=["a"])
    new = cfg.overridden(select=None, ignore=["TK103"], fail_on=Severity.INFO,
                         disabled_plugins=["b"])  # fmt: skip
    assert new.select == ("TK1",)
    assert new.ignore == ("TK102", "TK103")
    assert new.fail_on is Severity.INFO
    assert new.disabled_plugins == ("a", "b")
    assert cfg.overridden(select=["TK2"]).select == ("TK2",)


def test_pyproject_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.townkpi]\nfail-on = "warning"\ndisable-plugins = ["economy"]\n'
        "[tool.townkpi.checks.TK102]\nmax-totals = 3\n"
        "[tool.townkpi.plugins.economy]\nstrict = true\n",
        encoding="utf-8",
    )
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub) == tmp_path / "pyproject.toml"
    cfg = load_config(start=sub)
    assert cfg.fail_on is Severity.WARNING
    assert cfg.disabled_plugins == ("economy",)
    assert dict(cfg.check_options("TK102")) == {"max_totals": 3}
    assert dict(cfg.plugin_options("economy")) == {"strict": True}


def test_townkpi_toml_wins_over_pyproject_and_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path) is None
    (tmp_path / "townkpi.toml").write_text('ignore = ["TK102"]\n', encoding="utf-8")
    assert load_config(start=tmp_path).ignore == ("TK102",)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('selekt = ["TK1"]\n', "unknown key"),
        ('fail-on = "fatal"\n', "fail-on"),
        ("select = 3\n", "select"),
        ('severity = "error"\n', "severity"),
        ("checks = { TK101 = 3 }\n", "checks"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_bad_files_raise_config_errors_naming_the_key(tmp_path, text, needle):
    path = tmp_path / "townkpi.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=needle) as info:
        load_config(path)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "nope.toml")
