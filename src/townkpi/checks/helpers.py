"""Helpers for writing checks: which figures are comparable, their units, wording and messages.

Every sector pack asks the same questions of a report's figures, and these helpers answer them
the way townkpi's own checks do, so that a pack's check and a core check agree on what a report
says. They are part of the public API (``from townkpi import same_scope, …``):

- scope: [`same_subject`][townkpi.checks.helpers.same_subject] and
  [`same_scope`][townkpi.checks.helpers.same_scope] say whether two figures describe the same
  thing at the same time; [`counterparts`][townkpi.checks.helpers.counterparts] finds the figures
  of other catalog indicators in the same scope, nearest first;
  [`amounts_in_sentence`][townkpi.checks.helpers.amounts_in_sentence] and
  [`amounts_before`][townkpi.checks.helpers.amounts_before] the other amounts of a figure's
  sentence; [`related_in_catalog`][townkpi.checks.helpers.related_in_catalog] whether the catalog
  relates two figures as part and whole;
- wording: [`figure_words`][townkpi.checks.helpers.figure_words] gives the words that say what a
  figure counts; [`is_increment`][townkpi.checks.helpers.is_increment] (新增…),
  [`is_cumulative`][townkpi.checks.helpers.is_cumulative] (累计…),
  [`is_under_way`][townkpi.checks.helpers.is_under_way] (推进, 实施…) and
  [`is_list_item`][townkpi.checks.helpers.is_list_item] (建议25件、提案37件) read them;
- arithmetic on exact intervals: [`interval_in_unit`][townkpi.checks.helpers.interval_in_unit],
  [`unit_category`][townkpi.checks.helpers.unit_category],
  [`proportion_interval`][townkpi.checks.helpers.proportion_interval],
  [`quotient`][townkpi.checks.helpers.quotient] and
  [`surely_greater`][townkpi.checks.helpers.surely_greater] (a finding is reported only when no
  values consistent with every figure satisfy the rule); the GRIM test of a rate and a count of
  whole things, [`whole_totals`][townkpi.checks.helpers.whole_totals] and
  [`whole_parts`][townkpi.checks.helpers.whole_parts], which give
  [`WholeCounts`][townkpi.checks.helpers.WholeCounts];
- messages: [`describe_fact`][townkpi.checks.helpers.describe_fact], with
  [`format_number`][townkpi.findings.format_number] and
  [`format_interval`][townkpi.findings.format_interval] for the numbers.

Examples:
    >>> from townkpi import Interval, fact
    >>> done = fact("宁慈线完成拆迁", "169户", period=2023)
    >>> describe_fact(done, period=True)
    '宁慈线完成拆迁 169户 (2023)'
    >>> from decimal import Decimal
    >>> from fractions import Fraction
    >>> rate = Interval.from_rounded(Decimal("98.8")).scale(Fraction(1, 100))
    >>> whole_totals(169, rate).feasible
    (171,)
    >>> surely_greater(Interval.closed(3, 4), Interval.closed(1, 3))
    False
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Final

import attrs

from townkpi.checks.base import CheckContext
from townkpi.errors import DimensionMismatchError, UnitError
from townkpi.interval import Interval
from townkpi.model import Fact, FactKind, Modality, Period
from townkpi.units import Unit, UnitCategory, conversion_factor, parse_unit

__all__ = [
    "INCREMENT_WORDS",
    "UNDER_WAY_WORDS",
    "WHOLE_AREA_PREFIX",
    "CounterpartIndex",
    "WholeCounts",
    "amounts_before",
    "amounts_in_sentence",
    "amounts_with_words",
    "counterparts",
    "describe_fact",
    "figure_words",
    "interval_in_unit",
    "is_cumulative",
    "is_increment",
    "is_list_item",
    "is_under_way",
    "proportion_interval",
    "quotient",
    "related_in_catalog",
    "same_scope",
    "same_subject",
    "surely_greater",
    "unit_category",
    "whole_parts",
    "whole_totals",
]

WHOLE_AREA_PREFIX: Final = "全"
"""A subject that starts so names the whole area the report is about (全镇, 全市, 全省)."""

INCREMENT_WORDS: Final = ("新增", "净增", "新建", "增加", "扩大", "新开工", "新引进", "新认定")
"""Words that make a figure an increment rather than a level (新增粮食种植面积约230亩)."""

CUMULATIVE_WORD: Final = "累计"
"""The word that makes a figure a running total since an earlier date (累计达到120.5万亩)."""

UNDER_WAY_WORDS: Final = (
    "推进",
    "推动",
    "实施",
    "开工",
    "启动",
    "在建",
    "谋划",
    "计划",
    "力争",
    "争取",
    "确保",
)
"""Words before a figure that make it work under way rather than done (推进8686亩…项目)."""

_LIST_JOINERS: Final = "、和及与"
"""Characters that join the items of a list of figures (建议4249件、政协提案3542件)."""


# --------------------------------------------------------------------------- messages


def describe_fact(fact: Fact, *, period: bool = False) -> str:
    """A figure for a message: its subject and indicator phrase, then the value as written.

    Args:
        fact: The figure.
        period: Add the figure's period in brackets, when it has one.

    Examples:
        >>> from townkpi import fact
        >>> describe_fact(fact("完成拆迁", "169户", subject="宁慈线", period=2023))
        '宁慈线完成拆迁 169户'
        >>> describe_fact(fact(None, "169户"))
        '169户'
    """
    label = "".join(w for w in (fact.subject, fact.indicator) if w)
    shown = fact.surface or str(fact.value)
    when = f" ({fact.period})" if period and fact.period is not None else ""
    return f"{label} {shown}{when}".strip()


# --------------------------------------------------------------------------- units and intervals

# Enum members read in loops over figures: a module constant is read faster.
_AMOUNT: Final = FactKind.AMOUNT
_TARGET: Final = Modality.TARGET
#: The unit of a pure number: a ratio is so many times (倍) another figure.
_TIMES: Final = "倍"


def interval_in_unit(fact: Fact, unit: str | Unit) -> Interval | None:
    """The fact's interval converted into ``unit``, or None when the dimensions differ.

    A pure number (no unit: a ratio such as 收入倍差1.56) is read as a number of times (倍), so
    it converts only into a proportion (倍, %).

    Examples:
        >>> from townkpi import fact
        >>> str(interval_in_unit(fact("地区生产总值", "131.5亿元"), "万元"))
        '[1314500, 1315500)'
        >>> interval_in_unit(fact("征地", "184亩"), "户") is None
        True
        >>> ratio = fact("城乡居民收入倍差", "1.56")
        >>> str(interval_in_unit(ratio, "%")), interval_in_unit(ratio, "亩") is None
        ('[155.5, 156.5)', True)
    """
    try:
        # Most pairs a check tries measure different things: compare the dimensions of the
        # (cached) units first, without raising and catching a DimensionMismatchError.
        target = unit if isinstance(unit, Unit) else parse_unit(unit)
        if fact.value.unit is None:
            if target.category is not UnitCategory.PROPORTION:
                return None
            return fact.value.interval.scale(conversion_factor(_TIMES, target))
        source = fact.value.unit_info
        if source is None or source.dimension != target.dimension:
            return None
        return fact.value.interval_in(unit)
    except (DimensionMismatchError, UnitError):
        return None


def unit_category(fact: Fact) -> UnitCategory | None:
    """The category of the fact's unit (area, count …), or None for a pure number."""
    try:
        u = fact.value.unit_info
    except UnitError:  # pragma: no cover - a Value validates its unit when it is made
        return None
    return None if u is None else u.category


def proportion_interval(fact: Fact) -> Interval | None:
    """A proportion's interval as a fraction of one (98.8% → [0.9875, 0.9885)).

    None when the fact's unit is not a proportion (%, ‰, 倍) or it has no unit.
    """
    if unit_category(fact) is not UnitCategory.PROPORTION:
        return None
    return interval_in_unit(fact, "倍")


def quotient(a: Interval, b: Interval) -> Interval | None:
    """``a / b`` for a positive ``b``, or None when ``b`` may be zero or negative."""
    if b.lower is None or b.lower < 0 or 0 in b:
        return None
    return a / b


def surely_greater(a: Interval, b: Interval) -> bool:
    """Whether every number of ``a`` exceeds every number of ``b`` (no values satisfy a ≤ b).

    Checks report a part above its whole only when this holds: rounding alone can never make two
    figures contradict each other.
    """
    if a.lower is None or b.upper is None:
        return False
    return a.lower > b.upper or (a.lower == b.upper and not (a.lower_closed and b.upper_closed))


# --------------------------------------------------------------------------- wording


def figure_words(ctx: CheckContext, fact: Fact) -> str:
    """The words that say what a figure counts.

    The words of its clause before it in the report's text (调处各类矛盾纠纷 for 670起), or, for a
    figure without text (from a table) or with no words before it, its indicator phrase.
    """
    words = ctx.clause_before(fact)
    # ``words.strip()`` is empty exactly when the words are empty or all spaces
    return words if words and not words.isspace() else (fact.indicator or "")


def amounts_with_words(ctx: CheckContext, words: Iterable[str]) -> Iterator[tuple[Fact, str]]:
    """The amounts whose figure words hold one of ``words``, with those words, in text order.

    Only amounts that are not targets and stand in the text are considered; their
    [`figure_words`][townkpi.checks.helpers.figure_words] are collected and joined once per
    context, and one search of the joined words finds the few that hold one of ``words``: a
    check that looks only at the amounts of a few words (办结, 就业) loops over these instead
    of searching the words of every amount of the report.

    Args:
        ctx: The check context.
        words: The words to look for; an amount is found when its figure words hold any of
            them (no word: nothing is found).

    Returns:
        An iterator of (amount, its figure words) pairs, each amount once, in text order.

    Examples:
        >>> from townkpi import Report, extract
        >>> report = extract("受理群众诉求1200件，已办结1180件。")
        >>> ctx = CheckContext(report=report)
        >>> [(f.surface, w) for f, w in amounts_with_words(ctx, ("办结",))]
        [('1180件', '已办结')]
    """
    wanted = tuple(words)
    amounts, texts, joined, ends = ctx.memo(_AMOUNT_WORDS, lambda: _amount_words(ctx))
    if not wanted:
        return
    if any(not w or _SEPARATOR in w for w in wanted):  # pragma: no cover - no such word
        for fact, text in zip(amounts, texts, strict=True):
            if any(w in text for w in wanted):
                yield fact, text
        return
    last = -1
    for m in _words_pattern(wanted).finditer(joined):
        # a match holds no separator: it lies in the words of the first amount that end at or
        # after its start
        i = bisect.bisect_left(ends, m.start())
        if i != last:
            last = i
            yield amounts[i], texts[i]


#: The memo key of ``_amount_words``, and what separates the words of two amounts in it.
_AMOUNT_WORDS: Final = (__name__, "amount_words")
_SEPARATOR: Final = "\x00"


def _amount_words(
    ctx: CheckContext,
) -> tuple[tuple[Fact, ...], tuple[str, ...], str, tuple[int, ...]]:
    """The amounts (not targets, in the text), their figure words, the words joined, their ends.

    The end of an amount's words is the offset of the separator after them in the joined words
    (the length of the joined words for the last).
    """
    amounts = tuple(
        f for f in ctx.of_kind(_AMOUNT) if f.modality is not _TARGET and f.span is not None
    )
    texts = tuple(figure_words(ctx, f) for f in amounts)
    joined = _SEPARATOR.join(texts)
    ends = tuple(itertools.accumulate((len(t) + 1 for t in texts), initial=-1))[1:]
    return amounts, texts, joined, ends


@functools.lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern that finds any of ``words``."""
    return re.compile("|".join(map(re.escape, words)))


def is_increment(fact: Fact) -> bool:
    """Whether a figure is an increment (新增…, 净增…) rather than a level.

    Its indicator phrase starts with one of
    [`INCREMENT_WORDS`][townkpi.checks.helpers.INCREMENT_WORDS], or the extractor recorded such a
    word as a qualifier.
    """
    phrase = fact.indicator or ""
    return phrase.startswith(INCREMENT_WORDS) or any(q in INCREMENT_WORDS for q in fact.qualifiers)


def is_cumulative(ctx: CheckContext, fact: Fact) -> bool:
    """Whether a figure is a running total (累计…) rather than the figure of one period.

    累计 is a qualifier of the figure, part of its indicator phrase, or in its clause before it.
    """
    if CUMULATIVE_WORD in fact.qualifiers or CUMULATIVE_WORD in (fact.indicator or ""):
        return True
    return CUMULATIVE_WORD in ctx.clause_before(fact)


def is_under_way(ctx: CheckContext, fact: Fact) -> bool:
    """Whether the words of its clause make a figure work under way, not done (推进, 实施, 开工)."""
    words = ctx.clause_before(fact)
    return any(w in words for w in UNDER_WAY_WORDS)


def is_list_item(ctx: CheckContext, fact: Fact) -> bool:
    """Whether a figure is one item of a list (办理人大代表建议4249件、政协提案3542件).

    A rate written after such a list may be a rate of all its items together, so a check cannot
    tell which count it is a share of.
    """
    after = ctx.text_after(fact, 1)
    if after and after in _LIST_JOINERS:
        return True
    before = ctx.text_before(fact, 24)
    cut = len(before) - len(ctx.clause_before(fact, 24)) - 1  # the mark that opens its clause
    return cut >= 0 and before[cut] == "、"


# --------------------------------------------------------------------------- scope


def same_subject(a: Fact, b: Fact) -> bool:
    """Whether two facts are about the same place or project.

    Equal subjects are the same, and so are two where one contains the other (宁慈线 and
    轨道交通宁慈线); a missing subject matches another missing one or a subject that names the
    whole area (全镇, 全市, 全省).
    """
    return _subjects_match(a.subject, b.subject)


def _subjects_match(a: str | None, b: str | None) -> bool:
    """``same_subject`` of two figures with these subjects."""
    if a == b:
        return True
    sa, sb = a or "", b or ""
    if not sa or not sb:
        return (sa or sb).startswith(WHOLE_AREA_PREFIX)
    return sa in sb or sb in sa


def same_scope(ctx: CheckContext, a: Fact, b: Fact) -> bool:
    """Whether two figures describe the same thing at the same time, as parts of one statement.

    Both are targets or neither is; both are increments (新增…) or both levels; their periods
    do not differ; they are about the same subject; and they stand in the same sentence or state
    the same known period.
    """
    if (a.modality is _TARGET) != (b.modality is _TARGET):
        return False
    if is_increment(a) != is_increment(b):
        return False
    if a.period is not None and b.period is not None and a.period != b.period:
        return False
    if not same_subject(a, b):
        return False
    return ctx.same_sentence(a, b) or (a.period is not None and a.period == b.period)


def _names(indicators: str | Iterable[str]) -> frozenset[str]:
    return frozenset((indicators,) if isinstance(indicators, str) else indicators)


def _candidates(
    ctx: CheckContext, names: frozenset[str], wanted: frozenset[FactKind], *, head: bool
) -> Iterable[Fact]:
    """The figures of the named indicators, in the order ``counterparts`` ranks ties in."""
    if not head and wanted == {FactKind.AMOUNT}:
        return (f for name in sorted(names) for f in ctx.amounts_of(name))
    if len(names) == 1:  # in text order, as the scan below gives them
        return ctx.figures_of(next(iter(names)), *wanted, head=head)
    return (
        f
        for f in ctx.of_kind(*wanted)
        if (ind := ctx.indicator(f, head=head, clause=not head)) is not None and ind.name in names
    )


def counterparts(
    ctx: CheckContext,
    fact: Fact,
    indicators: str | Iterable[str],
    *,
    kinds: Iterable[FactKind] = (FactKind.AMOUNT,),
    head: bool = False,
) -> list[Fact]:
    """The figures of other catalog indicators in the same scope as ``fact``, nearest first.

    Figures of the same sentence come first, then the others by their distance in the text.

    Args:
        ctx: The check context.
        fact: The figure to find counterparts of.
        indicators: Canonical names of catalog indicators (one name or several).
        kinds: The kinds of figures to return (amounts by default).
        head: Match a figure's indicator phrase only at its end, where Chinese puts the head of
            a noun phrase, and without the words of its clause (``ctx.indicator(f, head=True)``):
            the stricter lookup of checks that judge a figure by what it measures.
    """
    candidates = _candidates(ctx, _names(indicators), frozenset(kinds), head=head)
    out = [
        other
        for other in dict.fromkeys(candidates)
        if other.id != fact.id and same_scope(ctx, fact, other)
    ]

    def distance(other: Fact) -> tuple[int, int]:
        near = 0 if ctx.same_sentence(fact, other) else 1
        if fact.span is None or other.span is None:
            return near, 0
        return near, abs(fact.span.start - other.span.start)

    return sorted(out, key=distance)


class _Line:
    """The candidates of one scope and subject: by position, and those without a position."""

    __slots__ = ("by_order", "entries", "starts", "unplaced")

    def __init__(self) -> None:
        self.entries: list[tuple[int, int, Fact]] = []  # (start, order, fact), sorted
        self.starts: list[int] = []
        self.unplaced: list[tuple[int, Fact]] = []  # (order, fact) of figures without a span
        self.by_order: list[tuple[int, Fact]] = []  # every candidate, in candidate order

    def nearest(self, fact: Fact) -> tuple[int, int, Fact] | None:
        """The (distance, order, figure) that ranks first for ``fact``, itself excluded."""
        best: tuple[int, int, Fact] | None = None
        if fact.span is None:  # every distance is zero: the first in candidate order
            for order, other in self.by_order[:2]:
                if other.id != fact.id:
                    return 0, order, other
            return None
        for order, other in self.unplaced[:2]:
            if other.id != fact.id:
                best = (0, order, other)
                break
        starts, entries, s0 = self.starts, self.entries, fact.span.start
        # the nearest start at or before s0: the first entry of its run (least order)
        hi = bisect.bisect_right(starts, s0)
        while hi > 0:
            lo = bisect.bisect_left(starts, starts[hi - 1], 0, hi)
            picked = next((e for e in entries[lo:hi] if e[2].id != fact.id), None)
            if picked is not None:
                key = (s0 - picked[0], picked[1], picked[2])
                if best is None or key[:2] < best[:2]:
                    best = key
                break
            hi = lo  # the run held only the figure itself
        right = bisect.bisect_right(starts, s0)
        if right < len(entries):
            start, order, other = entries[right]
            if best is None or (start - s0, order) < best[:2]:
                best = (start - s0, order, other)
        return best


class CounterpartIndex:
    """The figures of some catalog indicators, indexed to find a figure's nearest counterpart.

    ``index.nearest(fact)`` is the first figure of ``counterparts(ctx, fact, indicators,
    kinds=kinds, head=head)`` that ``where`` accepts, found without comparing ``fact`` with
    every candidate: figures of the same sentence are tested directly, the others are indexed
    by target or not, increment or not, period and subject, and sorted by position. A check that
    looks for one counterpart of every figure builds the index once and stays linear in the
    report where ``counterparts`` on every figure would compare every pair.

    Args:
        ctx: The check context.
        indicators: Canonical names of catalog indicators (one name or several).
        kinds: The kinds of figures to return (amounts by default).
        head: Match a figure's indicator phrase only at its end (see ``counterparts``).
        where: Accept only the figures for which this is true (every one by default).

    Examples:
        >>> from townkpi import CheckContext, Report, fact
        >>> whole = fact("排摸违法建筑", "58宗", period=2023)
        >>> part = fact("已处置", "55宗", period=2023)
        >>> ctx = CheckContext(report=Report(source="x", facts=[whole, part]))
        >>> CounterpartIndex(ctx, "违法建筑排摸").nearest(part) == whole
        True
    """

    def __init__(
        self,
        ctx: CheckContext,
        indicators: str | Iterable[str],
        *,
        kinds: Iterable[FactKind] = (FactKind.AMOUNT,),
        head: bool = False,
        where: Callable[[Fact], bool] | None = None,
    ) -> None:
        self._ctx = ctx
        self._sentences: dict[tuple[int, int], list[tuple[int, Fact]]] = {}
        self._scopes: dict[tuple[bool, bool, Period], dict[str | None, _Line]] = {}
        self._subjects: dict[tuple[bool, bool, Period, str | None], list[_Line]] = {}
        seen: set[str] = set()
        order = -1
        for f in _candidates(ctx, _names(indicators), frozenset(kinds), head=head):
            if f.id in seen:
                continue
            seen.add(f.id)
            order += 1
            if where is not None and not where(f):
                continue
            if f.sentence is not None:
                key = (f.sentence.start, f.sentence.end)
                self._sentences.setdefault(key, []).append((order, f))
            if f.period is None:
                continue  # found only in its own sentence
            scope = (f.modality is _TARGET, is_increment(f), f.period)
            line = self._scopes.setdefault(scope, {}).get(f.subject)
            if line is None:
                line = self._scopes[scope][f.subject] = _Line()
            line.by_order.append((order, f))
            if f.span is None:
                line.unplaced.append((order, f))
            else:
                line.entries.append((f.span.start, order, f))
        for lines in self._scopes.values():
            for line in lines.values():
                line.entries.sort(key=lambda e: (e[0], e[1]))
                line.starts = [e[0] for e in line.entries]

    def nearest(self, fact: Fact) -> Fact | None:
        """The nearest counterpart of ``fact`` that ``where`` accepts, or None.

        The same figure as ``next(f for f in counterparts(…) if where(f))``: one of the same
        sentence first, then the nearest in the text, the first candidate on a tie.

        Args:
            fact: The figure to find a counterpart of; it need not be one of the candidates,
                and a candidate with its id is never its own counterpart.

        Returns:
            The counterpart, or None when no accepted candidate is in the same scope.
        """
        if not self._sentences and not self._scopes:
            return None  # no candidate at all (the usual case)
        ctx = self._ctx
        best: tuple[int, int, Fact] | None = None
        sentence = fact.sentence
        if sentence is not None:
            for order, other in self._sentences.get((sentence.start, sentence.end), ()):
                if other.id == fact.id or not same_scope(ctx, fact, other):
                    continue
                span, other_span = fact.span, other.span
                dist = (
                    0 if span is None or other_span is None else abs(span.start - other_span.start)
                )
                if best is None or (dist, order) < best[:2]:
                    best = (dist, order, other)
            if best is not None:
                return best[2]
        if fact.period is None:
            return None  # a figure of another sentence must state the same period
        target, increment = fact.modality is _TARGET, is_increment(fact)
        key = (target, increment, fact.period, fact.subject)
        lines = self._subjects.get(key)
        if lines is None:
            scope = self._scopes.get(key[:3], {})
            lines = [line for s, line in scope.items() if _subjects_match(fact.subject, s)]
            self._subjects[key] = lines
        for line in lines:
            found = line.nearest(fact)
            if found is not None and (best is None or found[:2] < best[:2]):
                best = found
        return None if best is None else best[2]


def amounts_in_sentence(ctx: CheckContext, fact: Fact) -> Iterator[Fact]:
    """The other amounts of the figure's sentence that are not targets, in text order."""
    for other in ctx.sentence_facts(fact):
        if other.kind is _AMOUNT and other.id != fact.id and other.modality is not _TARGET:
            yield other


def amounts_before(ctx: CheckContext, fact: Fact) -> list[Fact]:
    """The other amounts of the figure's sentence before it that are not targets, nearest first.

    A figure that the text makes part of another (已处置55宗, 其中调解成功650起) follows it:
    checks look for the whole among these.
    """
    if fact.span is None:
        return []
    start = fact.span.start
    before = [
        f for f in amounts_in_sentence(ctx, fact) if f.span is not None and f.span.start < start
    ]
    return before[::-1]


def related_in_catalog(ctx: CheckContext, a: Fact, b: Fact) -> bool:
    """Whether the catalog declares one figure's indicator part of the other's.

    The indicators are read as townkpi's part-of check (TK203) reads them
    (``ctx.indicator(f, clause=True)``), so that a check can leave such pairs to it and one
    contradiction gives one finding.
    """
    ia, ib = ctx.indicator(a, clause=True), ctx.indicator(b, clause=True)
    if ia is None or ib is None:
        return False
    return ib.name in ia.part_of or ia.name in ib.part_of


# --------------------------------------------------------------------------- whole counts (GRIM)


@attrs.frozen(slots=True, kw_only=True)
class WholeCounts:
    """The whole numbers a rate and a count of whole things leave for the rate's other count.

    A rate written to d decimals stands for an interval ([98.75, 98.85)% for 98.8%); with a count
    of whole things on one side of the rate, the other side lies in an interval too, and must be
    a whole number in it (the GRIM test).

    Attributes:
        interval: Where the other count lies, exactly.
        feasible: The whole numbers in it, in order (at most the ``limit`` asked for, plus one
            to show that there are more).
        nearest: When none is feasible, the whole numbers just below and just above the interval
            that the count allows, for a message; empty otherwise.
    """

    interval: Interval
    feasible: tuple[int, ...] = ()
    nearest: tuple[int, ...] = ()

    @property
    def possible(self) -> bool:
        """Whether some whole number fits."""
        return bool(self.feasible)


def whole_totals(part: int, rate: Interval, *, limit: int = 5) -> WholeCounts | None:
    """The whole totals of which ``part`` is a share ``rate`` (a fraction of one).

    169 households done at 98.8% ([0.9875, 0.9885)) need a total in (170.97, 171.14]: 171.

    Args:
        part: The count done (169).
        rate: The rate as a fraction of one.
        limit: How many feasible totals to list at most (one more is listed when there are more).

    Returns:
        The totals, or None when the rate may be zero or negative (no total is implied) or lies
        entirely above 100% (no total holds its part).
    """
    implied = quotient(Interval.point(part), rate)
    if implied is None or part < 0:
        return None
    totals = implied.intersection(Interval.at_least(part))  # a total holds its part
    if totals is None:
        return None
    if not totals.is_bounded:
        return WholeCounts(interval=totals)
    feasible = tuple(totals.integers(limit=limit + 1))
    if feasible:
        return WholeCounts(interval=totals, feasible=feasible)
    assert totals.lower is not None
    assert totals.upper is not None
    below = max(math.floor(totals.lower), part)
    above = max(math.ceil(totals.upper), below + 1)
    nearest = tuple(c for c in (below, above) if c > 0 and c >= part)
    return WholeCounts(interval=totals, nearest=nearest)


def whole_parts(total: int, rate: Interval, *, limit: int = 5) -> WholeCounts | None:
    """The whole parts of ``total`` that make a share ``rate`` (a fraction of one).

    25 disputes handled at a success rate of 92% ([0.915, 0.925)) need a number settled in
    [22.875, 23.125): 23.

    Args:
        total: The count of the whole (the cases handled).
        rate: The rate as a fraction of one.
        limit: How many feasible parts to list at most (one more is listed when there are more).

    Returns:
        The parts, or None when the total is negative or the rate lies entirely outside 0-100%.
    """
    parts = None if total < 0 else rate.scale(total).intersection(Interval.closed(0, total))
    if parts is None:
        return None
    feasible = tuple(parts.integers(limit=limit + 1))
    if feasible:
        return WholeCounts(interval=parts, feasible=feasible)
    # 0 and the total are whole, so an interval without a whole number lies strictly inside
    assert parts.lower is not None
    assert parts.upper is not None
    nearest = (math.floor(parts.lower), math.ceil(parts.upper))
    return WholeCounts(interval=parts, nearest=nearest)
