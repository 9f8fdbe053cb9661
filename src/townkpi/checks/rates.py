"""Rates against counts and against 100% (TK101, TK102, TK103): a built-in plugin.

A completion, handling or success rate r, written to d decimals, refers to a count n of whole
things that is one side of it. When n is what was done (完成拆迁169户，完成率98.8%), the total T
is unknown and must be a whole number with n/T rounding to r; when n is the whole the rate is a
share of (调处矛盾纠纷25起，调处成功率92%), the part k is unknown and must be a whole number
k ≤ n with k/n rounding to r (23 of 25). This is the GRIM test; the words decide which side the
count is on ([`rate_reading`][townkpi.checks.readings.rate_reading]). When the reading allows no
whole number, the count and the rate cannot both be right (TK101); when the words do not decide,
TK101 reports only a count that neither reading allows. Otherwise what the figures imply is shown
as information (TK102), as is the implied total of a continuous quantity (征地184亩 at 97.4% →
about 188.9亩). A rate of a finite set (办结率, 成功率, 满意率) above 100% is impossible (TK103);
the attainment of a target (完成年度目标的117%) is not such a rate.

TK101 judges a rate against the one count it refers to. A sector pack that compares a rate with
two counts (the cases and the outcomes: 受理1200件，办结1180件，办结率99.5%), or with a count
other than the one the rate refers to, reports that itself (the social pack's SOC101, the urban
pack's URB101), so that one contradiction gives one finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Final

import attrs

from townkpi.checks.base import Check, CheckContext, Parameter
from townkpi.checks.common import (
    above,
    base_interval,
    below,
    is_actual,
    is_attainment,
    percent_interval,
    show_interval,
    unit_of,
)
from townkpi.checks.helpers import (
    WholeCounts,
    describe_fact,
    is_list_item,
    proportion_interval,
    whole_parts,
    whole_totals,
)
from townkpi.checks.readings import Reading, rate_reading
from townkpi.findings import Evidence, Finding, Severity, format_number
from townkpi.hookspecs import hookimpl
from townkpi.interval import Interval
from townkpi.model import Fact, FactKind
from townkpi.units import UnitCategory

__all__ = ["RateAbove100", "RateCountGrim", "RateImpliedTotal", "townkpi_register_checks"]

_MAX_SHOWN: Final = 5
_ZERO: Final = Fraction(0)
_ONE: Final = Fraction(1)
_PERCENT_RANGE: Final = Interval.closed(0, 100)
_RATE: Final = FactKind.RATE  # enum members read for every rate: constants are read faster
_AMOUNT: Final = FactKind.AMOUNT

_UNDECIDED_NOTE: Final = (
    "the words do not tell whether the count is what the rate counts or the whole it is a share "
    "of; neither reading allows a whole number"
)


@attrs.frozen(slots=True, kw_only=True)
class _Side:
    """One reading of a count: the unknown other side of the rate, and its evidence names.

    Attributes:
        total: True when the unknown is the total (the count is the part done), False when it is
            the part (the count is the whole).
        interval: Where the unknown lies, in the count's unit.
        counts: For a count of whole things, the whole numbers the unknown may be.
    """

    total: bool
    interval: Interval
    counts: WholeCounts | None

    @property
    def noun(self) -> str:
        """``totals`` or ``parts``, for evidence names."""
        return "totals" if self.total else "parts"

    @property
    def rates_name(self) -> str:
        """The evidence name of the rates of the nearest whole numbers."""
        return "nearest_rates" if self.total else "part_rates"

    @property
    def ruled_out(self) -> bool:
        """Whether the reading allows no whole number (of a bounded interval)."""
        c = self.counts
        return c is not None and not c.possible and c.interval.is_bounded


@attrs.frozen(slots=True, kw_only=True)
class _Implied:
    """What a rate implies about the other side of the count it refers to, reading by reading."""

    rate: Fact
    count: Fact
    reading: Reading
    unit: str
    rate_interval: Interval  # a fraction of one
    whole: bool  # the count is an exact count of whole things
    n: int  # the count, when ``whole`` (else 0)
    sides: tuple[_Side, ...]  # the total side first

    @property
    def percent(self) -> Interval:
        """The rate's interval in percent."""
        return self.rate_interval.scale(100)

    def share(self, side: _Side, c: int) -> Fraction:
        """The rate a whole number ``c`` of the unknown side gives (n of c, or c of n)."""
        return Fraction(self.n, c) if side.total else Fraction(c, self.n)


def _implied(ctx: CheckContext, rate: Fact, limit: int = _MAX_SHOWN) -> _Implied | None:
    """What a rate over the amount it refers to implies, or None when the checks do not apply.

    Computed once per context for each rate and limit: TK101 and TK102 both ask.
    """
    count = ctx.referent(rate)  # most rates refer to no amount: tested before the rest
    if rate.kind is not _RATE or count is None or count.kind is not _AMOUNT:
        return None
    return ctx.memo((__name__, rate.id, limit), lambda: _implied_by(ctx, rate, count, limit))


def _implied_by(ctx: CheckContext, rate: Fact, count: Fact, limit: int) -> _Implied | None:
    """``_implied`` of a rate and the amount it refers to, computed."""
    p = None if is_attainment(ctx, rate) else proportion_interval(rate)
    if p is None or not above(p, _ZERO) or above(p, _ONE):
        return None  # 0% implies no total; above 100% is TK103's
    based = base_interval(count)
    u = unit_of(count)
    if based is None or u is None or u.category is UnitCategory.PROPORTION:
        return None
    n_iv, unit = based
    if n_iv.lower is None or n_iv.lower < 0 or is_list_item(ctx, count):
        return None  # a rate after a list of counts may be a rate of all of them
    reading = rate_reading(ctx, rate, count)
    whole = u.category is UnitCategory.COUNT and n_iv.is_point and n_iv.lower.denominator == 1
    n = int(n_iv.lower) if whole else 0
    sides: list[_Side] = []
    if reading is not Reading.TOTAL:  # the count may be the part done: the total is unknown
        totals = n_iv / p
        totals = totals.intersection(Interval.at_least(n_iv.lower)) or totals
        counts = whole_totals(n, p, limit=limit) if whole else None
        sides.append(_Side(total=True, interval=totals, counts=counts))
    if reading is not Reading.DONE:  # the count may be the whole: the part is unknown
        within = Interval(lower=0, upper=n_iv.upper, upper_closed=n_iv.upper_closed)
        parts = (n_iv * p).intersection(within) or n_iv * p  # a part lies within its whole
        counts = whole_parts(n, p, limit=limit) if whole else None
        sides.append(_Side(total=False, interval=parts, counts=counts))
    return _Implied(
        rate=rate, count=count, reading=reading, unit=unit, rate_interval=p, whole=whole, n=n,
        sides=tuple(sides),
    )  # fmt: skip


def _pct(x: Fraction) -> str:
    return f"{format_number(x * 100, 2)}%"


def _reading(t: _Implied) -> str:
    return "undecided" if t.reading is Reading.EITHER else t.reading.value


def _count_name(t: _Implied) -> str:
    """The evidence name of the count: ``done`` (the part), ``total`` (the whole) or ``count``."""
    return {Reading.DONE: "done", Reading.TOTAL: "total"}.get(t.reading, "count")


class RateCountGrim(Check):
    """A rate over a count of whole things needs whole numbers on both sides of it.

    "完成拆迁169户，完成率98.5%" says 169 households are 98.5% of all. A rate written as 98.5
    stands for any true rate in [98.45, 98.55)%, so the total lies between 169/0.9855 and
    169/0.9845, that is in (171.49, 171.66]: no whole number of households does. Either the count
    or the rate is wrong (the GRIM test). With 98.8% the total is 171 (169/171 = 98.83%).

    The count may also be the whole the rate is a share of: "调处矛盾纠纷25起，调处成功率92%" is
    23 of 25 disputes settled (92.0%), while 调处成功率93% would need 23.125 to 23.375 of them.
    The words decide which side the count is on: the rate's own word (完成, 办结, 拆迁 …) in the
    count's words makes it the part done; a rate of outcomes (成功率, 满意率, 合格率 …) over a
    count of cases or tests (调处, 受理, 办理, 检查, 抽检 …) makes it the whole. When the words
    do not tell, the figures are reported only when neither reading allows a whole number.

    反例:
        宁慈线完成拆迁169户，完成率98.5%。
        调处矛盾纠纷25起，调处成功率93%。

    正例:
        宁慈线完成拆迁169户，完成率98.8%。
        调处矛盾纠纷25起，调处成功率92%。
    """

    code = "TK101"
    name = "townkpi.rates.rate_count"
    description = "A rate over a count of whole things has no whole number on its other side."
    groups = ("core", "rates")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each rate whose count no reading allows."""
        for rate in ctx.of_kind(FactKind.RATE):
            t = _implied(ctx, rate)
            if t is not None and t.whole and all(side.ruled_out for side in t.sides):
                yield self._finding(t)

    def _finding(self, t: _Implied) -> Finding:
        evidence = [
            Evidence.of(_count_name(t), f"{format_number(t.n)}{t.unit}"),
            Evidence.of("rate", str(t.rate.value)),
            Evidence.of("rate_interval", t.percent),
        ]
        clauses = []
        for side in t.sides:
            assert side.counts is not None
            near = side.counts.nearest
            rates = [_pct(t.share(side, c)) for c in near]
            pairs = (f"{t.n} of {c}" if side.total else f"{c} of {t.n}" for c in near)
            said = " and ".join(f"{pair} is {r}" for pair, r in zip(pairs, rates, strict=True))
            where = "the total" if side.total else "the number it counts"
            clauses.append((where, show_interval(side.interval, t.unit), said))
            evidence += [
                Evidence.of(f"{side.noun[:-1]}_interval", side.interval),
                Evidence.of(f"nearest_{side.noun}", [str(c) for c in near]),
                Evidence.of(side.rates_name, rates),
            ]
        evidence.append(Evidence.of("reading", _reading(t)))
        start = (
            f"{describe_fact(t.count)} at a rate of {t.rate.surface or t.rate.value}: a rate "
            f"written so stands for {show_interval(t.percent, '%')}"
        )
        if t.reading is Reading.EITHER:
            evidence.append(Evidence.of("note", _UNDECIDED_NOTE))
            (_w1, totals, near_totals), (_w2, parts, near_parts) = clauses
            message = (
                f"{start}; as the number the rate counts, the count would need a total in "
                f"{totals} ({near_totals}), and as the whole, a number counted in {parts} "
                f"({near_parts}); neither holds a whole number of {t.unit}, so the count and the "
                "rate cannot both be right"
            )
        else:
            ((where, interval, said),) = clauses
            whole_of = "" if t.reading is Reading.DONE else ", and the count is the whole"
            message = (
                f"{start}{whole_of}, so {where} would lie in {interval}, which holds no whole "
                f"number of {t.unit}; {said}, neither of which rounds to {t.rate.value}, so the "
                "count and the rate cannot both be right"
            )
        return self.finding(message, facts=[t.count, t.rate], evidence=evidence)


class RateImpliedTotal(Check):
    """The total (or the part) that a rate over a count or amount implies, shown as information.

    "宁慈线完成拆迁169户，完成率98.8%" implies that 171 households were to be relocated
    (169/171 = 98.83%); "征地184亩，完成率97.4%" implies a total between 188.81 and 189.00 亩;
    "调处各类矛盾纠纷670起，调处成功率100%" implies that 667 to 670 of the disputes were settled.
    Nothing is wrong: the finding shows what the figures imply, for a reader to compare with
    other sources. When the words do not tell which side of the rate the count is on, each
    reading that fits is shown.

    反例:
        宁慈线征地184亩，完成率97.4%。

    正例:
        宁慈线征地184亩。
    """

    code = "TK102"
    name = "townkpi.rates.implied_total"
    description = "The total (or the part) that a rate over a count or amount implies."
    groups = ("core", "rates", "implied")
    default_severity = Severity.INFO
    parameters = (
        Parameter(
            name="max_totals",
            default=_MAX_SHOWN,
            description="The most feasible whole totals (or parts) listed in the evidence.",
        ),
    )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an information finding for each rate with a feasible total or part."""
        limit = int(self.option("max_totals"))
        for rate in ctx.of_kind(FactKind.RATE):
            t = _implied(ctx, rate, limit)
            if t is None:
                continue
            evidence = [
                Evidence.of(_count_name(t), str(t.count.value)),
                Evidence.of("rate", str(t.rate.value)),
            ]
            said = [
                self._side(t, side, limit, evidence)
                for side in t.sides
                if not t.whole or (side.counts is not None and side.counts.possible)
            ]
            if not said:
                continue
            evidence.append(Evidence.of("reading", _reading(t)))
            yield self.finding(
                f"{describe_fact(t.count)} at {t.rate.value} implies {' or '.join(said)}",
                facts=[t.count, t.rate],
                evidence=evidence,
            )

    @staticmethod
    def _side(t: _Implied, side: _Side, limit: int, evidence: list[Evidence]) -> str:
        """What one reading implies, for the message; its evidence is added to ``evidence``."""
        evidence.append(Evidence.of(f"{side.noun[:-1]}_interval", side.interval))
        shown = show_interval(side.interval, t.unit)
        where = f"a total in {shown}" if side.total else f"a number counted in {shown}"
        if t.reading is Reading.EITHER:
            where += " if it counts what was done" if side.total else " if it is the whole"
        if side.counts is None:
            return where
        listed = side.counts.feasible[:limit]
        more = "" if len(side.counts.feasible) <= limit else " …"
        evidence.append(Evidence.of(f"feasible_{side.noun}", [str(c) for c in listed]))
        text = ", ".join(str(c) for c in listed) + more
        if side.total:
            return f"a total of {text} {t.unit} ({where})"
        return f"{text} {t.unit} of them ({where})"


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
            if not is_actual(rate):
                continue
            pct = percent_interval(rate)
            if pct is None:
                continue
            ind = ctx.indicator(rate, clause=True)
            allowed = (ind.value_range if ind is not None else None) or _PERCENT_RANGE
            if allowed.lower is not None and below(pct, allowed.lower):
                why = f"below {format_number(allowed.lower)}%"
            elif allowed.upper is not None and above(pct, allowed.upper):
                why = f"above {format_number(allowed.upper)}%"
            else:
                continue
            if is_attainment(ctx, rate):  # the dearest test last: few rates get here
                continue
            name = ind.name if ind is not None else (rate.indicator or "the rate")
            yield self.finding(
                f"{describe_fact(rate)}: {name} is a rate of a finite set and lies in "
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
