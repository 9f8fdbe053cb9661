"""Compiler-style text: each finding with its sentence, the figures underlined, and the evidence.

The default output of ``townkpi check``:

```text
report.txt:12:5: TK101 error: 拆迁 3户 at a rate of 70%: … cannot both be right
   |
12 | 拆迁3户，完成率70%。
   |     ^~~        ^~~
   = rate_interval=[69.5, 70.5)
   = nearest_totals=4, 5

report.txt: 1 error, 0 warnings, 0 info (2 facts, 0 skipped numbers)
```

The first line of a finding is ``PATH:LINE:COLUMN: CODE severity: message`` (a finding about
facts from a table names their rows instead of a line and column), so editors and terminals can
jump to it; evidence lines are ``name=value``.

Colour comes from [rich](https://rich.readthedocs.io/) when ``color=True`` and rich is installed
(the ``rich`` extra); otherwise, and always when writing to a file, the output is plain text.
Text from the report is printed with its control characters replaced (see
[`printable`][townkpi.render.display.printable]), so a report cannot send escape sequences to
the terminal.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from townkpi.findings import CheckResult, Finding, Severity
from townkpi.model import Report
from townkpi.render.display import printable, width
from townkpi.render.scorecard import scorecard_rows
from townkpi.render.snippet import snippet

if TYPE_CHECKING:
    from townkpi.targets import Scorecard

__all__ = ["STYLES", "has_rich", "render_text", "summary_line"]

#: A piece of a line: its text and a rich style (None for plain).
Piece = tuple[str, str | None]
Line = list[Piece]

STYLES: Final = {
    "error": "bold red",
    "warning": "bold yellow",
    "info": "bold cyan",
    "message": "bold",
    "location": "bold",
    "gutter": "bold blue",
    "evidence": "cyan",
    "summary": "bold",
    "met": "green",
    "missed": "red",
    "undecidable": "yellow",
    "no-actual": "dim",
}
"""The rich style of each part of the output."""


def has_rich() -> bool:
    """Whether rich can be imported (the ``rich`` extra)."""
    try:
        import rich  # noqa: F401, PLC0415 - optional extra, probed only
    except ImportError:
        return False
    return True


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def summary_line(report: Report, result: CheckResult) -> str:
    """``report.txt: 1 error, 2 warnings, 3 info (41 facts, 12 skipped numbers)``."""
    counts = result.counts
    found = ", ".join(_plural(counts[s.value], s.value) for s in Severity)
    numbers = f"{_plural(len(report.facts), 'fact')}, {len(report.skipped)} skipped numbers"
    return f"{printable(result.source)}: {found} ({numbers})"


def _context(report: Report, finding: Finding) -> tuple[int, int] | None:
    index = report.index()
    sentences = [
        index[i].sentence for i in finding.facts if i in index and index[i].sentence is not None
    ]
    if not sentences:
        return None
    return min(s.start for s in sentences if s), max(s.end for s in sentences if s)


def _where(source: str, finding: Finding) -> str:
    if finding.spans:
        return f"{source}:{finding.spans[0].line}:{finding.spans[0].column}"
    if finding.records:
        return f"{source}:{', '.join(finding.records)}"
    return source


def _finding_lines(report: Report, source: str, finding: Finding) -> list[Line]:
    sev = finding.severity.value
    lines: list[Line] = [
        [
            (printable(_where(source, finding)), STYLES["location"]),
            (": ", None),
            (f"{printable(finding.code)} {sev}", STYLES[sev]),
            (": ", None),
            (printable(finding.message), STYLES["message"]),
        ]
    ]
    shown = snippet(report.text, finding.spans, _context(report, finding))
    gutter = max((len(str(s.line)) for s in shown), default=1)
    if shown:
        lines.append([(" " * (gutter + 1) + "|", STYLES["gutter"])])
    for s in shown:
        lines.append([(f"{s.line:>{gutter}} | ", STYLES["gutter"]), (s.text, None)])
        lines.append([(" " * (gutter + 1) + "| ", STYLES["gutter"]), (s.underline(), STYLES[sev])])
    pad = " " * (gutter + 1)
    for e in finding.evidence:
        value = ", ".join(e.value) if isinstance(e.value, tuple) else e.value
        lines.append([(f"{pad}= ", STYLES["gutter"]), (f"{e.name}=", STYLES["evidence"])])
        lines[-1].append((printable(value), None))
    if finding.suggestion:
        lines.append([(f"{pad}= ", STYLES["gutter"]), ("suggestion=", STYLES["evidence"])])
        lines[-1].append((printable(finding.suggestion), None))
    return lines


def _scorecard_lines(card: Scorecard) -> list[Line]:
    rows = scorecard_rows(card)
    title = f"Targets of {card.plan or 'the plan'} against {', '.join(card.actuals) or 'nothing'}"
    lines: list[Line] = [[(printable(title), STYLES["summary"])]]
    if card.illustrative:
        lines.append([("ILLUSTRATIVE: some actuals are made up for the example.", "bold yellow")])
    cells = [
        (str(r.number), r.indicator, r.strength, r.rule, r.actual, r.status, r.margin) for r in rows
    ]
    header = ("#", "target", "strength", "rule", "actual", "status", "margin")
    clean = [tuple(printable(c) for c in row) for row in cells]
    widths = [max(width(r[c]) for r in (header, *clean)) for c in range(len(header))]
    for row in (header, *clean):
        line: Line = []
        for c, (cell, w) in enumerate(zip(row, widths, strict=True)):
            style = STYLES.get(cell) if c == len(header) - 2 and row is not header else None
            line.append(
                (cell + " " * (w - width(cell)) + ("  " if c < len(row) - 1 else ""), style)
            )
        lines.append(line)
    counts = card.counts()
    lines.append([(", ".join(f"{n} {status}" for status, n in counts.items()), STYLES["summary"])])
    return lines


def _plain(lines: Sequence[Line]) -> str:
    return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)


def _rich(lines: Sequence[Line]) -> str:
    from rich.console import Console  # noqa: PLC0415 - optional extra
    from rich.text import Text  # noqa: PLC0415

    buf = io.StringIO()
    console = Console(
        file=buf, force_terminal=True, color_system="standard", width=100_000, highlight=False
    )
    for line in lines:
        text = Text(no_wrap=True, overflow="ignore")
        for piece, style in line:
            text.append(piece, style=style or "")
        text.rstrip()
        console.print(text, soft_wrap=True)
    return buf.getvalue()


def render_text(
    report: Report, result: CheckResult, *, scorecard: Scorecard | None = None, color: bool = False
) -> str:
    """The findings as compiler-style text, then the scorecard, then a summary line.

    Args:
        report: The report that was checked (its text gives the sentences shown).
        result: The findings.
        scorecard: The targets scorecard, if targets were scored.
        color: Colour with rich (ignored when rich is not installed).

    Returns:
        The text, ending with a newline.
    """
    lines: list[Line] = []
    for finding in result.findings:
        lines.extend(_finding_lines(report, result.source, finding))
        lines.append([])
    lines.extend(
        [("warning", STYLES["warning"]), (f": {printable(str(fault))}", None)]
        for fault in result.faults
    )
    if result.faults:
        lines.append([])
    if scorecard is not None:
        lines.extend(_scorecard_lines(scorecard))
        lines.append([])
    worst = result.worst
    style = STYLES[worst.value] if worst is not None and worst is not Severity.INFO else "green"
    lines.append([(summary_line(report, result), style)])
    return _rich(lines) if color and has_rich() else _plain(lines)
