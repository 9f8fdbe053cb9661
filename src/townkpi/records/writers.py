"""Write facts out as tables: CSV and SQLite.

Both writers take a report (its facts become records through
[`Report.to_records`][townkpi.model.Report.to_records]) or records, and write the columns of
[`COLUMNS`][townkpi.records.COLUMNS] that hold anything, then the extras. Every cell is text, so
``8.0`` stays ``8.0``; the loaders read the files back to the same facts.
"""

from __future__ import annotations

import csv
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from townkpi.errors import InputError
from townkpi.model import Report
from townkpi.records.convert import records_from_report
from townkpi.records.loaders import _quote
from townkpi.records.record import COLUMNS, Record

__all__ = ["write_csv", "write_sqlite"]

#: Columns always written, even when empty: ``qualifiers`` present-but-empty means "none".
_ALWAYS: frozenset[str] = frozenset({"value", "qualifiers"})


def _table(rows: Report | Iterable[Record]) -> tuple[list[str], list[dict[str, str | None]]]:
    records = records_from_report(rows) if isinstance(rows, Report) else tuple(rows)
    dicts = [r.to_dict() for r in records]
    names = [c for c in COLUMNS if c in _ALWAYS or any(d.get(c) is not None for d in dicts)]
    for r in records:
        names.extend(name for name, _ in r.extras if name not in names)
    return names, dicts


def write_csv(
    rows: Report | Iterable[Record], path: str | os.PathLike[str], *, encoding: str = "utf-8"
) -> Path:
    """Write facts or records as a CSV table with a header row.

    Args:
        rows: A report or records.
        path: The file to write (replaced if it exists).
        encoding: ``utf-8``, or ``utf-8-sig`` for a BOM that spreadsheet programs recognise.

    Returns:
        The path written.
    """
    names, dicts = _table(rows)
    p = Path(path)
    with p.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(names)
        for d in dicts:
            writer.writerow(["" if d.get(n) is None else d[n] for n in names])
    return p


def write_sqlite(
    rows: Report | Iterable[Record],
    path: str | os.PathLike[str],
    table: str = "indicators",
    *,
    replace: bool = False,
) -> Path:
    """Write facts or records as a table of an SQLite database (every column TEXT).

    Args:
        rows: A report or records.
        path: The database file (created if missing).
        table: The table to create.
        replace: Drop an existing table of that name first.

    Returns:
        The path written.

    Raises:
        InputError: The table exists and ``replace`` is false, or the file is not a database.
    """
    names, dicts = _table(rows)
    quoted = _quote(table)
    columns = ", ".join(f"{_quote(n)} TEXT" for n in names)
    placeholders = ", ".join("?" for _ in names)
    con = sqlite3.connect(path)
    try:
        with con:
            exists = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()
            if exists and not replace:
                raise InputError(str(path), f"table {table!r} already exists", "E-INPUT")
            con.execute(f"DROP TABLE IF EXISTS {quoted}")
            con.execute(f"CREATE TABLE {quoted} ({columns})")
            con.executemany(
                f"INSERT INTO {quoted} VALUES ({placeholders})",
                [tuple(d.get(n) for n in names) for d in dicts],
            )
    except sqlite3.DatabaseError as exc:
        raise InputError(str(path), f"cannot write the database: {exc}", "E-INPUT") from exc
    finally:
        con.close()
    return Path(path)
