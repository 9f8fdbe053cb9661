"""The Parquet store (the optional extra ``townkpi[parquet]``, which installs pyarrow).

One row per file, with the same columns as the JSON Lines objects: the file's row, then nested
lists of ``facts``, ``skipped``, ``findings`` and ``targets`` (structs with the columns of
[`townkpi.batch.rows`][townkpi.batch.rows]; a finding's ``evidence`` is JSON text), and ``counts``.

Parquet files are written whole: the rows of a run are kept in memory and written, together with
the rows already in the file, when the store closes (to a temporary file first, then renamed into
place), so a run that is killed outright adds nothing. For very large corpora prefer SQLite, which
writes each file as it is done.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Sequence, Set
from pathlib import Path
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any, Final

from townkpi.batch.result import FileResult
from townkpi.batch.rows import (
    FACT_COLUMNS,
    FINDING_COLUMNS,
    REPORT_COLUMNS,
    SKIPPED_COLUMNS,
    TARGET_COLUMNS,
    Row,
    file_object,
)
from townkpi.errors import InputError, TownkpiError
from townkpi.findings import Severity

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["ParquetStore", "arrow_schema"]

_MISSING: Final = (
    "writing .parquet needs pyarrow, which is not installed: "
    "pip install 'townkpi[parquet]' (or write .sqlite or .jsonl)"
)


def _pyarrow() -> ModuleType:
    try:
        arrow = importlib.import_module("pyarrow")
        importlib.import_module("pyarrow.parquet")  # an attribute of pyarrow from now on
    except ImportError as exc:
        raise TownkpiError(_MISSING) from exc
    return arrow


def _struct(
    arrow: ModuleType, columns: Sequence[tuple[str, str]], special: dict[str, pa.DataType]
) -> pa.StructType:
    fields = []
    for name, sql in columns:
        default = arrow.int64() if sql.startswith("INTEGER") else arrow.string()
        fields.append(arrow.field(name, special.get(name, default)))
    return arrow.struct(fields)


def arrow_schema() -> pa.Schema:
    """The Arrow schema of the Parquet output.

    Raises:
        TownkpiError: pyarrow is not installed.
    """
    arrow = _pyarrow()
    strings = arrow.list_(arrow.string())
    fact = _struct(
        arrow,
        FACT_COLUMNS,
        {"qualifiers": strings, "lower_closed": arrow.bool_(), "upper_closed": arrow.bool_()},
    )
    finding = _struct(
        arrow, FINDING_COLUMNS, {"spans": arrow.list_(arrow.list_(arrow.int64())), "facts": strings}
    )
    counts = arrow.struct([arrow.field(s.value, arrow.int64()) for s in Severity])
    report = _struct(arrow, REPORT_COLUMNS, {"faults": strings})
    return arrow.schema(
        [
            *report,
            arrow.field("facts", arrow.list_(fact)),
            arrow.field("skipped", arrow.list_(_struct(arrow, SKIPPED_COLUMNS, {}))),
            arrow.field("findings", arrow.list_(finding)),
            arrow.field("targets", arrow.list_(_struct(arrow, TARGET_COLUMNS, {}))),
            arrow.field("counts", counts),
        ]
    )


def _row(result: FileResult) -> Row:
    obj = file_object(result)
    for finding in obj["findings"]:
        finding["evidence"] = json.dumps(finding["evidence"], ensure_ascii=False)
    return obj


class ParquetStore:
    """A batch's results as one Parquet file, written when the store closes.

    Args:
        path: The ``.parquet`` file (its rows are kept when it exists).

    Raises:
        TownkpiError: pyarrow is not installed.
        InputError: The file exists but is not a Parquet batch output.
    """

    def __init__(self, path: Path) -> None:
        self._pa = _pyarrow()
        self._path = path
        self._schema = arrow_schema()
        self._old: Any = None
        self._rows: list[Row] = []
        if path.exists():
            try:
                old = self._pa.parquet.read_table(path)
            except (OSError, self._pa.ArrowInvalid) as exc:
                raise InputError(str(path), f"not a Parquet file: {exc}") from exc
            if not old.schema.equals(self._schema):
                raise InputError(str(path), "is not a townkpi batch output (other columns)")
            self._old = old
        done: set[tuple[str, str]] = set()
        if self._old is not None:
            done.update(
                zip(
                    self._old.column("path").to_pylist(),
                    self._old.column("sha256").to_pylist(),
                    strict=True,
                )
            )
        self._done = frozenset(done)

    @property
    def path(self) -> Path:
        """The output file."""
        return self._path

    def done(self) -> Set[tuple[str, str]]:
        """The ``(path, sha256)`` of every file in the file when it was opened."""
        return self._done

    def write(self, result: FileResult) -> None:
        """Keep one file's row, to be written on close."""
        self._rows.append(_row(result))

    def close(self) -> None:
        """Write the old rows and this run's rows to the file (replacing it atomically)."""
        if not self._rows and self._old is not None:
            return
        arrow = self._pa
        table = arrow.Table.from_pylist(self._rows, schema=self._schema)
        if self._old is not None:
            table = arrow.concat_tables([self._old, table])
        tmp = self._path.with_name(self._path.name + ".tmp")
        arrow.parquet.write_table(table, tmp)
        tmp.replace(self._path)
        self._rows = []

    def __enter__(self) -> ParquetStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
