"""townkpi: typed, unit-checked facts from Chinese local-government work reports.

The public API, in the order a reader meets it:

- values: [`parse_numeral`][townkpi.parse_numeral] reads a written number, [`Interval`][townkpi.Interval]
  is the exact set of true values a rounded or qualified figure stands for, and
  [`parse_unit`][townkpi.parse_unit] resolves a unit against the one pint registry;
- the model: [`Value`][townkpi.Value], [`Fact`][townkpi.Fact], [`Period`][townkpi.Period],
  [`Span`][townkpi.Span], [`SkippedMention`][townkpi.SkippedMention] and [`Report`][townkpi.Report];
- input: [`read_document`][townkpi.read_document] and [`decode`][townkpi.decode];
- errors: everything raised derives from [`TownkpiError`][townkpi.TownkpiError].
"""

from __future__ import annotations

from typing import Any

from townkpi.document import Document
from townkpi.document import decode
from townkpi.document import read_document
from townkpi.errors import DimensionMismatchError
from townkpi.errors import InputError
from townkpi.errors import NumberFormatError
from townkpi.errors import PluginError
from townkpi.errors import TownkpiError
from townkpi.errors import UnitError
from townkpi.interval import Interval
from townkpi.interval import Rounding
from townkpi.model import Fact
from townkpi.model import FactKind
from townkpi.model import Modality
from townkpi.model import Period
from townkpi.model import Report
from townkpi.model import SkippedMention
from townkpi.model import SkipReason
from townkpi.model import Span
from townkpi.model import Value
from townkpi.numbers import Comparator
from townkpi.numbers import Numeral
from townkpi.numbers import parse_numeral
from townkpi.units import Unit
from townkpi.units import UnitCategory
from townkpi.units import conversion_factor
from townkpi.units import convert
from townkpi.units import format_quantity
from townkpi.units import parse_unit
from townkpi.units import quantity

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


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - lazy, as pluggy does

        return version("townkpi")
    raise AttributeError(f"module 'townkpi' has no attribute {name!r}")
