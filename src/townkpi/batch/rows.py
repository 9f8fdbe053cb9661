"""File results as rows: the columns every batch store writes.

The stores share these columns so that a batch written to SQLite, JSON Lines or Parquet holds the
same data: one row per file ([`REPORT_COLUMNS`][townkpi.batch.rows.REPORT_COLUMNS]), and per
file its facts (the columns of the facts JSON contract), skipped mentions, findings (the columns
of the check JSON contract) and targets. Values are exact decimal strings, as in the contract.
"""

from __future__ import annotations

from typing import Any, Final

from townkpi.batch.result import FileResult
from townkpi.findings import Finding
from townkpi.interval import format_fraction
from townkpi.model import Fact, SkippedMention
from townkpi.serialize import fact_to_dict, skipped_to_dict
from townkpi.targets import Target

__all__ = [
    "FACT_COLUMNS",
    "FINDING_COLUMNS",
    "REPORT_COLUMNS",
    "SKIPPED_COLUMNS",
    "TARGET_COLUMNS",
    "Row",
    "fact_row",
    "file_object",
    "finding_row",
    "report_row",
    "skipped_row",
    "target_row",
]

Row = dict[str, Any]

REPORT_COLUMNS: Final = (
    ("path", "TEXT NOT NULL"),
    ("sha256", "TEXT NOT NULL"),
    ("size", "INTEGER NOT NULL"),
    ("source", "TEXT"),
    ("year", "INTEGER"),
    ("title", "TEXT"),
    ("encoding", "TEXT"),
    ("status", "TEXT NOT NULL"),
    ("error_code", "TEXT"),
    ("error", "TEXT"),
    ("faults", "TEXT"),
)
"""The columns of a file's row, with their SQL types (``id`` is added by the SQLite store)."""

FACT_COLUMNS: Final = (
    ("id", "TEXT NOT NULL"),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
    ("surface", "TEXT"),
    ("kind", "TEXT NOT NULL"),
    ("value", "TEXT NOT NULL"),
    ("unit", "TEXT"),
    ("lower", "TEXT"),
    ("upper", "TEXT"),
    ("comparator", "TEXT"),
    ("indicator", "TEXT"),
    ("subject", "TEXT"),
    ("period", "TEXT"),
    ("modality", "TEXT"),
    ("qualifiers", "TEXT"),
    ("refers_to", "TEXT"),
    ("lower_closed", "INTEGER"),
    ("upper_closed", "INTEGER"),
    ("line", "INTEGER"),
    ("column", "INTEGER"),
)
"""The columns of a fact: the facts JSON contract, then townkpi's additions."""

SKIPPED_COLUMNS: Final = (
    ("start", "INTEGER NOT NULL"),
    ("end", "INTEGER NOT NULL"),
    ("surface", "TEXT NOT NULL"),
    ("reason", "TEXT NOT NULL"),
)
"""The columns of a skipped mention."""

FINDING_COLUMNS: Final = (
    ("seq", "INTEGER NOT NULL"),
    ("code", "TEXT NOT NULL"),
    ("check", "TEXT NOT NULL"),
    ("severity", "TEXT NOT NULL"),
    ("message", "TEXT NOT NULL"),
    ("spans", "TEXT"),
    ("facts", "TEXT"),
    ("evidence", "TEXT"),
    ("suggestion", "TEXT"),
    ("plugin", "TEXT"),
)
"""The columns of a finding: the check JSON contract, then townkpi's additions (``seq`` orders the
findings of one file).
"""

TARGET_COLUMNS: Final = (
    ("id", "TEXT NOT NULL"),
    ("indicator", "TEXT"),
    ("subject", "TEXT"),
    ("kind", "TEXT NOT NULL"),
    ("comparator", "TEXT NOT NULL"),
    ("lower", "TEXT"),
    ("upper", "TEXT"),
    ("unit", "TEXT"),
    ("strength", "TEXT"),
    ("period", "TEXT"),
    ("surface", "TEXT"),
    ("fact_id", "TEXT"),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
    ("rule", "TEXT"),
)
"""The columns of a target: its fields, the bound's ends as decimal strings, and the rule."""


def report_row(result: FileResult) -> Row:
    """The file's row: where it came from, its status, and its report's metadata."""
    report = result.report
    return {
        "path": result.path,
        "sha256": result.sha256,
        "size": result.size,
        "source": None if report is None else report.source,
        "year": None if report is None else report.year,
        "title": None if report is None else report.title,
        "encoding": None if report is None else report.encoding,
        "status": result.status.value,
        "error_code": result.error_code,
        "error": result.error,
        "faults": [str(f) for f in result.faults],
    }


def fact_row(fact: Fact) -> Row:
    """A fact's row: the contract fields (``qualifiers`` as a list) and line/column."""
    d = fact_to_dict(fact)
    return {name: d[name] for name, _ in FACT_COLUMNS}


def skipped_row(mention: SkippedMention) -> Row:
    """A skipped mention's row."""
    d = skipped_to_dict(mention)
    return {name: d[name] for name, _ in SKIPPED_COLUMNS}


def finding_row(seq: int, finding: Finding) -> Row:
    """A finding's row: the contract fields (``spans``, ``facts`` as lists, ``evidence`` a dict)."""
    d = finding.to_dict()
    return {"seq": seq} | {name: d[name] for name, _ in FINDING_COLUMNS[1:]}


def target_row(target: Target) -> Row:
    """A target's row."""
    lo, hi = target.bound.lower, target.bound.upper
    return {
        "id": target.id,
        "indicator": target.indicator,
        "subject": target.subject,
        "kind": target.kind.value,
        "comparator": target.comparator.value,
        "lower": None if lo is None else format_fraction(lo),
        "upper": None if hi is None else format_fraction(hi),
        "unit": target.unit,
        "strength": str(target.strength.value),
        "period": None if target.period is None else str(target.period),
        "surface": target.surface,
        "fact_id": target.fact_id,
        "start": None if target.span is None else target.span.start,
        "end": None if target.span is None else target.span.end,
        "rule": str(target),
    }


def file_object(result: FileResult) -> Row:
    """One JSON object for the file: its row, facts, skipped mentions, findings and targets.

    The findings are counted by severity under ``counts``.
    """
    report = result.report
    return report_row(result) | {
        "facts": [] if report is None else [fact_row(f) for f in report.facts],
        "skipped": [] if report is None else [skipped_row(s) for s in report.skipped],
        "findings": [finding_row(i, f) for i, f in enumerate(result.findings)],
        "targets": [target_row(t) for t in result.targets],
        "counts": result.counts,
    }
