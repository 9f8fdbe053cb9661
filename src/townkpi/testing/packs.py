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
from typing import TYPE_CHECKING

from townkpi.findings import CheckResult
from townkpi.model import Report
from townkpi.run import CRASH_CODE
from townkpi.testing.cases import Case, check_case, load_cases

if TYPE_CHECKING:
    from townkpi.checks.base import Check
    from townkpi.plugins import PluginHost

__all__ = [
    "assert_examples_are_cases",
    "assert_failing_and_passing",
    "assert_sound_findings",
    "load_case_dir",
]


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


def assert_examples_are_cases(
    checks: Iterable[type[Check]], cases: Iterable[Case], *, host: PluginHost | None = None
) -> None:
    """Assert that each check's docstring examples are case texts, and run those cases.

    Every line of a check's 反例 section must be the text of a case that expects the check's
    code, every line of its 正例 the text of a case that does not; each such case is run with
    [`check_case`][townkpi.testing.cases.check_case]. So the examples the checks catalogue shows
    are tested, and cannot drift from what the check does.

    Args:
        checks: The check classes of the pack.
        cases: The pack's cases (from [`load_case_dir`][townkpi.testing.packs.load_case_dir]).
        host: The plugins to run the cases with (default: the shared host).

    Raises:
        AssertionError: A 反例 or 正例 line is missing, empty, or not the text of a case of the
            right kind.
    """
    by_text: dict[tuple[str, str], Case] = {(c.code, c.text): c for c in cases if c.text}
    for cls in checks:
        examples = cls.examples()
        sections = (("反例", examples.wrong, True), ("正例", examples.right, False))
        for section, lines, fails in sections:
            texts = [x.strip() for x in lines.splitlines() if x.strip()]
            if not texts:
                raise AssertionError(f"{cls.code}: no {section} section")
            for text in texts:
                case = by_text.get((cls.code, text))
                if case is None:
                    raise AssertionError(f"{cls.code}: the {section} {text!r} is not a case text")
                if (cls.code in case.expect) is not fails:
                    kind = "failing" if fails else "passing"
                    raise AssertionError(f"{cls.code}: the {section} {text!r} is not a {kind} case")
                check_case(case, host=host)
