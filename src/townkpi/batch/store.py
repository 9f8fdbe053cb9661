"""Where a batch writes its results: [`open_store`][townkpi.batch.store.open_store].

The store is chosen by the output's suffix: ``.sqlite``/``.sqlite3``/``.db`` (the embedded default,
[`SqliteStore`][townkpi.batch.sqlite.SqliteStore]), ``.jsonl``/``.ndjson``
([`JsonlStore`][townkpi.batch.jsonl.JsonlStore]) or ``.parquet``
([`ParquetStore`][townkpi.batch.parquet.ParquetStore], needs the ``parquet`` extra). Every store
knows which files it already holds, by path and content hash, so that a batch can resume.
"""

from __future__ import annotations

import os
from collections.abc import Set
from pathlib import Path
from types import TracebackType
from typing import Final, Protocol

from townkpi.batch.result import FileResult
from townkpi.errors import InputError

__all__ = ["STORE_SUFFIXES", "Store", "open_store"]

STORE_SUFFIXES: Final = {
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
}
"""The output suffixes and the store each selects."""


class Store(Protocol):
    """A batch's output: it knows what it holds, takes results one at a time, and closes."""

    @property
    def path(self) -> Path:
        """The output file."""

    def done(self) -> Set[tuple[str, str]]:
        """The ``(path, sha256)`` of every file already held."""

    def write(self, result: FileResult) -> None:
        """Add one file's result (durably, for the stores that can)."""

    def close(self) -> None:
        """Finish writing."""

    def __enter__(self) -> Store:
        """The store itself."""

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close the store."""


def open_store(path: str | os.PathLike[str]) -> Store:
    """Open (or create) the output of a batch, by its suffix.

    Raises:
        InputError: The suffix names no store, or the file exists but is not a batch output.
        TownkpiError: ``.parquet`` without pyarrow installed.
    """
    p = Path(path)
    kind = STORE_SUFFIXES.get(p.suffix.lower())
    if kind == "sqlite":
        from townkpi.batch.sqlite import SqliteStore  # noqa: PLC0415

        return SqliteStore(p)
    if kind == "jsonl":
        from townkpi.batch.jsonl import JsonlStore  # noqa: PLC0415

        return JsonlStore(p)
    if kind == "parquet":
        from townkpi.batch.parquet import ParquetStore  # noqa: PLC0415

        return ParquetStore(p)
    known = ", ".join(STORE_SUFFIXES)
    raise InputError(str(p), f"unknown output format {p.suffix!r} (expected one of {known})")
