"""Periods (TK501): a built-in plugin.

A flow (output, revenue, households relocated) accumulates over a year: what was reached in
January to September cannot exceed what is reported for the whole year, for the same indicator,
subject and unit dimension. Stocks (farmland, population) and ratios are not compared.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from fractions import Fraction

from townkpi.checks.base import Check, CheckContext
from townkpi.checks.common import is_actual, show_interval
from townkpi.checks.helpers import interval_in_unit, same_subject, surely_greater
from townkpi.findings import Finding
from townkpi.hookspecs import hookimpl
from townkpi.model import Fact, FactKind
from townkpi.units import UnitCategory

__all__ = ["PartialYearAboveFullYear", "townkpi_register_checks"]


class PartialYearAboveFullYear(Check):
    """A partial-year flow above the full-year value of the same indicator.

    "1-9月实现服务业增加值41.7亿元" and "全年实现服务业增加值38亿元" cannot both be true: the
    value added of nine months is part of the year's. Only flows are compared (the catalog's
    temporality), only actual or estimated figures, and only when every value the partial
    figure allows exceeds every value the full-year figure allows.

    反例:
        2023年1-9月，实现服务业增加值41.7亿元。预计2023年全年实现服务业增加值38亿元。

    正例:
        2023年1-9月，实现服务业增加值41.7亿元。预计2023年全年实现服务业增加值56亿元。
    """

    code = "TK501"
    name = "townkpi.periods.partial_above_full_year"
    description = "A flow over part of a year exceeds the full-year value of the same indicator."
    groups = ("core", "periods")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each partial-year flow above its full year."""
        flows: list[tuple[str, Fact]] = []
        for fact, ind in ctx.with_indicators(FactKind.AMOUNT):
            if ind.temporality != "flow" or fact.period is None:
                continue
            if not is_actual(fact) or "累计" in fact.qualifiers:
                continue
            flows.append((ind.name, fact))
        by_year = _partial_years(flows)
        if not by_year:
            return  # no flow over part of a year
        ranked: dict[tuple[str, int, str, str | None], list[tuple[Fraction, int, Fact]]] = {}
        for name, full in flows:
            period = full.period
            if period is None or full.unit is None or not period.is_full_year:
                continue
            parts = by_year.get((name, period.start_year))
            top = full.interval.upper
            if not parts or top is None:
                continue  # no part is surely above an unbounded whole
            key = (name, period.start_year, full.unit, full.subject)
            candidates = ranked.get(key)
            if candidates is None:
                same = [(place, f) for place, f in parts if same_subject(f, full)]
                candidates = ranked[key] = _by_lower(same, full.unit)
            for part in _reaching(candidates, top):
                found = self._compare(name, full, name, part)
                if found is not None:
                    yield found

    def _compare(self, name: str, full: Fact, other: str, part: Fact) -> Finding | None:
        if other != name or part.id == full.id or part.period is None or full.period is None:
            return None
        if part.period == full.period or not full.period.contains(part.period):
            return None
        if not same_subject(part, full) or full.unit is None:
            return None
        u = part.value.unit_info
        if u is not None and u.category is UnitCategory.PROPORTION:
            return None
        p = interval_in_unit(part, full.unit)
        if p is None or not surely_greater(p, full.interval):
            return None
        unit = full.unit
        return self.finding(
            f"{name} for {part.period} ({part.surface or part.value}) exceeds the figure for the "
            f"whole of {full.period} ({full.surface or full.value}): in {unit} the partial year "
            f"stands for {show_interval(p, unit)} and the full year for "
            f"{show_interval(full.interval, unit)}, but a flow over part of a year is part of "
            "the year's",
            facts=[part, full],
            evidence={
                "indicator": name,
                "partial_period": str(part.period),
                "full_period": str(full.period),
                "partial_interval": p,
                "full_interval": full.interval,
                "unit": unit,
            },
        )


def _partial_years(flows: list[tuple[str, Fact]]) -> dict[tuple[str, int], list[tuple[int, Fact]]]:
    """The flows over part of one year, by indicator and year, each with its place in the text.

    Only these can lie above a full year's flow of the same indicator (a period lies within
    a year only when it starts and ends in it).
    """
    by_year: dict[tuple[str, int], list[tuple[int, Fact]]] = {}
    for place, (name, fact) in enumerate(flows):
        period = fact.period
        assert period is not None
        if period.start_year == period.end_year and not period.is_full_year:
            by_year.setdefault((name, period.start_year), []).append((place, fact))
    return by_year


def _reaching(ranked: list[tuple[Fraction, int, Fact]], top: Fraction) -> list[Fact]:
    """The flows whose lower end is at least ``top``, in text order.

    Only these can lie surely above a full year whose upper end is ``top``: they are the first
    of ``ranked`` (largest lower end first), and the others are not visited.
    """
    above = []
    for lower, place, part in ranked:
        if lower < top:
            break
        above.append((place, part))
    if len(above) > 1:
        above.sort(key=lambda e: e[0])
    return [part for _, part in above]


def _by_lower(flows: Iterable[tuple[int, Fact]], unit: str) -> list[tuple[Fraction, int, Fact]]:
    """The flows with a lower end in ``unit``, by that end (largest first), with their places."""
    out = []
    for place, fact in flows:
        p = interval_in_unit(fact, unit)
        if p is not None and p.lower is not None:
            out.append((p.lower, place, fact))
    out.sort(key=lambda e: e[0], reverse=True)
    return out


@hookimpl
def townkpi_register_checks() -> list[type[Check]]:
    """The period check."""
    return [PartialYearAboveFullYear]
