"""Findings and facts as CSV, safe to open in a spreadsheet.

[`render_csv`][townkpi.render.csv.render_csv] writes one row per finding
(``townkpi check --format csv``); [`facts_csv`][townkpi.render.csv.facts_csv] writes one row per
fact, with the columns of the facts JSON contract.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and some
treat a leading tab or carriage return the same way), so a report containing ``=HYPERLINK(…)``
could act when its CSV is opened. Every such cell is neutralised with a leading ``'``
([`neutralize`][townkpi.render.csv.neutralize]); a plain signed decimal number such as ``-8.7``
is no formula and stays as it is, so that numbers remain numbers.

Examples:
    >>> neutralize("=1+1"), neutralize("-8.7"), neutralize("@SUM(A1)"), neutralize("131.5")
    ("'=1+1", '-8.7', "'@SUM(A1)", '131.5')
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

from townkpi.findings import CheckResult, Finding
from townkpi.model import Report
from townkpi.serialize import fact_to_dict

if TYPE_CHECKING:
    from townkpi.targets import Scorecard

__all__ = ["FACT_COLUMNS", "FINDING_COLUMNS", "facts_csv", "neutralize", "render_csv"]

FINDING_COLUMNS: Final = (
    "source",
    "code",
    "severity",
    "check",
    "message",
    "line",
    "column",
    "start",
    "end",
    "spans",
    "figures",
    "facts",
    "evidence",
    "records",
    "suggestion",
    "plugin",
)
"""The columns of ``townkpi check --format csv``."""

FACT_COLUMNS: Final = (
    "id",
    "start",
    "end",
    "line",
    "column",
    "surface",
    "kind",
    "value",
    "unit",
    "lower",
    "upper",
    "lower_closed",
    "upper_closed",
    "comparator",
    "indicator",
    "subject",
    "period",
    "modality",
    "qualifiers",
    "refers_to",
    "record",
)
"""The columns of the facts CSV: the facts contract's keys, qualifiers joined with ``;``."""

_TRIGGERS: Final = frozenset("=+-@\t\r")
_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def neutralize(cell: str) -> str:
    """A cell that a spreadsheet will not run as a formula.

    A cell starting with ``= + - @``, a tab or a carriage return gets a leading ``'``, unless it
    is a plain signed decimal number.
    """
    if cell and cell[0] in _TRIGGERS and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralize(str(value))


def _write(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buf = io.StringIO()
    # RFC 4180 line ends: with "\r\n" as the terminator, a cell holding a bare "\r" is quoted too.
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return buf.getvalue()


def _finding_row(report: Report, finding: Finding) -> tuple[object, ...]:
    first = finding.spans[0] if finding.spans else None
    figures = [report.text[s.start : s.end] for s in finding.spans if s.end <= len(report.text)]
    evidence = "; ".join(
        f"{e.name}={', '.join(e.value) if isinstance(e.value, tuple) else e.value}"
        for e in finding.evidence
    )
    return (
        report.source,
        finding.code,
        finding.severity.value,
        finding.check,
        finding.message,
        None if first is None else first.line,
        None if first is None else first.column,
        None if first is None else first.start,
        None if first is None else first.end,
        ";".join(f"{s.start}-{s.end}" for s in finding.spans),
        " / ".join(figures),
        ";".join(finding.facts),
        evidence,
        ";".join(finding.records),
        finding.suggestion,
        finding.plugin,
    )


def render_csv(report: Report, result: CheckResult, *, scorecard: Scorecard | None = None) -> str:
    """One row per finding, under the [`FINDING_COLUMNS`][townkpi.render.csv.FINDING_COLUMNS].

    Args:
        report: The report that was checked (its text gives each finding's figures).
        result: The findings.
        scorecard: Ignored: ``townkpi targets --format csv`` writes the scorecard as CSV.

    Returns:
        The CSV text.
    """
    del scorecard
    return _write(FINDING_COLUMNS, (_finding_row(report, f) for f in result.findings))


def facts_csv(report: Report) -> str:
    """One row per fact, under the [`FACT_COLUMNS`][townkpi.render.csv.FACT_COLUMNS].

    Examples:
        >>> from townkpi.model import Fact, FactKind, Value
        >>> report = Report(
        ...     source="r",
        ...     facts=[Fact(id="f1", kind=FactKind.AMOUNT, value=Value.parse("131.5亿元"))],
        ... )
        >>> print(facts_csv(report).splitlines()[1])
        f1,,,,,131.5亿元,amount,131.5,亿元,131.45,131.55,true,false,'=,,,,actual,,,
    """
    rows = []
    for fact in report.facts:
        data = fact_to_dict(fact)
        data["qualifiers"] = ";".join(fact.qualifiers)
        rows.append(tuple(data.get(c) for c in FACT_COLUMNS))
    return _write(FACT_COLUMNS, rows)
