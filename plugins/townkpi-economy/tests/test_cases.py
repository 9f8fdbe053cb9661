"""The case files of the economy checks: each check's failing and passing examples."""

from pathlib import Path

import pytest

from townkpi.testing import assert_failing_and_passing, check_case, load_case_dir
from townkpi_economy import townkpi_register_checks

CASES = load_case_dir(Path(__file__).parent / "cases")
CODES = sorted(cls.code for cls in townkpi_register_checks())


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case(case, host):
    result = check_case(case, host=host)
    for finding in result.with_code(case.code):
        assert finding.plugin == "economy"
        assert finding.evidence, f"{case}: a finding without evidence"
        assert finding.facts, f"{case}: a finding about no fact"
        if case.text is not None:
            assert finding.spans, f"{case}: a finding on text without spans"
            for span in finding.spans:
                assert case.text[span.start : span.end] in {f.surface for f in case.facts}


@pytest.mark.parametrize("code", CODES)
def test_every_check_has_failing_and_passing_cases(code):
    assert_failing_and_passing(CASES, code)


@pytest.mark.parametrize("case", [c for c in CASES if c.code in c.expect], ids=str)
def test_messages_name_the_reported_figures(case, host):
    result = check_case(case, host=host)
    for finding in result.with_code(case.code):
        shown = [f.surface for f in case.facts if f.id in finding.facts]
        assert shown
        assert all(s in finding.message for s in shown), finding.message
        assert "cannot" in finding.message
