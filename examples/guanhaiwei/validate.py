"""Validate the Guanhaiwei 2023 work report: facts, findings, targets and an HTML report.

    python examples/guanhaiwei/validate.py [--html PATH] [--actuals FILE] [--no-targets]

1. reads ``report.txt`` and extracts every figure as a typed fact (``townkpi.load``);
2. prints the facts as a table: where each stands, what it measures, and the interval of true
   values its written precision allows;
3. runs every check (``townkpi.check``) and prints the findings, compiler-style, with the
   figures underlined in their sentence and the evidence;
4. scores the report's 2024 targets against ``actuals-2024.toml``. Those actual figures are
   ILLUSTRATIVE: made up to show every outcome, not taken from any report or statistics office;
5. writes the whole as one self-contained HTML page (default ``out/report.html`` beside this
   script) and prints where.

``make demo`` runs it. The same through the command line:

    townkpi facts examples/guanhaiwei/report.txt
    townkpi check examples/guanhaiwei/report.txt --format html --output report.html
        --actuals examples/guanhaiwei/actuals-2024.toml   (on one line)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import townkpi
from townkpi.plugins import default_host
from townkpi.render import render_html, render_text
from townkpi.render.display import printable, width
from townkpi.targets import Scorecard, catalog_resolver, load_actuals, score, targets_from_report

HERE = Path(__file__).resolve().parent
REPORT = HERE / "report.txt"
ACTUALS = HERE / "actuals-2024.toml"
DEFAULT_HTML = HERE / "out" / "report.html"
#: Columns of the facts table.
COLUMNS = ("id", "line:col", "figure", "kind", "indicator", "true value in", "period", "modality")


def _shorten(text: str, limit: int) -> str:
    text = printable(text)
    while width(text) > limit:
        text = text[:-2] + "…"
    return text


def facts_table(report: townkpi.Report) -> str:
    """Every fact as an aligned text table, one row each."""
    rows = []
    for f in report.facts:
        where = "" if f.span is None else f"{f.span.line}:{f.span.column}"
        unit = f" {f.unit}" if f.unit else ""
        rows.append(
            (
                f.id,
                where,
                _shorten(f.surface or str(f.value), 14),
                f.kind.value,
                _shorten(f.indicator or "", 18),
                f"{f.interval}{unit}",
                "" if f.period is None else str(f.period),
                f.modality.value,
            )
        )
    widths = [max(width(r[c]) for r in (COLUMNS, *rows)) for c in range(len(COLUMNS))]
    lines = [
        "  ".join(cell + " " * (w - width(cell)) for cell, w in zip(row, widths, strict=True))
        for row in (COLUMNS, *rows)
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def scorecard(report: townkpi.Report, actuals: Path) -> Scorecard:
    """The report's targets scored against an actuals file (CSV or TOML)."""
    table = load_actuals(actuals)
    for problem in table.problems:
        print(f"{actuals.name}: {problem.code} {problem}", file=sys.stderr)
    notes = [f"{actuals.name}: {table.note}"] if table.note else []
    return score(
        targets_from_report(report),
        table.facts,
        resolve=catalog_resolver(default_host().catalog()),
        plan=REPORT.name,
        sources=[actuals.name],
        illustrative=table.illustrative,
        notes=notes,
    )


def main(argv: list[str] | None = None) -> int:
    """Run the example; returns 0 (the findings are the result, not a failure)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=DEFAULT_HTML, help="where to write the page")
    parser.add_argument("--actuals", type=Path, default=ACTUALS, help="actual figures to score")
    parser.add_argument("--no-targets", action="store_true", help="do not score the targets")
    args = parser.parse_args(argv)

    report = townkpi.load(os.path.relpath(REPORT))  # a relative path names the source briefly
    result = townkpi.check(report)
    card = None if args.no_targets else scorecard(report, args.actuals)
    color = sys.stdout.isatty()

    print(f"== {len(report.facts)} facts of {REPORT.name} ({len(report.skipped)} numbers skipped)")
    print(facts_table(report))
    print("== findings" + ("" if card is None else " and the targets scorecard"))
    print(render_text(report, result, scorecard=card, color=color))

    args.html.parent.mkdir(parents=True, exist_ok=True)
    args.html.write_text(render_html(report, result, scorecard=card), encoding="utf-8")
    print(f"== wrote {os.path.relpath(args.html)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
