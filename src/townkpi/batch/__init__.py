"""Many reports at once: a pure function per file, a process pool, and a store to query.

[`process`][townkpi.batch.processing.process] reads, extracts, checks and builds the targets of
one file and returns a frozen [`FileResult`][townkpi.batch.FileResult]; it never raises for a bad
file.
[`run_batch`][townkpi.batch.run_batch] maps it over files (one worker process per job) and writes
each result to a [`Store`][townkpi.batch.Store] chosen by [`open_store`][townkpi.batch.open_store]:
SQLite (the embedded default), JSON Lines, or Parquet (the ``parquet`` extra). Files already in the
store, by path and content hash, are skipped, so a batch resumes. ``townkpi batch`` is the command.

Example:
    >>> from pathlib import Path
    >>> import sqlite3, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "binary.txt").write_bytes(bytes(2))
    ...     out = Path(tmp, "out.sqlite")
    ...     with open_store(out) as store:
    ...         summary = run_batch(expand_paths([tmp]), store)
    ...     with sqlite3.connect(out) as con:
    ...         rows = con.execute("SELECT status, error_code FROM reports").fetchall()
    ...     con.close()
    >>> summary.failed, rows
    (1, [('error', 'E-BINARY')])
"""

from __future__ import annotations

from townkpi.batch.paths import expand_paths
from townkpi.batch.processing import BatchOptions, file_key, process
from townkpi.batch.result import FileResult, FileStatus
from townkpi.batch.run import Progress, run_batch
from townkpi.batch.store import STORE_SUFFIXES, Store, open_store
from townkpi.batch.summary import BatchSummary, FileSummary

__all__ = [
    "STORE_SUFFIXES",
    "BatchOptions",
    "BatchSummary",
    "FileResult",
    "FileStatus",
    "FileSummary",
    "Progress",
    "Store",
    "expand_paths",
    "file_key",
    "open_store",
    "process",
    "run_batch",
]
