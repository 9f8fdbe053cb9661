"""Facts to and from plain data: the JSON contract of ``townkpi facts``.

The field names and meanings are a contract other tools read (``contract/facts.schema.json``):
``id, start, end, surface, kind, value, unit, lower, upper, comparator, indicator, subject, period,
modality, qualifiers, refers_to``; ``value/lower/upper`` are decimal strings, ``lower``/``upper``
are null for an unbounded end. townkpi adds ``lower_closed``/``upper_closed`` (so the interval
round-trips exactly), ``line``/``column``, ``sentence``, ``record`` and ``extras`` (the other
columns of a fact read from a table, as an object); readers may ignore them.

[`fact_from_dict`][townkpi.serialize.fact_from_dict] is the inverse of
[`fact_to_dict`][townkpi.serialize.fact_to_dict]: ``report_from_dict(report_to_dict(r)) == r``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from townkpi.errors import NumberFormatError
from townkpi.interval import Interval, format_fraction
from townkpi.model import Fact, FactKind, Modality, Period, Report, SkippedMention, Span, Value
from townkpi.numbers import Comparator

__all__ = [
    "fact_from_dict",
    "fact_to_dict",
    "report_from_dict",
    "report_to_dict",
    "skipped_from_dict",
    "skipped_to_dict",
]

JSONDict = dict[str, Any]


def _bound(x: Fraction | None) -> str | None:
    return None if x is None else format_fraction(x)


def _span_list(span: Span) -> list[int]:
    return [span.start, span.end, span.line, span.column]


def fact_to_dict(fact: Fact) -> JSONDict:
    """A fact as the JSON object of the facts contract (keys in contract order)."""
    span = fact.span
    return {
        "id": fact.id,
        "start": None if span is None else span.start,
        "end": None if span is None else span.end,
        "surface": fact.surface or str(fact.value),
        "kind": fact.kind.value,
        "value": fact.value.text,
        "unit": fact.value.unit,
        "lower": _bound(fact.interval.lower),
        "upper": _bound(fact.interval.upper),
        "comparator": fact.comparator.value,
        "indicator": fact.indicator,
        "subject": fact.subject,
        "period": None if fact.period is None else str(fact.period),
        "modality": fact.modality.value,
        "qualifiers": list(fact.qualifiers),
        "refers_to": fact.refers_to,
        "lower_closed": fact.interval.lower_closed,
        "upper_closed": fact.interval.upper_closed,
        "line": None if span is None else span.line,
        "column": None if span is None else span.column,
        "sentence": None if fact.sentence is None else _span_list(fact.sentence),
        "record": fact.record,
        "extras": dict(fact.extras),
    }


def skipped_to_dict(mention: SkippedMention) -> JSONDict:
    """A skipped mention as the JSON object of the facts contract."""
    return {
        "start": mention.span.start,
        "end": mention.span.end,
        "surface": mention.surface,
        "reason": mention.reason,
        "line": mention.span.line,
        "column": mention.span.column,
    }


def report_to_dict(report: Report) -> JSONDict:
    """A report as the top-level object of ``townkpi facts --format json``."""
    return {
        "source": report.source,
        "encoding": report.encoding,
        "year": report.year,
        "title": report.title,
        "facts": [fact_to_dict(f) for f in report.facts],
        "skipped": [skipped_to_dict(s) for s in report.skipped],
    }


def _decimal(text: object, field: str) -> Fraction:
    try:
        return Fraction(Decimal(str(text)))
    except (InvalidOperation, ValueError) as exc:
        raise NumberFormatError(str(text), 0, f"field {field!r} is not a decimal") from exc


def _span(data: Mapping[str, Any]) -> Span | None:
    if data.get("start") is None or data.get("end") is None:
        return None
    return Span(
        start=int(data["start"]),
        end=int(data["end"]),
        line=int(data.get("line") or 1),
        column=int(data.get("column") or 1),
    )


def _value(data: Mapping[str, Any]) -> Value:
    text = str(data["value"])
    comparator = Comparator(data.get("comparator", "="))
    lower = None if data.get("lower") is None else _decimal(data["lower"], "lower")
    upper = None if data.get("upper") is None else _decimal(data["upper"], "upper")
    lower_closed = bool(data.get("lower_closed", lower is not None))
    upper_closed = bool(data.get("upper_closed", upper is not None))
    interval = Interval(
        lower=lower, upper=upper, lower_closed=lower_closed, upper_closed=upper_closed
    )
    first = text
    if comparator is Comparator.RANGE and "-" in text.lstrip("-"):
        cut = text.index("-", 1) if text.startswith("-") else text.index("-")
        first = text[:cut]
    try:
        number = Decimal(first)
    except InvalidOperation as exc:
        raise NumberFormatError(text, 0, "field 'value' is not a number") from exc
    return Value(text=text, number=number, unit=data.get("unit"), interval=interval,
                 comparator=comparator)  # fmt: skip


def _span_from_list(items: list[int]) -> Span:
    line, column = (int(items[2]), int(items[3])) if len(items) >= 4 else (1, 1)  # noqa: PLR2004
    return Span(start=int(items[0]), end=int(items[1]), line=line, column=column)


def fact_from_dict(data: Mapping[str, Any]) -> Fact:
    """Rebuild a fact from its JSON object.

    Raises:
        NumberFormatError: ``value``, ``lower`` or ``upper`` is not a decimal.
        UnitError: ``unit`` is unknown.
        ValueError: A field has a value outside the contract (an unknown kind or modality).
    """
    sentence = data.get("sentence")
    return Fact(
        id=str(data["id"]),
        kind=FactKind(data["kind"]),
        value=_value(data),
        surface=str(data.get("surface") or ""),
        indicator=data.get("indicator"),
        subject=data.get("subject"),
        period=None if data.get("period") is None else Period.parse(str(data["period"])),
        modality=Modality(data.get("modality", "actual")),
        qualifiers=tuple(str(q) for q in data.get("qualifiers") or ()),
        span=_span(data),
        sentence=None if not sentence else _span_from_list(sentence),
        refers_to=data.get("refers_to"),
        record=data.get("record"),
        extras=tuple((data.get("extras") or {}).items()),
    )


def skipped_from_dict(data: Mapping[str, Any]) -> SkippedMention:
    """Rebuild a skipped mention from its JSON object."""
    span = _span(data)
    if span is None:
        raise ValueError("a skipped mention needs 'start' and 'end'")
    return SkippedMention(span=span, surface=str(data["surface"]), reason=str(data["reason"]))


def report_from_dict(data: Mapping[str, Any], text: str = "") -> Report:
    """Rebuild a report from the object ``townkpi facts --format json`` prints.

    Args:
        data: The parsed JSON.
        text: The report's text, if the caller has it (the JSON does not carry it).
    """
    return Report(
        source=str(data.get("source", "")),
        text=text,
        encoding=str(data.get("encoding", "utf-8")),
        facts=tuple(fact_from_dict(f) for f in data.get("facts", ())),
        skipped=tuple(skipped_from_dict(s) for s in data.get("skipped", ())),
        year=data.get("year"),
        title=data.get("title"),
    )
