"""The pairwise checks compare a figure with the few figures that can qualify, not with all.

A report made of one passage repeated k times holds k figures of each indicator, all of the
same period and place. A check that compared every pair of them would make k * k comparisons;
these tests count the comparisons (the calls of the function that makes them) and the
findings, without timing anything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from townkpi import check, extract
from townkpi.checks import helpers, periods
from townkpi.config import Config
from townkpi.plugins import PluginHost

K = 20


@pytest.fixture(scope="module")
def host() -> PluginHost:
    return PluginHost.create(entry_points=False)


def _counting(calls: list[int], fn: Callable[..., Any]) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return fn(*args, **kwargs)

    return counted


def _codes(text: str, code: str, host: PluginHost) -> list[str]:
    result = check(extract(text), config=Config(select=(code,)), host=host)
    return [f.code for f in result.findings]


@pytest.mark.parametrize(
    ("passage", "findings"),
    [
        # 65 handled of 58 found: one finding per passage (its own sentence's whole is nearest)
        ("2023年，累计排摸“四不”违法建筑58宗，已处置65宗。", K),
        ("2023年，累计排摸“四不”违法建筑58宗，已处置55宗。", 0),
    ],
)
def test_part_above_whole_tests_the_scope_of_one_whole_per_part(
    passage: str, findings: int, host: PluginHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(helpers, "same_scope", _counting(calls, helpers.same_scope))
    assert _codes(passage * K, "TK203", host) == ["TK203"] * findings
    # each of the K parts is tested against the whole of its own sentence only; comparing
    # every pair of the same period and place would make K * K calls
    assert 0 < len(calls) <= 2 * K


def test_partial_year_compares_no_pair_that_cannot_qualify(
    host: PluginHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    cls = periods.PartialYearAboveFullYear
    monkeypatch.setattr(cls, "_compare", _counting(calls, cls._compare))
    passage = "2023年1-9月，实现服务业增加值41.7亿元。预计2023年全年实现服务业增加值56亿元。"
    assert _codes(passage * K, "TK501", host) == []
    # 41.7 lies below 56: no nine-month figure of any passage can exceed any full year
    assert calls == []


def test_partial_year_above_full_year_pairs_every_copy(host: PluginHost) -> None:
    # Every nine-month figure (41.7) lies above every full-year figure (38) of the same year,
    # indicator and place, whichever passage holds it: K * K findings, all of them real.
    passage = "2023年1-9月，实现服务业增加值41.7亿元。预计2023年全年实现服务业增加值38亿元。"
    assert _codes(passage * K, "TK501", host) == ["TK501"] * (K * K)


@pytest.fixture(scope="module")
def packs() -> PluginHost:
    pytest.importorskip("townkpi_economy", reason="the economy pack (plugins/) is not installed")
    pytest.importorskip("townkpi_agriculture", reason="the agriculture pack is not installed")
    return PluginHost.create(entry_points=True)


@pytest.mark.parametrize(
    ("share", "findings"),
    [
        # 41.7 / 131.5 lies in (31.66, 31.77)%: 35.2% cannot be right, 31.7% can
        ("35.2%", K),
        ("31.7%", 0),
    ],
)
def test_share_of_stated_whole_tests_few_wholes_per_share(
    share: str, findings: int, packs: PluginHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    shares = pytest.importorskip("townkpi_economy.shares")
    calls: list[int] = []
    monkeypatch.setattr(shares, "same_subject", _counting(calls, shares.same_subject))
    passage = f"2023年1-9月，全镇实现地区生产总值131.5亿元；实现服务业增加值41.7亿元，占地区生产总值的{share}。"
    assert _codes(passage * K, "ECO104", packs) == ["ECO104"] * findings
    # every passage states the same period and place, so each share may be of any of the K
    # wholes; testing each of them for each share would make K * K calls
    assert 0 < len(calls) <= 3 * K


@pytest.mark.parametrize(
    ("added", "findings"),
    [
        ("251.3", K),  # value added above the output of its own sentence
        ("51.3", 0),  # below every output of the report: no pair is compared
    ],
)
def test_value_added_compares_few_outputs_per_figure(
    added: str, findings: int, packs: PluginHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(helpers, "same_scope", _counting(calls, helpers.same_scope))
    passage = f"1-9月，完成规上工业总产值246.4亿元，实现规上工业增加值{added}亿元。"
    assert _codes(passage * K, "ECO101", packs) == ["ECO101"] * findings
    # ranking every output of the same period and place for each figure would make K * K calls
    assert len(calls) <= K
    assert (len(calls) > 0) == (findings > 0)


@pytest.mark.parametrize(
    ("last_year", "findings"),
    [
        # 2.1万亩 after a growth of 10% means 1.855-1.964万亩 the year before
        ("1.7", K),  # each growth meets the first 2022 figure, which misses that: a finding
        ("1.9", 0),  # every 2022 figure meets it: none is visited
    ],
)
def test_previous_level_visits_few_stated_levels(
    last_year: str, findings: int, packs: PluginHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = pytest.importorskip("townkpi_agriculture.previous")
    calls: list[int] = []
    monkeypatch.setattr(previous, "same_subject", _counting(calls, previous.same_subject))
    passage = f"2022年小麦播种{last_year}万亩。2023年完成小麦播种2.1万亩，同比增长10%。"
    assert _codes(passage * K, "AGR102", packs) == ["AGR102"] * findings
    # every passage states last year's level: visiting each for each growth makes K * K calls
    assert len(calls) == findings
