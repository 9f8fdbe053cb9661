"""``townkpi facts PATH``: read a report and print every figure as a typed fact.

PATH is a report's text: UTF-8 with or without a BOM, GB18030/GBK, or HTML (read with
[`read_document`][townkpi.document.read_document]; offsets refer to the decoded text). Its numbers
are read with [`extract`][townkpi.extract.extract], with the units and phrases that installed
plugins contribute (``--disable-plugin NAME`` leaves one out).

Formats:

- ``table`` (default): one aligned row per fact (id, line:column, the figure as written, kind,
  value, unit, comparator, period, modality, indicator, subject, the fact it refers to), then the
  counts per kind; ``--skipped`` also lists the numbers that are not measurements;
- ``json``: the facts contract (``contract/facts.schema.json``):
  ``{"source", "encoding", "facts": [...], "skipped": [...]}``;
- ``csv``: one row per fact under the contract's columns (qualifiers joined with ``;``), safe to
  open in a spreadsheet.

Exit status: 0, or 2 for bad usage or unreadable input (missing, a directory, binary,
undecodable), with one line on standard error.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from townkpi.model import Report

__all__ = ["FORMATS", "add_parser", "format_table", "run"]

EXIT_OK: Final = 0
#: The output formats.
FORMATS: Final = ("table", "json", "csv")
_HEADERS: Final = (
    "id",
    "at",
    "figure",
    "kind",
    "value",
    "unit",
    "cmp",
    "period",
    "modality",
    "indicator",
    "subject",
    "refers",
)
_MAX_CELL: Final = 24


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``townkpi facts`` to the command line."""
    parser = subparsers.add_parser(
        "facts",
        help="print every figure of a report as a typed fact",
        description=(
            "Read every number of the report at PATH: facts with kind, exact value and unit, "
            "indicator, period, modality and links, and the numbers that are no measurement."
        ),
    )
    parser.add_argument("path", metavar="PATH", help="the report (UTF-8, GB18030/GBK or HTML)")
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: table)"
    )
    parser.add_argument(
        "--year",
        type=int,
        default=None,
        metavar="YEAR",
        help="the year the report reviews, when its text does not say",
    )
    parser.add_argument(
        "--disable-plugin",
        metavar="NAME",
        action="append",
        default=[],
        help="do not load this plugin (repeatable)",
    )
    parser.add_argument(
        "--skipped",
        action="store_true",
        help="with --format table: also list the numbers that are not measurements",
    )
    parser.set_defaults(func=run)


def _cell(value: object) -> str:
    from townkpi.render.display import printable  # noqa: PLC0415 - imported when run

    text = "" if value is None else printable(str(value))
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def _align(rows: list[tuple[str, ...]]) -> list[str]:
    from townkpi.render.display import width  # noqa: PLC0415 - imported when run

    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [c + " " * (w - width(c)) for c, w in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return lines


def format_table(report: Report, *, skipped: bool = False) -> str:
    """The facts of ``report`` as an aligned text table (display widths of Chinese respected).

    Args:
        report: The report.
        skipped: Also list the skipped mentions.

    Returns:
        The table, then a line of counts per kind, ending with a newline.
    """
    rows: list[tuple[str, ...]] = [_HEADERS]
    for f in report.facts:
        at = "" if f.span is None else f"{f.span.line}:{f.span.column}"
        cells = (f.id, at, f.surface or str(f.value), f.kind.value, f.value.text, f.unit,
                 f.comparator.value, f.period, f.modality.value, f.indicator, f.subject,
                 f.refers_to)  # fmt: skip
        rows.append(tuple(_cell(v) for v in cells))
    lines = [f"{report.source}: {len(report.facts)} facts, {len(report.skipped)} skipped"]
    lines += _align(rows)
    counts: dict[str, int] = {}
    for f in report.facts:
        counts[f.kind.value] = counts.get(f.kind.value, 0) + 1
    lines.append("kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(counts.items())))
    if skipped and report.skipped:
        lines += ["", "skipped:"]
        skips: list[tuple[str, ...]] = [("at", "text", "reason")]
        skips += [
            (f"{s.span.line}:{s.span.column}", _cell(s.surface), s.reason) for s in report.skipped
        ]
        lines += _align(skips)
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Run ``townkpi facts``."""
    from townkpi.document import read_document  # noqa: PLC0415 - heavy imports only when run
    from townkpi.extract import extract  # noqa: PLC0415
    from townkpi.plugins import default_host  # noqa: PLC0415

    document = read_document(args.path)
    host = default_host(tuple(args.disable_plugin))
    report = extract(document, options=host.extract_options(year=args.year))
    for fault in host.faults:
        print(f"townkpi: {fault}", file=sys.stderr)
    if args.format == "json":
        import json  # noqa: PLC0415

        from townkpi.serialize import report_to_dict  # noqa: PLC0415

        text = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        from townkpi.render.csv import facts_csv  # noqa: PLC0415

        text = facts_csv(report)
    else:
        text = format_table(report, skipped=args.skipped)
    sys.stdout.write(text)
    return EXIT_OK
