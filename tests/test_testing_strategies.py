"""townkpi.testing.strategies: the shipped Hypothesis builders, and townkpi.testing without them."""

import subprocess
import sys

from hypothesis import given

from townkpi import Period, Report
from townkpi.testing.strategies import reports

PHRASES = ["拆迁", "征地完成率"]
SUBJECTS = [None, "全镇"]
PERIODS = [Period.year(2023)]


def test_townkpi_testing_imports_without_hypothesis():
    code = (
        "import sys; sys.modules['hypothesis'] = None; import townkpi.testing; "
        "print('townkpi.testing.strategies' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False"]


@given(reports(PHRASES, subjects=SUBJECTS, periods=PERIODS, max_facts=3))
def test_reports_draw_from_the_given_phrases_subjects_and_periods(report):
    assert isinstance(report, Report)
    assert 1 <= len(report.facts) <= 3
    assert [f.id for f in report.facts] == [f"f{i}" for i in range(1, len(report.facts) + 1)]
    earlier: set[str] = set()
    for fact in report.facts:
        assert fact.indicator in PHRASES
        assert fact.subject in SUBJECTS
        assert fact.period in PERIODS
        assert fact.refers_to is None or fact.refers_to in earlier
        assert (fact.span is None) == (fact.sentence is None)
        earlier.add(fact.id)
