"""What processing one file gives: a [`FileResult`][townkpi.batch.result.FileResult].

A file result is plain frozen data, so that it crosses process boundaries (it pickles) and can be
written to any store: the report of facts (without its text unless asked for), the findings of the
checks, the targets of its plan, or the error that stopped the file.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from townkpi.findings import Finding, PluginFault, Severity
from townkpi.model import Report
from townkpi.targets import Target

__all__ = ["FileResult", "FileStatus"]


class FileStatus(enum.StrEnum):
    """Whether a file was read.

    Attributes:
        OK: It was read, extracted and checked.
        ERROR: It could not be read or processed; the result carries the error code and message.
    """

    OK = "ok"
    ERROR = "error"


def _findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(items)


def _targets(items: Iterable[Target]) -> tuple[Target, ...]:
    return tuple(items)


def _faults(items: Iterable[PluginFault]) -> tuple[PluginFault, ...]:
    return tuple(items)


@attrs.frozen(slots=True, kw_only=True)
class FileResult:
    """The outcome of processing one file of a batch.

    Attributes:
        path: The file, as it was given (a directory's files are given as ``directory/name``).
        sha256: The SHA-256 of the file's bytes (hex), or ``""`` when it could not be read at all.
        size: The file's size in bytes (0 when it could not be read).
        status: Read and checked, or an error.
        error_code: For an error: a stable code (``E-BINARY``, ``E-EMPTY``, ``E-DECODE``,
            ``E-CRASH`` …), else None.
        error: For an error: one line saying what went wrong, else None.
        report: The facts and skipped mentions read from the file (None for an error).
        findings: The findings of the checks, in text order.
        targets: The targets of the report's plan, in text order.
        faults: Plugins that could not be loaded; their checks did not run.
    """

    path: str
    sha256: str = ""
    size: int = 0
    status: FileStatus = attrs.field(
        default=FileStatus.OK, validator=attrs.validators.instance_of(FileStatus)
    )
    error_code: str | None = None
    error: str | None = None
    report: Report | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Report))
    )
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)
    targets: tuple[Target, ...] = attrs.field(default=(), converter=_targets)
    faults: tuple[PluginFault, ...] = attrs.field(default=(), converter=_faults)

    @property
    def ok(self) -> bool:
        """Whether the file was read and checked."""
        return self.status is FileStatus.OK

    @property
    def key(self) -> tuple[str, str]:
        """``(path, sha256)``: what a store uses to tell that a file is already done."""
        return (self.path, self.sha256)

    @property
    def fact_count(self) -> int:
        """How many facts were read (0 for an error)."""
        return 0 if self.report is None else len(self.report.facts)

    @property
    def counts(self) -> dict[str, int]:
        """How many findings of each severity (every severity is a key, zero included)."""
        out = {s.value: 0 for s in Severity}
        for f in self.findings:
            out[f.severity.value] += 1
        return out
