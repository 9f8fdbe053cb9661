"""A completion rate against the done amount and the stated total of a project (LAN101)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Final

from townkpi import (
    Check,
    CheckContext,
    Evidence,
    Fact,
    FactKind,
    Finding,
    Interval,
    Modality,
    describe_fact,
    format_interval,
    interval_in_unit,
    quotient,
    same_subject,
    unit_category,
)

__all__ = ["TOTAL_OF", "CompletionRateAgainstTotal", "is_attainment", "is_total"]

#: For each done indicator, the indicator of the whole task it is part of.
TOTAL_OF: Final[Mapping[str, str]] = MappingProxyType(
    {
        "拆迁户数": "拆迁任务",
        "拆迁面积": "拆迁任务",
        "拆迁签约": "拆迁任务",
        "征地面积": "征地任务",
    }
)

#: Words just before a figure that make it the whole task (涉及拆迁171户, 需征地189亩).
_TOTAL_WORDS: Final = re.compile(r"(?:涉及|需要?|应|共计?|总计|总|任务)[^，,；;。、]{0,6}$")
#: Words that make a percentage the attainment of a plan, which may exceed 100%.
_ATTAINMENT_WORDS: Final = ("目标", "计划", "任务", "预期")
_REACH: Final = 10


def is_total(ctx: CheckContext, fact: Fact) -> bool:
    """Whether an amount states the whole task of a project (拆迁任务, 涉及拆迁171户)."""
    ind = ctx.indicator(fact, head=True)
    if ind is not None and ind.name in TOTAL_OF.values():
        return True
    return bool(_TOTAL_WORDS.search(ctx.text_before(fact, _REACH)))


def is_attainment(ctx: CheckContext, rate: Fact) -> bool:
    """Whether a percentage measures attainment of a plan (完成年度计划的105%), not completion."""
    phrase = (rate.indicator or "") + ctx.text_before(rate, _REACH)
    return any(w in phrase for w in _ATTAINMENT_WORDS)


def _stated_totals(ctx: CheckContext) -> dict[str, list[tuple[int, Fact]]]:
    """The amounts that state a whole task, by catalog indicator, with their place in the text.

    Read once per report, so that finding the total of each rate does not read every amount of
    the report again.
    """
    totals: dict[str, list[tuple[int, Fact]]] = {}
    for position, (other, ind) in enumerate(ctx.with_indicators(FactKind.AMOUNT, head=True)):
        if is_total(ctx, other):  # the position orders them in the text
            totals.setdefault(ind.name, []).append((position, other))
    return totals


def _totals(
    ctx: CheckContext,
    done: Fact,
    total_name: str,
    done_name: str,
    stated: dict[str, list[tuple[int, Fact]]],
) -> Iterator[Fact]:
    """The stated totals of the task ``done`` belongs to: same project, sentence or period."""
    names = dict.fromkeys((total_name, done_name))
    for _position, other in sorted(p for name in names for p in stated.get(name, ())):
        if other.id == done.id or not same_subject(done, other):
            continue
        if (other.modality is Modality.TARGET) != (done.modality is Modality.TARGET):
            continue
        if ctx.same_sentence(done, other) or (
            done.period is not None and done.period == other.period
        ):
            yield other


class CompletionRateAgainstTotal(Check):
    """A completion rate must be the done amount over the stated total of the task.

    "宁慈线涉及拆迁171户，已完成拆迁169户，完成率98.8%": 169 of 171 households is 98.83%, which
    rounds to 98.8%. When a report states the whole task of a relocation or land acquisition
    (涉及, 需, 应, 总, 任务, or a 拆迁任务 / 征地任务 figure), the amount done and the completion
    rate of the same project, the quotient of the first two, computed with the intervals their
    writing allows, must meet the rate. Households and 亩 are never mixed: the done amount and
    the total must have one dimension.

    反例:
        宁慈线涉及拆迁175户，已完成拆迁169户，完成率98.8%。

    正例:
        宁慈线涉及拆迁171户，已完成拆迁169户，完成率98.8%。
    """

    code = "LAN101"
    name = "land.completion_against_total"
    description = "A completion rate disagrees with the done amount over the stated total."
    groups = ("land", "rates")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each completion rate its done amount and total cannot give."""
        stated_totals: dict[str, list[tuple[int, Fact]]] | None = None  # read when first needed
        for rate in ctx.of_kind(FactKind.RATE):
            done = ctx.referent(rate)
            if done is None or done.kind is not FactKind.AMOUNT:
                continue
            ind = ctx.indicator(done, head=True)
            if ind is None or ind.name not in TOTAL_OF or is_total(ctx, done):
                continue
            stated = interval_in_unit(rate, "%")
            if stated is None or is_attainment(ctx, rate):
                continue
            if stated_totals is None:
                stated_totals = _stated_totals(ctx)
            for total in _totals(ctx, done, TOTAL_OF[ind.name], ind.name, stated_totals):
                found = self._compare(rate, done, total, stated)
                if found is not None:
                    yield found
                break

    def _compare(self, rate: Fact, done: Fact, total: Fact, stated: Interval) -> Finding | None:
        if total.unit is None or unit_category(done) != unit_category(total):
            return None
        d = interval_in_unit(done, total.unit)
        computed = None if d is None else quotient(d, total.interval)
        if computed is None:
            return None
        pct = computed.scale(100)
        if pct.overlaps(stated):
            return None
        return self.finding(
            f"{describe_fact(done, period=True)} out of {describe_fact(total, period=True)} is a "
            f"completion of {format_interval(pct)}%, but the completion rate "
            f"{rate.surface or rate.value} stands for {format_interval(stated)}%; the done "
            "amount, the total and the rate cannot all be right",
            facts=[done, total, rate],
            evidence=(
                Evidence.of("done", str(done.value)),
                Evidence.of("total", str(total.value)),
                Evidence.of("rate", str(rate.value)),
                Evidence.of("rate_interval", stated),
                Evidence.of("computed_rate", pct),
            ),
        )
