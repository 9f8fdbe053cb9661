r"""Actuals files: figures from elsewhere (a statistics bureau table) to score targets against.

An actuals file is a table of records (see [`townkpi.records`][townkpi.records]) with one figure
per row and the columns ``indicator, subject, value, unit, kind, period, modality, note``; only
``indicator`` and ``value`` are required. Two formats carry them:

- CSV with a header row. Lines starting with ``#`` are comments; a comment that says
  *illustrative* marks the whole file as illustrative figures.
- TOML with one ``[[actual]]`` table per row (``[[fact]]`` is read too), and optional top-level
  ``illustrative = true`` and ``note = "…"``.

``value`` is the figure as written (``131.5``, ``-8.7``, ``超过10``, or ``131.5亿元`` with no
``unit``): its written precision gives its interval, as for a figure in a report. ``kind`` is one
of amount, change, share, rate, ratio, rank (the default is amount; ``level`` and ``growth`` are
read as amount and change). ``modality`` is actual (the default) or estimate. A ``note`` is kept
with the fact (``Fact.extras``).

A bad row never loses the others: each becomes a
[`RecordProblem`][townkpi.records.RecordProblem] naming its row and column, and the other rows are
read. Only a file that cannot be read at all (missing, undecodable, not valid TOML, no header)
raises [`InputError`][townkpi.errors.InputError].

Example:
    >>> table = read_actuals_csv(
    ...     "indicator,value,unit,kind,period\n规上工业增加值,5.4,%,change,2024\n",
    ...     source="actuals.csv",
    ... )
    >>> fact = table.facts[0]
    >>> fact.indicator, str(fact.value), str(fact.interval), fact.record
    ('规上工业增加值', '5.4%', '[5.35, 5.45)', 'row 2')
"""

from __future__ import annotations

import csv
import os
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs

from townkpi.document import read_document
from townkpi.errors import InputError
from townkpi.model import Fact
from townkpi.records import ProblemKind, Record, RecordProblem, facts_from_records, read_records

__all__ = [
    "ACTUALS_COLUMNS",
    "ActualsFile",
    "load_actuals",
    "note_of",
    "read_actuals_csv",
    "read_actuals_toml",
]

#: The columns (CSV) or keys (TOML) of an actuals row, in order.
ACTUALS_COLUMNS: Final = (
    "indicator",
    "subject",
    "value",
    "unit",
    "kind",
    "period",
    "modality",
    "note",
)
_KIND_ALIASES: Final = {"level": "amount", "growth": "change"}
_TOP_LEVEL: Final = frozenset({"actual", "fact", "illustrative", "note"})


def _fact_tuple(items: Iterable[Fact]) -> tuple[Fact, ...]:
    return tuple(items)


def _problem_tuple(items: Iterable[RecordProblem]) -> tuple[RecordProblem, ...]:
    return tuple(items)


@attrs.frozen(slots=True, kw_only=True)
class ActualsFile:
    """The figures of an actuals file, and the rows that could not be read.

    Attributes:
        source: The file.
        facts: One fact per good row, in file order; ``Fact.record`` names its row.
        problems: One problem per bad cell or row (row and column named); the file's other rows
            are in ``facts``.
        illustrative: Whether the file says its figures are illustrative, not real.
        note: The file's own description (TOML ``note``, CSV comment lines).
    """

    source: str
    facts: tuple[Fact, ...] = attrs.field(default=(), converter=_fact_tuple)
    problems: tuple[RecordProblem, ...] = attrs.field(default=(), converter=_problem_tuple)
    illustrative: bool = False
    note: str = ""


def note_of(fact: Fact) -> str:
    """The ``note`` cell of a fact read from an actuals file ("" when it has none)."""
    return next((value for name, value in fact.extras if name.lower() == "note"), "")


def _records(rows: Sequence[tuple[int, Mapping[str, Any]]]) -> list[Record]:
    records = []
    for number, cells in rows:
        fixed = dict(cells)
        for name in list(fixed):
            if str(name).strip().lower() == "kind" and isinstance(fixed[name], str):
                fixed[name] = _KIND_ALIASES.get(fixed[name].strip().lower(), fixed[name])
        records.append(Record.from_mapping(fixed, row=number))
    return records


def _convert(
    records: list[Record],
    source: str,
    early: Sequence[RecordProblem],
    *,
    illustrative: bool,
    note: str,
) -> ActualsFile:
    """Facts from records; a row without an indicator cannot be matched and is a problem."""
    result = facts_from_records(records, source=source)
    problems = list(early)
    facts: list[Fact] = []
    rows = {f"row {r.row}": r for r in records}
    for fact in result.facts:
        if fact.indicator is None:
            record = rows.get(fact.record or "")
            problems.append(
                RecordProblem(
                    kind=ProblemKind.MISSING,
                    row=None if record is None else record.row,
                    column="indicator",
                    reason="no indicator: an actual needs one to be matched to a target",
                    record_id=fact.id,
                )
            )
        else:
            facts.append(fact)
    problems.extend(result.problems)
    problems.sort(key=lambda p: (p.row is None, p.row or 0))
    return ActualsFile(
        source=source, facts=facts, problems=problems, illustrative=illustrative, note=note
    )


def read_actuals_csv(text: str, source: str = "<actuals>") -> ActualsFile:
    """Read an actuals table in CSV.

    Args:
        text: The CSV text: ``#`` comment lines, a header row, then one figure per row.
        source: The file name, for the facts and messages.

    Returns:
        The facts of the good rows (``Fact.record`` is ``row N``, N the line of the file) and a
        problem per bad row.

    Raises:
        InputError: There is no header row, or it lacks ``indicator`` or ``value``.
    """
    lines = text.splitlines()
    comments = [line.lstrip()[1:].strip() for line in lines if line.lstrip().startswith("#")]
    reader = csv.reader("" if line.lstrip().startswith("#") else line for line in lines)
    header: list[str] | None = None
    rows: list[tuple[int, Mapping[str, Any]]] = []
    early: list[RecordProblem] = []
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        line = reader.line_num
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in ("indicator", "value") if c not in {h.lower() for h in header}]
            if missing:
                raise InputError(
                    source, f"line {line}: the header has no {' or '.join(missing)}", "E-ACTUALS"
                )
            continue
        if len(cells) > len(header):
            early.append(
                RecordProblem(
                    kind=ProblemKind.NOT_A_RECORD,
                    row=line,
                    reason=f"{len(cells)} cells, but the header has {len(header)} columns",
                )
            )
            continue
        rows.append((line, dict(zip(header, cells, strict=False))))
    if header is None:
        raise InputError(source, "no header row (expected indicator,value,…)", "E-ACTUALS")
    note = " ".join(comments)
    return _convert(
        _records(rows), source, early, illustrative="illustrative" in note.lower(), note=note
    )


def read_actuals_toml(text: str, source: str = "<actuals>") -> ActualsFile:
    """Read an actuals file in TOML: ``[[actual]]`` tables, optional ``illustrative`` and ``note``.

    Args:
        text: The TOML text. Floats keep their written digits (``8.0`` stays ``8.0``), but write
            values as strings to be safe.
        source: The file name, for the facts and messages.

    Returns:
        The facts of the good tables (``Fact.record`` is ``row N``, N the table's position from 1)
        and a problem per bad table.

    Raises:
        InputError: The text is not valid TOML.
    """
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(source, f"not valid TOML: {exc}", "E-ACTUALS") from exc
    early = [
        RecordProblem(
            kind=ProblemKind.NOT_A_RECORD,
            column=key,
            reason=f"unknown top-level key {key!r} (expected [[actual]], illustrative, note)",
        )
        for key in data
        if key not in _TOP_LEVEL
    ]
    tables = data.get("actual", data.get("fact", []))
    if not isinstance(tables, list):
        early.append(
            RecordProblem(
                kind=ProblemKind.NOT_A_RECORD,
                column="actual",
                reason="actual must be an array of tables: write [[actual]]",
            )
        )
        tables = []
    rows: list[tuple[int, Mapping[str, Any]]] = []
    for number, table in enumerate(tables, start=1):
        if isinstance(table, dict):
            rows.append((number, table))
        else:
            early.append(
                RecordProblem(kind=ProblemKind.NOT_A_RECORD, row=number, reason="not a table")
            )
    return _convert(
        _records(rows),
        source,
        early,
        illustrative=data.get("illustrative") is True,
        note=str(data.get("note", "")),
    )


def load_actuals(path: str | os.PathLike[str]) -> ActualsFile:
    """Read an actuals file, choosing the reader by the file's suffix.

    ``.csv`` and ``.toml`` are read as above; ``.json``, ``.sqlite`` and ``.db`` through
    [`read_records`][townkpi.records.read_records] (facts without an indicator are left out).

    Raises:
        InputError: The file is missing, undecodable, of another format, or has no header.
    """
    source = str(path)
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return read_actuals_csv(read_document(path).text, source)
    if suffix == ".toml":
        return read_actuals_toml(read_document(path).text, source)
    result = read_records(path)
    facts = [f for f in result.facts if f.indicator]
    return ActualsFile(source=source, facts=facts, problems=result.problems)
