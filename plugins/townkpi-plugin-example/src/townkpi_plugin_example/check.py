"""The example's check, EXM101: a life expectancy that "rises" to a lower age.

One check per module keeps each easy to read. A check is a class derived from `townkpi.Check`
with a stable code (your own prefix), a dotted name, a one-line description and a docstring with
反例 (wrong) and 正例 (right) sections; townkpi's checks catalogue shows them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Final

from townkpi import (
    Check,
    CheckContext,
    Fact,
    Finding,
    UnitError,
    format_interval,
    parse_unit,
    surely_greater,
)

__all__ = ["LifeExpectancyRise"]

#: Words that say a figure rose to the value after them.
RISE_TO: Final = ("提升至", "提升到", "提高至", "提高到", "增至", "增加到", "延长至", "延长到")
#: Words that give the value a rise started from.
RISE_FROM: Final = ("从", "由")


def _age_dimension() -> str | None:
    """The dimension of the plugin's unit 岁, or None when the unit is not defined."""
    try:
        return parse_unit("岁").dimension
    except UnitError:  # the plugin's units are defined when townkpi loads the plugin
        return None


def _is_age(fact: Fact, dimension: str) -> bool:
    unit = fact.value.unit_info
    return unit is not None and unit.dimension == dimension


class LifeExpectancyRise(Check):
    """A life expectancy said to rise cannot end lower than it started.

    "人均预期寿命从83.9岁提升至82.4岁" says the figure rose, but 82.4 (any value in
    [82.35, 82.45)) is below 83.9 (any value in [83.85, 83.95)): the words and the figures cannot
    both be right. The check compares two ages (岁) of one sentence, the first after 从 or 由 and
    the second after a word of rising (提升至, 提高到, 增至, 延长至 …).

    反例:
        人均预期寿命从83.9岁提升至82.4岁。

    正例:
        人均预期寿命从2020年的82.4岁提升至83.9岁。
    """

    code = "EXM101"
    name = "example.life_expectancy_rise"
    description = "A life expectancy said to rise (提升至 …) ends lower than it started."
    groups = ("example",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each rise to a lower age.

        Args:
            ctx: The report and helpers: ``ctx.facts``, ``ctx.same_sentence``, ``ctx.text_before``.
        """
        dimension = _age_dimension()
        if dimension is None:
            return
        ages: list[Fact] = []
        by_unit: dict[str | None, bool] = {}  # whether each unit is an age: asked once per unit
        for f in ctx.facts:
            unit = f.value.unit
            age = by_unit.get(unit)
            if age is None:
                age = by_unit[unit] = _is_age(f, dimension)
            if age and f.span is not None:
                ages.append(f)
        for start, end in itertools.pairwise(ages):
            if not ctx.same_sentence(start, end):
                continue
            if not any(w in ctx.text_before(start, 12) for w in RISE_FROM):
                continue
            if not ctx.text_before(end, 4).endswith(RISE_TO):
                continue
            # townkpi's helpers compare intervals as checks should: only when no values the
            # two figures allow agree with the words is it a finding.
            if surely_greater(start.interval, end.interval):
                yield self._finding(start, end)

    def _finding(self, start: Fact, end: Fact) -> Finding:
        # A message says what was reported, what was computed, and why both cannot hold.
        return self.finding(
            f"the text says the life expectancy rose from {start.surface} to {end.surface}, but "
            f"{end.surface} stands for {format_interval(end.interval)}岁, every value of which is "
            f"below {format_interval(start.interval)}岁 for {start.surface}: a rise cannot end "
            "lower than it started",
            facts=[start, end],
            # Evidence: the numbers the check computed, for renderers and JSON output.
            evidence={
                "from": start.surface,
                "to": end.surface,
                "from_interval": start.interval,
                "to_interval": end.interval,
            },
        )
