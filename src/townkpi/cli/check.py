"""``townkpi check PATH``: run the consistency checks and print the findings.

PATH is a report's text (read with ``townkpi.extract``) or a table of facts (``.json`` as printed
by ``townkpi facts --format json``, ``.csv``, ``.toml``, ``.sqlite``). The checks come from every
plugin; ``--select``/``--ignore`` choose them by code, code prefix, dotted name or group, on top of
the configuration (``[tool.townkpi]`` of ``pyproject.toml`` or a ``townkpi.toml``, found from the
working directory upwards, or given with ``--config``).

Formats (rendered by [`townkpi.render`][townkpi.render]): ``text`` (compiler-style: for each
finding ``PATH:LINE:COLUMN: CODE severity: message``, its sentence with the figures underlined, and
its evidence; coloured when printed to a terminal and rich is installed), ``json`` (the contract of
``contract/check.schema.json``), ``csv``, ``sarif`` (SARIF 2.1.0) and ``html`` (one self-contained
page). ``--output FILE`` writes to a file instead of standard output. ``--actuals SOURCE`` also
scores the report's targets against actual figures (as ``townkpi targets`` does) and adds the
scorecard to the text, JSON and HTML output.

Exit status: 0 when no finding is at or above ``--fail-on`` (default: error), 1 when one is, 2 for
bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from townkpi.model import Fact, Report
    from townkpi.targets import Scorecard

__all__ = ["add_parser", "run"]

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_USAGE: Final = 2
_SEVERITIES: Final = ("error", "warning", "info")
#: The output formats (``townkpi.render.FORMATS``, repeated so that start-up imports nothing).
FORMATS: Final = ("text", "json", "csv", "sarif", "html")
_ACTUALS_SUFFIXES: Final = (".csv", ".toml")


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
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        default=None,
        help="write the output to FILE (UTF-8) instead of standard output",
    )
    parser.add_argument(
        "--actuals",
        metavar="SOURCE",
        action="append",
        default=[],
        help=(
            "also score the report's targets against this actuals file (.csv, .toml), table or "
            "later report, and show the scorecard (repeatable)"
        ),
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


def _scorecard(report: Report, path: str, sources: list[str]) -> Scorecard:
    """The report's targets scored against the actuals of ``sources``."""
    from townkpi.errors import InputError  # noqa: PLC0415 - heavy imports only when run
    from townkpi.loading import load  # noqa: PLC0415
    from townkpi.plugins import default_host  # noqa: PLC0415
    from townkpi.targets import (  # noqa: PLC0415
        catalog_resolver,
        load_actuals,
        score,
        targets_from_report,
    )

    facts: list[Fact] = []
    notes: list[str] = []
    illustrative = False
    for source in sources:
        if Path(source).suffix.lower() in _ACTUALS_SUFFIXES:
            table = load_actuals(source)
            if table.problems:
                first = table.problems[0]
                raise InputError(
                    source,
                    f"{len(table.problems)} row(s) of the actuals cannot be read, first: "
                    f"{first.code} {first}; `townkpi targets` names them all",
                )
            facts.extend(table.facts)
            illustrative = illustrative or table.illustrative
            if table.note:
                notes.append(f"{source}: {table.note}")
        else:
            facts.extend(load(source).facts)
    return score(
        targets_from_report(report),
        facts,
        resolve=catalog_resolver(default_host().catalog()),
        plan=path,
        sources=sources,
        illustrative=illustrative,
        notes=notes,
    )


def _write(text: str, output: str | None) -> None:
    from townkpi.errors import InputError  # noqa: PLC0415

    if output is None:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(output, f"cannot write the output: {exc.strerror or exc}") from exc


def run(args: argparse.Namespace) -> int:
    """Run ``townkpi check``."""
    from townkpi.config import load_config  # noqa: PLC0415 - heavy imports only when run
    from townkpi.findings import Severity  # noqa: PLC0415
    from townkpi.loading import load_result  # noqa: PLC0415
    from townkpi.plugins import default_host  # noqa: PLC0415
    from townkpi.records import problem_findings  # noqa: PLC0415
    from townkpi.render import render  # noqa: PLC0415
    from townkpi.run import check  # noqa: PLC0415

    config = load_config(args.config).overridden(
        select=_codes(args.select) or None,
        ignore=_codes(args.ignore),
        fail_on=None if args.fail_on is None else Severity(args.fail_on),
        disabled_plugins=args.disable_plugin,
    )
    host = default_host(tuple(sorted(set(config.disabled_plugins))))
    # a table's bad rows become TK9xx errors, always reported; text is read with the plugins' units
    loaded = load_result(args.path, options=host.extract_options())
    report = loaded.report
    result = check(report, config=config)
    findings = (*result.findings, *problem_findings(loaded.problems))
    result = type(result)(source=str(args.path), findings=findings, faults=result.faults)
    card = _scorecard(report, str(args.path), args.actuals) if args.actuals else None
    color = (
        args.format == "text"
        and args.output is None
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )
    _write(render(args.format, report, result, scorecard=card, color=color), args.output)
    for fault in result.faults:
        print(f"townkpi: {fault}", file=sys.stderr)
    return EXIT_FINDINGS if result.fails(config.fail_on) else EXIT_OK
