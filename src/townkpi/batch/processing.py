"""The pure function a batch maps over its files: [`process`][townkpi.batch.processing.process].

``process(path, options)`` reads one file, extracts its facts, runs the checks and builds the
targets of its plan, and returns a [`FileResult`][townkpi.batch.result.FileResult]. It never
raises for a bad file: an unreadable, empty, binary or undecodable file, a table with bad rows, or
a crash in extraction becomes a result with status ``error``, its code and a one-line message. It
depends only on its arguments and the file, so it maps the same way over a process pool, Dask or
Spark.

Example:
    >>> from pathlib import Path
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     empty = Path(tmp) / "empty.txt"
    ...     _ = empty.write_bytes(b"")
    ...     result = process(str(empty), BatchOptions())
    >>> result.status.value, result.error_code
    ('error', 'E-EMPTY')
"""

from __future__ import annotations

import functools
import hashlib
import importlib
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from townkpi.batch.result import FileResult, FileStatus
from townkpi.document import DEFAULT_MAX_BYTES, Document, decode
from townkpi.errors import InputError, TownkpiError
from townkpi.model import Report

if TYPE_CHECKING:
    from townkpi.config import Config

__all__ = ["CRASH_CODE", "BatchOptions", "file_key", "process"]

CRASH_CODE = "E-CRASH"
"""The error code of a file whose processing raised an unexpected exception."""


@attrs.frozen(slots=True, kw_only=True)
class BatchOptions:
    """How each file of a batch is processed (plain data, so it pickles to worker processes).

    Attributes:
        config: A ``townkpi.toml`` (or ``pyproject.toml``) to select checks and set severities,
            or None for the defaults.
        max_bytes: Files larger than this are recorded as ``E-TOO-LARGE`` and not read.
        keep_text: Keep the decoded text in each result's report (it is dropped by default: the
            file holds it, and results are smaller without it).
    """

    config: str | None = None
    max_bytes: int = attrs.field(default=DEFAULT_MAX_BYTES, validator=attrs.validators.gt(0))
    keep_text: bool = False


@functools.cache
def _config(path: str | None) -> Config:
    from townkpi.config import Config, load_config  # noqa: PLC0415 - loaded once per process

    return Config() if path is None else load_config(path)


def _read(path: str, max_bytes: int) -> bytes:
    p = Path(path)
    if p.is_dir():
        raise InputError(path, "is a directory, not a report file", "E-DIRECTORY")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            reason = f"file of {size} bytes is over the limit of {max_bytes} bytes"
            raise InputError(path, reason, "E-TOO-LARGE")
        with p.open("rb") as f:  # never more than the limit: a device or a growing file
            data = f.read(max_bytes + 1)
        if len(data) > max_bytes:
            reason = f"more than the limit of {max_bytes} bytes to read"
            raise InputError(path, reason, "E-TOO-LARGE")
        return data
    except FileNotFoundError as exc:
        raise InputError(path, "no such file", "E-MISSING") from exc
    except InputError:
        raise
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}", "E-INPUT") from exc


def file_key(path: str) -> tuple[str, str]:
    """``(path, sha256)`` of a file as [`process`][townkpi.batch.processing.process] records it.

    The hash is ``""`` when the file cannot be read, as in the recorded result.
    """
    try:
        return (path, hashlib.sha256(Path(path).read_bytes()).hexdigest())
    except OSError:
        return (path, "")


def _extract(document: Document, config: Config) -> Report:
    from townkpi.plugins import default_host  # noqa: PLC0415 - the plugins load with the first file

    extract = importlib.import_module("townkpi.extract").extract
    host = default_host(tuple(sorted(set(config.disabled_plugins))))
    report = extract(document, options=host.extract_options())
    if not isinstance(report, Report):  # pragma: no cover - a broken extract module
        raise TypeError(f"townkpi.extract returned {type(report).__name__}, not Report")
    return report


def _report(path: str, data: bytes, config: Config) -> Report:
    from townkpi.records import is_records_path, read_records  # noqa: PLC0415

    if is_records_path(path):
        return read_records(path).raise_for_problems()
    return _extract(decode(data, path), config)


def _crash(stage: str, exc: Exception) -> str:
    detail = str(exc).strip().splitlines()
    reason = f"{type(exc).__name__}: {detail[0]}" if detail else type(exc).__name__
    return f"{stage} crashed with {reason}"


def process(path: str, options: BatchOptions) -> FileResult:
    """Read, extract, check and build the targets of one file; never raises for a bad file.

    Args:
        path: A report's text (any encoding [`decode`][townkpi.document.decode] reads, or HTML),
            or a table of records (``.csv``, ``.json``, ``.toml``, ``.sqlite``, ``.db``).
        options: How to process it.

    Returns:
        The result: status ``ok`` with the report, findings and targets, or status ``error``
        with the error's code (the [`TownkpiError`][townkpi.errors.TownkpiError] code, or
        ``E-CRASH`` for an unexpected exception) and a one-line message.
    """
    from townkpi.run import check  # noqa: PLC0415 - the checks load with the first file
    from townkpi.targets import targets_from_report  # noqa: PLC0415

    try:
        data = _read(path, options.max_bytes)
    except InputError as exc:
        return FileResult(path=path, status=FileStatus.ERROR, error_code=exc.code, error=str(exc))
    base = FileResult(path=path, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    stage = "extraction"
    try:
        config = _config(options.config)
        report = _report(path, data, config)
        stage = "the checks"
        result = check(report, config=config)
        stage = "target building"
        targets = targets_from_report(report)
    except TownkpiError as exc:
        message = " ".join(str(exc).split())
        return attrs.evolve(base, status=FileStatus.ERROR, error_code=exc.code, error=message)
    except Exception as exc:  # a crash is recorded, it never stops the batch
        message = f"{path}: {_crash(stage, exc)}"
        return attrs.evolve(base, status=FileStatus.ERROR, error_code=CRASH_CODE, error=message)
    if not options.keep_text:
        report = attrs.evolve(report, text="")
    return attrs.evolve(
        base, report=report, findings=result.findings, targets=targets, faults=result.faults
    )
