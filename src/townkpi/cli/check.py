"""``townkpi check PATH``: run the consistency checks and print the findings.

PATH is a report's text (read with ``townkpi.extract``) or a table of facts (``.json`` as printed
by ``townkpi facts --format json``, ``.csv``, ``.toml``, ``.sqlite``). The checks come from every
plugin; ``--select``/``--ignore`` choose them by code, code prefix, dotted name or group, on top of
the configuration (``[tool.townkpi]`` of ``pyproject.toml`` or a ``townkpi.toml``, found from the
working directory upwards, or given with ``--config``).

Formats: ``text`` (one finding per line as ``PATH:LINE:COLUMN: CODE severity message``, then its
evidence), ``json`` (the contract of ``contract/check.schema.json``).

Exit status: 0 when no finding is at or above ``--fail-on`` (default: error), 1 when one is, 2 for
bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from townkpi.findings import CheckResult, Finding

__all__ = ["add_parser", "run"]

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_USAGE: Final = 2
_SEVERITIES: Final = ("error", "warning", "info")


def _codes(values: list[str]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``townkpi check`` to the command line."""
    parser = subparsers.add_parser(
        "check",
        help="run the consistency checks and print the findings",
        description=(
            "Run every check contributed by a plugin over PATH (a report, or a table of facts) "
            "and print the figures that cannot all be true, with the evidence."
        ),
    )
    parser.add_argument("path", metavar="PATH", help="the report or table of facts to check")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--select",
        metavar="CODE",
        action="append",
        default=[],
        help="run only these checks: codes, code prefixes, names or groups (repeatable, or a,b)",
    )
    parser.add_argument(
        "--ignore",
        metavar="CODE",
        action="append",
        default=[],
        help="do not run these checks (repeatable, or a,b)",
    )
    parser.add_argument(
        "--fail-on",
        choices=_SEVERITIES,
        default=None,
        help="exit with 1 when a finding is at least this severe (default: error)",
    )
    parser.add_argument(
        "--config", metavar="FILE", default=None, help="a townkpi.toml or pyproject.toml"
    )
    parser.add_argument(
        "--disable-plugin",
        metavar="NAME",
        action="append",
        default=[],
        help="do not load this plugin (repeatable)",
    )
    parser.set_defaults(func=run)


def _location(path: str, finding: Finding) -> str:
    if finding.spans:
        span = finding.spans[0]
        return f"{path}:{span.line}:{span.column}"
    if finding.records:
        return f"{path}:{finding.records[0]}"
    return path


def _evidence_line(finding: Finding) -> str:
    parts = []
    for e in finding.evidence:
        value = ", ".join(e.value) if isinstance(e.value, tuple) else e.value
        parts.append(f"{e.name}={value}")
    return "    evidence: " + "; ".join(parts) if parts else ""


def render_text(result: CheckResult) -> str:
    """The findings as plain text: one line per finding, its evidence, and a summary."""
    lines = [f"{result.source}: plugin fault: {fault}" for fault in result.faults]
    for f in result.findings:
        lines.append(f"{_location(result.source, f)}: {f.code} {f.severity.value} {f.message}")
        evidence = _evidence_line(f)
        if evidence:
            lines.append(evidence)
        if f.suggestion:
            lines.append(f"    suggestion: {f.suggestion}")
    counts = result.counts
    summary = ", ".join(f"{counts[s]} {s}" for s in _SEVERITIES)
    lines.append(f"{result.source}: {len(result.findings)} finding(s): {summary}")
    return "\n".join(lines) + "\n"


def render_json(result: CheckResult) -> str:
    """The result as the JSON object of ``contract/check.schema.json``."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    """Run ``townkpi check``."""
    from townkpi.config import load_config  # noqa: PLC0415 - heavy imports only when run
    from townkpi.findings import Severity  # noqa: PLC0415
    from townkpi.loading import load  # noqa: PLC0415
    from townkpi.run import check  # noqa: PLC0415

    config = load_config(args.config).overridden(
        select=_codes(args.select) or None,
        ignore=_codes(args.ignore),
        fail_on=None if args.fail_on is None else Severity(args.fail_on),
        disabled_plugins=args.disable_plugin,
    )
    report = load(args.path)
    result = check(report, config=config)
    result = type(result)(source=str(args.path), findings=result.findings, faults=result.faults)
    out = render_json(result) if args.format == "json" else render_text(result)
    sys.stdout.write(out)
    for fault in result.faults:
        print(f"townkpi: {fault}", file=sys.stderr)
    return EXIT_FINDINGS if result.fails(config.fail_on) else EXIT_OK
