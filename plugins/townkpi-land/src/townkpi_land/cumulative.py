"""Relocation and land acquisition done to date cannot go down (LAN102)."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Final, TypeAlias

from townkpi import (
    Check,
    CheckContext,
    Evidence,
    Fact,
    FactKind,
    Finding,
    Modality,
    Period,
    describe_fact,
    format_interval,
    interval_in_unit,
    is_cumulative,
    is_under_way,
    same_subject,
    surely_greater,
)
from townkpi_land.completion import is_total

__all__ = ["CUMULATIVE", "CumulativeFell", "to_date"]

#: The indicators of work done on a task, which only accumulates: households relocated, floor
#: area demolished, agreements signed, houses vacated, land acquired.
CUMULATIVE: Final = frozenset({"拆迁户数", "拆迁面积", "拆迁签约", "腾空交付", "征地面积"})

#: A figure with its place in the text, and with its lower end first.
_Placed: TypeAlias = tuple[int, Fact]
_Ranked: TypeAlias = tuple[Fraction, int, Fact]


def to_date(ctx: CheckContext, fact: Fact) -> bool:
    """Whether an amount is the work done to date: marked 累计 (累计完成拆迁1200户).

    The amount a completion rate refers to is not taken to be one: "完成剩余拆迁2户，完成率100%"
    gives the year's work and the completion to date side by side.
    """
    return is_cumulative(ctx, fact)


def _end(period: Period) -> tuple[int, int]:
    return period.end_year, period.end_month


class _Earlier:
    """The figures of each indicator that a figure done to date may be compared with, indexed.

    A figure is reported against a later one done to date only when its period ends before
    (done to date) or with (the work of one period) the later one's, and when its lower end, in
    the later figure's unit, reaches the later figure's upper end. The figures are grouped by
    indicator, whether done to date and the end of their period (a report names few ends), and,
    for each unit and subject asked for, ordered by that lower end: a later figure visits only
    those that may lie above it, not every figure of its indicator.
    """

    def __init__(self, facts: list[tuple[str, Fact, bool]]) -> None:
        self._groups: dict[str, dict[tuple[bool, tuple[int, int]], list[_Placed]]] = {}
        for place, (name, fact, done_to_date) in enumerate(facts):
            assert fact.period is not None
            key = (done_to_date, _end(fact.period))
            self._groups.setdefault(name, {}).setdefault(key, []).append((place, fact))
        self._ranked: dict[tuple[str, bool, tuple[int, int], str, str | None], list[_Ranked]] = {}

    def above(self, name: str, later: Fact) -> list[tuple[Fact, bool]]:
        """The figures of ``name`` that may lie above ``later``, in text order."""
        assert later.period is not None
        top, unit, end = later.interval.upper, later.unit, _end(later.period)
        if top is None or unit is None:
            return []
        found: list[tuple[int, Fact, bool]] = []
        for (done_to_date, other_end), placed in self._groups.get(name, {}).items():
            if (other_end >= end) if done_to_date else (other_end != end):
                continue
            key = (name, done_to_date, other_end, unit, later.subject)
            ranked = self._ranked.get(key)
            if ranked is None:
                ranked = self._ranked[key] = _by_lower(placed, later, unit)
            for lower, place, fact in ranked:
                if lower < top:
                    break  # the rest lie below
                found.append((place, fact, done_to_date))
        found.sort(key=lambda e: e[0])
        return [(fact, done_to_date) for _, fact, done_to_date in found]


def _by_lower(placed: list[_Placed], later: Fact, unit: str) -> list[_Ranked]:
    """The figures of ``later``'s subject with a lower end in ``unit``, by it, largest first."""
    out = []
    for place, fact in placed:
        if not same_subject(fact, later):
            continue
        e = interval_in_unit(fact, unit)
        if e is not None and e.lower is not None:
            out.append((e.lower, place, fact))
    out.sort(key=lambda e: e[0], reverse=True)
    return out


class CumulativeFell(Check):
    """Relocation or land acquisition done to date cannot be smaller at a later date.

    Households relocated, agreements signed, floor area demolished and land acquired on a
    project only accumulate: a relocated household is not un-relocated. Two figures of the work
    done to date on the same project (marked 累计) must not fall from an earlier date to a later
    one, and the work of one period cannot exceed the work done to date at the end of that
    period (work under way, 推进 or 实施, is not yet done).
    Households and areas are compared only with their own kind.

    反例:
        2023年宁慈线累计完成拆迁169户。2024年宁慈线累计完成拆迁160户。

    正例:
        2023年宁慈线累计完成拆迁169户。2024年宁慈线累计完成拆迁171户。
    """

    code = "LAN102"
    name = "land.cumulative_fell"
    description = "Relocation or land acquisition done to date falls between two dates."
    groups = ("land", "periods")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each figure to date above a later one of the same project."""
        facts: list[tuple[str, Fact, bool]] = []
        for fact, ind in ctx.with_indicators(FactKind.AMOUNT, head=True):
            if ind.name not in CUMULATIVE or fact.period is None:
                continue
            if fact.modality is Modality.TARGET or is_total(ctx, fact) or fact.unit is None:
                continue
            facts.append((ind.name, fact, to_date(ctx, fact)))
        earlier_of = _Earlier(facts)
        for name, later, later_to_date in facts:
            if not later_to_date:
                continue
            # only the figures that may lie above ``later``, in text order
            for earlier, earlier_to_date in earlier_of.above(name, later):
                found = self._compare(
                    name,
                    earlier,
                    later,
                    earlier_to_date=earlier_to_date,
                    under_way=is_under_way(ctx, earlier),
                )
                if found is not None:
                    yield found

    def _compare(
        self, name: str, earlier: Fact, later: Fact, *, earlier_to_date: bool, under_way: bool
    ) -> Finding | None:
        assert earlier.period is not None
        assert later.period is not None
        if not same_subject(earlier, later) or later.unit is None:
            return None
        if earlier_to_date:
            if _end(earlier.period) >= _end(later.period):
                return None
            why = (
                f"done to date by {earlier.period} cannot exceed what is done to date by "
                f"{later.period}"
            )
        else:  # the work of one period within the total to its end
            if _end(earlier.period) != _end(later.period) or under_way:
                return None
            why = f"the work of {earlier.period} cannot exceed all the work done by its end"
        e = interval_in_unit(earlier, later.unit)
        if e is None or not surely_greater(e, later.interval):
            return None
        return self.finding(
            f"{describe_fact(earlier, period=True)} and {describe_fact(later, period=True)} are "
            f"{name} of the same project, but in {later.unit} the first stands for "
            f"{format_interval(e)} and the second, done to date, for "
            f"{format_interval(later.interval)}: {why}, so they cannot both be right",
            facts=[earlier, later],
            evidence=(
                Evidence.of("indicator", name),
                Evidence.of("earlier", str(earlier.value)),
                Evidence.of("earlier_period", str(earlier.period)),
                Evidence.of("later", str(later.value)),
                Evidence.of("later_period", str(later.period)),
                Evidence.of("earlier_interval", e),
                Evidence.of("later_interval", later.interval),
            ),
        )
