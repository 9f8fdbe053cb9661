"""Targets (TK601, TK602): a built-in plugin.

A target for a rate of a finite set above 100% can never be met (争取参保率达到100.5%以上,
TK601). A target for a cumulative completion that lies below what has already been achieved
is met before the period starts (TK602): a cumulative completion does not go down.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Final

from townkpi.checks.base import Check, CheckContext
from townkpi.checks.common import (
    above,
    is_actual,
    is_attainment,
    percent_interval,
    show_interval,
)
from townkpi.checks.helpers import describe_fact, same_subject
from townkpi.findings import Finding, Severity
from townkpi.hookspecs import hookimpl
from townkpi.model import Fact, FactKind
from townkpi.numbers import Comparator

__all__ = ["ImpossibleTarget", "TargetBelowAchieved", "townkpi_register_checks"]

_HUNDRED: Final = Fraction(100)  # a Fraction: compared without converting an int each time


class ImpossibleTarget(Check):
    """A target for a rate of a finite set above 100%.

    A coverage, completion or handling rate cannot exceed 100%, so "争取城乡医保参保达到100.5%以上"
    sets a target that cannot be met. Targets for the attainment of a plan (完成年度目标的110%)
    may exceed 100% and are not flagged.

    反例:
        争取城乡医保参保达到100.5%以上。

    正例:
        争取城乡医保参保达到99.5%以上。
    """

    code = "TK601"
    name = "townkpi.targets.impossible_target"
    description = "A target for a rate of a finite set lies entirely above 100%."
    groups = ("core", "targets")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each target rate that cannot be met."""
        for fact in ctx.of_kind(FactKind.RATE, FactKind.SHARE):
            if is_actual(fact) or is_attainment(ctx, fact):
                continue
            ind = ctx.indicator(fact, clause=True)
            if fact.kind is FactKind.SHARE and not (ind is not None and ind.bounded):
                continue
            pct = percent_interval(fact)
            if pct is None or not above(pct, _HUNDRED):
                continue
            yield self.finding(
                f"{describe_fact(fact)} is a target for a rate of a finite set, which cannot "
                f"exceed 100%, but the target asks for {show_interval(pct, '%')}: it can never be "
                "met",
                facts=[fact],
                evidence={"target": str(fact.value), "target_interval": pct, "ceiling": "100"},
            )


def _achieved(ctx: CheckContext, target: Fact) -> Iterator[Fact]:
    """Actual figures of the same kind, indicator and subject, no later than the target."""
    ind = ctx.indicator(target, clause=True)
    if ind is None:
        return
    for fact in ctx.facts:
        if fact.kind is not target.kind or not is_actual(fact) or fact.id == target.id:
            continue
        other = ctx.indicator(fact, clause=True)
        if other is None or other.name != ind.name or not same_subject(fact, target):
            continue
        if fact.unit != target.unit and target.kind is not FactKind.AMOUNT:
            continue
        if target.period is not None and fact.period is not None:
            before = (fact.period.end_year, fact.period.end_month) <= (
                target.period.end_year,
                target.period.end_month,
            )
            if not before:
                continue
        yield fact


class TargetBelowAchieved(Check):
    """A target for a cumulative completion below what is already achieved.

    "宁慈线完成拆迁169户，完成率98.8%" followed by the plan "力争宁慈线拆迁完成率达到95%" sets a
    target that was met before the year began: a cumulative completion does not go down. The
    target is probably mistyped, or it refers to something else. Only indicators the catalog
    marks as cumulative are compared.

    反例:
        宁慈线完成拆迁169户，完成率98.8%。力争宁慈线拆迁完成率达到95%。

    正例:
        宁慈线完成拆迁169户，完成率98.8%。力争宁慈线拆迁完成率达到100%。
    """

    code = "TK602"
    name = "townkpi.targets.target_below_achieved"
    description = "A target for a cumulative completion lies below what is already achieved."
    groups = ("core", "targets")
    default_severity = Severity.WARNING

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield a warning for each cumulative target already exceeded."""
        for target, ind in ctx.with_indicators(FactKind.RATE, FactKind.AMOUNT):
            if is_actual(target) or target.comparator in {Comparator.LT, Comparator.LE}:
                continue
            if not ind.cumulative:
                continue
            for achieved in _achieved(ctx, target):
                found = self._compare(target, achieved)
                if found is not None:
                    yield found
                    break

    def _compare(self, target: Fact, achieved: Fact) -> Finding | None:
        bound = target.value.number
        if target.kind is FactKind.RATE:
            t_iv, a_iv = percent_interval(target), percent_interval(achieved)
            unit = "%"
        else:
            t_iv, a_iv, unit = target.interval, achieved.interval, target.unit or ""
            if target.unit != achieved.unit:
                return None
        if t_iv is None or a_iv is None or not a_iv.is_above(bound):
            return None
        return self.finding(
            f"the target {describe_fact(target)} asks for {bound}{unit}, but "
            f"{describe_fact(achieved)} already stands for {show_interval(a_iv, unit)}, above the "
            "target; a cumulative completion does not go down, so the target is met before its "
            "period starts",
            facts=[target, achieved],
            evidence={
                "target": str(target.value),
                "achieved": str(achieved.value),
                "achieved_interval": a_iv,
                "target_bound": f"{bound}",
            },
        )


@hookimpl
def townkpi_register_checks() -> list[type[Check]]:
    """The target checks."""
    return [ImpossibleTarget, TargetBelowAchieved]
