"""Running a batch: map the pure function over files and write each result to a store.

[`run_batch`][townkpi.batch.run.run_batch] maps [`process`][townkpi.batch.processing.process] over
the files.

With ``jobs=1`` the files are processed in this process; with more, by a pool of that many worker
processes (``concurrent.futures.ProcessPoolExecutor``). Results are written in input order either
way, so the output is the same whatever the number of jobs. Files the store already holds (same
path, same SHA-256 of the content) are skipped, so an interrupted batch resumes where it stopped;
a file whose content changed is processed again and stored beside its earlier version.
"""

from __future__ import annotations

import concurrent.futures
import concurrent.futures.process
import itertools
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Final

from townkpi.batch.processing import BatchOptions, file_key, process
from townkpi.batch.result import FileResult
from townkpi.batch.store import Store
from townkpi.batch.summary import BatchSummary, FileSummary
from townkpi.errors import TownkpiError

__all__ = ["Progress", "pending", "run_batch"]

#: Files a store may keep beside its own (SQLite journals, a Parquet file being written).
_SIDECARS: Final = ("-journal", "-wal", "-shm", ".tmp")

Progress = Callable[[int, int, FileResult], None]
"""Called after each file: ``(files done, files to do, the file's result)``."""


def pending(paths: Sequence[str], store: Store) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split files into those to process and those the store already holds.

    Only files whose path the store knows are hashed. The store's own file (and its journal or
    temporary files) is neither, when it lies among the inputs.

    Returns:
        ``(to do, already done)``, each in input order.
    """
    done = store.done()
    known = {path for path, _ in done}
    own = store.path.resolve()
    sidecars = {own, *(own.with_name(own.name + s) for s in _SIDECARS)}
    todo: list[str] = []
    skipped: list[str] = []
    for path in paths:
        if Path(path).resolve() in sidecars:
            continue
        if path in known and file_key(path) in done:
            skipped.append(path)
        else:
            todo.append(path)
    return tuple(todo), tuple(skipped)


def _results(paths: Sequence[str], options: BatchOptions, jobs: int) -> Iterator[FileResult]:
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield process(path, options)
        return
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=min(jobs, len(paths)))
    try:
        yield from pool.map(process, paths, itertools.repeat(options))
    except concurrent.futures.process.BrokenProcessPool as exc:
        pool.shutdown(wait=True, cancel_futures=True)
        raise TownkpiError(
            "a worker process died (killed, or out of memory); the files done before it are "
            "stored: run the batch again to resume"
        ) from exc
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def run_batch(
    paths: Sequence[str],
    store: Store,
    *,
    options: BatchOptions | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> BatchSummary:
    """Process every file not yet in the store and write its result there.

    A bad file never stops the batch: its result is recorded with its error code and message.

    Args:
        paths: The files (see [`expand_paths`][townkpi.batch.paths.expand_paths]).
        store: Where the results go (see [`open_store`][townkpi.batch.store.open_store]).
        options: How each file is processed.
        jobs: How many worker processes (1: process the files here).
        progress: Called after each file is written.

    Returns:
        What was processed, what was skipped as already done, and the plugin faults.

    Raises:
        TownkpiError: A worker process died (killed, or out of memory); the files before it are
            stored, and running the batch again resumes after them.
    """
    options = options or BatchOptions()
    todo, skipped = pending(paths, store)
    files: list[FileSummary] = []
    faults: dict[str, None] = {}
    for i, result in enumerate(_results(todo, options, jobs), start=1):
        store.write(result)
        files.append(FileSummary.of(result))
        faults.update((str(f), None) for f in result.faults)
        if progress is not None:
            progress(i, len(todo), result)
    return BatchSummary(files=files, skipped=skipped, faults=faults)
