"""Broken plugins: each is reported with its name and version, and the others still run.

The plugins are real installed distributions, written at run time into a temporary directory (a
package plus a ``*.dist-info`` with ``METADATA`` and ``entry_points.txt``) that is put on
``sys.path``, so that townkpi finds them through ``importlib.metadata`` exactly as it finds a
plugin installed with pip:

- ``fz-noimport`` 1.0.1 fails to import (it needs a module that does not exist);
- ``fz-badreg`` 1.0.2 raises inside ``townkpi_register_checks``;
- ``fz-badsig`` 1.0.3 implements a hook with an argument the hook does not have (pluggy rejects it
  at registration);
- ``fz-crash`` 1.0.4 contributes the check FZ901, which raises inside ``check()``;
- ``fz-badunit`` 1.0.5 defines a unit with a line pint cannot read;
- ``fz-good`` 2.0.0 contributes the check FZ101, which reports every report's first figure.

The report is the tiny one of the render tests: 拆迁3户，完成率70%。 (TK101: no whole total
gives 70% from 3).
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from townkpi.extract import extract
from townkpi.plugins import PluginHost
from townkpi.run import CRASH_CODE, check

TEXT = "甲乙\n拆迁3户，完成率70%。\n"

_GOOD = '''
from townkpi import Check, Severity, hookimpl


class FirstFigure(Check):
    """Reports the first figure of every report.

    反例:
        拆迁3户。

    正例:
        无。
    """

    code = "FZ101"
    name = "fz.first_figure"
    description = "Reports the first figure."
    default_severity = Severity.INFO

    def check(self, ctx):
        if ctx.facts:
            yield self.finding("the first figure", facts=[ctx.facts[0]])


@hookimpl
def townkpi_register_checks():
    return [FirstFigure]
'''

_CRASH = '''
from townkpi import Check, hookimpl


class Explodes(Check):
    """Raises on every report.

    反例:
        拆迁3户。

    正例:
        无。
    """

    code = "FZ901"
    name = "fz.explodes"
    description = "Raises inside check()."

    def check(self, ctx):
        yield from ()
        raise KeyError("no such indicator: 拆迁")


@hookimpl
def townkpi_register_checks():
    return [Explodes]
'''

_NOIMPORT = """
import townkpi_fz_missing_dependency  # noqa: F401 - the point: this module does not exist
"""

_BADREG = """
from townkpi import hookimpl


@hookimpl
def townkpi_register_checks():
    raise RuntimeError("the registry is broken")
"""

_BADSIG = """
from townkpi import hookimpl


@hookimpl
def townkpi_register_checks(colour):
    return []
"""

_BADUNIT = """
from townkpi import hookimpl


@hookimpl
def townkpi_add_units():
    return ["fz_widget = [fz_widget = 件件 = (("]
"""

#: (distribution, version, entry-point name, module, source)
PLUGINS = (
    ("fz-noimport", "1.0.1", "fz_noimport", "townkpi_fz_noimport", _NOIMPORT),
    ("fz-badreg", "1.0.2", "fz_badreg", "townkpi_fz_badreg", _BADREG),
    ("fz-badsig", "1.0.3", "fz_badsig", "townkpi_fz_badsig", _BADSIG),
    ("fz-crash", "1.0.4", "fz_crash", "townkpi_fz_crash", _CRASH),
    ("fz-badunit", "1.0.5", "fz_badunit", "townkpi_fz_badunit", _BADUNIT),
    ("fz-good", "2.0.0", "fz_good", "townkpi_fz_good", _GOOD),
)
BROKEN = {name: version for _d, version, name, _m, _s in PLUGINS if name != "fz_good"}


def _install(site: Path) -> None:
    """Write every plugin of PLUGINS into ``site`` as an installed distribution."""
    for dist, version, name, module, source in PLUGINS:
        (site / module).mkdir()
        (site / module / "__init__.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(f"[townkpi]\n{name} = {module}\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path, monkeypatch):
    """The broken and good plugins, installed in a directory on ``sys.path``.

    In this process only their entry points are seen (not those of the sector packs installed
    in the environment, whose units would stay defined for the tests that follow); the tests that
    run a real ``townkpi`` process see every installed plugin.
    """
    path = tmp_path / "site"
    path.mkdir()
    _install(path)
    monkeypatch.syspath_prepend(str(path))

    def only_these(group):
        dists = importlib.metadata.distributions(path=[str(path)])
        return [ep for d in dists for ep in d.entry_points if ep.group == group]

    monkeypatch.setattr(importlib.metadata, "entry_points", only_these)
    yield path
    for _d, _v, _n, module, _s in PLUGINS:
        sys.modules.pop(module, None)


@pytest.fixture
def host(site):
    host = PluginHost.create(entry_points=True)
    host.checks()  # the registration hooks are called when the checks are first asked for
    return host


def _faults(host):
    return {f.plugin: f for f in host.faults if f.plugin in BROKEN}


def test_every_broken_plugin_is_a_fault_with_its_name_and_version(host):
    faults = _faults(host)
    # the crashing check loads fine: it fails only when it runs (see below)
    assert set(faults) == set(BROKEN) - {"fz_crash"}
    for name, fault in faults.items():
        assert fault.version == BROKEN[name]
        assert f"plugin {name} {BROKEN[name]}" in str(fault)
        assert "\n" not in str(fault)


def test_what_each_fault_says(host):
    faults = _faults(host)
    assert "cannot load townkpi_fz_noimport" in faults["fz_noimport"].reason
    assert "townkpi_fz_missing_dependency" in faults["fz_noimport"].reason
    assert faults["fz_badreg"].hook == "townkpi_register_checks"
    assert "RuntimeError: the registry is broken" in faults["fz_badreg"].reason
    assert "colour" in faults["fz_badsig"].reason
    assert faults["fz_badunit"].hook == "townkpi_add_units"


def test_the_good_plugin_and_the_builtins_still_load(host):
    codes = {c.code for c in host.checks()}
    assert {"FZ101", "FZ901", "TK101"} <= codes
    names = {p.name: p.version for p in host.plugins()}
    assert names["fz_good"] == "2.0.0"
    assert names["fz_crash"] == "1.0.4"
    assert "townkpi.checks.rates" in names
    for broken in ("fz_noimport", "fz_badreg", "fz_badsig"):
        assert broken not in names or not any(p.checks for p in host.plugins() if p.name == broken)


def test_a_bad_unit_definition_leaves_the_registry_working(host):
    from townkpi.units import parse_unit  # noqa: PLC0415

    assert parse_unit("万元").factor == 10_000
    report = extract(TEXT)
    assert [str(f.value) for f in report.facts] == ["3户", "70%"]


def test_a_crashing_check_is_an_error_finding_and_the_others_report(host):
    result = check(extract(TEXT, source="tiny.txt"), host=host)
    codes = [f.code for f in result.findings]
    assert "TK101" in codes  # a built-in check: 3 of a whole number of 户 is never 70%
    assert "FZ101" in codes  # the good plugin
    [crash] = result.with_code(CRASH_CODE)
    assert crash.severity == "error"
    assert crash.check == "fz.explodes"
    assert crash.plugin == "fz_crash"
    assert "fz_crash 1.0.4" in crash.message
    assert "FZ901" in crash.message
    assert "KeyError" in crash.message
    assert crash.evidence_dict()["plugin"] == "fz_crash"
    assert crash.evidence_dict()["version"] == "1.0.4"
    assert {f.plugin for f in result.faults} >= set(BROKEN) - {"fz_crash"}


def test_the_command_line_names_every_fault_and_shows_no_traceback(site, tmp_path):
    report = tmp_path / "tiny.txt"
    report.write_text(TEXT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "TOWNKPI_NO_ENTRY_POINTS"}
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-m", "townkpi", "check", str(report), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 1  # TK101 and the crash are errors
    out = json.loads(done.stdout)
    codes = {f["code"] for f in out["findings"]}
    assert {"TK101", "FZ101", CRASH_CODE} <= codes
    lines = done.stderr.splitlines()
    for name, version in BROKEN.items():
        if name == "fz_crash":
            continue
        [line] = [x for x in lines if f"plugin {name} {version}" in x]
        assert line.startswith("townkpi: ")


def test_the_plugins_command_lists_good_plugins_and_names_the_broken(site):
    env = {k: v for k, v in os.environ.items() if k != "TOWNKPI_NO_ENTRY_POINTS"}
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-m", "townkpi", "plugins"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert "fz_good" in done.stdout
    for name, version in BROKEN.items():
        if name != "fz_crash":
            assert f"{name} {version}" in done.stdout + done.stderr
