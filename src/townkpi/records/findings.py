"""Record problems as findings, so that a table's bad rows are reported like any other finding.

``townkpi check indicators.csv`` reports each row that could not be read as an error finding with
the problem's stable code (``TK901`` … ``TK910``, see
[`ProblemKind`][townkpi.records.ProblemKind]), no span, the row in ``records``, and the column
and the reason in its message.

Example:
    >>> from townkpi.records import facts_from_records
    >>> result = facts_from_records([{"value": "8.0", "unit": "亿园"}])
    >>> (finding,) = problem_findings(result.problems)
    >>> finding.code, finding.check, finding.records, finding.message
    ('TK904', 'townkpi.records.unit', ('row 1',), "column unit: unknown unit: '亿园'")
"""

from __future__ import annotations

from collections.abc import Iterable

from townkpi.findings import Evidence, Finding, Severity
from townkpi.records.record import RecordProblem

__all__ = ["problem_finding", "problem_findings"]


def problem_finding(problem: RecordProblem) -> Finding:
    """One record problem as an error finding (code ``TK9xx``, check ``townkpi.records.<kind>``)."""
    evidence = [Evidence(name="column", value=problem.column)] if problem.column else []
    if problem.value is not None:
        evidence.append(Evidence(name="cell", value=problem.value))
    locator = f"row {problem.row}" if problem.row is not None else (problem.record_id or "record")
    return Finding(
        code=problem.code,
        check=f"townkpi.records.{problem.kind.value}",
        severity=Severity.ERROR,
        message=f"column {problem.column}: {problem.reason}" if problem.column else problem.reason,
        evidence=evidence,
        records=(locator,),
    )


def problem_findings(problems: Iterable[RecordProblem]) -> tuple[Finding, ...]:
    """Every record problem as a finding, in order."""
    return tuple(problem_finding(p) for p in problems)
