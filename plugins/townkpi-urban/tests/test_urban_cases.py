"""Each URB check on the case files in tests/cases, read with ``townkpi.testing``.

A case gives a text and its figures located in it (so the facts do not depend on the extractor),
the codes it must produce (``expect``; a code of townkpi's own checks when a contradiction is left
to them), how many findings and the evidence the first one carries, worked out by hand. Every case
is also read from its text alone by townkpi's extractor, as a user's report would be.
"""

from pathlib import Path

import attrs
import pytest

import townkpi
from townkpi import PluginHost, Report, Severity, fact, rate
from townkpi.testing import assert_examples_are_cases, check_case, load_case_dir

HOST = PluginHost.create(entry_points=True)
CASES = load_case_dir(Path(__file__).parent / "cases")
FAILING = [c for c in CASES if c.code in c.expect]

#: Words the message of a failing case must contain: what was reported, what was computed, why.
MESSAGES = {
    "rate-over-a-found-count-it-does-not-refer-to": ("120处", "98.5", "no whole number"),
    "found-handled-and-rate-disagree": ("58宗", "55宗", "94.828%"),
    "more-handled-than-found": ("1.5万栋", "1.2万栋", "no more things can be handled"),
}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case(case):
    check_case(case, host=HOST)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case_through_the_extractor(case):
    check_case(attrs.evolve(case, facts=()), host=HOST)


@pytest.mark.parametrize("case", FAILING, ids=str)
def test_findings_point_at_figures_and_carry_evidence(case):
    for finding in check_case(case, host=HOST).with_code(case.code):
        assert finding.severity is Severity.ERROR
        assert len(finding.spans) >= 2, "a finding points at the figures that disagree"
        assert finding.evidence


@pytest.mark.parametrize(("name", "words"), MESSAGES.items())
def test_message_says_what_was_reported_computed_and_why(name, words):
    (case,) = [c for c in CASES if c.name == name]
    (finding,) = check_case(case, host=HOST).with_code(case.code)
    for w in words:
        assert w in finding.message, finding.message


def test_docstring_examples_are_cases():
    """Every 反例 line is the text of a failing case, every 正例 line that of a passing one."""
    checks = [cls for cls in HOST.checks() if cls.code.startswith("URB")]
    assert_examples_are_cases(checks, CASES, host=HOST)


def test_facts_from_records_without_text():
    """A rate and the one count it refers to, built in code (no text): one finding, TK101's.

    The count is the whole of the rate (排查问题点位), so TK101 looks for a whole number of it that
    rounds to the rate; URB101 does not report the same pair again.
    """
    found = fact("排查问题点位", "120处", period=2023)
    wrong = rate("98.5%", refers_to=found, indicator="整改销号率")
    right = rate("98.3%", refers_to=found, indicator="整改销号率", id="right")
    result = townkpi.check(Report(source="records", facts=[found, wrong]), host=HOST)
    assert not result.with_code("URB101")
    (finding,) = result.with_code("TK101")
    assert finding.records == (found.id, wrong.id)
    assert finding.evidence_dict()["part_interval"] == "[118.14, 118.26)"
    result = townkpi.check(Report(source="records", facts=[found, right]), host=HOST)
    assert not result.with_code("URB101", "TK101")
