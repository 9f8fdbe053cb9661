"""The economy checks never fail on arbitrary reports: every run ends, no check crashes, and every
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
SELECT = Config(select=("ECO",))
PHRASES = [
    "规上工业增加值",
    "规上工业总产值",
    "工业总产值",
    "农林牧渔业增加值",
    "农林牧渔业产值",
    "城镇居民人均可支配收入",
    "农村居民人均可支配收入",
    "全体居民人均可支配收入",
    "城乡居民收入倍差",
    "服务业增加值",
    "地区生产总值",
    "服务业增加值占地区生产总值比重",
    "税收收入",
    "一般公共预算收入",
]


@settings(deadline=None)  # the first run loads the catalog; speed is not what is tested
@given(reports(PHRASES))
def test_checks_never_crash_and_findings_carry_evidence(report):
    result = check(report, config=SELECT, host=HOST)
    assert_sound_findings(result, report, prefix="ECO")


def test_builder_makes_candidates():
    """The phrases are those the checks look for: each names an indicator of the catalog."""
    catalog = HOST.catalog()
    assert [p for p in PHRASES if catalog.lookup(p) is None] == []
