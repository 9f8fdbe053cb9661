"""The economy checks never fail on arbitrary reports: every run ends, no check crashes, and every
finding names its facts and carries evidence.

Reports are built from the indicator phrases the checks look for, with values, periods, subjects
and links drawn at random (townkpi's shared Hypothesis builders make the values).
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from townkpi import Config, Fact, FactKind, Modality, Period, PluginHost, Report, Span, check
from townkpi.testing import assert_sound_findings

strategies = pytest.importorskip(
    "strategies", reason="townkpi's shared Hypothesis builders (tests/strategies.py) are absent"
)

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
SUBJECTS = [None, "全镇", "全省", "宁慈线", "通苏嘉甬铁路"]
PERIODS = [None, Period.year(2023), Period.year(2024), Period.months(2023, 1, 9)]
TEXT = "。" * 400


@st.composite
def reports(draw, max_facts=8):
    n = draw(st.integers(min_value=1, max_value=max_facts))
    facts = []
    for i in range(1, n + 1):
        value = draw(strategies.values())
        start = draw(st.integers(min_value=0, max_value=300))
        sentence = draw(st.sampled_from([(0, 100), (100, 200), (200, 400)]))
        with_text = draw(st.booleans())
        facts.append(
            Fact(
                id=f"f{i}",
                kind=draw(st.sampled_from(list(FactKind))),
                value=value,
                surface=str(value),
                indicator=draw(st.sampled_from(PHRASES)),
                subject=draw(st.sampled_from(SUBJECTS)),
                period=draw(st.sampled_from(PERIODS)),
                modality=draw(st.sampled_from(list(Modality))),
                qualifiers=tuple(
                    draw(st.lists(st.sampled_from(["累计", "新增", "约"]), max_size=2))
                ),
                span=Span(start=start, end=start + 3) if with_text else None,
                sentence=Span(start=sentence[0], end=sentence[1]) if with_text else None,
                refers_to=f"f{draw(st.integers(min_value=1, max_value=i - 1))}"
                if i > 1 and draw(st.booleans())
                else None,
            )
        )
    return Report(source="random", text=TEXT, facts=facts)


@settings(deadline=None)  # the first run loads the catalog; speed is not what is tested
@given(reports())
def test_checks_never_crash_and_findings_carry_evidence(report):
    result = check(report, config=SELECT, host=HOST)
    assert_sound_findings(result, report, prefix="ECO")


def test_builder_makes_candidates():
    """The phrases are those the checks look for: each names an indicator of the catalog."""
    catalog = HOST.catalog()
    assert [p for p in PHRASES if catalog.lookup(p) is None] == []
