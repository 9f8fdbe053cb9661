"""Facts from tables and records, and back.

Other town systems hold their indicators in tables, not in report text. A table row is a
[`Record`][townkpi.records.Record] with the columns of [`COLUMNS`][townkpi.records.COLUMNS]
(only ``value`` is required; any other column is kept as an extra);
[`facts_from_records`][townkpi.records.facts_from_records] turns rows into the same typed facts
that extraction gives, and [`records_from_report`][townkpi.records.records_from_report] turns facts
back into rows. The loaders read CSV, JSON (the ``townkpi facts`` JSON itself, or an array of row
objects), TOML (``[[fact]]`` tables) and an SQLite table; the writers write CSV and SQLite.

Bad rows never stop a table from being read: each becomes a
[`RecordProblem`][townkpi.records.RecordProblem] naming its row and column, and the other rows are
kept.
"""

from __future__ import annotations

from townkpi.records.convert import (
    facts_from_dicts,
    facts_from_records,
    format_interval,
    parse_interval,
    qualifier_words,
    record_from_fact,
    records_from_report,
    written_value,
)
from townkpi.records.findings import problem_finding, problem_findings
from townkpi.records.loaders import (
    RECORD_SUFFIXES,
    is_records_path,
    load_csv,
    load_json,
    load_sqlite,
    load_toml,
    read_records,
)
from townkpi.records.record import (
    COLUMNS,
    ProblemKind,
    Record,
    RecordProblem,
    RecordsError,
    RecordsResult,
)
from townkpi.records.writers import write_csv, write_sqlite

__all__ = [
    "COLUMNS",
    "RECORD_SUFFIXES",
    "ProblemKind",
    "Record",
    "RecordProblem",
    "RecordsError",
    "RecordsResult",
    "facts_from_dicts",
    "facts_from_records",
    "format_interval",
    "is_records_path",
    "load_csv",
    "load_json",
    "load_sqlite",
    "load_toml",
    "parse_interval",
    "problem_finding",
    "problem_findings",
    "qualifier_words",
    "read_records",
    "record_from_fact",
    "records_from_report",
    "write_csv",
    "write_sqlite",
    "written_value",
]
