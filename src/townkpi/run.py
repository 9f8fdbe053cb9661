"""Running the checks over a report.

[`check`][townkpi.run.check] runs them and returns a [`CheckResult`][townkpi.findings.CheckResult].

Every check contributed by a plugin runs on the report unless the configuration deselects it. A
check that raises does not stop the run: it becomes one error finding with the code
[`CRASH_CODE`][townkpi.run.CRASH_CODE] that names the plugin and the check, and the other checks
still run. Severity overrides from the configuration are applied to every finding.

Examples:
    >>> from townkpi.model import Fact, FactKind, Report, Value
    >>> report = Report(
    ...     source="example",
    ...     facts=[
    ...         Fact(id="f1", kind=FactKind.AMOUNT, value=Value.parse("169户"), indicator="拆迁"),
    ...         Fact(
    ...             id="f2",
    ...             kind=FactKind.RATE,
    ...             value=Value.parse("98.5%"),
    ...             indicator="完成率",
    ...             refers_to="f1",
    ...         ),
    ...     ],
    ... )
    >>> [f.code for f in check(report).findings if f.severity == "error"]
    ['TK101']
"""

from __future__ import annotations

from typing import Final

import attrs

from townkpi.checks.base import CheckContext
from townkpi.config import Config, ConfigError
from townkpi.findings import CheckResult, Evidence, Finding, Severity
from townkpi.model import Report
from townkpi.plugins import PluginHost, default_host

__all__ = ["CRASH_CHECK", "CRASH_CODE", "check"]

CRASH_CODE: Final = "TK000"
"""The code of the finding that reports a check which raised an exception."""
CRASH_CHECK: Final = "townkpi.run.crashed"
"""The check name of that finding's origin when the check itself cannot be named."""


def _crash(
    check_code: str, check_name: str, plugin: str | None, version: str | None, exc: Exception
) -> Finding:
    detail = str(exc).strip().splitlines()
    reason = f"{type(exc).__name__}: {detail[0]}" if detail else type(exc).__name__
    owner = plugin or "unknown plugin"
    label = owner if version is None else f"{owner} {version}"
    return Finding(
        code=CRASH_CODE,
        check=check_name or CRASH_CHECK,
        severity=Severity.ERROR,
        message=(
            f"check {check_code} ({check_name}) of plugin {label} crashed with {reason}; "
            "its findings on this report are incomplete, the other checks ran"
        ),
        evidence=(
            Evidence(name="plugin", value=owner),
            *(() if version is None else (Evidence(name="version", value=version),)),
            Evidence(name="check", value=check_code),
            Evidence(name="exception", value=reason),
        ),
        plugin=plugin,
    )


def check(
    report: Report, *, config: Config | None = None, host: PluginHost | None = None
) -> CheckResult:
    """Run every selected check on a report.

    Args:
        report: The report (from text or from records).
        config: Selection, severities and options (default: every check, default severities).
        host: The plugins to use (default: the shared host, with the configuration's disabled
            plugins blocked).

    Returns:
        Every finding, in text order, and the faults of plugins that could not be loaded.

    Raises:
        ConfigError: A check is configured with an option it does not declare, or of the wrong type.
    """
    config = config or Config()
    if host is None:
        host = default_host(tuple(sorted(set(config.disabled_plugins))))
    host.configure(config)
    ctx = CheckContext(report=report, catalog=host.catalog())
    found: list[Finding] = []
    for cls in host.checks():
        if not config.selects(cls.code, cls.name, cls.groups):
            continue
        plugin = host.plugin_of(cls)
        try:
            instance = cls(config.check_options(cls.code))
        except ValueError as exc:
            raise ConfigError(config.source or "<config>", f"checks.{cls.code}: {exc}") from exc
        try:
            for finding in instance.check(ctx):
                if finding.code != cls.code and not config.selects(finding.code):
                    continue
                found.append(
                    attrs.evolve(
                        finding,
                        severity=config.severity_for(finding.code, finding.severity),
                        plugin=plugin,
                    )
                )
        except Exception as exc:  # a crashing check becomes a finding
            version = None if plugin is None else host.version_of(plugin)
            crash = _crash(cls.code, cls.name, plugin, version, exc)
            found.append(
                attrs.evolve(crash, severity=config.severity_for(CRASH_CODE, crash.severity))
            )
    return CheckResult(source=report.source, findings=found, faults=host.faults)
