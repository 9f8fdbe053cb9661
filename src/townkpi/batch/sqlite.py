"""The SQLite store: one database a town system can query across reports and years.

Tables (every value exact: numbers are decimal strings, as in the JSON contract; lists and objects
are JSON text):

- ``reports``: one row per file: ``id`` (the key the other tables refer to), ``path``, ``sha256``,
  ``size``, ``source``, ``year``, ``title``, ``encoding``, ``status`` (``ok`` or ``error``),
  ``error_code``, ``error``, ``faults``; ``(path, sha256)`` is unique.
- ``facts``: ``report_id`` and the columns of the facts JSON contract (``id, start, end, surface,
  kind, value, unit, lower, upper, comparator, indicator, subject, period, modality, qualifiers,
  refers_to``) plus ``lower_closed, upper_closed, line, column``.
- ``skipped``: ``report_id, start, end, surface, reason``.
- ``findings``: ``report_id, seq`` and the columns of the check JSON contract (``code, check,
  severity, message, spans, facts, evidence``) plus ``suggestion, plugin``.
- ``targets``: ``report_id`` and the target's fields (``id, indicator, subject, kind,
  comparator, lower, upper, unit, strength, period, surface, fact_id, start, end, rule``).

Each file is written in one transaction, so an interrupted batch keeps every file it finished.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence, Set
from pathlib import Path
from types import TracebackType
from typing import Final

from townkpi.batch.result import FileResult
from townkpi.batch.rows import (
    FACT_COLUMNS,
    FINDING_COLUMNS,
    REPORT_COLUMNS,
    SKIPPED_COLUMNS,
    TARGET_COLUMNS,
    Row,
    fact_row,
    finding_row,
    report_row,
    skipped_row,
    target_row,
)
from townkpi.errors import InputError

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "SqliteStore", "schema"]

APPLICATION_ID: Final = 0x544B5049
"""Marks a database as a townkpi batch output (SQLite's ``application_id``: "TKPI")."""
SCHEMA_VERSION: Final = 1
"""The version of the tables below (SQLite's ``user_version``)."""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _table(name: str, key: str, columns: Sequence[tuple[str, str]], extra: str = "") -> str:
    cols = ",\n  ".join([key, *(f"{_q(n)} {t}" for n, t in columns)])
    return f"CREATE TABLE IF NOT EXISTS {name} (\n  {cols}{extra}\n)"


_REPORT_ID: Final = "report_id INTEGER NOT NULL REFERENCES reports(id)"


def schema() -> tuple[str, ...]:
    """The ``CREATE`` statements of the batch database, in order."""
    return (
        _table(
            "reports",
            "id INTEGER PRIMARY KEY",
            REPORT_COLUMNS,
            ",\n  UNIQUE (path, sha256)",
        ),
        _table("facts", _REPORT_ID, FACT_COLUMNS, ',\n  PRIMARY KEY (report_id, "id")'),
        _table("skipped", _REPORT_ID, SKIPPED_COLUMNS),
        _table("findings", _REPORT_ID, FINDING_COLUMNS, ",\n  PRIMARY KEY (report_id, seq)"),
        _table("targets", _REPORT_ID, TARGET_COLUMNS),
        "CREATE INDEX IF NOT EXISTS facts_indicator ON facts (indicator)",
        "CREATE INDEX IF NOT EXISTS skipped_report ON skipped (report_id)",
        "CREATE INDEX IF NOT EXISTS findings_code ON findings (code)",
        "CREATE INDEX IF NOT EXISTS targets_report ON targets (report_id)",
    )


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _insert(con: sqlite3.Connection, table: str, report_id: int, rows: Iterable[Row]) -> None:
    rows = list(rows)
    if not rows:
        return
    names = list(rows[0])
    cols = ", ".join(["report_id", *(_q(n) for n in names)])
    marks = ", ".join("?" for _ in range(len(names) + 1))
    con.executemany(
        f"INSERT INTO {table} ({cols}) VALUES ({marks})",
        [(report_id, *(_cell(r[n]) for n in names)) for r in rows],
    )


class SqliteStore:
    """A batch's results in an SQLite database (created with its tables when missing).

    Args:
        path: The database file.

    Raises:
        InputError: The file exists but is not an SQLite database, or is a database of
            something else.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        try:
            self._con = sqlite3.connect(path)
            self._open()
        except sqlite3.DatabaseError as exc:
            raise InputError(str(path), f"not a townkpi batch database: {exc}") from exc

    def _open(self) -> None:
        con = self._con
        app = con.execute("PRAGMA application_id").fetchone()[0]
        tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables and app != APPLICATION_ID:
            con.close()
            raise InputError(
                str(self._path), "is a database of something else, not a townkpi batch output"
            )
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if tables and version != SCHEMA_VERSION:
            con.close()
            raise InputError(
                str(self._path),
                f"batch database of schema {version}, this townkpi writes schema {SCHEMA_VERSION}",
            )
        con.execute("PRAGMA synchronous = NORMAL")
        with con:
            for statement in schema():
                con.execute(statement)
            con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    def done(self) -> Set[tuple[str, str]]:
        """The ``(path, sha256)`` of every file already in ``reports``."""
        return frozenset(self._con.execute("SELECT path, sha256 FROM reports"))

    def write(self, result: FileResult) -> None:
        """Add one file's rows in one transaction."""
        row = report_row(result)
        names = list(row)
        cols = ", ".join(_q(n) for n in names)
        marks = ", ".join("?" for _ in names)
        report = result.report
        with self._con as con:
            cur = con.execute(
                f"INSERT INTO reports ({cols}) VALUES ({marks})", [_cell(row[n]) for n in names]
            )
            report_id = cur.lastrowid
            assert report_id is not None
            if report is not None:
                _insert(con, "facts", report_id, (fact_row(f) for f in report.facts))
                _insert(con, "skipped", report_id, (skipped_row(s) for s in report.skipped))
            findings = (finding_row(i, f) for i, f in enumerate(result.findings))
            _insert(con, "findings", report_id, findings)
            _insert(con, "targets", report_id, (target_row(t) for t in result.targets))

    def close(self) -> None:
        """Close the database."""
        self._con.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
