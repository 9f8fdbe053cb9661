"""What a batch did: a summary per file processed, and of the whole run.

[`FileSummary`][townkpi.batch.summary.FileSummary] holds one file's counts,
[`BatchSummary`][townkpi.batch.summary.BatchSummary] the run's.

Summaries are small (counts, not facts), so a batch over many files keeps them all in memory while
the full results go to the store.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from townkpi.batch.result import FileResult, FileStatus
from townkpi.findings import Severity

__all__ = ["BatchSummary", "FileSummary"]


@attrs.frozen(slots=True, kw_only=True)
class FileSummary:
    """One processed file, in numbers.

    Attributes:
        path: The file.
        status: Read and checked, or an error.
        error_code: The error's code, for an error.
        error: The error's message, for an error.
        facts: How many facts were read.
        errors: How many findings of severity error.
        warnings: How many findings of severity warning.
        infos: How many findings of severity info.
        targets: How many targets its plan has.
    """

    path: str
    status: FileStatus
    error_code: str | None = None
    error: str | None = None
    facts: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    targets: int = 0

    @classmethod
    def of(cls, result: FileResult) -> FileSummary:
        """The summary of a file's result."""
        counts = result.counts
        return cls(
            path=result.path,
            status=result.status,
            error_code=result.error_code,
            error=result.error,
            facts=result.fact_count,
            errors=counts[Severity.ERROR.value],
            warnings=counts[Severity.WARNING.value],
            infos=counts[Severity.INFO.value],
            targets=len(result.targets),
        )


def _summaries(items: Iterable[FileSummary]) -> tuple[FileSummary, ...]:
    return tuple(items)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@attrs.frozen(slots=True, kw_only=True)
class BatchSummary:
    """One run of a batch.

    Attributes:
        files: The files processed in this run, in input order.
        skipped: The files left out because the output already held them (same path and hash).
        faults: Plugins that could not be loaded (their checks did not run), once each.
    """

    files: tuple[FileSummary, ...] = attrs.field(default=(), converter=_summaries)
    skipped: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    faults: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    @property
    def ok(self) -> int:
        """How many files were read and checked."""
        return sum(1 for f in self.files if f.status is FileStatus.OK)

    @property
    def failed(self) -> int:
        """How many files were recorded with an error."""
        return len(self.files) - self.ok

    @property
    def facts(self) -> int:
        """How many facts were read, over all files."""
        return sum(f.facts for f in self.files)

    @property
    def errors(self) -> int:
        """How many findings of severity error, over all files."""
        return sum(f.errors for f in self.files)

    @property
    def warnings(self) -> int:
        """How many findings of severity warning, over all files."""
        return sum(f.warnings for f in self.files)

    @property
    def infos(self) -> int:
        """How many findings of severity info, over all files."""
        return sum(f.infos for f in self.files)

    @property
    def targets(self) -> int:
        """How many targets, over all files."""
        return sum(f.targets for f in self.files)
