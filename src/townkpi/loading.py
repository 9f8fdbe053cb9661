"""One entry point for any source: a report's text or a table of records.

[`load`][townkpi.loading.load] chooses by the file's suffix: ``.csv``, ``.json``, ``.toml``,
``.sqlite`` and ``.db`` are tables of records (see [`townkpi.records`][townkpi.records]);
anything else is report text, decoded and extracted. Either way the result is a
[`Report`][townkpi.model.Report] of typed facts that the checks and targets take alike.
[`load_result`][townkpi.loading.load_result] does the same but keeps going past bad rows of a
table, returning each problem as data (the command line reports them as findings).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from townkpi.records import RecordsResult, is_records_path, read_records

if TYPE_CHECKING:
    from townkpi.extract import ExtractOptions
    from townkpi.model import Report

__all__ = ["load", "load_result"]


def load_result(
    path: str | os.PathLike[str],
    *,
    table: str = "indicators",
    options: ExtractOptions | None = None,
) -> RecordsResult:
    """Read a report or a table of records, keeping every good row of a table.

    Args:
        path: A table (``.csv``, ``.json``, ``.toml``, ``.sqlite``, ``.db``) or report text.
        table: For SQLite: the table to read.
        options: For report text: how to extract (the report's year, rounding …). By default,
            with the units and phrases of the installed plugins
            ([`PluginHost.extract_options`][townkpi.plugins.PluginHost.extract_options]).

    Returns:
        The report, and a problem for each row of a table that could not be read (none for text).

    Raises:
        InputError: The file is missing, undecodable, or not the format its suffix says.
    """
    if is_records_path(path):
        return read_records(path, table=table)
    from townkpi.document import read_document  # noqa: PLC0415 - text extraction only when needed
    from townkpi.extract import extract  # noqa: PLC0415

    document = read_document(path)
    if options is None:
        from townkpi.plugins import default_host  # noqa: PLC0415

        options = default_host().extract_options()
    return RecordsResult(report=extract(document, options=options))


def load(
    path: str | os.PathLike[str],
    *,
    table: str = "indicators",
    options: ExtractOptions | None = None,
) -> Report:
    """Read a report or a table of records into a report of facts.

    A table with bad rows raises, so that no row is lost unnoticed; to keep going with the good
    rows and get each problem as data, use [`load_result`][townkpi.loading.load_result].

    Args:
        path: A ``.csv``, ``.json`` (the ``townkpi facts`` JSON or an array of records),
            ``.toml``, ``.sqlite`` or ``.db`` table, or a report's text (any other suffix).
        table: For SQLite: the table to read.
        options: For report text: how to extract (the report's year, rounding …). By default,
            with the units and phrases of the installed plugins.

    Returns:
        The report: facts from records carry ``record="row N"`` and no span; facts from text
        carry their spans.

    Raises:
        RecordsError: Some rows of a table could not be read; it names every row and column and
            carries the report of the good rows.
        InputError: The file is missing, undecodable, or not the format its suffix says.

    Examples:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "plan.txt"
        ...     _ = path.write_text("确保全年新进规企业超过10家。", encoding="utf-8")
        ...     [(str(f.value), f.modality.value) for f in load(path).facts]
        [('10家', 'target')]
    """
    return load_result(path, table=table, options=options).raise_for_problems()
