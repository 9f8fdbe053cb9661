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
