"""Every figure of a report with its status: flagged, consistent or skipped.

A renderer that shows the report's text highlights each figure (a fact's span, a skipped number,
or a span a finding points at) by what the checks made of it. A
[`Figure`][townkpi.render.figures.Figure] is **flagged** when a finding of severity warning or
error points at it, **skipped** when it is a number that is not a measurement (a year, an
ordinal, a label), and **consistent** otherwise; info findings (implied totals) are attached to
the figures they explain without flagging them.

Examples:
    >>> from townkpi.findings import CheckResult, Finding, Severity
    >>> from townkpi.model import Fact, FactKind, Report, Span, Value
    >>> report = Report(
    ...     source="x",
    ...     text="拆迁3户",
    ...     facts=[
    ...         Fact(
    ...             id="f1",
    ...             kind=FactKind.AMOUNT,
    ...             value=Value.parse("3户"),
    ...             span=Span(start=2, end=4, line=1, column=3),
    ...         )
    ...     ],
    ... )
    >>> result = CheckResult(
    ...     source="x",
    ...     findings=[
    ...         Finding(
    ...             code="EX001",
    ...             check="ex.odd",
    ...             severity=Severity.WARNING,
    ...             message="odd",
    ...             spans=[Span(start=2, end=4)],
    ...         )
    ...     ],
    ... )
    >>> [(f.start, f.end, f.status.value) for f in figures(report, result)]
    [(2, 4, 'flagged')]
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from townkpi.findings import CheckResult, Finding, Severity
from townkpi.model import Fact, Report, SkippedMention

__all__ = ["Figure", "FigureStatus", "figures", "flagging"]


class FigureStatus(enum.StrEnum):
    """What the checks made of a figure.

    Attributes:
        FLAGGED: A finding of severity warning or error points at it.
        CONSISTENT: A measurement no warning or error points at.
        SKIPPED: A number that is not a measurement (a year, an ordinal, a label).
    """

    FLAGGED = "flagged"
    CONSISTENT = "consistent"
    SKIPPED = "skipped"


def flagging(finding: Finding) -> bool:
    """Whether a finding flags the figures it points at (severity warning or error)."""
    return finding.severity.at_least(Severity.WARNING)


def _fact_tuple(items: Iterable[Fact]) -> tuple[Fact, ...]:
    return tuple(items)


def _int_tuple(items: Iterable[int]) -> tuple[int, ...]:
    return tuple(items)


@attrs.frozen(slots=True, kw_only=True)
class Figure:
    """One highlighted stretch of the report's text.

    Attributes:
        start: Offset of its first character.
        end: Offset just past its last character.
        status: Flagged, consistent or skipped.
        severity: The most severe flagging finding's severity (None unless flagged).
        facts: The facts whose span this is.
        skipped: The skipped mention whose span this is, if any.
        findings: The 0-based indexes into ``CheckResult.findings`` of every finding pointing at
            it, info findings included, in result order.
    """

    start: int
    end: int
    status: FigureStatus
    severity: Severity | None = None
    facts: tuple[Fact, ...] = attrs.field(default=(), converter=_fact_tuple)
    skipped: SkippedMention | None = None
    findings: tuple[int, ...] = attrs.field(default=(), converter=_int_tuple)


def figures(report: Report, result: CheckResult | None = None) -> tuple[Figure, ...]:
    """Every figure of the report's text with its status, ordered by (start, longest first).

    Args:
        report: The report (its facts and skipped mentions give the figures).
        result: The findings; a finding's span that is no fact's span is a figure of its own.

    Returns:
        The figures; spans of equal extent are merged into one figure.
    """
    facts: dict[tuple[int, int], list[Fact]] = {}
    for fact in report.facts:
        if fact.span is not None:
            facts.setdefault((fact.span.start, fact.span.end), []).append(fact)
    skipped = {(m.span.start, m.span.end): m for m in report.skipped}
    pointing: dict[tuple[int, int], list[int]] = {}
    for i, finding in enumerate(result.findings if result is not None else ()):
        for span in dict.fromkeys((s.start, s.end) for s in finding.spans):
            pointing.setdefault(span, []).append(i)
    findings = result.findings if result is not None else ()
    out: list[Figure] = []
    for key in sorted(facts.keys() | skipped.keys() | pointing.keys(), key=lambda k: (k[0], -k[1])):
        indexes = pointing.get(key, [])
        flags = [findings[i].severity for i in indexes if flagging(findings[i])]
        if flags:
            status = FigureStatus.FLAGGED
        elif key in facts or key not in skipped:
            status = FigureStatus.CONSISTENT
        else:
            status = FigureStatus.SKIPPED
        out.append(
            Figure(
                start=key[0],
                end=key[1],
                status=status,
                severity=max(flags, key=lambda s: s.rank) if flags else None,
                facts=facts.get(key, ()),
                skipped=skipped.get(key),
                findings=indexes,
            )
        )
    return tuple(out)
