"""One entry point for any source: a report's text or a table of records.

[`load`][townkpi.loading.load] chooses by the file's suffix: ``.csv``, ``.json``, ``.toml``,
``.sqlite`` and ``.db`` are tables of records (see [`townkpi.records`][townkpi.records]);
anything else is report text, decoded and extracted. Either way the result is a
[`Report`][townkpi.model.Report] of typed facts that the checks and targets take alike.
"""

from __future__ import annotations

import importlib
import os

from townkpi.errors import TownkpiError
from townkpi.model import Report
from townkpi.records import is_records_path, read_records

__all__ = ["load"]


def load(path: str | os.PathLike[str], *, table: str = "indicators") -> Report:
    """Read a report or a table of records into a report of facts.

    A table with bad rows raises, so that no row is lost unnoticed; to keep going with the good
    rows and get each problem as data, use [`read_records`][townkpi.records.read_records].

    Args:
        path: A ``.csv``, ``.json`` (the ``townkpi facts`` JSON or an array of records),
            ``.toml``, ``.sqlite`` or ``.db`` table, or a report's text (any other suffix).
        table: For SQLite: the table to read.

    Returns:
        The report: facts from records carry ``record="row N"`` and no span; facts from text
        carry their spans.

    Raises:
        RecordsError: Some rows of a table could not be read; it names every row and column and
            carries the report of the good rows.
        InputError: The file is missing, undecodable, or not the format its suffix says.
        TownkpiError: Reading report text needs `townkpi.extract`, and it is not available.
    """
    if is_records_path(path):
        return read_records(path, table=table).raise_for_problems()
    try:
        extract = importlib.import_module("townkpi.extract").extract
    except (ImportError, AttributeError) as exc:
        raise TownkpiError(
            f"{path}: reading report text needs townkpi.extract, which is not available ({exc})"
        ) from exc
    from townkpi.document import read_document  # noqa: PLC0415 - with extract, only for text

    report = extract(read_document(path))
    if not isinstance(report, Report):  # pragma: no cover - a broken extract module
        raise TownkpiError(f"{path}: townkpi.extract returned {type(report).__name__}, not Report")
    return report
