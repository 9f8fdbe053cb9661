"""The agriculture checks never fail on arbitrary reports: every run ends, no check crashes, and every
finding names its facts and carries evidence.

Reports are built from the indicator phrases the checks look for, with values, periods, subjects
and links drawn at random by townkpi's shared Hypothesis builder
(``townkpi.testing.strategies.reports``).
"""

from hypothesis import given, settings

from townkpi import Config, PluginHost, check
from townkpi.testing import assert_sound_findings
from townkpi.testing.strategies import reports

HOST = PluginHost.create(entry_points=True)
SELECT = Config(select=("AGR",))
PHRASES = [
    "粮食产量",
    "粮食播种面积",
    "粮食单产",
    "水稻产量",
    "水稻种植面积",
    "水稻亩产",
    "小麦播种",
    "早稻种植",
    "高标准农田",
    "新增粮食种植面积",
    "生猪出栏",
    "农林牧渔业产值",
]


@settings(deadline=None)  # the first run loads the catalog; speed is not what is tested
@given(reports(PHRASES))
def test_checks_never_crash_and_findings_carry_evidence(report):
    result = check(report, config=SELECT, host=HOST)
    assert_sound_findings(result, report, prefix="AGR")


def test_builder_makes_candidates():
    """The phrases are those the checks look for: each names an indicator of the catalog."""
    catalog = HOST.catalog()
    assert [p for p in PHRASES if catalog.lookup(p) is None] == []
