"""A report's facts as a pandas DataFrame (the ``pandas`` extra).

[`facts_frame`][townkpi.frame.facts_frame] (also ``Report.to_frame()``) gives one row per fact with
the columns of the facts JSON contract, exact values kept exact: ``value`` is a `Decimal` as
written, ``lower``/``upper`` are `Fraction` ends of the interval (None when unbounded), and
``quantity`` is the value as an exact pint quantity in the unit as written, ready for unit
conversion (``townkpi.convert(q, "万元")``). The row index is the fact id.

pandas is imported only when a frame is asked for; without it,
[`facts_frame`][townkpi.frame.facts_frame] raises a [`TownkpiError`][townkpi.errors.TownkpiError]
that says how to install it.

Examples:
    >>> from townkpi.model import Fact, FactKind, Report, Value
    >>> report = Report(
    ...     source="r",
    ...     facts=[Fact(id="f1", kind=FactKind.AMOUNT, value=Value.parse("131.5亿元"))],
    ... )
    >>> frame = report.to_frame()
    >>> frame.loc["f1", "value"], frame.loc["f1", "unit"]
    (Decimal('131.5'), '亿元')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from townkpi.errors import TownkpiError
from townkpi.model import Fact, Report

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FRAME_COLUMNS", "facts_frame"]

FRAME_COLUMNS: Final = (
    "kind",
    "surface",
    "value",
    "unit",
    "lower",
    "upper",
    "lower_closed",
    "upper_closed",
    "comparator",
    "indicator",
    "subject",
    "period",
    "modality",
    "qualifiers",
    "refers_to",
    "start",
    "end",
    "line",
    "column",
    "record",
    "quantity",
)
"""The columns of the frame, in order (the index is the fact id)."""


def _row(fact: Fact) -> dict[str, Any]:
    span, iv = fact.span, fact.interval
    return {
        "kind": fact.kind.value,
        "surface": fact.surface or str(fact.value),
        "value": fact.value.number,
        "unit": fact.unit,
        "lower": iv.lower,
        "upper": iv.upper,
        "lower_closed": iv.lower_closed,
        "upper_closed": iv.upper_closed,
        "comparator": fact.comparator.value,
        "indicator": fact.indicator,
        "subject": fact.subject,
        "period": None if fact.period is None else str(fact.period),
        "modality": fact.modality.value,
        "qualifiers": fact.qualifiers,
        "refers_to": fact.refers_to,
        "start": None if span is None else span.start,
        "end": None if span is None else span.end,
        "line": None if span is None else span.line,
        "column": None if span is None else span.column,
        "record": fact.record,
        "quantity": fact.quantity,
    }


def facts_frame(report: Report) -> pd.DataFrame:
    """One row per fact, indexed by id, with the [`FRAME_COLUMNS`][townkpi.frame.FRAME_COLUMNS].

    Columns holding numbers are of dtype ``object`` so that they stay exact (`Decimal`,
    `Fraction`, pint quantities); convert with ``frame["value"].astype(float)`` when floats will do.

    Raises:
        TownkpiError: pandas is not installed (install the extra: ``pip install townkpi[pandas]``).
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional extra, imported only when used
    except ImportError as exc:
        raise TownkpiError(
            "Report.to_frame() needs pandas, which is not installed: pip install 'townkpi[pandas]'"
        ) from exc
    rows = [_row(f) for f in report.facts]
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS), dtype=object)
    frame.index = pd.Index([f.id for f in report.facts], name="id", dtype=object)
    return frame
