"""Helpers for testing checks, for townkpi and for plugin authors.

- [`load_cases`][townkpi.testing.load_cases] reads a case file (TOML or YAML) of passing and
  failing examples of one check; [`check_case`][townkpi.testing.check_case] runs a case and
  asserts what it expects.
- [`assert_findings`][townkpi.testing.assert_findings] compares the codes of a run with the
  expected ones and lists every finding when they differ.
- [`load_case_dir`][townkpi.testing.load_case_dir] reads every case file of a directory;
  [`assert_failing_and_passing`][townkpi.testing.assert_failing_and_passing] checks that a code
  has both kinds of case; [`assert_sound_findings`][townkpi.testing.assert_sound_findings]
  checks, on any report, that no check crashed and every finding carries evidence and names facts
  of the report (for property tests on random reports).
- [`report_from_entries`][townkpi.testing.report_from_entries] and
  [`load_reading`][townkpi.testing.load_reading] build a report from a hand reading of its figures
  placed in the real text, so that checks are tested independently of the extractor.
- [`townkpi.testing.strategies`][townkpi.testing.strategies] has Hypothesis builders of values
  and of reports named by a pack's indicator phrases, for property tests; it needs Hypothesis
  (the ``testing`` extra) and is imported on its own, not by ``import townkpi.testing``.

A plugin's test module typically reads:

```python
from pathlib import Path

import pytest

from townkpi.testing import check_case, load_case_dir

CASES = load_case_dir(Path(__file__).parent / "cases")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case(case):
    check_case(case)
```
"""

from __future__ import annotations

from townkpi.testing.cases import (
    Case,
    CaseError,
    assert_findings,
    cases_from_mapping,
    check_case,
    load_cases,
    run_case,
)
from townkpi.testing.packs import (
    assert_examples_are_cases,
    assert_failing_and_passing,
    assert_sound_findings,
    load_case_dir,
)
from townkpi.testing.reading import load_reading, locate, report_from_entries

__all__ = [
    "Case",
    "CaseError",
    "assert_examples_are_cases",
    "assert_failing_and_passing",
    "assert_findings",
    "assert_sound_findings",
    "cases_from_mapping",
    "check_case",
    "load_case_dir",
    "load_cases",
    "load_reading",
    "locate",
    "report_from_entries",
    "run_case",
]
