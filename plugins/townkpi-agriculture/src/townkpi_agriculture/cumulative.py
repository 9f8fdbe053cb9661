"""What was added in a year cannot exceed the running total it is part of (AGR104)."""

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

__all__ = ["NewAboveCumulative"]

#: The sector whose running totals are checked.
SECTOR: Final = "agriculture"
#: A running total with its upper end and its place in the text.
_Ranked: TypeAlias = tuple[Fraction, int, Fact]


class _Totals:
    """The running totals (累计) of agricultural indicators, to find the first one exceeded.

    Built once per report. A total can include an addition when both are of the same
    indicator, both targets or neither, of the same place, and they stand in the same sentence
    or state the same period; it is exceeded only when the addition's lower end reaches its
    upper end. So the totals of each indicator are grouped by sentence, and by target, period,
    subject and unit with their upper ends in order: an addition visits only the totals it may
    exceed, not every total of its indicator.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self._sentences: dict[tuple[str, int, int], list[tuple[int, Fact]]] = {}
        self._lines: dict[
            tuple[str, bool, Period], dict[tuple[str | None, str | None], list[_Ranked]]
        ] = {}
        place = 0
        for total, ind in ctx.with_indicators(FactKind.AMOUNT, head=True):
            # only the sector's totals: an addition is compared with those of its indicator
            if ind.sector != SECTOR or not is_cumulative(ctx, total):
                continue
            place += 1  # text order
            if total.sentence is not None:
                key = (ind.name, total.sentence.start, total.sentence.end)
                self._sentences.setdefault(key, []).append((place, total))
            upper = total.interval.upper
            if total.period is not None and upper is not None:
                scope = (ind.name, total.modality is Modality.TARGET, total.period)
                line = self._lines.setdefault(scope, {})
                line.setdefault((total.subject, total.unit), []).append((upper, place, total))
        for lines in self._lines.values():
            for entries in lines.values():
                entries.sort(key=lambda e: (e[0], e[1]))

    def __bool__(self) -> bool:
        """Whether there is any running total of the sector at all."""
        return bool(self._sentences or self._lines)

    def first_exceeded(self, added: Fact, name: str) -> Fact | None:
        """The first total in the text that includes ``added`` and that it surely exceeds."""
        best = min(
            (*self._in_sentence(added, name), *self._in_period(added, name)),
            key=lambda e: e[0],
            default=None,
        )
        return None if best is None else best[1]

    def _in_sentence(self, added: Fact, name: str) -> Iterator[tuple[int, Fact]]:
        sentence = added.sentence
        if sentence is None:
            return
        target = added.modality is Modality.TARGET
        for place, total in self._sentences.get((name, sentence.start, sentence.end), ()):
            if total.id == added.id or (total.modality is Modality.TARGET) != target:
                continue
            if not same_subject(added, total):
                continue
            a = interval_in_unit(added, total.unit or "")
            if a is not None and surely_greater(a, total.interval):
                yield place, total

    def _in_period(self, added: Fact, name: str) -> Iterator[tuple[int, Fact]]:
        if added.period is None:
            return
        key = (name, added.modality is Modality.TARGET, added.period)
        for (_, unit), entries in self._lines.get(key, {}).items():
            if not same_subject(added, entries[0][2]):
                continue
            a = interval_in_unit(added, unit or "")
            if a is None or a.lower is None:
                continue
            for upper, place, total in entries:
                if upper > a.lower:
                    break  # the rest lie above every value of the addition
                if total.id != added.id and surely_greater(a, total.interval):
                    yield place, total


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
        totals = _Totals(ctx)
        if not totals:
            return  # no running total of the sector (most reports): nothing to exceed
        for added, ind in ctx.with_indicators(FactKind.AMOUNT, head=True):
            if ind.sector != SECTOR or added.unit is None:
                continue
            if is_cumulative(ctx, added) or is_under_way(ctx, added):
                continue
            total = totals.first_exceeded(added, ind.name)
            if total is not None:
                a = interval_in_unit(added, total.unit or "")
                assert a is not None  # what first_exceeded computed
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
