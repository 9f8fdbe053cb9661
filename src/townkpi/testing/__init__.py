"""Helpers for testing checks, for townkpi and for plugin authors.

- [`load_cases`][townkpi.testing.load_cases] reads a case file (TOML or YAML) of passing and
  failing examples of one check; [`check_case`][townkpi.testing.check_case] runs a case and
  asserts what it expects.
- [`assert_findings`][townkpi.testing.assert_findings] compares the codes of a run with the
  expected ones and lists every finding when they differ.

A plugin's test module typically reads:

```python
from pathlib import Path

import pytest

from townkpi.testing import check_case, load_cases

CASES = [c for f in sorted(Path(__file__).parent.glob("cases/*.toml")) for c in load_cases(f)]


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

__all__ = [
    "Case",
    "CaseError",
    "assert_findings",
    "cases_from_mapping",
    "check_case",
    "load_cases",
    "run_case",
]
