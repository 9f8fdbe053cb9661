"""What was added in a year cannot exceed the running total it is part of (AGR104)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from townkpi import (
    Check,
    CheckContext,
    Evidence,
    Fact,
    FactKind,
    Finding,
    Modality,
    describe_fact,
    format_interval,
    interval_in_unit,
    is_cumulative,
    is_under_way,
    same_subject,
    surely_greater,
)

__all__ = ["NewAboveCumulative"]

#: The sector whose running totals are checked.
SECTOR: Final = "agriculture"


def _running_totals(ctx: CheckContext) -> dict[str, list[Fact]]:
    """The running totals (累计) of the report by catalog indicator, in text order.

    Read once per report, so that finding the totals of each addition does not read every
    amount of the report again.
    """
    totals: dict[str, list[Fact]] = {}
    for total, other in ctx.with_indicators(FactKind.AMOUNT, head=True):
        if is_cumulative(ctx, total):
            totals.setdefault(other.name, []).append(total)
    return totals


def _pairs(ctx: CheckContext, added: Fact, totals: dict[str, list[Fact]]) -> Iterator[Fact]:
    """The running totals of the same indicator that include ``added``."""
    ind = ctx.indicator(added, head=True)
    if ind is None:
        return
    for total in totals.get(ind.name, ()):
        if total.id == added.id:
            continue
        if (total.modality is Modality.TARGET) != (added.modality is Modality.TARGET):
            continue
        if not same_subject(added, total):
            continue
        if ctx.same_sentence(added, total) or (
            added.period is not None and added.period == total.period
        ):
            yield total


class NewAboveCumulative(Check):
    """What was built or added in a period cannot exceed the running total that includes it.

    "建成高标准农田8.9万亩、累计达到120.5万亩": the 8.9万亩 of the year are part of the 120.5万亩
    built so far, so the figure of the year cannot be the larger. Figures of the same
    agricultural indicator and place are compared when they stand in the same sentence or are
    stated for the same period, the total marked by 累计; only when every value the year's
    figure allows exceeds every value of the total is it reported. Work under way (推进, 实施,
    开工 …) is not yet part of what has been built.

    反例:
        建成高标准农田8.9万亩、累计达到7.5万亩。

    正例:
        建成高标准农田8.9万亩、累计达到120.5万亩。
    """

    code = "AGR104"
    name = "agriculture.new_above_cumulative"
    description = "A year's addition exceeds the running total (累计) of the same indicator."
    groups = ("agriculture", "relations")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each addition above its running total."""
        totals = _running_totals(ctx)
        for added, ind in ctx.with_indicators(FactKind.AMOUNT, head=True):
            if ind.sector != SECTOR or added.unit is None:
                continue
            if is_cumulative(ctx, added) or is_under_way(ctx, added):
                continue
            for total in _pairs(ctx, added, totals):
                a = interval_in_unit(added, total.unit or "")
                if a is None or not surely_greater(a, total.interval):
                    continue
                unit = total.unit or ""
                yield self.finding(
                    f"{describe_fact(added, period=True)} is part of the running total "
                    f"{describe_fact(total, period=True)} of {ind.name}, but in {unit} it stands "
                    f"for {format_interval(a)} and the total for "
                    f"{format_interval(total.interval)}: what was added cannot exceed the total "
                    "that includes it",
                    facts=[added, total],
                    evidence=(
                        Evidence.of("added", str(added.value)),
                        Evidence.of("cumulative", str(total.value)),
                        Evidence.of("added_interval", a),
                        Evidence.of("cumulative_interval", total.interval),
                        Evidence.of("unit", unit),
                    ),
                )
                break
