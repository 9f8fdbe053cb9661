"""Every case file under tests/cases: each check's failing and passing examples."""

from pathlib import Path

import pytest

from townkpi.plugins import PluginHost
from townkpi.testing import check_case, load_cases

CASE_DIR = Path(__file__).parent / "cases"
FILES = sorted(CASE_DIR.glob("*.toml")) + sorted(CASE_DIR.glob("*.yaml"))
CASES = [case for path in FILES for case in load_cases(path)]


@pytest.fixture(scope="module")
def host():
    return PluginHost.create(entry_points=False)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case(case, host):
    check_case(case, host=host)


def test_every_builtin_check_has_a_case_file_with_both_outcomes(host):
    by_code: dict[str, list] = {}
    for case in CASES:
        by_code.setdefault(case.code, []).append(case)
    for cls in host.checks():
        cases = by_code.get(cls.code)
        assert cases, f"{cls.code} has no case file in tests/cases"
        assert any(cls.code in c.expect for c in cases), f"{cls.code}: no failing case"
        assert any(cls.code not in c.expect for c in cases), f"{cls.code}: no passing case"
