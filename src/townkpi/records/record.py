"""One row of an indicator table, as written, and what can be wrong with it.

A [`Record`][townkpi.records.Record] holds a row exactly as another system wrote it: every cell
is a string (``"131.5"``, ``"2.2万余"``, ``"超过10"``), nothing is interpreted yet, so a bad cell
never stops the row from being read. [`facts_from_records`][townkpi.records.facts_from_records]
interprets the rows; each row it cannot turn into a fact becomes a
[`RecordProblem`][townkpi.records.RecordProblem] naming the row, the column and the reason.

Example:
    >>> rec = Record.from_mapping(
    ...     {"indicator": "地区生产总值", "value": "131.5", "unit": "亿元", "remark": "1-9月"},
    ...     row=2,
    ... )
    >>> rec.value, rec.unit, rec.extras
    ('131.5', '亿元', (('remark', '1-9月'),))
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from townkpi.errors import TownkpiError

if TYPE_CHECKING:
    from townkpi.model import Fact, Report

__all__ = [
    "COLUMNS",
    "ProblemKind",
    "Record",
    "RecordProblem",
    "RecordsError",
    "RecordsResult",
]

COLUMNS: Final = (
    "id",
    "indicator",
    "subject",
    "value",
    "unit",
    "kind",
    "period",
    "modality",
    "refers_to",
    "qualifiers",
    "interval",
    "surface",
)
"""The columns townkpi reads and writes, in table order.

Only ``value`` is required; any other column is kept with the fact as an extra.
"""


def _cell(value: object) -> str | None:
    """A cell as a string: None and blank cells are None; numbers keep their written digits."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format(value, "f")
    elif isinstance(value, float):
        text = repr(value)
    else:
        text = str(value)
    return text if text.strip() else None


def _pairs(items: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), str(v)) for k, v in items)


@attrs.frozen(slots=True, kw_only=True)
class Record:
    """One row of an indicator table, every cell as written.

    Attributes:
        value: The number as written, qualifiers included (``131.5``, ``2.2万余``, ``超过10``,
            ``99.5以上``, ``-8.7``); a change is signed. May also carry the unit (``131.5亿元``)
            when the ``unit`` cell is empty. Empty when the cell was missing.
        unit: The unit as written, scale included (``亿元``, ``万平方米``, ``%``), or None.
        indicator: The thing measured (地区生产总值), or None.
        subject: Who or where it is about (全镇, 宁慈线), or None.
        kind: ``amount`` (the default when empty), ``change``, ``share``, ``rate``, ``ratio`` or
            ``rank``.
        period: ``2023``, ``2023-01/2023-09``, ``2024-Q2`` …, or None.
        modality: ``actual`` (the default when empty), ``estimate`` or ``target``.
        refers_to: For a change, share or rate: the id of the row it qualifies.
        id: The fact's id; rows without one get ``r<row>``.
        qualifiers: Words that qualify the figure (``累计 新增``), separated by spaces. None when
            the column is absent: the qualifier words of ``value`` are used then.
        interval: The exact interval of true values (``[131.45, 131.55)``), overriding the one the
            written value implies; None to derive it from ``value``.
        surface: The text of the mention, when the figure came from a report; None otherwise.
        row: The row number in its table (a spreadsheet's row: the header is row 1), or None.
        extras: Every other column, as (name, value) pairs, in table order.
    """

    value: str = ""
    unit: str | None = None
    indicator: str | None = None
    subject: str | None = None
    kind: str | None = None
    period: str | None = None
    modality: str | None = None
    refers_to: str | None = None
    id: str | None = None
    qualifiers: str | None = None
    interval: str | None = None
    surface: str | None = None
    row: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.ge(0))
    )
    extras: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, row: int | None = None) -> Record:
        """A record from one row as a mapping of column names to cells.

        Known columns (see [`COLUMNS`][townkpi.records.COLUMNS]) fill the fields; every other
        non-empty column is kept in ``extras``. Cells are turned into strings: blank cells become
        None, a `Decimal` keeps its digits (``8.0`` stays ``8.0``). Column names are matched
        without surrounding spaces and case.

        Args:
            data: The row.
            row: Its row number, for messages.
        """
        fields: dict[str, str | None] = {}
        extras: list[tuple[str, str]] = []
        for raw_name, raw in data.items():
            name = str(raw_name).strip()
            key = name.lower()
            if key == "qualifiers":
                # Present-but-empty means "no qualifier words"; absent means "read them off value".
                fields[key] = "" if raw is None else (_cell(raw) or "")
            elif key in COLUMNS:
                fields[key] = _cell(raw)
            elif (cell := _cell(raw)) is not None:
                extras.append((name, cell))
        value = fields.pop("value", None) or ""
        return cls(value=value, row=row, extras=tuple(extras), **fields)

    def to_dict(self) -> dict[str, str | None]:
        """The record as a row: the columns of [`COLUMNS`][townkpi.records.COLUMNS], then extras."""
        out: dict[str, str | None] = {name: getattr(self, name) for name in COLUMNS}
        for name, cell in self.extras:
            out.setdefault(name, cell)
        return out

    @property
    def location(self) -> str:
        """Where the record stands, for messages: ``row 3`` (or its id when it has no row)."""
        if self.row is not None:
            return f"row {self.row}"
        return f"record {self.id}" if self.id else "record"


class ProblemKind(enum.StrEnum):
    """What is wrong with a record; each kind has a stable finding code ``TK9xx``.

    Attributes:
        NOT_A_RECORD: The row is not a table row at all (a JSON number in an array of objects).
        MISSING: A required cell is missing or empty (``value``).
        NUMBER: The value is not a number townkpi can read.
        UNIT: The unit is not known.
        KIND: The kind is none of amount, change, share, rate, ratio, rank.
        MODALITY: The modality is none of actual, estimate, target.
        PERIOD: The period is not ``2023``, ``2023-01/2023-09`` or ``2024-Q2``.
        INTERVAL: The interval cell cannot be read or is empty.
        DUPLICATE_ID: Another row has the same id.
        REFERENCE: ``refers_to`` names no good row.
    """

    NOT_A_RECORD = "not-a-record"
    MISSING = "missing"
    NUMBER = "number"
    UNIT = "unit"
    KIND = "kind"
    MODALITY = "modality"
    PERIOD = "period"
    INTERVAL = "interval"
    DUPLICATE_ID = "duplicate-id"
    REFERENCE = "reference"

    @property
    def code(self) -> str:
        """The stable finding code: ``TK901`` … ``TK910``."""
        return _CODES[self]


_CODES: Final = {kind: f"TK9{i:02d}" for i, kind in enumerate(ProblemKind, start=1)}


@attrs.frozen(slots=True, kw_only=True)
class RecordProblem:
    """Why one row could not become a fact.

    Attributes:
        kind: What is wrong.
        row: The row number (None for a record built in code without one).
        column: The column at fault, or None when the whole row is.
        reason: One line saying what is wrong.
        record_id: The id of the record, when it has one.
        value: The offending cell as written, when there is one.
    """

    kind: ProblemKind = attrs.field(validator=attrs.validators.instance_of(ProblemKind))
    row: int | None = None
    column: str | None = None
    reason: str = attrs.field(validator=attrs.validators.min_len(1))
    record_id: str | None = None
    value: str | None = None

    @property
    def code(self) -> str:
        """The stable finding code of its kind (``TK903`` for an unknown unit)."""
        return self.kind.code

    @property
    def location(self) -> str:
        """``row 3, column unit`` (or as much of it as is known)."""
        parts = []
        if self.row is not None:
            parts.append(f"row {self.row}")
        elif self.record_id:
            parts.append(f"record {self.record_id}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts) or "record"

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


def _problems(items: Iterable[RecordProblem]) -> tuple[RecordProblem, ...]:
    return tuple(items)


@attrs.frozen(slots=True, kw_only=True)
class RecordsResult:
    """Facts read from records, and every row that could not be read.

    Attributes:
        report: A report of the good rows' facts (no text, no spans).
        problems: One entry per problem of a bad row, in row order.
    """

    report: Report
    problems: tuple[RecordProblem, ...] = attrs.field(default=(), converter=_problems)

    @property
    def facts(self) -> tuple[Fact, ...]:
        """The facts of the good rows."""
        return self.report.facts

    @property
    def ok(self) -> bool:
        """Whether every row was read."""
        return not self.problems

    def raise_for_problems(self) -> Report:
        """The report, or an error listing every problem.

        Raises:
            RecordsError: Some rows could not be read; the error carries this result.
        """
        if self.problems:
            raise RecordsError(self.report.source, self.problems, self.report)
        return self.report


class RecordsError(TownkpiError, ValueError):
    """Some records could not be read.

    Nothing is lost: the error carries every problem and a report of the rows that were read.

    Args:
        source: The table's name.
        problems: Every problem, in row order.
        report: The facts of the good rows.
    """

    code = "E-RECORDS"

    def __init__(
        self, source: str, problems: tuple[RecordProblem, ...], report: Report | None = None
    ) -> None:
        self.source = source
        self.problems = problems
        self.report = report
        shown = "; ".join(str(p) for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""  # noqa: PLR2004
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{source}: {len(problems)} {noun} in records: {shown}{more}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.problems, self.report))
