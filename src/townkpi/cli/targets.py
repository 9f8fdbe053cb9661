"""``townkpi targets PLAN --actuals LATER_REPORT_OR_FILE``: score a plan's targets.

The plan is a report (text, or a table of records such as ``townkpi facts --format json``); its
target facts become targets. Each ``--actuals`` source (repeatable) is an actuals file (``.csv``
or ``.toml``, see [`townkpi.targets.actuals`][townkpi.targets.actuals]), a table of records, or a
later report whose actual figures are used. The scorecard lists every target with its rule, the
actual it was matched to, the status (met, missed, undecidable, no-actual) and the margin, as an
aligned text table, JSON (stable keys) or CSV.

Exit status: 0 when the scorecard was printed, whatever the targets' status (it is a scorecard,
not a check); 2 for input that cannot be read, and also when some rows of an actuals file could
not be read (the scorecard of the other rows is printed first, and each bad row is named on
stderr).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

if TYPE_CHECKING:
    from townkpi.model import Fact
    from townkpi.records import RecordProblem
    from townkpi.targets import Scorecard, ScorecardEntry

__all__ = ["add_parser", "run"]

EXIT_OK: Final = 0
EXIT_USAGE: Final = 2
_ACTUALS_SUFFIXES: Final = (".csv", ".toml")
_ILLUSTRATIVE: Final = (
    "ILLUSTRATIVE: the actual figures marked * are illustrative, not taken from a real report."
)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``townkpi targets`` to the command line."""
    parser = subparsers.add_parser(
        "targets",
        help="score a plan's targets against actual figures",
        description=(
            "Build the targets of PLAN (a report, or a table of facts) and score each against "
            "the actual figures of the --actuals sources: met, missed, undecidable (the actual's "
            "rounding interval straddles the bound) or no-actual."
        ),
    )
    parser.add_argument("plan", metavar="PLAN", help="the report whose targets to score")
    parser.add_argument(
        "--actuals",
        metavar="SOURCE",
        action="append",
        default=[],
        help=(
            "an actuals file (.csv, .toml), a table of records (.json, .sqlite) or a later "
            "report; repeat to combine sources"
        ),
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="output format (default: text)",
    )
    parser.set_defaults(func=run)


def _read_actuals(
    source: str,
) -> tuple[tuple[Fact, ...], tuple[RecordProblem, ...], bool, str]:
    from townkpi.loading import load  # noqa: PLC0415 - heavy imports only when run
    from townkpi.targets import load_actuals  # noqa: PLC0415

    if Path(source).suffix.lower() in _ACTUALS_SUFFIXES:
        table = load_actuals(source)
        # name the file in each fact's record, so that an actual says where it came from
        facts = tuple(attrs.evolve(f, record=f"{source} {f.location}") for f in table.facts)
        return facts, table.problems, table.illustrative, table.note
    report = load(source)
    return report.facts, (), False, ""


def run(args: argparse.Namespace) -> int:
    """Run ``townkpi targets``; returns the exit status."""
    from townkpi.loading import load  # noqa: PLC0415 - heavy imports only when run
    from townkpi.plugins import default_host  # noqa: PLC0415
    from townkpi.targets import catalog_resolver, score, targets_from_report  # noqa: PLC0415

    plan = load(args.plan)
    facts: list[Fact] = []
    problems: list[tuple[str, RecordProblem]] = []
    notes: list[str] = []
    illustrative: list[str] = []
    for source in args.actuals:
        found, bad, is_illustrative, note = _read_actuals(source)
        facts.extend(found)
        problems.extend((source, p) for p in bad)
        if is_illustrative:
            illustrative.append(source)
        if note:
            notes.append(f"{source}: {note}")
    card = score(
        targets_from_report(plan),
        facts,
        resolve=catalog_resolver(default_host().catalog()),
        plan=args.plan,
        sources=args.actuals,
        illustrative=bool(illustrative),
        notes=notes,
    )
    out = {"text": _text, "json": _json, "csv": _csv}[args.format](
        _Output(card=card, problems=problems, illustrative=tuple(illustrative))
    )
    sys.stdout.write(out)
    for source, problem in problems:
        print(f"townkpi: {problem.code} {source}: {problem}", file=sys.stderr)
    return EXIT_USAGE if problems else EXIT_OK


# ---------------------------------------------------------------- formatting


@attrs.frozen(slots=True, kw_only=True)
class _Output:
    """What is printed: the scorecard, the bad rows, and the sources of illustrative figures."""

    card: Scorecard
    problems: list[tuple[str, RecordProblem]]
    illustrative: tuple[str, ...]

    def is_illustrative(self, entry: ScorecardEntry) -> bool:
        """Whether the entry's actual came from an illustrative source."""
        a = entry.actual
        return a is not None and any((a.source or "").startswith(s) for s in self.illustrative)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in {"W", "F"} else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _margin(entry: ScorecardEntry) -> str:
    from townkpi.interval import format_fraction  # noqa: PLC0415

    o = entry.outcome
    if o is None or o.margin is None:
        return ""
    m, unit = o.margin, o.margin_unit or ""
    if m.is_point:
        assert m.lower is not None
        sign = "+" if m.lower > 0 else ""
        return f"{sign}{format_fraction(m.lower)}{unit}"
    ends = [
        "-inf" if m.lower is None else format_fraction(m.lower, places=4),
        "inf" if m.upper is None else format_fraction(m.upper, places=4),
    ]
    left, right = "[" if m.lower_closed else "(", "]" if m.upper_closed else ")"
    return f"{left}{ends[0]}, {ends[1]}{right} {unit}".rstrip()


def _actual(entry: ScorecardEntry, *, illustrative: bool) -> str:
    a = entry.actual
    if a is None:
        return "—"
    text = f"{a.text} (derived)" if len(a.facts) > 1 else a.text
    return f"{text} *" if illustrative else text


def _text(output: _Output) -> str:
    card, problems = output.card, output.problems
    lines: list[str] = []
    against = ", ".join(card.actuals) or "no actuals"
    lines.append(f"Targets of {card.plan} scored against {against}")
    if card.illustrative:
        lines.append(_ILLUSTRATIVE)
    lines.extend(f"  {note}" for note in card.notes)
    lines.append("")
    header = ("#", "target", "strength", "rule", "actual", "status", "margin")
    rows = [
        (
            str(i),
            e.target.indicator or "?",
            "" if e.target.strength.value == "none" else e.target.strength.value,
            e.target.describe_bound(),
            _actual(e, illustrative=output.is_illustrative(e)),
            e.status,
            _margin(e),
        )
        for i, e in enumerate(card.entries, start=1)
    ]
    widths = [max(_width(r[c]) for r in (header, *rows)) for c in range(len(header))]
    lines.extend(
        "  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in (header, *rows)
    )
    counts = card.counts()
    lines.append("")
    lines.append(", ".join(f"{n} {status}" for status, n in counts.items()))
    details = [(i, e) for i, e in enumerate(card.entries, start=1) if e.status != "met" or e.note]
    if details:
        lines.append("")
        for i, e in details:
            text = e.outcome.message if e.outcome is not None else ""
            parts = [p for p in (text, e.note) if p]
            lines.append(f"{i:>{widths[0]}}. {e.target.indicator or '?'}: {'; '.join(parts)}")
    if problems:
        lines.append("")
        lines.append(f"{len(problems)} rows of the actuals could not be read (see stderr)")
    return "\n".join(lines) + "\n"


def _json(output: _Output) -> str:
    from townkpi.targets import scorecard_to_dict  # noqa: PLC0415

    data = scorecard_to_dict(output.card)
    for entry, item in zip(output.card.entries, data["targets"], strict=True):
        if item["actual"] is not None:
            item["actual"]["illustrative"] = output.is_illustrative(entry)
    data["problems"] = [
        {
            "source": source,
            "code": p.code,
            "row": p.row,
            "column": p.column,
            "reason": p.reason,
        }
        for source, p in output.problems
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_CSV_COLUMNS: Final = (
    "id",
    "indicator",
    "subject",
    "period",
    "kind",
    "strength",
    "comparator",
    "bound",
    "unit",
    "rule",
    "surface",
    "status",
    "actual",
    "actual_interval",
    "actual_unit",
    "actual_source",
    "margin",
    "margin_unit",
    "reason",
    "message",
    "note",
    "illustrative",
)


def _csv(output: _Output) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for e in output.card.entries:
        t, o = e.target, e.outcome
        a = None if o is None else o.actual
        writer.writerow(
            (
                t.id,
                t.indicator or "",
                t.subject or "",
                "" if t.period is None else str(t.period),
                t.kind.value,
                t.strength.value,
                t.comparator.value,
                str(t.bound),
                t.unit or "",
                t.describe_bound(),
                t.surface,
                e.status,
                "" if a is None else a.text,
                "" if a is None else str(a.interval),
                "" if a is None else a.unit or "",
                "" if a is None else a.source or "",
                "" if o is None or o.margin is None else str(o.margin),
                "" if o is None else o.margin_unit or "",
                "" if o is None or o.reason is None else o.reason.value,
                "" if o is None else o.message,
                e.note,
                "true" if output.is_illustrative(e) else "false",
            )
        )
    return buf.getvalue()
