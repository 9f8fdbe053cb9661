"""townkpi.check: selection, severity overrides, options, and crashing checks."""

import types

import pytest

import townkpi
from townkpi import Check, Config, ConfigError, Fact, FactKind, Report, Value, hookimpl
from townkpi.checks.base import Parameter
from townkpi.plugins import PluginHost


def _report():
    return Report(
        source="t",
        facts=[
            Fact(id="f1", kind=FactKind.AMOUNT, value=Value.parse("169户"), indicator="拆迁"),
            Fact(id="f2", kind=FactKind.RATE, value=Value.parse("98.5%"), refers_to="f1"),
            Fact(id="f3", kind=FactKind.AMOUNT, value=Value.parse("31.6户")),
        ],
    )


class Crashing(Check):
    """Always crashes.

    反例:
        任何报告。

    正例:
        无。
    """

    code = "EX900"
    name = "example.crashing"
    description = "Raises on every report."

    def check(self, ctx):
        yield self.finding("before the crash", facts=[ctx.facts[0]])
        raise ZeroDivisionError("division by zero")


class Counting(Check):
    """Reports the number of facts above a threshold.

    反例:
        很多数字。

    正例:
        无。
    """

    code = "EX901"
    name = "example.counting"
    description = "Reports how many facts a report has."
    parameters = (Parameter(name="threshold", default=2, description="report above this many"),)

    def check(self, ctx):
        if len(ctx.facts) > self.option("threshold"):
            yield self.finding(f"{len(ctx.facts)} facts", evidence={"facts": len(ctx.facts)})


@pytest.fixture
def host():
    plugin = types.ModuleType("example_plugin")
    plugin.townkpi_register_checks = hookimpl(lambda: [Crashing, Counting])
    return PluginHost.create(entry_points=False, plugins=[plugin])


def test_a_crashing_check_is_a_finding_naming_plugin_and_check(host):
    result = townkpi.check(_report(), host=host)
    [crash] = result.with_code("TK000")
    assert crash.severity == "error"
    assert crash.check == "example.crashing"
    assert "example_plugin" in crash.message
    assert "EX900" in crash.message
    assert "ZeroDivisionError: division by zero" in crash.message
    assert crash.evidence_dict()["plugin"] == "example_plugin"
    # the finding yielded before the crash is kept, and the other checks still ran
    assert result.with_code("EX900")
    assert result.with_code("TK101")
    assert result.with_code("TK303")


def test_select_and_ignore(host):
    codes = {
        f.code for f in townkpi.check(_report(), host=host, config=Config(select=["TK3"])).findings
    }
    assert codes == {"TK303"}
    config = Config(ignore=["TK1", "EX"])
    codes = {f.code for f in townkpi.check(_report(), host=host, config=config).findings}
    assert codes == {"TK303"}
    config = Config(ignore=["TK1", "EX"], select=["TK101"])
    codes = {f.code for f in townkpi.check(_report(), host=host, config=config).findings}
    assert codes == {"TK101"}


def test_select_by_group_and_name(host):
    config = Config(select=["signs"])
    assert {f.code for f in townkpi.check(_report(), host=host, config=config).findings} == {
        "TK303"
    }
    config = Config(select=["townkpi.rates.rate_count"])
    assert {f.code for f in townkpi.check(_report(), host=host, config=config).findings} == {
        "TK101"
    }


def test_severity_override_by_prefix(host):
    config = Config(select=["TK"], severity={"TK1": townkpi.Severity.WARNING})
    result = townkpi.check(_report(), host=host, config=config)
    assert {f.code: f.severity.value for f in result.findings} == {
        "TK101": "warning",
        "TK303": "error",
    }
    assert result.counts == {"error": 1, "warning": 1, "info": 0}


def test_check_options(host):
    assert townkpi.check(_report(), host=host, config=Config(select=["EX901"])).with_code("EX901")
    config = Config(select=["EX901"], checks={"EX901": {"threshold": 5}})
    assert not townkpi.check(_report(), host=host, config=config).with_code("EX901")


def test_bad_check_options_are_config_errors(host):
    with pytest.raises(ConfigError, match=r"EX901.*no option"):
        townkpi.check(_report(), host=host, config=Config(checks={"EX901": {"limit": 1}}))
    with pytest.raises(ConfigError, match=r"threshold.*must be a int"):
        townkpi.check(_report(), host=host, config=Config(checks={"EX901": {"threshold": "x"}}))


def test_findings_carry_the_plugin(host):
    result = townkpi.check(_report(), host=host, config=Config(select=["TK303"]))
    assert [f.plugin for f in result.findings] == ["townkpi.checks.signs"]


def test_faults_reach_the_result():
    broken = types.ModuleType("broken_plugin")
    broken.townkpi_register_checks = hookimpl(lambda: 1 / 0)
    host = PluginHost.create(entry_points=False, plugins=[broken])
    result = townkpi.check(_report(), host=host)
    assert [f.plugin for f in result.faults] == ["broken_plugin"]
    assert result.to_dict()["faults"][0]["reason"] == "ZeroDivisionError: division by zero"
