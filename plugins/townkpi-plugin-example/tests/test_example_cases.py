"""EXM101 on its case file, tests/cases/EXM101.toml, read with ``townkpi.testing``.

Each case gives a text, its figures located in the text, the codes it must produce (``expect``),
and the evidence a finding carries. Load the plugin first: its unit 岁 must be defined before the
cases' figures (83.9岁) can be read.
"""

from pathlib import Path

import pytest

from townkpi import PluginHost, Severity
from townkpi.testing import check_case, load_case_dir

# A host with the installed plugins, this one included (found through its entry point).
HOST = PluginHost.create(entry_points=True)
CASES = load_case_dir(Path(__file__).parent / "cases")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case(case):
    check_case(case, host=HOST)


def test_a_finding_says_what_was_reported_computed_and_why():
    (case,) = [c for c in CASES if c.name == "rise-to-a-lower-age"]
    (finding,) = check_case(case, host=HOST).with_code("EXM101")
    assert finding.severity is Severity.ERROR
    assert len(finding.spans) == 2
    for words in ("83.9岁", "82.4岁", "[82.35, 82.45)", "cannot end lower"):
        assert words in finding.message


def test_docstring_examples_are_cases():
    """The 反例 of the docstring is a failing case, the 正例 a passing one."""
    (check,) = [c for c in HOST.checks() if c.code == "EXM101"]
    texts = {(c.text, "EXM101" in c.expect) for c in CASES}
    assert (check.examples().wrong, True) in texts
    assert (check.examples().right, False) in texts
