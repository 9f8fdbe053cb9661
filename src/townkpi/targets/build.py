"""Targets from target facts: what a plan's figures commit to.

Not every figure of a plan is a target: one that only sizes what an effort verb works on
(推进五里村96亩工业用地征收报批) is left out; see
[`townkpi.targets.commitment`][townkpi.targets.commitment].

[`targets_from_report`][townkpi.targets.build.targets_from_report] turns every fact of a report
whose modality is ``target`` into a [`Target`][townkpi.targets.rule.Target]. It reads:

- the **kind** from the fact's kind: change → growth, rate and share → rate, ratio → ratio,
  amount → level, rank → rank;
- the **strength** from the fact's qualifiers (力争, 争取, 确保, 努力; the strongest wins), or
  from its sentence when the qualifiers have none;
- the **comparator** from the written one (超过 → ``>``, 以上 → ``>=``, 以内 → ``<=`` …). A plain
  figure in a plan is a floor: 完成技术改造项目40个 means at least 40, 同比增长5% at least 5%. A
  plain decline (下降3%) is a ceiling on the change (at most −3%), and a comparator written on a
  decline bounds its size: 下降3%以上 is a change of at most −3%. A plain rank (第1名) is a ceiling,
  and 控制在 makes a plain figure a ceiling;
- the **bound** from the written number, exact. A range keeps both ends and is met by an actual
  within it (新增1-2个: 1 or 2);
- the **period** from the fact, or else the year after the report's year (a 2023 report's plan
  is for 2024).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Final

import attrs

from townkpi.interval import Interval
from townkpi.model import Fact, Modality, Period, Report
from townkpi.numbers import Comparator
from townkpi.targets.commitment import NotTarget, not_target_reason, strength_of
from townkpi.targets.kinds import Strength, TargetKind, kind_of_fact
from townkpi.targets.phrases import split_indicator, strip_commitment
from townkpi.targets.rule import Target

__all__ = [
    "CEILING_WORDS",
    "not_targets",
    "target_from_fact",
    "targets_from_fact",
    "targets_from_report",
]

#: Qualifier words that make a plain figure in a plan a ceiling rather than a floor.
CEILING_WORDS: Final = frozenset({"控制在", "压减到", "压降到", "降至", "降到"})

_FLIP: Final = {
    Comparator.GE: Comparator.LE,
    Comparator.GT: Comparator.LT,
    Comparator.LE: Comparator.GE,
    Comparator.LT: Comparator.GT,
}


def _bound(fact: Fact) -> Interval:
    value = fact.value
    if value.comparator is not Comparator.RANGE:
        return Interval.point(value.number)
    text = value.text
    cut = text.find("-", 1)
    try:
        upper = Decimal(text[cut + 1 :]) if cut > 0 else None
    except InvalidOperation:
        upper = None
    if upper is None:  # not written as a-b: fall back on the value's interval
        iv = value.interval
        return iv if iv.is_bounded else Interval.point(value.number)
    lo, hi = sorted((value.number, upper))
    return Interval.closed(lo, hi)


def _comparator(fact: Fact, kind: TargetKind) -> Comparator:
    written = fact.comparator
    if written is Comparator.RANGE:
        return Comparator.RANGE
    decline = kind is TargetKind.GROWTH and fact.value.number < 0
    if written in _FLIP:
        # 下降3%以上 bounds the size of the decline: the change is at most -3%.
        return _FLIP[written] if decline else written
    # a plain figure (=, ~): a floor, unless it is a decline, a rank or written as a ceiling
    if decline or kind is TargetKind.RANK or CEILING_WORDS.intersection(fact.qualifiers):
        return Comparator.LE
    return Comparator.GE


def target_from_fact(
    fact: Fact, *, default_period: Period | None = None, source: str = ""
) -> Target:
    """The target a target fact states.

    Args:
        fact: A fact (normally of modality ``target``; the modality is not checked here).
        default_period: The period when the fact has none.
        source: The plan it came from, for messages.

    Example:
        >>> from townkpi.model import Fact, FactKind, Modality, Value
        >>> fact = Fact(
        ...     id="f7",
        ...     kind=FactKind.AMOUNT,
        ...     value=Value.parse("超过10家"),
        ...     indicator="新进规企业",
        ...     modality=Modality.TARGET,
        ...     qualifiers=("确保", "超过"),
        ... )
        >>> t = target_from_fact(fact)
        >>> t.describe_bound(), t.kind.value, t.strength.value
        ('> 10家', 'level', '确保')
    """
    kind = kind_of_fact(fact.kind)
    return Target(
        id=fact.id,
        indicator=None if fact.indicator is None else strip_commitment(fact.indicator),
        subject=fact.subject,
        comparator=_comparator(fact, kind),
        bound=_bound(fact),
        unit=fact.unit,
        kind=kind,
        strength=Strength.from_words(fact.qualifiers),
        period=fact.period or default_period,
        surface=fact.surface or str(fact.value),
        fact_id=fact.id,
        span=fact.span,
        source=source,
    )


def targets_from_fact(
    fact: Fact, *, default_period: Period | None = None, source: str = ""
) -> tuple[Target, ...]:
    """The targets a target fact states: one per indicator when one figure serves several.

    规上工业企业总产值、规上工业增加值同比增长5% gives two targets of 5%, with the ids
    ``<fact id>/1`` and ``<fact id>/2``; see
    [`split_indicator`][townkpi.targets.phrases.split_indicator]. Otherwise it is
    ``(target_from_fact(fact),)``.
    """
    target = target_from_fact(fact, default_period=default_period, source=source)
    if fact.indicator is None:
        return (target,)
    parts = split_indicator(fact.indicator)
    if len(parts) <= 1:
        return (target,)
    return tuple(
        attrs.evolve(target, id=f"{fact.id}/{n}", indicator=part)
        for n, part in enumerate(parts, start=1)
    )


def _plan_figures(report: Report) -> tuple[list[Target], list[NotTarget]]:
    default = None if report.year is None else Period.year(report.year + 1)
    targets: list[Target] = []
    excluded: list[NotTarget] = []
    for f in report.facts:
        if f.modality is not Modality.TARGET:
            continue
        reason = not_target_reason(report, f)
        if reason is not None:
            excluded.append(NotTarget(fact=f, reason=reason))
            continue
        strength = strength_of(report, f)
        targets.extend(
            attrs.evolve(t, strength=strength)
            for t in targets_from_fact(f, default_period=default, source=report.source)
        )
    return targets, excluded


def targets_from_report(report: Report) -> tuple[Target, ...]:
    """Every target of a report, in text order.

    One per indicator of each fact of modality ``target`` (see
    [`targets_from_fact`][townkpi.targets.build.targets_from_fact]), except the plan figures that
    commit to no outcome (see
    [`not_targets`][townkpi.targets.build.not_targets]). Facts without a period get the year after
    the report's year, when the report has one. The strength is read from the fact's qualifiers,
    or else from its sentence (see [`strength_of`][townkpi.targets.commitment.strength_of]).
    """
    return tuple(_plan_figures(report)[0])


def not_targets(report: Report) -> tuple[NotTarget, ...]:
    """The target facts of a report that are not targets, each with the reason."""
    return tuple(_plan_figures(report)[1])
