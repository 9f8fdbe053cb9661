"""Helpers shared by the tests of sector packs: case directories and sound findings.

A pack's tests read every case file of its ``tests/cases`` directory, check that each of its codes
has a failing and a passing case, and, on random reports, that no check crashes and every finding
names facts of the report and carries evidence.

Examples:
    >>> from townkpi import Report, check
    >>> report = Report(source="empty", text="", facts=[])
    >>> assert_sound_findings(check(report), report, prefix="TK")
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from townkpi.findings import CheckResult
from townkpi.model import Report
from townkpi.run import CRASH_CODE
from townkpi.testing.cases import Case, load_cases

__all__ = ["assert_failing_and_passing", "assert_sound_findings", "load_case_dir"]


def load_case_dir(directory: str | Path, pattern: str = "*.toml") -> list[Case]:
    """The cases of every case file in ``directory`` matching ``pattern``, files in name order.

    Args:
        directory: A directory of case files, typically ``Path(__file__).parent / "cases"``.
        pattern: A glob of the files to read (``*.yaml`` for YAML case files).

    Returns:
        The cases, in the order of the files and of the cases in each file.

    Raises:
        CaseError: A case file is malformed.
    """
    return [case for path in sorted(Path(directory).glob(pattern)) for case in load_cases(path)]


def assert_failing_and_passing(cases: Iterable[Case], code: str) -> None:
    """Assert that the cases of ``code`` include a failing and a passing one.

    Raises:
        AssertionError: ``code`` has no case that expects it, or none that does not.
    """
    mine = [c for c in cases if c.code == code]
    if not any(code in c.expect for c in mine):
        raise AssertionError(f"{code}: no failing case")
    if not any(code not in c.expect for c in mine):
        raise AssertionError(f"{code}: no passing case")


def assert_sound_findings(result: CheckResult, report: Report, *, prefix: str) -> None:
    """Assert that no check crashed and every finding is a sound finding of the pack.

    A sound finding has a code starting with ``prefix``, carries evidence and names at least one
    fact, all of them facts of ``report``. Use it in property tests on random reports, with the
    run selected to the pack's codes (``Config(select=(prefix,))``).

    Args:
        result: The result of checking ``report``.
        report: The report that was checked.
        prefix: The code prefix of the pack (``"AGR"``).

    Raises:
        AssertionError: A check crashed or a finding is not sound.
    """
    if result.with_code(CRASH_CODE):
        raise AssertionError(f"a check crashed: {[f.message for f in result.findings]}")
    ids = {f.id for f in report.facts}
    for finding in result.findings:
        if not finding.code.startswith(prefix):
            raise AssertionError(f"{finding.code}: not a code of {prefix}")
        if not finding.evidence:
            raise AssertionError(f"{finding.code}: a finding without evidence")
        if not finding.facts:
            raise AssertionError(f"{finding.code}: a finding about no fact")
        if not set(finding.facts) <= ids:
            raise AssertionError(f"{finding.code}: names facts not in the report")
