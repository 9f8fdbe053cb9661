"""``townkpi batch PATHS… --jobs N --out FILE``: extract and check many reports into one store.

Each PATH is a report (or a table of records), or a directory standing for every file beneath it.
Every file is read, extracted, checked and its plan's targets built by
[`townkpi.batch.process`][townkpi.batch.processing.process], in ``--jobs`` worker processes, and
written to ``--out``: ``.sqlite`` (the default store, ``townkpi.sqlite``), ``.jsonl`` or
``.parquet`` (needs ``pip install 'townkpi[parquet]'``). A file that cannot be read or whose
extraction crashes is recorded with its error code and message, and the batch goes on. Files
already in the output (same path, same content) are skipped, so an interrupted batch resumes
where it stopped.

A progress bar is drawn on standard error when it is a terminal. At the end, a table of the
files processed (status, facts, findings by severity, targets) and the totals is printed.

Exit status: 0 when every file processed was read and checked, 1 when some file was recorded with
an error, 2 for bad usage or an output that cannot be used.
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from typing import TYPE_CHECKING, Final, TextIO

if TYPE_CHECKING:
    from townkpi.batch import BatchSummary, FileResult

__all__ = ["add_parser", "run"]

EXIT_OK: Final = 0
EXIT_FILE_ERRORS: Final = 1
DEFAULT_OUT: Final = "townkpi.sqlite"
_BAR_WIDTH: Final = 24


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``townkpi batch`` to the command line."""
    parser = subparsers.add_parser(
        "batch",
        help="extract and check many reports into one SQLite, JSON Lines or Parquet file",
        description=(
            "Read, extract and check every file of PATHS (directories stand for their files) "
            "in parallel, and store the facts, findings and targets of each in --out. Bad files "
            "are recorded and skipped; files already in --out are not done again."
        ),
    )
    parser.add_argument("paths", metavar="PATH", nargs="+", help="report files or directories")
    parser.add_argument(
        "--out",
        "-o",
        metavar="FILE",
        default=DEFAULT_OUT,
        help=f"the store: .sqlite, .db, .jsonl or .parquet (default: {DEFAULT_OUT})",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        metavar="N",
        type=_jobs,
        default=1,
        help="worker processes (default: 1; 0: one per CPU)",
    )
    parser.add_argument(
        "--config", metavar="FILE", default=None, help="a townkpi.toml or pyproject.toml"
    )
    parser.add_argument(
        "--keep-text",
        action="store_true",
        help="keep each report's text in the results (the stores do not write it)",
    )
    parser.set_defaults(func=run)


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"not a number of jobs: {text!r} (0 for one per CPU)")
    return n


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in {"W", "F"} else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


class _Bar:
    """A one-line progress bar on a terminal; draws nothing elsewhere."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._on = stream.isatty()
        self._failed = 0

    def __call__(self, done: int, total: int, result: FileResult) -> None:
        if not result.ok:
            self._failed += 1
        if not self._on:
            return
        filled = _BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
        failed = f", {self._failed} failed" if self._failed else ""
        self._stream.write(f"\r\x1b[K[{bar}] {done}/{total} files{failed}")
        self._stream.flush()

    def close(self) -> None:
        if self._on:
            self._stream.write("\r\x1b[K")
            self._stream.flush()


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _summary(summary: BatchSummary, out: str) -> str:
    header = ("file", "status", "facts", "errors", "warnings", "info", "targets")
    rows = [
        (
            f.path,
            f.status.value if f.error_code is None else f.error_code,
            *(str(n) for n in (f.facts, f.errors, f.warnings, f.infos, f.targets)),
        )
        for f in summary.files
    ]
    lines: list[str] = []
    if rows:
        widths = [max(_width(r[i]) for r in (header, *rows)) for i in range(len(header))]
        for r in (header, *rows):
            cells = [_pad(r[0], widths[0]), _pad(r[1], widths[1])]
            cells.extend(c.rjust(w) for c, w in zip(r[2:], widths[2:], strict=True))
            lines.append("  ".join(cells).rstrip())
        lines.append("")
    lines.extend(f"{f.error_code} {f.error}" for f in summary.files if f.error)
    lines.extend(f"plugin fault: {fault}" for fault in summary.faults)
    lines.append(
        f"{_count(len(summary.files), 'file')} processed ({summary.ok} ok, {summary.failed} "
        f"recorded with an error), {len(summary.skipped)} skipped as already in {out}; "
        f"{_count(summary.facts, 'fact')}, {_count(summary.errors, 'error')}, "
        f"{_count(summary.warnings, 'warning')}, {summary.infos} info findings, "
        f"{_count(summary.targets, 'target')}"
    )
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Run ``townkpi batch``; returns the exit status."""
    from townkpi.batch import (  # noqa: PLC0415 - heavy imports only when run
        BatchOptions,
        expand_paths,
        open_store,
        run_batch,
    )
    from townkpi.config import find_config, load_config  # noqa: PLC0415

    config = args.config or find_config()
    if config is not None:
        load_config(config)  # a bad configuration stops the batch before it starts
    options = BatchOptions(config=None if config is None else str(config), keep_text=args.keep_text)
    if args.max_bytes is not None:  # --max-bytes (added by townkpi.cli to every reader)
        import attrs  # noqa: PLC0415

        options = attrs.evolve(options, max_bytes=args.max_bytes)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    paths = expand_paths(args.paths)
    bar = _Bar(sys.stderr)
    with open_store(args.out) as store:
        try:
            summary = run_batch(paths, store, options=options, jobs=jobs, progress=bar)
        finally:
            bar.close()
    sys.stdout.write(_summary(summary, args.out))
    return EXIT_FILE_ERRORS if summary.failed else EXIT_OK
