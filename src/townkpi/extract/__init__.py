"""Extraction: every number of a report becomes a typed fact, or a skipped mention with a reason.

[`extract`][townkpi.extract.extract] reads a report's text (or a decoded
[`Document`][townkpi.document.Document]) into a [`Report`][townkpi.model.Report]: facts with
kind, exact value and unit, indicator, subject, period, modality, qualifiers and links, and the
numbers that are not measurements (years, dates, ordinals, labels …) with their reason.
[`accounted_for`][townkpi.extract.accounted_for] lists the runs of digits that neither covers (none,
for a correct extraction). [`ExtractOptions`][townkpi.extract.ExtractOptions] sets the report year,
the rounding convention, the band of 约, and the units and phrases plugins contribute
([`unit_symbols`][townkpi.extract.unit_symbols] reads a plugin's unit definitions).

Example:
    >>> r = extract("完成拆迁169户，完成率98.8%。", year=2023)
    >>> for f in r.facts:
    ...     print(f.kind.value, f.value, f.indicator, f.refers_to)
    amount 169户 拆迁 None
    rate 98.8% 拆迁 f1
"""

from __future__ import annotations

from townkpi.extract.coverage import accounted_for
from townkpi.extract.extractor import ExtractOptions, extract
from townkpi.extract.scanner import unit_symbols

__all__ = ["ExtractOptions", "accounted_for", "extract", "unit_symbols"]
