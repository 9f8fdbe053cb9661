"""Records to facts and back.

[`facts_from_records`][townkpi.records.facts_from_records] reads rows (records or plain mappings)
into facts, collecting one [`RecordProblem`][townkpi.records.RecordProblem] per bad cell and keeping
every good row. [`records_from_report`][townkpi.records.records_from_report] is its inverse: it
writes each fact as a record whose written value reads back to the same value, with an explicit
``interval`` cell only when the written value alone cannot say it.

Example:
    >>> result = facts_from_records(
    ...     [
    ...         {
    ...             "id": "gdp",
    ...             "indicator": "地区生产总值",
    ...             "value": "131.5",
    ...             "unit": "亿元",
    ...             "period": "2023-01/2023-09",
    ...         },
    ...         {
    ...             "indicator": "地区生产总值",
    ...             "value": "5.4",
    ...             "unit": "%",
    ...             "kind": "change",
    ...             "refers_to": "gdp",
    ...         },
    ...         {"indicator": "一般公共预算收入", "value": "8.0", "unit": "亿园"},
    ...     ]
    ... )
    >>> [(f.id, str(f.value), str(f.interval), f.record) for f in result.facts]
    [('gdp', '131.5亿元', '[131.45, 131.55)', 'row 1'), ('r2', '5.4%', '[5.35, 5.45)', 'row 2')]
    >>> [str(p) for p in result.problems]
    ["row 3, column unit: unknown unit: '亿园'"]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Final

import attrs

from townkpi.errors import NumberFormatError, TownkpiError, UnitError
from townkpi.interval import Interval, format_fraction
from townkpi.model import Fact, FactKind, Modality, Period, Report, SkippedMention, Value
from townkpi.numbers import QUALIFIERS, Comparator
from townkpi.records.record import ProblemKind, Record, RecordProblem, RecordsResult
from townkpi.serialize import fact_from_dict, skipped_from_dict

__all__ = [
    "facts_from_dicts",
    "facts_from_records",
    "format_interval",
    "parse_interval",
    "qualifier_words",
    "record_from_fact",
    "records_from_report",
    "written_value",
]

#: Qualifier words written after the number and unit (以上, 左右 …); 余/多 stay by the number.
_SUFFIX_WORDS: Final = tuple(
    sorted(
        (w for w, q in QUALIFIERS.items() if not q.prefix and w not in {"余", "多"}),
        key=len,
        reverse=True,
    )
)
_PREFIX_WORDS: Final = tuple(
    sorted((w for w, q in QUALIFIERS.items() if q.prefix), key=len, reverse=True)
)
_MORE_AFTER_DIGIT: Final = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿](余|多)")
_WORD_SEPARATORS: Final = re.compile(r"[\s,，、;；]+")
_BOUND: Final = r"\s*(-?inf|[-+]?\d+(?:\.\d+)?(?:/\d+)?)\s*"
_INTERVAL_RE: Final = re.compile(rf"([\[(]){_BOUND},{_BOUND}([\])])|\[{_BOUND}\]")
_KINDS: Final = ", ".join(k.value for k in FactKind)
_MODALITIES: Final = ", ".join(m.value for m in Modality)


# ---------------------------------------------------------------- written values


def written_value(value: str, unit: str | None) -> str:
    """The value and unit cells as one written value, as a report would write it.

    A qualifier word written after the number (以上, 左右) moves behind the unit, and a unit the
    value cell already ends with is not repeated.

    Example:
        >>> written_value("99.5以上", "%"), written_value("2.2万余", "个")
        ('99.5%以上', '2.2万余个')
        >>> written_value("131.5亿元", "亿元")
        '131.5亿元'
    """
    v = value.strip()
    u = (unit or "").strip()
    if not u or v.endswith(u):
        return v
    for word in _SUFFIX_WORDS:
        if v.endswith(word) and len(v) > len(word):
            return v[: -len(word)] + u + word
    return v + u


def qualifier_words(written: str) -> tuple[str, ...]:
    """The qualifier words of a written value, in the order `Value.parse` reads them.

    Example:
        >>> qualifier_words("约230亩"), qualifier_words("2.2万余个"), qualifier_words("99.5%以上")
        (('约',), ('余',), ('以上',))
    """
    rest = written.strip()
    words: list[str] = []
    found = True
    while found:
        found = False
        for word in _PREFIX_WORDS:
            if rest.startswith(word):
                words.append(word)
                rest = rest[len(word) :].lstrip()
                found = True
                break
    if m := _MORE_AFTER_DIGIT.search(rest):
        words.append(m.group(1))
    for word in _SUFFIX_WORDS:
        if rest.endswith(word) and len(rest) > len(word):
            words.append(word)
            break
    return tuple(words)


def _bound_text(x: Fraction) -> str:
    den = x.denominator
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    return format_fraction(x) if den == 1 else f"{x.numerator}/{x.denominator}"


def format_interval(interval: Interval) -> str:
    """An interval as an ``interval`` cell, exactly: ``[131.45, 131.55)``, ``(10, inf)``, ``[169]``.

    Ends that are not terminating decimals are written as fractions (``1/3``).
    """
    lo = "-inf" if interval.lower is None else _bound_text(interval.lower)
    hi = "inf" if interval.upper is None else _bound_text(interval.upper)
    if interval.is_point:
        return f"[{lo}]"
    left = "[" if interval.lower_closed else "("
    right = "]" if interval.upper_closed else ")"
    return f"{left}{lo}, {hi}{right}"


def _parse_bound(text: str) -> Fraction | None:
    if text.endswith("inf"):
        return None
    return Fraction(text) if "/" in text else Fraction(Decimal(text))


def parse_interval(text: str) -> Interval:
    """Read an ``interval`` cell: ``[131.45, 131.55)``, ``(10, inf)``, ``(-inf, 1.56]``, ``[169]``.

    Raises:
        ValueError: ``text`` is not an interval, or an empty one.

    Example:
        >>> str(parse_interval("(2.2, 2.3)")), str(parse_interval("[169]"))
        ('(2.2, 2.3)', '[169]')
    """
    m = _INTERVAL_RE.fullmatch(text.strip())
    if m is None:
        raise ValueError(f"not an interval: {text!r} (expected e.g. [131.45, 131.55) or (10, inf))")
    if m[5] is not None:
        if m[5].endswith("inf"):
            raise ValueError(f"not an interval: {text!r}")
        return Interval.point(_parse_bound(m[5]) or Fraction(0))
    lower, upper = _parse_bound(m[2]), _parse_bound(m[3])
    if m[2] == "inf" or m[3] == "-inf":
        raise ValueError(f"not an interval: {text!r} (the lower end must be -inf or a number)")
    return Interval(
        lower=lower,
        upper=upper,
        lower_closed=m[1] == "[" and lower is not None,
        upper_closed=m[4] == "]" and upper is not None,
    )


# ---------------------------------------------------------------- records → facts


@attrs.frozen(slots=True, kw_only=True)
class _Read:
    """One record read: its fact, or the problems that stopped it."""

    record: Record
    fact_id: str
    fact: Fact | None
    problems: tuple[RecordProblem, ...]


def _blank(text: str | None) -> str | None:
    return text.strip() if text is not None and text.strip() else None


class _RowReader:
    """Reads the cells of one record, collecting a problem per bad cell."""

    def __init__(self, record: Record, fact_id: str) -> None:
        self.record = record
        self.fact_id = fact_id
        self.problems: list[RecordProblem] = []

    def problem(
        self, kind: ProblemKind, column: str | None, reason: str, value: str | None
    ) -> None:
        self.problems.append(
            RecordProblem(
                kind=kind,
                row=self.record.row,
                column=column,
                reason=reason,
                record_id=self.fact_id,
                value=value,
            )
        )

    def _unit_problem(self, exc: UnitError) -> None:
        """An unknown unit: the unit cell's, the value cell's, or stray text after the number."""
        rec = self.record
        unit_cell = _blank(rec.unit)
        if unit_cell is None:
            self.problem(ProblemKind.UNIT, "value", f"{exc.reason}: {exc.unit!r}", rec.value)
        elif exc.unit.strip().endswith(unit_cell) and exc.unit.strip()[: -len(unit_cell)] in {
            "",
            "万",
            "亿",
            "万亿",
        }:
            self.problem(ProblemKind.UNIT, "unit", f"{exc.reason}: {exc.unit!r}", rec.unit)
        else:
            stray = exc.unit.strip().removesuffix(unit_cell)
            reason = f"cannot read {rec.value!r} as a number: stray text {stray!r}"
            self.problem(ProblemKind.NUMBER, "value", reason, rec.value)

    def value(self) -> Value | None:
        rec = self.record
        if not rec.value.strip():
            self.problem(ProblemKind.MISSING, "value", "no value", None)
            return None
        written = written_value(rec.value, rec.unit)
        try:
            value = Value.parse(written)
        except UnitError as exc:
            self._unit_problem(exc)
            return None
        except NumberFormatError as exc:
            self.problem(
                ProblemKind.NUMBER,
                "value",
                f"cannot read {rec.value!r} as a number: {exc.reason}",
                rec.value,
            )
            return None
        except (TownkpiError, ValueError, ArithmeticError) as exc:
            self.problem(
                ProblemKind.NUMBER, "value", f"cannot read {rec.value!r}: {exc}", rec.value
            )
            return None
        if (cell := _blank(rec.interval)) is not None:
            try:
                value = attrs.evolve(value, interval=parse_interval(cell))
            except (ValueError, ArithmeticError) as exc:
                self.problem(ProblemKind.INTERVAL, "interval", str(exc), rec.interval)
                return None
        return value

    def kind(self) -> FactKind | None:
        cell = _blank(self.record.kind)
        if cell is None:
            return FactKind.AMOUNT
        try:
            return FactKind(cell.lower())
        except ValueError:
            self.problem(
                ProblemKind.KIND, "kind", f"unknown kind {cell!r} (expected {_KINDS})", cell
            )
            return None

    def modality(self) -> Modality | None:
        cell = _blank(self.record.modality)
        if cell is None:
            return Modality.ACTUAL
        try:
            return Modality(cell.lower())
        except ValueError:
            self.problem(
                ProblemKind.MODALITY,
                "modality",
                f"unknown modality {cell!r} (expected {_MODALITIES})",
                cell,
            )
            return None

    def period(self) -> tuple[bool, Period | None]:
        cell = _blank(self.record.period)
        if cell is None:
            return True, None
        try:
            return True, Period.parse(cell)
        except ValueError as exc:
            reason = str(exc) if cell in str(exc) else f"not a period: {cell!r} ({exc})"
            self.problem(ProblemKind.PERIOD, "period", reason, cell)
            return False, None

    def qualifiers(self, written: str) -> tuple[str, ...]:
        cell = self.record.qualifiers
        if cell is None:
            return qualifier_words(written)
        return tuple(w for w in _WORD_SEPARATORS.split(cell.strip()) if w)

    def read(self) -> _Read:
        rec = self.record
        value = self.value()
        kind = self.kind()
        modality = self.modality()
        period_ok, period = self.period()
        if value is None or kind is None or modality is None or not period_ok:
            return _Read(record=rec, fact_id=self.fact_id, fact=None, problems=tuple(self.problems))
        written = written_value(rec.value, rec.unit)
        fact = Fact(
            id=self.fact_id,
            kind=kind,
            value=value,
            surface=rec.surface if rec.surface is not None else written,
            indicator=_blank(rec.indicator),
            subject=_blank(rec.subject),
            period=period,
            modality=modality,
            qualifiers=self.qualifiers(written),
            refers_to=_blank(rec.refers_to),
            record=rec.location,
            extras=rec.extras,
        )
        return _Read(record=rec, fact_id=self.fact_id, fact=fact, problems=())


def _as_record(row: Record | Mapping[str, Any] | object, number: int) -> Record | RecordProblem:
    if isinstance(row, Record):
        return row if row.row is not None else attrs.evolve(row, row=number)
    if isinstance(row, Mapping):
        return Record.from_mapping(row, row=number)
    return RecordProblem(
        kind=ProblemKind.NOT_A_RECORD,
        row=number,
        column=None,
        reason=f"not a record: {type(row).__name__}",
    )


def _assign_ids(records: list[Record]) -> list[str]:
    """Each record's id: its own, else ``r<row>`` (made unique against the written ids)."""
    taken = {i for r in records if (i := _blank(r.id)) is not None}
    ids: list[str] = []
    for r in records:
        own = _blank(r.id)
        if own is not None:
            ids.append(own)
            continue
        base = f"r{r.row}"
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        ids.append(candidate)
    return ids


def _check_references(reads: list[_Read]) -> list[_Read]:
    """Turn facts whose ``refers_to`` names no good row into problems, until none is left."""
    changed = True
    while changed:
        changed = False
        good = {r.fact_id for r in reads if r.fact is not None}
        bad = {r.fact_id: r.record for r in reads if r.fact is None}
        for i, r in enumerate(reads):
            fact = r.fact
            if fact is None or fact.refers_to is None:
                continue
            target = fact.refers_to
            if target in good and target != fact.id:
                continue
            if target == fact.id:
                reason = "refers to itself"
            elif target in bad:
                reason = f"refers to {target!r} ({bad[target].location}), which could not be read"
            else:
                reason = f"no record has the id {target!r}"
            problem = RecordProblem(
                kind=ProblemKind.REFERENCE,
                row=r.record.row,
                column="refers_to",
                reason=reason,
                record_id=fact.id,
                value=target,
            )
            reads[i] = _Read(record=r.record, fact_id=r.fact_id, fact=None, problems=(problem,))
            changed = True
    return reads


def facts_from_records(
    rows: Iterable[Record | Mapping[str, Any]], *, source: str = "records"
) -> RecordsResult:
    """Read rows into facts; every bad row becomes a problem and the good rows are kept.

    Args:
        rows: Records, or mappings of column names to cells (see
            [`COLUMNS`][townkpi.records.COLUMNS]). Rows without a row number are numbered from 1.
        source: The table's name, for the report and for messages.

    Returns:
        The report of the good rows' facts (each with ``record="row N"`` and no span) and one
        [`RecordProblem`][townkpi.records.RecordProblem] per bad cell, naming row and column.
    """
    records: list[Record] = []
    early: list[RecordProblem] = []
    for number, row in enumerate(rows, start=1):
        item = _as_record(row, number)
        if isinstance(item, RecordProblem):
            early.append(item)
        else:
            records.append(item)
    ids = _assign_ids(records)
    reads: list[_Read] = []
    seen: dict[str, Record] = {}
    for record, fact_id in zip(records, ids, strict=True):
        if fact_id in seen:
            problem = RecordProblem(
                kind=ProblemKind.DUPLICATE_ID,
                row=record.row,
                column="id",
                reason=f"the id {fact_id!r} is already used by {seen[fact_id].location}",
                record_id=fact_id,
                value=fact_id,
            )
            reads.append(_Read(record=record, fact_id=fact_id, fact=None, problems=(problem,)))
            continue
        seen[fact_id] = record
        reads.append(_RowReader(record, fact_id).read())
    reads = _check_references(reads)
    facts = tuple(r.fact for r in reads if r.fact is not None)
    problems = [*early, *(p for r in reads for p in r.problems)]
    problems.sort(key=lambda p: (p.row is None, p.row or 0))
    return RecordsResult(report=Report(source=source, facts=facts), problems=tuple(problems))


_FIELD_IN_REASON: Final = re.compile(r"field '(\w+)'")


def _dict_problem(data: Mapping[str, Any], exc: Exception, number: int) -> RecordProblem:
    """The problem of a facts-JSON object that ``fact_from_dict`` rejected, naming its field."""
    fact_id = None if data.get("id") is None else str(data["id"])

    def problem(kind: ProblemKind, column: str | None, reason: str) -> RecordProblem:
        cell = None if column is None or data.get(column) is None else str(data[column])
        return RecordProblem(
            kind=kind, row=number, column=column, reason=reason, record_id=fact_id, value=cell
        )

    if isinstance(exc, KeyError):
        return problem(ProblemKind.MISSING, str(exc.args[0]), f"no {exc.args[0]!r}")
    if isinstance(exc, UnitError):
        return problem(ProblemKind.UNIT, "unit", f"{exc.reason}: {exc.unit!r}")
    if isinstance(exc, NumberFormatError):
        m = _FIELD_IN_REASON.search(exc.reason)
        return problem(ProblemKind.NUMBER, m[1] if m else "value", str(exc))
    probes: tuple[tuple[ProblemKind, str, Any], ...] = (
        (ProblemKind.KIND, "kind", FactKind),
        (ProblemKind.MODALITY, "modality", Modality),
    )
    for kind, column, enum_type in probes:
        if column in data and data[column] not in {m.value for m in enum_type}:
            return problem(kind, column, f"unknown {column} {data[column]!r}")
    if data.get("period") is not None:
        try:
            Period.parse(str(data["period"]))
        except ValueError as period_error:
            return problem(ProblemKind.PERIOD, "period", str(period_error))
    return problem(ProblemKind.INTERVAL, None, str(exc))


def _skipped_from_dicts(items: object) -> tuple[SkippedMention, ...]:
    """The skipped mentions of the facts JSON; one that is malformed names its place (from 1)."""
    if items is None:
        return ()
    if not isinstance(items, list):
        raise ValueError(f"'skipped' must be a list, not {type(items).__name__}")
    out: list[SkippedMention] = []
    for number, item in enumerate(items, start=1):
        try:
            if not isinstance(item, Mapping):
                raise TypeError(f"not an object but {type(item).__name__}")
            out.append(skipped_from_dict(item))
        except (ValueError, TypeError, KeyError) as exc:
            detail = f"no {exc}" if isinstance(exc, KeyError) else str(exc)
            raise ValueError(f"skipped mention {number}: {detail}") from exc
    return tuple(out)


def facts_from_dicts(data: Mapping[str, Any], *, source: str | None = None) -> RecordsResult:
    """Read the object ``townkpi facts --format json`` prints, keeping every good fact.

    Unlike [`report_from_dict`][townkpi.serialize.report_from_dict], a bad fact does not stop
    the others: it becomes a problem naming its position in ``facts`` (from 1) and its field.

    Args:
        data: The parsed JSON object.
        source: Overrides its ``source``.

    Raises:
        ValueError: A skipped mention is malformed.
    """
    reads: list[_Read] = []
    seen: dict[str, Record] = {}
    for number, item in enumerate(data.get("facts") or (), start=1):
        record = Record(row=number, id=str(item.get("id")) if isinstance(item, Mapping) else None)
        if not isinstance(item, Mapping):
            problem = RecordProblem(
                kind=ProblemKind.NOT_A_RECORD,
                row=number,
                reason=f"not a fact object: {type(item).__name__}",
            )
            reads.append(_Read(record=record, fact_id=f"#{number}", fact=None, problems=(problem,)))
            continue
        try:
            fact = fact_from_dict(item)
        except (TownkpiError, ValueError, KeyError, TypeError, ArithmeticError) as exc:
            problem = _dict_problem(item, exc, number)
            reads.append(
                _Read(record=record, fact_id=str(item.get("id")), fact=None, problems=(problem,))
            )
            continue
        if fact.id in seen:
            problem = RecordProblem(
                kind=ProblemKind.DUPLICATE_ID,
                row=number,
                column="id",
                record_id=fact.id,
                reason=f"the id {fact.id!r} is already used by fact {seen[fact.id].row}",
                value=fact.id,
            )
            reads.append(_Read(record=record, fact_id=fact.id, fact=None, problems=(problem,)))
            continue
        seen[fact.id] = record
        reads.append(_Read(record=record, fact_id=fact.id, fact=fact, problems=()))
    reads = _check_references(reads)
    report = Report(
        source=str(source if source is not None else data.get("source", "")),
        encoding=str(data.get("encoding", "utf-8")),
        facts=tuple(r.fact for r in reads if r.fact is not None),
        skipped=_skipped_from_dicts(data.get("skipped")),
        year=data.get("year"),
        title=data.get("title"),
    )
    return RecordsResult(report=report, problems=tuple(p for r in reads for p in r.problems))


# ---------------------------------------------------------------- facts → records

_WRITTEN_FORMS: Final[dict[Comparator, tuple[str, str]]] = {
    Comparator.EQ: ("", ""),
    Comparator.RANGE: ("", ""),
    Comparator.GE: ("", "以上"),
    Comparator.LE: ("", "以内"),
    Comparator.LT: ("不足", ""),
    Comparator.APPROX: ("约", ""),
}


def _value_cells(value: Value) -> list[tuple[str, str | None]]:
    """Value and unit cells that may read back as ``value``, the most natural first."""
    unit = value.unit
    if value.comparator is Comparator.GT:
        if value.interval.upper is None:
            return [(f"超过{value.text}", unit)]
        cells: list[tuple[str, str | None]] = []
        for scale in ("万亿", "亿", "万"):  # 2.2万余个: 余 follows the scale, before the unit
            if unit is not None and unit.startswith(scale) and len(unit) > len(scale):
                cells.append((f"{value.text}{scale}余", unit[len(scale) :]))
                break
        return [*cells, (f"{value.text}余", unit)]
    if value.comparator is Comparator.APPROX and value.interval.upper == value.number:
        return [(f"近{value.text}", unit)]
    before, after = _WRITTEN_FORMS[value.comparator]
    return [(f"{before}{value.text}{after}", unit)]


def _reads_back(cell: str, unit: str | None) -> Value | None:
    try:
        return Value.parse(written_value(cell, unit))
    except (TownkpiError, ValueError, ArithmeticError, InvalidOperation):
        return None


def record_from_fact(fact: Fact, row: int | None = None) -> Record:
    """One fact as a record that reads back to the same fact.

    [`facts_from_records`][townkpi.records.facts_from_records] turns the record into a fact equal
    to ``fact`` apart from its span, sentence and ``record``.

    Args:
        fact: The fact.
        row: The row number to give the record, if any.
    """
    value = fact.value
    cells = _value_cells(value)
    cell, unit = cells[-1]
    interval: str | None = format_interval(value.interval)
    for c, u in cells:
        if _reads_back(c, u) == value:
            cell, unit, interval = c, u, None
            break
    written = written_value(cell, unit)
    return Record(
        id=fact.id,
        indicator=fact.indicator,
        subject=fact.subject,
        value=cell,
        unit=unit,
        kind=fact.kind.value,
        period=None if fact.period is None else str(fact.period),
        modality=fact.modality.value,
        refers_to=fact.refers_to,
        qualifiers=" ".join(fact.qualifiers),
        interval=interval,
        surface=None if fact.surface in {"", written} else fact.surface,
        row=row,
        extras=fact.extras,
    )


def records_from_report(report: Report) -> tuple[Record, ...]:
    """Every fact of a report as a record, in order.

    See [`Report.to_records`][townkpi.model.Report.to_records].
    """
    return tuple(record_from_fact(f) for f in report.facts)
