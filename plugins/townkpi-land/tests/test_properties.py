"""The land checks never fail on arbitrary reports: every run ends, no check crashes, and every
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
SELECT = Config(select=("LAN",))
PHRASES = [
    "拆迁",
    "完成拆迁",
    "涉及拆迁",
    "拆迁任务",
    "征地",
    "需征地",
    "征地完成率",
    "拆迁完成率",
    "签约率",
    "拆迁签约",
    "盘活处置低效产业用地",
    "低效用地再开发",
    "拆迁面积",
]


@settings(deadline=None)  # the first run loads the catalog; speed is not what is tested
@given(reports(PHRASES))
def test_checks_never_crash_and_findings_carry_evidence(report):
    result = check(report, config=SELECT, host=HOST)
    assert_sound_findings(result, report, prefix="LAN")


def test_builder_makes_candidates():
    """The phrases are those the checks look for: each names an indicator of the catalog."""
    catalog = HOST.catalog()
    assert [p for p in PHRASES if catalog.lookup(p) is None] == []
