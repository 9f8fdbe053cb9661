"""Every case file under tests/cases: each check's failing and passing examples."""

from pathlib import Path

import pytest

from townkpi.plugins import PluginHost
from townkpi.testing import check_case, load_cases, run_case

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


@pytest.mark.parametrize("case", [c for c in CASES if c.expect], ids=str)
def test_a_message_names_what_was_reported(case, host):
    """A finding quotes the figures it is about, then what was computed from them."""
    for finding in run_case(case, host=host).with_code(case.code):
        written = {str(f.value) for f in case.facts if f.id in finding.facts}
        written |= {f.surface for f in case.facts if f.id in finding.facts}
        written |= {m.surface for m in case.skipped}
        assert any(w and w in finding.message for w in written), finding.message
        assert finding.evidence, f"{finding.code} carries no evidence"
