"""Value added cannot exceed the gross output it is computed from (ECO101)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Final

from townkpi import (
    Check,
    CheckContext,
    CounterpartIndex,
    Evidence,
    Fact,
    FactKind,
    Finding,
    counterparts,
    describe_fact,
    format_interval,
    interval_in_unit,
    quotient,
    surely_greater,
)

__all__ = ["OUTPUT_OF", "ValueAddedAboveOutput"]

#: For each value-added indicator, the gross-output indicators of a scope at least as wide.
OUTPUT_OF: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "规上工业增加值": ("规上工业总产值", "工业总产值"),
        "工业增加值": ("工业总产值",),
        "农林牧渔业增加值": ("农林牧渔业产值",),
        "第一产业增加值": ("农林牧渔业产值",),
        "建筑业增加值": ("建筑业总产值",),
    }
)

#: Amounts are compared in this unit (any currency unit of one dimension converts to it).
_UNIT: Final = "亿元"


def _in_unit(fact: Fact) -> bool:
    return interval_in_unit(fact, _UNIT) is not None


class _Outputs:
    """The gross outputs of some indicators: the nearest of a figure, and a bound of them all.

    Attributes:
        nearest: The outputs in the unit, indexed to find a figure's nearest.
        lowest_upper: The lowest upper end of an output in the unit (None when none has one):
            value added that lies below it cannot lie entirely above any output.
    """

    def __init__(self, ctx: CheckContext, names: tuple[str, ...]) -> None:
        self.nearest = CounterpartIndex(ctx, names, head=True, where=_in_unit)
        uppers = [
            iv.upper
            for name in names
            for f in ctx.figures_of(name, FactKind.AMOUNT, head=True)
            if (iv := interval_in_unit(f, _UNIT)) is not None and iv.upper is not None
        ]
        self.lowest_upper = min(uppers, default=None)


class ValueAddedAboveOutput(Check):
    """Value added cannot exceed the gross output of the same scope and period.

    Value added is gross output minus the goods and services used up in producing it, so the
    value added of industry above the designated size (规上工业增加值) is at most its gross
    output (规上工业总产值), and at most the gross output of all industry (工业总产值); likewise
    for agriculture (农林牧渔业) and construction (建筑业). Reports usually show value-added rates
    of 20-35%. The two figures are compared in 亿元 with the intervals their writing allows, and
    reported only when every value of the value added exceeds every value of the output, which
    would mean a value-added rate above 100%.

    反例:
        1-9月，完成规上工业总产值246.4亿元，实现规上工业增加值251.3亿元。

    正例:
        1-9月，完成规上工业总产值246.4亿元，实现规上工业增加值51.3亿元。
    """

    code = "ECO101"
    name = "economy.value_added_above_output"
    description = "Value added exceeds the gross output of its scope (规上工业增加值 > 总产值)."
    groups = ("economy", "relations")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each value added above a gross output of the same scope."""
        outputs: dict[tuple[str, ...], _Outputs] = {}  # one index per choice of outputs
        for added, ind in ctx.with_indicators(FactKind.AMOUNT, head=True):
            names = OUTPUT_OF.get(ind.name)
            if names is None:
                continue
            va = interval_in_unit(added, _UNIT)
            if va is None or va.lower is None:
                continue  # no output can lie below it: ``_compare`` would find nothing
            index = outputs.get(names)
            if index is None:
                index = outputs[names] = _Outputs(ctx, names)
            if index.lowest_upper is None or va.lower < index.lowest_upper:
                continue  # every output reaches above its smallest value: none lies below
            # the nearest output in the unit first: usually the one it is compared with
            nearest = index.nearest.nearest(added)
            if nearest is None:
                continue
            found = self._compare(ctx, added, nearest, ind.name)
            if found is None:  # rare: a farther output may lie below it, as before
                for output in counterparts(ctx, added, names, head=True):
                    found = self._compare(ctx, added, output, ind.name)
                    if found is not None:
                        break
            if found is not None:
                yield found

    def _compare(
        self, ctx: CheckContext, added: Fact, output: Fact, added_name: str
    ) -> Finding | None:
        va, out = interval_in_unit(added, _UNIT), interval_in_unit(output, _UNIT)
        if va is None or out is None or not surely_greater(va, out):
            return None
        out_ind = ctx.indicator(output, head=True)
        out_name = out_ind.name if out_ind is not None else (output.indicator or "gross output")
        rate = quotient(va, out)
        shown_rate = f", a value-added rate of {format_interval(rate.scale(100))}%" if rate else ""
        evidence = [
            Evidence.of("value_added", str(added.value)),
            Evidence.of("gross_output", str(output.value)),
            Evidence.of("value_added_interval", va),
            Evidence.of("gross_output_interval", out),
            Evidence.of("unit", _UNIT),
            Evidence.of("relation", f"{added_name} ≤ {out_name}"),
        ]
        if rate is not None:
            evidence.append(Evidence.of("value_added_rate", rate.scale(100)))
        return self.finding(
            f"{describe_fact(added, period=True)} is value added, gross output less the inputs "
            f"used up, so it cannot exceed {describe_fact(output, period=True)} of the same "
            f"scope; in {_UNIT} the value added stands for {format_interval(va)} and the output "
            f"for {format_interval(out)}{shown_rate}, so both figures cannot be right",
            facts=[added, output],
            evidence=evidence,
        )
