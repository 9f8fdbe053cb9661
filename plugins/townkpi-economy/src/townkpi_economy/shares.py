"""A share of an economic aggregate against the part and the aggregate stated (ECO104)."""

from __future__ import annotations

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
    Interval,
    Modality,
    Period,
    describe_fact,
    format_interval,
    interval_in_unit,
    quotient,
    same_subject,
)

__all__ = ["ShareOfStatedWhole"]

#: What may follow the name of the whole after 占: 的, 比重, 比例 and a verb before the figure.
_TAIL: Final = re.compile(r"(?:的)?(?:比重|比例|份额)?(?:已|提高到|提升到|达到|达|为|约|超过)*$")
#: A whole named with an area (全市数字经济产值): the area, then the indicator.
_AREA: Final = re.compile(r"^(全[镇乡市县区省州盟旗国])")
#: How far before a share to look for 占 when its own phrase does not hold it.
_LOOK_BACK: Final = 24


def _whole_phrase(ctx: CheckContext, share: Fact) -> str | None:
    """The words naming the whole of a share: what follows the last 占 (占地区生产总值比重)."""
    for text in (share.indicator or "", ctx.text_before(share, _LOOK_BACK)):
        if "占" in text:
            phrase = _TAIL.sub("", text.rsplit("占", 1)[1]).strip()
            return phrase or None
    return None


def _qualifies(ctx: CheckContext, part: Fact, other: Fact, area: str | None) -> bool:
    """Whether an amount of the whole's indicator is a whole a share of ``part`` may be of."""
    if other.id == part.id:
        return False
    if (part.modality is Modality.TARGET) != (other.modality is Modality.TARGET):
        return False
    if part.period is not None and other.period is not None and part.period != other.period:
        return False
    if not (ctx.same_sentence(part, other) or (part.period and part.period == other.period)):
        return False
    if area is not None and other.subject != area:
        return False  # 占全市… : only a figure stated for 全市 is that whole
    return area is not None or same_subject(part, other)


class _Wholes:
    """The stated amounts of one aggregate, indexed to find the first a share may be of.

    ``first(part, area)`` is the first amount in text order that ``_qualifies``, found without
    testing every amount of the aggregate: those of the part's sentence are tested directly,
    and of those that state the part's period, only the first of each subject (a text repeating
    one passage holds many of the same period and place).
    """

    def __init__(self, ctx: CheckContext, name: str) -> None:
        self._ctx = ctx
        # (position in text order, amount), by sentence and by target or not, period, subject
        self._sentences: dict[tuple[int, int], list[tuple[int, Fact]]] = {}
        self._periods: dict[tuple[bool, Period], dict[str | None, list[tuple[int, Fact]]]] = {}
        self._lines: dict[tuple[bool, Period, str | None, str | None], list[list[tuple[int, Fact]]]]
        self._lines = {}
        for position, f in enumerate(ctx.figures_of(name, FactKind.AMOUNT, head=True)):
            if f.sentence is not None:
                key = (f.sentence.start, f.sentence.end)
                self._sentences.setdefault(key, []).append((position, f))
            if f.period is not None:
                scope = self._periods.setdefault((f.modality is Modality.TARGET, f.period), {})
                scope.setdefault(f.subject, []).append((position, f))

    def first(self, part: Fact, area: str | None) -> Fact | None:
        """The first amount in text order that a share of ``part`` may be of, or None."""
        ctx = self._ctx
        best: tuple[int, Fact] | None = None
        if part.sentence is not None:
            for position, other in self._sentences.get(
                (part.sentence.start, part.sentence.end), ()
            ):
                if _qualifies(ctx, part, other, area):
                    best = (position, other)
                    break
        if part.period is None:
            return None if best is None else best[1]
        target = part.modality is Modality.TARGET
        key = (target, part.period, part.subject, area)
        lines = self._lines.get(key)
        if lines is None:  # the subjects that qualify, found once per scope, subject and area
            scope = self._periods.get((target, part.period), {})
            lines = [
                line
                for subject, line in scope.items()
                # every amount of a line has its subject: the line's first stands for all
                if subject == area or (area is None and same_subject(part, line[0][1]))
            ]
            self._lines[key] = lines
        for line in lines:
            for position, other in line:
                if best is not None and position >= best[0]:
                    break
                if _qualifies(ctx, part, other, area):
                    best = (position, other)
                    break
        return None if best is None else best[1]


class ShareOfStatedWhole(Check):
    """A share of an aggregate must agree with the part and the aggregate the report states.

    "服务业增加值41.7亿元，占地区生产总值的31.7%" together with "地区生产总值131.5亿元" of the
    same period gives the share twice: 41.7 / 131.5 is between 31.66% and 31.76% given the
    rounding of both amounts, which meets 31.7% as written. The whole is the economic aggregate
    named after 占 (地区生产总值, 一般公共预算收入, 社会消费品零售总额 …); a whole named with
    another area (占全市…, 占全国…) is only compared with a figure stated for that area.

    反例:
        1-9月，全镇实现地区生产总值131.5亿元；实现服务业增加值41.7亿元，占地区生产总值的35.2%。

    正例:
        1-9月，全镇实现地区生产总值131.5亿元；实现服务业增加值41.7亿元，占地区生产总值的31.7%。
    """

    code = "ECO104"
    name = "economy.share_of_stated_whole"
    description = "A share of an aggregate disagrees with the part and the aggregate stated."
    groups = ("economy", "shares")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each share the stated part and whole cannot give."""
        wholes: dict[str, _Wholes] = {}  # one index per aggregate named (not every pair tested)
        for share in ctx.of_kind(FactKind.SHARE):
            part = ctx.referent(share)
            if part is None or part.kind is not FactKind.AMOUNT:
                continue  # tested first: most shares refer to no amount
            stated = interval_in_unit(share, "%")
            phrase = _whole_phrase(ctx, share)
            if stated is None or not phrase:
                continue
            whole_ind = ctx.catalog.lookup(phrase, head=True)
            part_ind = ctx.indicator(part, head=True)
            if whole_ind is None or whole_ind.sector != "economy" or whole_ind == part_ind:
                continue
            m = _AREA.match(phrase)
            index = wholes.get(whole_ind.name)
            if index is None:
                index = wholes[whole_ind.name] = _Wholes(ctx, whole_ind.name)
            whole = index.first(part, m.group(1) if m else None)
            if whole is not None:
                found = self._compare(share, part, whole, stated)
                if found is not None:
                    yield found

    def _compare(self, share: Fact, part: Fact, whole: Fact, shown: Interval) -> Finding | None:
        p = None if whole.unit is None else interval_in_unit(part, whole.unit)
        computed = None if p is None else quotient(p, whole.interval)
        if computed is None:
            return None
        pct = computed.scale(100)
        if pct.overlaps(shown):
            return None
        return self.finding(
            f"{describe_fact(share, period=True)} is stated as the share of "
            f"{describe_fact(part, period=True)} in {describe_fact(whole, period=True)}, but the "
            f"two amounts give a share in {format_interval(pct)}%, which does not meet the "
            f"{format_interval(shown)}% the written share allows, so the share, the part and the "
            "whole cannot all be right",
            facts=[share, part, whole],
            evidence=(
                Evidence.of("share", str(share.value)),
                Evidence.of("share_interval", shown),
                Evidence.of("part", str(part.value)),
                Evidence.of("whole", str(whole.value)),
                Evidence.of("computed_share", pct),
            ),
        )
