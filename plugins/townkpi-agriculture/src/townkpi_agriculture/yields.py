"""Output, sown area and yield per mu of a crop (AGR101)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

import attrs

from townkpi import (
    Check,
    CheckContext,
    CounterpartIndex,
    Evidence,
    Fact,
    FactKind,
    Finding,
    Interval,
    Parameter,
    UnitCategory,
    describe_fact,
    format_interval,
    interval_in_unit,
    is_increment,
    quotient,
    unit_category,
)

__all__ = ["CROPS", "Crop", "YieldInconsistent"]

#: The unit yields are computed in.
YIELD_UNIT: Final = "公斤/亩"
_MASS: Final = "公斤"
#: A yield may be read as an amount (亩产650公斤) or as a ratio (650公斤/亩).
_YIELD_KINDS: Final = (FactKind.AMOUNT, FactKind.RATIO)
_AREA: Final = "亩"


@attrs.frozen(slots=True, kw_only=True)
class Crop:
    """The catalog indicators of one crop's output, sown area and yield per mu.

    Attributes:
        output: The output (粮食产量).
        area: The sown area (粮食播种面积).
        yield_: The yield per mu (粮食单产), or None when the catalog has none.
    """

    output: str
    area: str
    yield_: str | None = None


#: The crops whose output, area and yield are compared.
CROPS: Final = (
    Crop(output="粮食产量", area="粮食播种面积", yield_="粮食单产"),
    Crop(output="水稻产量", area="水稻种植面积", yield_="水稻单产"),
    Crop(output="早稻产量", area="早稻种植面积"),
    Crop(output="小麦产量", area="小麦播种面积", yield_="小麦单产"),
    Crop(output="玉米产量", area="玉米播种面积", yield_="玉米单产"),
    Crop(output="大豆产量", area="大豆播种面积"),
    Crop(output="油料产量", area="油料播种面积"),
)

_BY_OUTPUT: Final = {c.output: c for c in CROPS}


def _yield_interval(fact: Fact) -> Interval | None:
    """A stated yield in 公斤/亩: written per mu (650公斤/亩) or as a mass per mu (亩产650公斤)."""
    if unit_category(fact) is UnitCategory.MASS:
        return interval_in_unit(fact, _MASS)
    return interval_in_unit(fact, YIELD_UNIT)


def _stated_yield(fact: Fact) -> bool:
    return _yield_interval(fact) is not None


def _usable_area(fact: Fact) -> bool:
    """Whether a sown area gives a yield: in 亩, not an increment, surely above zero."""
    if is_increment(fact):
        return False
    mu = interval_in_unit(fact, _AREA)
    # what ``quotient(output, mu)`` needs, tested without dividing: surely above zero
    return mu is not None and mu.lower is not None and mu.lower >= 0 and 0 not in mu


class YieldInconsistent(Check):
    """A crop's output, sown area and yield per mu must fit together.

    Yield per mu is output divided by sown area. When a report states a crop's output and its
    sown area for the same year and place, their quotient (computed with the intervals their
    writing allows, in 公斤/亩) must meet the yield it states, and must lie within what a sown
    mu can produce: no field has yielded 2,000 kg of grain or oilseed per mu in one season (the
    records are about 1,660 kg of maize and 1,250 kg of rice), and no regional average lies
    below 20 kg. A quotient outside those bounds is a slip of 万 or of unit (斤 for 公斤, 亩 for
    万亩). Increments (新增粮食种植面积) are not areas.

    反例:
        全省粮食播种面积3320万亩，粮食产量1285万斤。

    正例:
        全省粮食播种面积3320万亩，粮食产量1285万吨。
    """

    code = "AGR101"
    name = "agriculture.yield_inconsistent"
    description = "A crop's output over its sown area misses the stated yield or any possible one."
    groups = ("agriculture", "relations")
    parameters = (
        Parameter(
            name="max_yield",
            default=Decimal(2000),
            description="The most a sown mu can yield in one season, in 公斤/亩.",
        ),
        Parameter(
            name="min_yield",
            default=Decimal(20),
            description="The least a region's average yield can be, in 公斤/亩.",
        ),
    )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each output and area whose quotient is impossible."""
        # The first usable area (and stated yield) of each output, nearest first, from one
        # index per indicator and role instead of ranking every counterpart of every output;
        # keyed by (name, "area") or (name, "yield"), so that an area index and a yield index
        # never share a key even if a crop's indicator names ever coincide.
        indexes: dict[tuple[str, str], CounterpartIndex] = {}
        for output, ind in ctx.with_indicators(FactKind.AMOUNT, head=True):
            crop = _BY_OUTPUT.get(ind.name)
            if crop is None:
                continue
            mass = interval_in_unit(output, _MASS)
            if mass is None or is_increment(output):
                continue
            areas = indexes.get((crop.area, "area"))
            if areas is None:
                areas = indexes[crop.area, "area"] = CounterpartIndex(
                    ctx, (crop.area,), head=True, where=_usable_area
                )
            area = areas.nearest(output)
            if area is None:
                continue
            mu = interval_in_unit(area, _AREA)
            implied = None if mu is None else quotient(mass, mu)
            assert implied is not None  # what _usable_area tested
            found = self._judge(ctx, crop, output, area, implied, indexes=indexes)
            if found is not None:
                yield found

    def _judge(
        self,
        ctx: CheckContext,
        crop: Crop,
        output: Fact,
        area: Fact,
        implied: Interval,
        *,
        indexes: dict[tuple[str, str], CounterpartIndex],
    ) -> Finding | None:
        evidence = [
            Evidence.of("output", str(output.value)),
            Evidence.of("area", str(area.value)),
            Evidence.of("implied_yield", implied),
            Evidence.of("unit", YIELD_UNIT),
        ]
        stated = None
        if crop.yield_ is not None:
            yields = indexes.get((crop.yield_, "yield"))
            if yields is None:
                yields = indexes[crop.yield_, "yield"] = CounterpartIndex(
                    ctx, (crop.yield_,), kinds=_YIELD_KINDS, head=True, where=_stated_yield
                )
            stated = yields.nearest(output)
        if stated is not None:
            fact, iv = stated, _yield_interval(stated)
            assert iv is not None  # what _stated_yield tested
            if implied.overlaps(iv):
                return None
            return self.finding(
                f"{describe_fact(output, period=True)} over {describe_fact(area, period=True)} "
                f"gives a yield of {format_interval(implied)}{YIELD_UNIT}, but "
                f"{describe_fact(fact, period=True)} stands for "
                f"{format_interval(iv)}{YIELD_UNIT}; yield per mu is output over sown area, so "
                "the three figures cannot all be right",
                facts=[output, area, fact],
                evidence=[*evidence, Evidence.of("stated_yield", iv)],
            )
        top = Decimal(str(self.option("max_yield")))
        bottom = Decimal(str(self.option("min_yield")))
        if implied.is_above(top):
            why = f"more than the {top} {YIELD_UNIT} no sown mu has ever produced"
        elif implied.is_below(bottom):
            why = f"less than the {bottom} {YIELD_UNIT} below which no region's average lies"
        else:
            return None
        return self.finding(
            f"{describe_fact(output, period=True)} over {describe_fact(area, period=True)} gives "
            f"a yield of {format_interval(implied)}{YIELD_UNIT}, {why}; the output and the area "
            "cannot both be right (a slip of 万 or of unit?)",
            facts=[output, area],
            evidence=[*evidence, Evidence.of("allowed_yield", Interval.closed(bottom, top))],
        )
