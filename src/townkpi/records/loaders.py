"""Read tables of records: CSV, JSON, TOML and SQLite.

Every loader returns a [`RecordsResult`][townkpi.records.RecordsResult]: the report of the rows
that were read and a problem for each row that was not. A file that cannot be read at all
(missing, not CSV/JSON/TOML/SQLite, no such table) raises
[`InputError`][townkpi.errors.InputError] with a one-line message.

Row numbers in messages and in ``Fact.record``: for CSV the row as a spreadsheet shows it (the
header is row 1, the first data row is row 2); for JSON and TOML the position of the record in its
array (from 1); for SQLite the ``rowid``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import tomllib
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from townkpi.document import read_document
from townkpi.errors import InputError
from townkpi.model import Report
from townkpi.records.convert import facts_from_dicts, facts_from_records
from townkpi.records.record import ProblemKind, Record, RecordProblem, RecordsResult

__all__ = [
    "RECORD_SUFFIXES",
    "is_records_path",
    "load_csv",
    "load_json",
    "load_sqlite",
    "load_toml",
    "read_records",
]

RECORD_SUFFIXES: Final = (".csv", ".json", ".toml", ".sqlite", ".db")
"""File suffixes read as tables of records (anything else is report text)."""
_SQLITE_SUFFIXES: Final = (".sqlite", ".db")


def is_records_path(path: str | os.PathLike[str]) -> bool:
    """Whether a path names a table of records, by its suffix.

    See [`RECORD_SUFFIXES`][townkpi.records.RECORD_SUFFIXES].
    """
    return Path(path).suffix.lower() in RECORD_SUFFIXES


def _unique_header(names: Sequence[str]) -> list[str]:
    seen: dict[str, int] = {}
    out: list[str] = []
    for i, raw in enumerate(names, start=1):
        name = raw.strip() or f"column {i}"
        count = seen.get(name, 0) + 1
        seen[name] = count
        out.append(name if count == 1 else f"{name} ({count})")
    return out


def load_csv(path: str | os.PathLike[str]) -> RecordsResult:
    """Read a CSV table with a header row (UTF-8 with or without a BOM, or GB18030).

    Columns are matched by name (see [`COLUMNS`][townkpi.records.COLUMNS]); other columns are kept
    as extras, cells past the header as ``column N``. Blank rows, and lines starting with ``#``
    before the header (a note about the table), are skipped; row numbers count them.

    Raises:
        InputError: The file is missing, empty or undecodable.
    """
    source = str(path)
    text = read_document(path).text
    rows = list(csv.reader(io.StringIO(text)))
    first = next(
        (i for i, r in enumerate(rows) if any(c.strip() for c in r) and not r[0].startswith("#")),
        len(rows),
    )
    header = _unique_header(rows[first]) if first < len(rows) else []
    if "value" not in {h.lower() for h in header}:
        problem = RecordProblem(
            kind=ProblemKind.MISSING,
            row=first + 1,
            column="value",
            reason="the header has no 'value' column",
        )
        return RecordsResult(report=Report(source=source), problems=(problem,))
    records: list[Record] = []
    for number, cells in enumerate(rows[first + 1 :], start=first + 2):
        if not any(c.strip() for c in cells):
            continue
        names = [*header, *(f"column {i}" for i in range(len(header) + 1, len(cells) + 1))]
        records.append(Record.from_mapping(dict(zip(names, cells, strict=False)), row=number))
    return facts_from_records(records, source=source)


def _not_format(source: str, what: str, detail: str) -> InputError:
    return InputError(source, f"not {what}: {detail}", "E-INPUT")


def load_json(path: str | os.PathLike[str]) -> RecordsResult:
    """Read JSON: the output of ``townkpi facts --format json``, or an array of record objects.

    The facts JSON keeps everything it carries (intervals, spans, skipped mentions, the source),
    so facts round-trip exactly; an object ``{"records": [...]}`` is read like an array.

    Raises:
        InputError: The file is missing, not JSON, or neither of these shapes.
    """
    source = str(path)
    text = read_document(path).text
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise _not_format(
            source, "JSON", f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from exc
    if isinstance(data, list):
        return facts_from_records(data, source=source)
    if isinstance(data, Mapping) and isinstance(data.get("facts"), list):
        try:
            return facts_from_dicts(data)
        except ValueError as exc:  # a malformed skipped mention, named by its place
            raise _not_format(source, "the townkpi facts JSON", str(exc)) from exc
    if isinstance(data, Mapping) and isinstance(data.get("records"), list):
        return facts_from_records(data["records"], source=str(data.get("source") or source))
    raise _not_format(
        source,
        "a table of records",
        "expected the townkpi facts JSON or an array of record objects",
    )


def load_toml(path: str | os.PathLike[str]) -> RecordsResult:
    """Read TOML with one ``[[fact]]`` table per record.

    Example file:

    ```toml
    [[fact]]
    id = "gdp"
    indicator = "地区生产总值"
    value = "131.5"
    unit = "亿元"
    period = "2023-01/2023-09"
    ```

    Raises:
        InputError: The file is missing or not TOML, or has no ``[[fact]]`` array.
    """
    source = str(path)
    text = read_document(path).text
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise _not_format(source, "TOML", str(exc)) from exc
    facts = data.get("fact")
    if not isinstance(facts, list):
        raise _not_format(source, "a table of records", "expected [[fact]] tables")
    return facts_from_records(facts, source=source)


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _sqlite_rows(con: sqlite3.Connection, table: str) -> list[tuple[int, dict[str, Any]]]:
    quoted = _quote(table)
    try:
        cur = con.execute(f"SELECT rowid, * FROM {quoted} ORDER BY rowid")
        with_rowid = True
    except sqlite3.OperationalError:  # a view or a WITHOUT ROWID table
        cur = con.execute(f"SELECT * FROM {quoted}")
        with_rowid = False
    names = [d[0] for d in cur.description][1 if with_rowid else 0 :]
    out: list[tuple[int, dict[str, Any]]] = []
    for i, row in enumerate(cur.fetchall(), start=1):
        number, cells = (int(row[0]), row[1:]) if with_rowid else (i, row)
        out.append((number, dict(zip(_unique_header(names), cells, strict=True))))
    return out


def load_sqlite(path: str | os.PathLike[str], table: str = "indicators") -> RecordsResult:
    """Read a table (or view) of an SQLite database, opened read-only.

    Keep ``value`` a TEXT column: a REAL column cannot tell ``8.0`` from ``8``.

    Args:
        path: The database file.
        table: The table or view to read.

    Raises:
        InputError: The file is missing, not an SQLite database, or has no such table.
    """
    source = str(path)
    p = Path(path)
    if p.is_dir():
        raise InputError(source, "is a directory, not a database", "E-DIRECTORY")
    if not p.exists():
        raise InputError(source, "no such file", "E-MISSING")
    try:
        con = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InputError(source, f"cannot open the database: {exc}", "E-INPUT") from exc
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name"
            )
        ]
        if table not in tables:
            known = ", ".join(tables) or "none"
            raise InputError(source, f"no table {table!r} (tables: {known})", "E-INPUT")
        rows = _sqlite_rows(con, table)
    except sqlite3.DatabaseError as exc:
        raise InputError(source, f"not an SQLite database: {exc}", "E-INPUT") from exc
    finally:
        con.close()
    records = [Record.from_mapping(cells, row=number) for number, cells in rows]
    return facts_from_records(records, source=f"{source}:{table}")


def read_records(path: str | os.PathLike[str], *, table: str = "indicators") -> RecordsResult:
    """Read a table of records, choosing the loader by the file's suffix.

    Args:
        path: A ``.csv``, ``.json``, ``.toml``, ``.sqlite`` or ``.db`` file.
        table: For SQLite: the table to read.

    Raises:
        InputError: Another suffix, or any error of the loader.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return load_csv(path)
    if suffix == ".json":
        return load_json(path)
    if suffix == ".toml":
        return load_toml(path)
    if suffix in _SQLITE_SUFFIXES:
        return load_sqlite(path, table)
    expected = ", ".join(RECORD_SUFFIXES)
    raise InputError(str(path), f"not a table of records (expected {expected})", "E-INPUT")
