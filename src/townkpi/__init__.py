"""townkpi: typed, unit-checked facts from Chinese local-government work reports.

The public API, in the order a reader meets it:

- values: [`parse_numeral`][townkpi.parse_numeral] reads a written number,
  [`Interval`][townkpi.Interval] is the exact set of true values a rounded or qualified figure
  stands for, and [`parse_unit`][townkpi.parse_unit] resolves a unit against the one pint
  registry;
- the model: [`Value`][townkpi.Value], [`Fact`][townkpi.Fact], [`Period`][townkpi.Period],
  [`Span`][townkpi.Span], [`SkippedMention`][townkpi.SkippedMention] and [`Report`][townkpi.Report];
- input: [`read_document`][townkpi.read_document] and [`decode`][townkpi.decode];
- errors: everything raised derives from [`TownkpiError`][townkpi.TownkpiError].
"""

from __future__ import annotations

from townkpi.document import Document, decode, read_document
from townkpi.errors import (
    DimensionMismatchError,
    InputError,
    NumberFormatError,
    PluginError,
    TownkpiError,
    UnitError,
)
from townkpi.interval import Interval, Rounding
from townkpi.model import (
    Fact,
    FactKind,
    Modality,
    Period,
    Report,
    SkippedMention,
    SkipReason,
    Span,
    Value,
)
from townkpi.numbers import Comparator, Numeral, parse_numeral
from townkpi.units import (
    Unit,
    UnitCategory,
    conversion_factor,
    convert,
    format_quantity,
    parse_unit,
    quantity,
)

__all__ = [
    "Comparator",
    "DimensionMismatchError",
    "Document",
    "Fact",
    "FactKind",
    "InputError",
    "Interval",
    "Modality",
    "NumberFormatError",
    "Numeral",
    "Period",
    "PluginError",
    "Report",
    "Rounding",
    "SkipReason",
    "SkippedMention",
    "Span",
    "TownkpiError",
    "Unit",
    "UnitCategory",
    "UnitError",
    "Value",
    "conversion_factor",
    "convert",
    "decode",
    "format_quantity",
    "parse_numeral",
    "parse_unit",
    "quantity",
    "read_document",
]


def __getattr__(name: str) -> str:
    """The package version, read lazily from the installed distribution's metadata."""
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - lazy, as pluggy does

        return version("townkpi")
    raise AttributeError(f"module 'townkpi' has no attribute {name!r}")
