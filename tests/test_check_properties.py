"""Properties of the core checks: figures that are consistent are never flagged, and the GRIM
check flags exactly the rates that no whole total can produce (checked by brute force)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

import townkpi
from townkpi import Config, Fact, FactKind, Period, Report, Value
from townkpi.plugins import PluginHost

HOST = PluginHost.create(entry_points=False)
NINE_MONTHS = Period.months(2023, 1, 9)


def _round(x: Fraction, places: int) -> Decimal:
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _codes(facts: list[Fact], select: str) -> set[str]:
    result = townkpi.check(
        Report(source="p", facts=facts), host=HOST, config=Config(select=[select])
    )
    return {f.code for f in result.findings}


def _rate_report(n: int, rate: Decimal) -> list[Fact]:
    return [
        Fact(id="n", kind=FactKind.AMOUNT, value=Value.parse(f"{n}户"), indicator="拆迁"),
        Fact(id="r", kind=FactKind.RATE, value=Value.parse(f"{rate}%"), refers_to="n"),
    ]


@settings(deadline=None)  # timing belongs in benchmarks; the first call builds the registry
@given(n=st.integers(1, 3000), extra=st.integers(0, 3000), places=st.integers(0, 2))
def test_a_rate_from_a_whole_total_is_never_flagged(n, extra, places):
    total = n + extra
    rate = _round(Fraction(n * 100, total), places)
    if rate == 0:
        return
    assert "TK101" not in _codes(_rate_report(n, rate), "TK1")


def _exists_total(n: int, rate: Decimal, places: int) -> bool:
    """Brute force: some whole T ≥ n with n/T rounding half-up to ``rate``."""
    low = Fraction(rate) - Fraction(1, 2 * 10**places)
    last = math.floor(Fraction(n * 100) / low) + 1 if low > 0 else n * 10**6
    return any(_round(Fraction(n * 100, t), places) == rate for t in range(n, last + 1))


@settings(deadline=None)  # timing belongs in benchmarks; the first call builds the registry
@given(
    n=st.integers(1, 400),
    rate=st.decimals(min_value=Decimal("0.5"), max_value=Decimal(100), places=1),
)
def test_grim_flags_exactly_the_rates_no_total_produces(n, rate):
    flagged = "TK101" in _codes(_rate_report(n, rate), "TK101")
    assert flagged is not _exists_total(n, rate, 1)


def _base_report(n: int, rate: Decimal, count: str = "调处矛盾纠纷", name: str = "调处成功率"):
    return [
        Fact(id="n", kind=FactKind.AMOUNT, value=Value.parse(f"{n}起"), indicator=count),
        Fact(
            id="r", kind=FactKind.RATE, value=Value.parse(f"{rate}%"), indicator=name, refers_to="n"
        ),
    ]


def _exists_part(n: int, rate: Decimal, places: int) -> bool:
    """Brute force: some whole k ≤ n with k/n rounding half-up to ``rate``."""
    return any(_round(Fraction(k * 100, n), places) == rate for k in range(n + 1))


@settings(deadline=None)  # timing belongs in benchmarks; the first call builds the registry
@given(n=st.integers(1, 3000), settled=st.integers(0, 3000), places=st.integers(0, 2))
def test_a_success_rate_of_the_disputes_handled_is_never_flagged(n, settled, places):
    k = min(settled, n)
    rate = _round(Fraction(k * 100, n), places)
    if rate == 0:
        return
    assert "TK101" not in _codes(_base_report(n, rate), "TK1")


@settings(deadline=None)  # timing belongs in benchmarks; the first call builds the registry
@given(
    n=st.integers(1, 400),
    rate=st.decimals(min_value=Decimal("0.5"), max_value=Decimal(100), places=1),
)
def test_grim_over_the_whole_flags_exactly_the_rates_no_part_produces(n, rate):
    flagged = "TK101" in _codes(_base_report(n, rate), "TK101")
    assert flagged is not _exists_part(n, rate, 1)


@settings(deadline=None)  # timing belongs in benchmarks; the first call builds the registry
@given(
    n=st.integers(1, 400),
    rate=st.decimals(min_value=Decimal("0.5"), max_value=Decimal(100), places=1),
)
def test_undecided_wording_flags_only_when_neither_reading_fits(n, rate):
    report = _base_report(n, rate, count="新建项目", name="")
    flagged = "TK101" in _codes(report, "TK101")
    assert flagged is not (_exists_total(n, rate, 1) or _exists_part(n, rate, 1))


@settings(deadline=None)  # timing belongs in benchmarks; the first call builds the registry
@given(
    whole=st.fractions(min_value=1, max_value=10_000, max_denominator=1000),
    share=st.fractions(min_value=0, max_value=1, max_denominator=1000),
    unit=st.sampled_from(["亿元", "万元"]),
)
def test_a_part_within_its_whole_is_never_flagged(whole, share, unit):
    scale = 1 if unit == "亿元" else 10_000
    part = whole * share
    facts = [
        Fact(
            id="w",
            kind=FactKind.AMOUNT,
            value=Value.parse(f"{_round(whole, 1)}亿元"),
            indicator="地区生产总值",
            period=NINE_MONTHS,
        ),
        Fact(
            id="p",
            kind=FactKind.AMOUNT,
            value=Value.parse(f"{_round(part * scale, 1)}{unit}"),
            indicator="服务业增加值",
            period=NINE_MONTHS,
        ),
    ]
    assert "TK203" not in _codes(facts, "TK203")


@settings(deadline=None)  # timing belongs in benchmarks; the first call builds the registry
@given(
    exports=st.fractions(min_value=0, max_value=5000, max_denominator=1000),
    imports=st.fractions(min_value=0, max_value=5000, max_denominator=1000),
    places=st.integers(0, 2),
)
def test_rounded_parts_of_a_true_sum_are_never_flagged(exports, imports, places):
    def fact(fid, x, indicator):
        return Fact(id=fid, kind=FactKind.AMOUNT, value=Value.parse(f"{_round(x, places)}亿元"),
                    indicator=indicator, period=Period.year(2023))  # fmt: skip

    facts = [
        fact("t", exports + imports, "进出口总额"),
        fact("e", exports, "出口额"),
        fact("i", imports, "进口额"),
    ]
    assert "TK204" not in _codes(facts, "TK204")


@settings(deadline=None)  # timing belongs in benchmarks; the first call builds the registry
@given(
    year=st.fractions(min_value=0, max_value=1000, max_denominator=100),
    done=st.fractions(min_value=0, max_value=1, max_denominator=100),
)
def test_a_partial_year_within_the_year_is_never_flagged(year, done):
    facts = [
        Fact(
            id="y",
            kind=FactKind.AMOUNT,
            value=Value.parse(f"{_round(year, 1)}亿元"),
            indicator="服务业增加值",
            period=Period.year(2023),
        ),
        Fact(
            id="p",
            kind=FactKind.AMOUNT,
            value=Value.parse(f"{_round(year * done, 1)}亿元"),
            indicator="服务业增加值",
            period=NINE_MONTHS,
        ),
    ]
    assert "TK501" not in _codes(facts, "TK501")


@settings(deadline=None)  # timing belongs in benchmarks; the first call builds the registry
@given(
    share=st.fractions(min_value=0, max_value=100, max_denominator=1000), places=st.integers(0, 3)
)
def test_a_share_within_0_and_100_is_never_flagged(share, places):
    facts = [Fact(id="s", kind=FactKind.SHARE, value=Value.parse(f"{_round(share, places)}%"))]
    assert "TK201" not in _codes(facts, "TK201")
