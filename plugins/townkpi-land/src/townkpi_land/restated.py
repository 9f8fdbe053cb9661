"""An area restated in another unit must be the same area (LAN104)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Final

from townkpi import (
    Check,
    CheckContext,
    Evidence,
    Fact,
    FactKind,
    Finding,
    TownkpiError,
    UnitCategory,
    Value,
    describe_fact,
    format_interval,
    unit_category,
)

__all__ = ["RestatedAreaDisagrees", "restatement_of"]

#: What stands between an area and its restatement: 30.4平方公里（4.56万亩）, 3000亩，折合200公顷.
_BETWEEN: Final = re.compile(
    r"\s*(?:[（(]\s*(?:约合|折合|合|即|约)?|[，,]?\s*(?:约合|折合|合|即))\s*"
)
#: Words of approximation between the two figures: the restatement is then taken as 约.
_APPROXIMATE: Final = "约"


def _approximately(value: Value) -> Value:
    """The value as if written with 约 (约130公顷), or the value itself when that cannot be read."""
    try:
        return Value.parse(f"{_APPROXIMATE}{value}")
    except TownkpiError:
        return value


def restatement_of(ctx: CheckContext, first: Fact, second: Fact) -> bool:
    """Whether ``second`` restates the area ``first`` in another unit, right after it."""
    if first.span is None or second.span is None or not ctx.report.text:
        return False
    if not ctx.same_sentence(first, second) or second.span.start <= first.span.end:
        return False
    between = ctx.report.text[first.span.end : second.span.start]
    return _BETWEEN.fullmatch(between) is not None


class RestatedAreaDisagrees(Check):
    """An area restated in another unit must be the same area.

    Reports give land areas in 亩, 公顷, 平方公里 or 平方米 and sometimes restate one in another:
    "盘活处置低效产业用地30.4平方公里（4.56万亩）". One 平方公里 is exactly 1,500 亩 and one 公顷
    15 亩, so the two figures, with the intervals their writing allows, must meet after
    conversion: 30.4平方公里 is 45,525 to 45,675 亩, which 4.56万亩 (45,550 to 45,650) meets. A
    figure is a restatement when it follows the first one directly, in brackets or after 折合, 合,
    约合 or 即; after 约 it is taken as approximate.

    反例:
        盘活处置低效产业用地30.4平方公里（4.06万亩）。

    正例:
        盘活处置低效产业用地30.4平方公里（4.56万亩）。
    """

    code = "LAN104"
    name = "land.restated_area_disagrees"
    description = "An area restated in another unit (平方公里 as 亩) is not the same area."
    groups = ("land", "units")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each restated area that cannot be the area it restates."""
        areas: list[Fact] = []
        by_unit: dict[str | None, bool] = {}  # whether each unit is an area: asked once per unit
        for f in ctx.of_kind(FactKind.AMOUNT):
            area = by_unit.get(f.unit)
            if area is None:
                area = by_unit[f.unit] = unit_category(f) is UnitCategory.AREA
            if area:
                areas.append(f)
        for first, second in itertools.pairwise(areas):
            if first.unit == second.unit or not restatement_of(ctx, first, second):
                continue
            assert first.unit is not None
            assert first.span is not None
            assert second.span is not None
            between = ctx.report.text[first.span.end : second.span.start]
            again = second.value
            if _APPROXIMATE in between and _APPROXIMATE not in second.qualifiers:
                again = _approximately(second.value)
            converted = again.interval_in(first.unit)
            if converted.overlaps(first.interval):
                continue
            yield self.finding(
                f"{describe_fact(second, period=True)} restates "
                f"{describe_fact(first, period=True)} in {second.unit}, but in {first.unit} it "
                f"stands for {format_interval(converted)} while the first figure stands for "
                f"{format_interval(first.interval)}: one area cannot have both sizes",
                facts=[first, second],
                evidence=(
                    Evidence.of("area", str(first.value)),
                    Evidence.of("restated", str(again)),
                    Evidence.of("area_interval", first.interval),
                    Evidence.of("restated_interval", converted),
                    Evidence.of("unit", first.unit),
                ),
            )
