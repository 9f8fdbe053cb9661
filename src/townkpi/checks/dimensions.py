"""Dimensions (TK401): a built-in plugin.

Each catalog indicator declares the dimensions its amounts may have: 拆迁 counts households
(户, 家, 幢 …), 征地 and 粮食播种面积 are areas, 地区生产总值 is money. An amount whose unit has
another dimension (拆迁184亩, 地区生产总值131.5亩, 面积169户) cannot measure that indicator.
The indicator is matched at the head of the fact's phrase (its end), so that a phrase such as
工业用地全生命周期管理 is not taken for 工业用地.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from townkpi.checks.base import Check, CheckContext
from townkpi.checks.common import unit_of
from townkpi.checks.helpers import describe_fact
from townkpi.findings import Finding
from townkpi.hookspecs import hookimpl
from townkpi.model import Fact, FactKind
from townkpi.units import UnitCategory

__all__ = ["IndicatorDimension", "townkpi_register_checks"]

_WORDS: Final = {
    "currency": "a sum of money (元, 万元, 亿元 …)",
    "area": "an area (亩, 平方米, 公顷 …)",
    "length": "a length (米, 公里 …)",
    "volume": "a volume (立方米 …)",
    "mass": "a mass (吨, 公斤 …)",
    "energy": "an amount of energy (千瓦时, 吨标准煤 …)",
    "power": "a power (千瓦 …)",
    "time": "a duration (天, 小时 …)",
    "count": "a count (户, 个, 家, 人 …)",
    "proportion": "a proportion (%, 倍)",
    "percentage-point": "percentage points",
    "other": "a compound unit",
}


def _say(spec: str) -> str:
    category, _, unit = spec.partition(":")
    if unit:
        return f"a count of {unit}" if category == "count" else f"{category} in {unit}"
    return _WORDS.get(category, category)


#: Unit categories whose amounts are not judged.
_NOT_JUDGED: Final = frozenset({UnitCategory.OTHER, UnitCategory.PROPORTION})

#: Words that make a phrase a share (A占B的比重), whose head is not what the figure measures.
_SHARE_WORDS: Final = ("占", "比重", "比例")


def _is_share_phrase(phrase: str | None) -> bool:
    return phrase is not None and any(w in phrase for w in _SHARE_WORDS)


def _classifies_what_follows(ctx: CheckContext, fact: Fact) -> bool:
    """Whether the figure is a classifier phrase (14个重点产业): it counts the noun after it."""
    after = ctx.text_after(fact, 1)
    return bool(after) and "\u4e00" <= after <= "\u9fff"


class IndicatorDimension(Check):
    """An indicator measured in a unit of a dimension it cannot have.

    拆迁 (relocation) counts households or buildings; "宁慈线完成拆迁169亩" measures it as an
    area. 征地 is an area, 地区生产总值 an amount of money. The catalog lists the dimensions each
    indicator may have. Amounts in compound units (万元/亩), figures that count the noun after
    them (14个重点产业) and phrases of a share (A占B) are not judged.

    反例:
        宁慈线完成拆迁169亩，征地184户。

    正例:
        宁慈线完成拆迁169户，征地184亩。
    """

    code = "TK401"
    name = "townkpi.dimensions.indicator_dimension"
    description = "An amount's unit has a dimension its indicator cannot have (拆迁 in 亩)."
    groups = ("core", "dimensions")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each amount in a dimension its indicator does not allow."""
        for fact, ind in ctx.with_indicators(FactKind.AMOUNT, head=True):
            if not ind.dimensions:
                continue
            u = unit_of(fact)
            if u is None or u.category in _NOT_JUDGED or "/" in u.text:
                continue
            if _classifies_what_follows(ctx, fact) or _is_share_phrase(fact.indicator):
                continue
            if ind.allows(u):
                continue
            allowed = " or ".join(_say(d) for d in ind.dimensions)
            yield self.finding(
                f"{describe_fact(fact)}: {ind.name} is measured as {allowed}, but {u.text} is "
                f"{_WORDS.get(u.category.value, u.category.value)}; an amount of "
                f"{ind.name} cannot have that dimension",
                facts=[fact],
                evidence={
                    "indicator": ind.name,
                    "unit": u.text,
                    "unit_dimension": u.category.value,
                    "allowed": list(ind.dimensions),
                },
            )


@hookimpl
def townkpi_register_checks() -> list[type[Check]]:
    """The dimension check."""
    return [IndicatorDimension]
