"""Rates against counts and against 100% (TK101, TK102, TK103): a built-in plugin.

A completion or handling rate r, written to d decimals, over a done count n of whole things
(拆迁169户, 完成率98.8%) needs a whole-number total T ≥ n for which n/T rounds to r: this is the
GRIM test. The rate's interval [98.75, 98.85)% gives the interval of totals n/r; when it holds no
whole number, the count and the rate cannot both be right (TK101). Otherwise the feasible totals
are shown as information (TK102), as is the implied total of a continuous quantity (征地184亩 at
97.4% → about 188.9亩). A rate of a finite set (办结率, 成功率, 满意率) above 100% is impossible
(TK103); the attainment of a target (完成年度目标的117%) is not such a rate.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction
from typing import Final

import attrs

from townkpi.checks.base import Check, CheckContext, Parameter
from townkpi.checks.common import (
    base_interval,
    describe,
    is_actual,
    is_attainment,
    percent_interval,
    proportion,
    show_interval,
    unit_of,
)
from townkpi.findings import Evidence, Finding, Severity, format_number
from townkpi.hookspecs import hookimpl
from townkpi.interval import Interval
from townkpi.model import Fact, FactKind
from townkpi.units import UnitCategory

__all__ = ["RateAbove100", "RateCountGrim", "RateImpliedTotal", "townkpi_register_checks"]

_MAX_SHOWN: Final = 5


@attrs.frozen(slots=True, kw_only=True)
class _Totals:
    """What a rate over a done amount implies about the total."""

    rate: Fact
    done: Fact
    unit: str
    done_interval: Interval
    rate_interval: Interval  # in percent
    totals: Interval  # in ``unit``
    whole: bool  # the done count is an exact count of whole things
    feasible: tuple[int, ...]  # whole totals (only when ``whole``), at most _MAX_SHOWN + 1


def _totals(ctx: CheckContext, rate: Fact) -> _Totals | None:
    """The totals a rate over its done amount allows, or None when the check does not apply."""
    if rate.kind is not FactKind.RATE or is_attainment(ctx, rate):
        return None
    done = ctx.referent(rate)
    p = proportion(rate)
    if done is None or p is None or done.kind is not FactKind.AMOUNT:
        return None
    if not p.is_above(0) or p.is_above(1):  # 0% implies no total; above 100% is TK103's
        return None
    based = base_interval(done)
    u = unit_of(done)
    if based is None or u is None or u.category is UnitCategory.PROPORTION:
        return None
    n_iv, unit = based
    if n_iv.lower is None or n_iv.lower < 0:
        return None
    totals = n_iv / p
    floor = Interval.at_least(n_iv.lower)  # the total is at least the done amount
    totals = totals.intersection(floor) or totals
    whole = u.category is UnitCategory.COUNT and n_iv.is_point
    feasible: tuple[int, ...] = ()
    if whole and totals.is_bounded:
        feasible = tuple(totals.integers(limit=_MAX_SHOWN + 1))
    return _Totals(
        rate=rate, done=done, unit=unit, done_interval=n_iv, rate_interval=p.scale(100),
        totals=totals, whole=whole, feasible=feasible,
    )  # fmt: skip


def _pct(x: Fraction) -> str:
    return f"{format_number(x * 100, 2)}%"


class RateCountGrim(Check):
    """A rate over a count of whole things needs a whole-number total that rounds to it.

    "完成拆迁169户，完成率98.5%" says 169 households are 98.5% of all. A rate written as 98.5
    stands for any true rate in [98.45, 98.55)%, so the total lies between 169/0.9855 and
    169/0.9845, that is in (171.49, 171.66]: no whole number of households does. Either the count
    or the rate is wrong (the GRIM test). With 98.8% the total is 171 (169/171 = 98.83%).

    反例:
        宁慈线完成拆迁169户，完成率98.5%。

    正例:
        宁慈线完成拆迁169户，完成率98.8%。
    """

    code = "TK101"
    name = "townkpi.rates.rate_count"
    description = "A rate over a count of whole things has no whole-number total that rounds to it."
    groups = ("core", "rates")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each rate whose count admits no whole total."""
        for rate in ctx.of_kind(FactKind.RATE):
            t = _totals(ctx, rate)
            if t is None or not t.whole or t.feasible or not t.totals.is_bounded:
                continue
            yield self._finding(t)

    def _finding(self, t: _Totals) -> Finding:
        n = t.done_interval.lower
        assert n is not None
        assert t.totals.lower is not None
        assert t.totals.upper is not None
        below = max(math.floor(t.totals.lower), math.ceil(n))
        above = max(math.ceil(t.totals.upper), below + 1)
        nearest = [c for c in (below, above) if c > 0 and c >= n]
        near_text = " and ".join(f"{format_number(n)} of {c} is {_pct(n / c)}" for c in nearest)
        return self.finding(
            f"{describe(t.done)} at a rate of {t.rate.surface or t.rate.value}: "
            f"a rate written so stands for {show_interval(t.rate_interval, '%')}, so the total "
            f"would lie in {show_interval(t.totals, t.unit)}, which holds no whole number of "
            f"{t.unit}; {near_text}, neither of which rounds to {t.rate.value}, so the count and "
            "the rate cannot both be right",
            facts=[t.done, t.rate],
            evidence=(
                Evidence.of("done", f"{format_number(n)}{t.unit}"),
                Evidence.of("rate", str(t.rate.value)),
                Evidence.of("rate_interval", t.rate_interval),
                Evidence.of("total_interval", t.totals),
                Evidence.of("nearest_totals", [str(c) for c in nearest]),
                Evidence.of("nearest_rates", [_pct(n / c) for c in nearest]),
            ),
        )


class RateImpliedTotal(Check):
    """The total a rate over a done amount implies, shown as information.

    "宁慈线完成拆迁169户，完成率98.8%" implies that 171 households were to be relocated
    (169/171 = 98.83%); "征地184亩，完成率97.4%" implies a total between 188.81 and 189.00 亩.
    Nothing is wrong: the finding shows what the figures imply, for a reader to compare with
    other sources.

    反例:
        宁慈线征地184亩，完成率97.4%。

    正例:
        宁慈线征地184亩。
    """

    code = "TK102"
    name = "townkpi.rates.implied_total"
    description = "The total that a rate over a done count or amount implies."
    groups = ("core", "rates", "implied")
    default_severity = Severity.INFO
    parameters = (
        Parameter(
            name="max_totals",
            default=_MAX_SHOWN,
            description="The most feasible whole totals listed in the evidence.",
        ),
    )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an information finding for each rate with a feasible total."""
        limit = int(self.option("max_totals"))
        for rate in ctx.of_kind(FactKind.RATE):
            t = _totals(ctx, rate)
            if t is None or (t.whole and not t.feasible):
                continue
            evidence = [
                Evidence.of("done", f"{t.done.value}"),
                Evidence.of("rate", str(t.rate.value)),
                Evidence.of("total_interval", t.totals),
            ]
            if t.whole:
                shown = t.feasible[:limit]
                more = "" if len(t.feasible) <= limit else " …"
                totals = ", ".join(str(c) for c in shown) + more
                evidence.append(Evidence.of("feasible_totals", [str(c) for c in shown]))
                message = (
                    f"{describe(t.done)} at {t.rate.value} implies a total of {totals} {t.unit} "
                    f"(a total in {show_interval(t.totals, t.unit)})"
                )
            else:
                message = (
                    f"{describe(t.done)} at {t.rate.value} implies a total in "
                    f"{show_interval(t.totals, t.unit)}"
                )
            yield self.finding(message, facts=[t.done, t.rate], evidence=evidence)


class RateAbove100(Check):
    """A rate of a finite set cannot lie outside 0-100%.

    Completion, handling, success, satisfaction and coverage rates (完成率, 办结率, 成功率, 满意率,
    参保率, 销号率) count part of a finite set: "调处矛盾纠纷670起，调处成功率100.5%" would mean
    more disputes were settled than were handled. The attainment of a target is different and
    may exceed 100% ("完成年度目标的117%", "目标完成率173.5%"); the catalog and words such as 目标
    tell the two apart. Targets are checked by TK601.

    反例:
        调处各类矛盾纠纷670起，调处成功率100.5%。

    正例:
        调处各类矛盾纠纷670起，调处成功率100%；完成年度目标的117%。
    """

    code = "TK103"
    name = "townkpi.rates.rate_range"
    description = "A rate of a finite set (完成率, 办结率 …) lies above 100% or below 0%."
    groups = ("core", "rates")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each actual rate of a finite set outside 0-100%."""
        for rate in ctx.of_kind(FactKind.RATE):
            if not is_actual(rate) or is_attainment(ctx, rate):
                continue
            pct = percent_interval(rate)
            if pct is None:
                continue
            ind = ctx.indicator(rate, clause=True)
            allowed = (ind.value_range if ind is not None else None) or Interval.closed(0, 100)
            if allowed.lower is not None and pct.is_below(allowed.lower):
                why = f"below {format_number(allowed.lower)}%"
            elif allowed.upper is not None and pct.is_above(allowed.upper):
                why = f"above {format_number(allowed.upper)}%"
            else:
                continue
            name = ind.name if ind is not None else (rate.indicator or "the rate")
            yield self.finding(
                f"{describe(rate)}: {name} is a rate of a finite set and lies in "
                f"{show_interval(allowed, '%')}, but the figure stands for "
                f"{show_interval(pct, '%')}, entirely {why}",
                facts=[rate, *(f for f in (ctx.referent(rate),) if f is not None)],
                evidence=(
                    Evidence.of("rate", str(rate.value)),
                    Evidence.of("rate_interval", pct),
                    Evidence.of("allowed", allowed),
                    Evidence.of("indicator", name),
                ),
            )


@hookimpl
def townkpi_register_checks() -> list[type[Check]]:
    """The rate checks."""
    return [RateCountGrim, RateImpliedTotal, RateAbove100]
