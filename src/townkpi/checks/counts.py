"""Bases of checks that compare two counts of one statement: a whole and a part of it.

Reports of many sectors pair a count of things taken on or found (受理群众诉求1200件,
排查问题点位120处) with a count of those dealt with (办结1180件, 已整改118处) and sometimes a
rate of the second in the first (办结率98.3%, 整改销号率98.5%). Two rules hold whatever the
sector, and only the words differ:

- [`RateOfCountsCheck`][townkpi.checks.counts.RateOfCountsCheck]: the part divided by the whole
  must round to the rate; with only the whole stated and the rate referring to another figure,
  the rate must leave a whole number of parts (the GRIM test of
  [`whole_parts`][townkpi.checks.helpers.whole_parts]);
- [`PartNotAboveWholeCheck`][townkpi.checks.counts.PartNotAboveWholeCheck]: a part that the text
  makes part of the whole before it (已办结, 其中整改) cannot exceed it.

A sector pack subclasses them and sets, as class attributes, its word lists, its rates
([`CountRate`][townkpi.checks.counts.CountRate]) and the words of its messages and evidence
([`CountTerms`][townkpi.checks.counts.CountTerms]), besides the usual ``code``, ``name``,
``description`` and a docstring with 反例 and 正例. Both compare exact intervals: a finding is
reported only when no values consistent with every figure satisfy the rule.

Examples:
    >>> from townkpi import extract
    >>> class FixedRate(RateOfCountsCheck):
    ...     '''A rate of fixing must agree with the counts found and fixed.
    ...
    ...     反例:
    ...         排查隐患58处，已整改55处，整改率100%。
    ...
    ...     正例:
    ...         排查隐患58处，已整改55处，整改率94.8%。
    ...     '''
    ...
    ...     code = "EX901"
    ...     name = "example.fixed_rate"
    ...     description = "A rate of fixing disagrees with its counts."
    ...     rates = (CountRate(name="整改率", parts=("整改",), wholes=("排查",)),)
    ...     not_whole_words = ("整改",)
    ...     not_part_words = ("排查",)
    ...     terms = CountTerms(
    ...         whole="found",
    ...         part="handled",
    ...         one_part="handled",
    ...         whole_role="found",
    ...         part_role="handled",
    ...         part_number="the number handled",
    ...         comparison="the handled figure stands for {part} and the found one for {whole}",
    ...         impossibility="no more things can be handled than were found",
    ...     )
    >>> report = extract("排查隐患58处，已整改55处，整改率100%。")
    >>> [f.message[:55] for f in FixedRate().check(CheckContext(report=report))]
    ['排查隐患 58处 found and 整改 55处 handled give a 整改率 of 94.828%']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from fractions import Fraction
from typing import ClassVar, Final

import attrs

from townkpi.checks.base import Check, CheckContext
from townkpi.checks.common import above, below
from townkpi.checks.helpers import (
    amounts_before,
    amounts_in_sentence,
    amounts_with_words,
    describe_fact,
    figure_words,
    interval_in_unit,
    is_cumulative,
    is_list_item,
    proportion_interval,
    quotient,
    related_in_catalog,
    surely_greater,
    whole_parts,
)
from townkpi.findings import Evidence, Finding, format_interval, format_number
from townkpi.interval import Interval
from townkpi.model import Fact, FactKind, Modality
from townkpi.units import UnitCategory

__all__ = ["CountRate", "CountTerms", "PartNotAboveWholeCheck", "RateOfCountsCheck", "percent"]

_QUOTES: Final = ("“", "”", '"')
_ZERO: Final = Fraction(0)  # Fractions: compared without converting an int each time
_ONE: Final = Fraction(1)
_TARGET: Final = Modality.TARGET  # read in a loop over every amount


@attrs.frozen(slots=True, kw_only=True)
class CountRate:
    """A rate of a part in a whole, as reports name it (办结率: 办结 of 受理).

    Attributes:
        name: The rate as reports write it (办结率, 整改销号率).
        parts: The words of a figure of the part it counts (办结; 整改, 销号).
        wholes: The words of a figure of the whole it is a share of (受理, 交办; 排查, 隐患).
    """

    name: str
    parts: tuple[str, ...]
    wholes: tuple[str, ...]


@attrs.frozen(slots=True, kw_only=True)
class CountTerms:
    """How a pack's messages and evidence name the whole and the part.

    Attributes:
        whole: The evidence name of the whole (``cases``, ``found``); its interval is
            ``<whole>_interval``.
        part: The evidence name of the parts (``outcomes``, ``handled``); their interval is
            ``<part>_interval``, the nearest whole numbers of them ``nearest_<part>``.
        one_part: The evidence name of the part in ``<one_part>_interval``, the interval a rate
            leaves for it (``outcome``, ``handled``).
        whole_role: What a figure of the whole did, after it in a message (``taken on``).
        part_role: What a figure of the part did, after it in a message (``with an outcome``).
        part_number: The number of parts, in a message (``the number of outcomes``).
        comparison: The two intervals in a message, with the fields ``{part}`` and ``{whole}``
            (``the outcomes stand for {part} and the cases for {whole}``).
        impossibility: Why a part cannot exceed its whole (``no more cases can be settled or
            closed than were taken on``).
    """

    whole: str
    part: str
    one_part: str
    whole_role: str
    part_role: str
    part_number: str
    comparison: str
    impossibility: str


def percent(x: Fraction) -> str:
    """A fraction of one as a percentage with three decimals at most (667/670 → 99.552%).

    Three decimals keep a rate that ends in 5 at the second decimal from looking as if it rounded
    either way: 667 of 670 is 99.552%, which rounds to 99.6%, not 99.5%.

    Examples:
        >>> percent(Fraction(667, 670)), percent(Fraction(1, 2))
        ('99.552%', '50%')
    """
    return f"{format_number(x * 100, 3)}%"


def _show(interval: Interval, unit: str = "") -> str:
    return f"{format_interval(interval)}{unit}"


def _distance(a: Fact, b: Fact) -> int:
    if a.span is None or b.span is None:
        return 0
    return abs(a.span.start - b.span.start)


@functools.lru_cache(maxsize=256)
def _any_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(map(re.escape, words))) if words else None


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    """``any(w in text for w in words)``, in one search of a pattern compiled once per tuple."""
    pattern = _any_pattern(words)
    return pattern is not None and pattern.search(text) is not None


def _plain(words: str) -> str:
    for quote in _QUOTES:
        words = words.replace(quote, "")
    return words


class RateOfCountsCheck(Check):
    """Base of a check that a rate of a part in a whole agrees with the counts of both.

    For each rate (not a target) within 0-100% whose words (the clause before it and its
    indicator) name one of ``rates``, the check looks, among the amount the rate refers to and
    then the amounts of its sentence nearest first, for a count of the whole and a count of the
    part in the same dimension:

    - with both, the part divided by the whole must overlap the rate's interval (a part above its
      whole is left to [`PartNotAboveWholeCheck`][townkpi.checks.counts.PartNotAboveWholeCheck]
      or to townkpi's core part-of check, TK203);
    - with the whole only, when the rate refers to another figure, a point count of whole things
      must leave a whole number of parts (a rate and the one count it refers to are townkpi's
      core rate check's, TK101);
    - a count that is an item of a list (建议25件、提案37件) gives no finding: the rate may be of
      all the items together.

    Subclasses set, besides ``code``, ``name``, ``description`` and the docstring:

    Attributes:
        rates: The rates it checks; the first whose name the words contain is taken, so a longer
            name goes before one it contains (整改销号率 before 销号率).
        not_whole_words: Words that keep a figure from being the whole (the part's verbs), unless
            they are among the rate's ``wholes``; a rate's own ``parts`` are always among them.
        not_part_words: Words that keep a figure from being the part (the whole's verbs), if any.
        terms: The words of its messages and evidence.
    """

    rates: ClassVar[tuple[CountRate, ...]]
    not_whole_words: ClassVar[tuple[str, ...]]
    not_part_words: ClassVar[tuple[str, ...]] = ()
    terms: ClassVar[CountTerms]

    @classmethod
    def rate_named(cls, words: str) -> CountRate | None:
        """The first of ``rates`` whose name the words contain, or None."""
        return next((r for r in cls.rates if r.name in words), None)

    @classmethod
    def is_whole(cls, words: str, rate: CountRate) -> bool:
        """Whether a figure's words count the whole ``rate`` is a share of (受理群众诉求)."""
        if not any(w in words for w in rate.wholes):
            return False
        others = (*cls.not_whole_words, *rate.parts)
        return not any(w in words for w in others if w not in rate.wholes)

    @classmethod
    def is_part(cls, words: str, rate: CountRate) -> bool:
        """Whether a figure's words count the part ``rate`` counts (已办结)."""
        return any(p in words for p in rate.parts) and not any(
            w in words for w in cls.not_part_words
        )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each rate that its counts rule out."""
        for rate in ctx.of_kind(FactKind.RATE):
            if rate.modality is _TARGET:
                continue
            kind = self.rate_named(f"{ctx.clause_before(rate)} {rate.indicator or ''}")
            if kind is None:
                continue  # most rates are none of these: named before the dearer tests
            r = proportion_interval(rate)
            if r is None or above(r, _ONE) or below(r, _ZERO):
                continue  # not a rate of these counts, or outside 0-100% (core check TK103)
            whole, part = self._counts(ctx, rate, kind)
            if whole is None:
                continue
            if part is not None:
                found = self._ratio(rate, kind, r, whole, part)
            elif whole.id != rate.refers_to:
                found = self._whole_number(rate, kind, r, whole)
            else:
                continue  # the rate and the count it refers to alone: TK101's
            if found is not None:
                yield found

    def _counts(
        self, ctx: CheckContext, rate: Fact, kind: CountRate
    ) -> tuple[Fact | None, Fact | None]:
        """The count of the whole and the count of the part the rate is about (nearest first)."""
        candidates: list[Fact] = []
        referent = ctx.referent(rate)
        if referent is not None and referent.kind is FactKind.AMOUNT:
            candidates.append(referent)
        others = sorted(amounts_in_sentence(ctx, rate), key=lambda f: _distance(rate, f))
        candidates.extend(f for f in others if f not in candidates)
        whole = next((f for f in candidates if self.is_whole(figure_words(ctx, f), kind)), None)
        if whole is None:
            return None, None
        dim = whole.value.unit_info
        part = next(
            (
                f
                for f in candidates
                if self.is_part(figure_words(ctx, f), kind)
                and (u := f.value.unit_info) is not None
                and dim is not None
                and u.dimension == dim.dimension
            ),
            None,
        )
        if is_list_item(ctx, whole) or (part is not None and is_list_item(ctx, part)):
            return None, None  # a rate after a list may be of all its items together
        return whole, part

    def _ratio(
        self, rate: Fact, kind: CountRate, r: Interval, whole: Fact, part: Fact
    ) -> Finding | None:
        t = self.terms
        unit = whole.unit or ""
        whole_iv, part_iv = whole.interval, interval_in_unit(part, unit)
        if part_iv is None or surely_greater(part_iv, whole_iv):
            return None  # a part above its whole: PartNotAboveWholeCheck's or TK203's
        ratio = quotient(part_iv, whole_iv)
        if ratio is None or ratio.overlaps(r):
            return None
        computed = percent(ratio.lower) if ratio.is_point and ratio.lower is not None else None
        return self.finding(
            f"{describe_fact(whole)} {t.whole_role} and {describe_fact(part)} {t.part_role} give "
            f"a {kind.name} of {computed or _show(ratio.scale(100), '%')}, but {kind.name} "
            f"{rate.surface or rate.value} as written stands for {_show(r.scale(100), '%')}, "
            "which does not contain it: the two counts and the rate cannot all be right",
            facts=[whole, part, rate],
            evidence=(
                Evidence.of(t.whole, str(whole.value)),
                Evidence.of(t.part, str(part.value)),
                Evidence.of("rate", str(rate.value)),
                Evidence.of("computed_rate_interval", ratio.scale(100)),
                Evidence.of("rate_interval", r.scale(100)),
            ),
        )

    def _whole_number(
        self, rate: Fact, kind: CountRate, r: Interval, whole: Fact
    ) -> Finding | None:
        t = self.terms
        u, n = whole.value.unit_info, whole.interval.lower
        if u is None or not u.counts_whole_things or not whole.interval.is_point or n is None:
            return None
        counts = whole_parts(int(n), r) if n.denominator == 1 and n > 0 else None
        if counts is None or counts.possible:
            return None
        rates = [percent(Fraction(c) / n) for c in counts.nearest]
        near = " and ".join(
            f"{c} of {n} is {p}" for c, p in zip(counts.nearest, rates, strict=True)
        )
        return self.finding(
            f"{describe_fact(whole)} {t.whole_role} at a {kind.name} of "
            f"{rate.surface or rate.value}: a rate written so stands for "
            f"{_show(r.scale(100), '%')}, so {t.part_number} would lie in "
            f"{_show(counts.interval, u.base)}, which holds no whole number; {near}, none of "
            f"which rounds to {rate.value}, so the count and the rate cannot both be right",
            facts=[whole, rate],
            evidence=(
                Evidence.of(t.whole, f"{n}{u.base}"),
                Evidence.of("rate", str(rate.value)),
                Evidence.of("rate_interval", r.scale(100)),
                Evidence.of(f"{t.one_part}_interval", counts.interval),
                Evidence.of(f"nearest_{t.part}", [str(c) for c in counts.nearest]),
                Evidence.of("nearest_rates", rates),
            ),
        )


class PartNotAboveWholeCheck(Check):
    """Base of a check that a part cannot exceed the whole before it in one sentence.

    The check compares each amount (not a target, not a proportion) whose words make it a part,
    and whose clause makes it part of what came before (``subset_markers``: 已, 其中, 全部, 均),
    with the nearest amount before it in its sentence whose words make it a whole, in the same
    dimension (件 and 万件 are converted; 件 and 人 are not compared). It does not compare them
    when

    - the catalog relates the two figures' indicators (townkpi's core part-of check TK203 does);
    - the part names an object (its words without verbs and ``filler_words``) that the whole's
      words do not name (整改消防隐患 is no part of 排查燃气隐患);
    - the part is cumulative (累计) and the whole is not.

    Subclasses set, besides ``code``, ``name``, ``description`` and the docstring:

    Attributes:
        part_words: Words that make a figure a part (办结, 整改).
        whole_words: Words that make a figure a whole (受理, 排查).
        part_wins: Whether a figure with words of both is a part (调解成功 counts successes);
            when False it is neither.
        subset_markers: Words of the part's clause that make it a part of the figure before it.
        filler_words: Words removed, after the part's and the whole's words, from the part's
            words to leave its object (累计, 已, 各类).
        terms: The words of its messages and evidence.
    """

    part_words: ClassVar[tuple[str, ...]]
    whole_words: ClassVar[tuple[str, ...]]
    part_wins: ClassVar[bool] = False
    subset_markers: ClassVar[tuple[str, ...]]
    filler_words: ClassVar[tuple[str, ...]]
    terms: ClassVar[CountTerms]

    @classmethod
    def is_part(cls, words: str) -> bool:
        """Whether a figure's words make it a part (已办结, 其中整改)."""
        if not _has_any(words, cls.part_words):
            return False
        return cls.part_wins or not _has_any(words, cls.whole_words)

    @classmethod
    def is_whole(cls, words: str) -> bool:
        """Whether a figure's words make it a whole (受理, 排查) and not a part."""
        return any(w in words for w in cls.whole_words) and not any(
            w in words for w in cls.part_words
        )

    @classmethod
    def object_words(cls, words: str) -> str:
        """What a figure counts, without its verbs and filler words (办结群众诉求 → 群众诉求)."""
        out = words
        for word in (*cls.part_words, *cls.whole_words, *cls.filler_words):
            out = out.replace(word, "")
        return out.strip()

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each part above the whole before it."""
        # most amounts hold no part word: only those that do are tested
        for part, words in amounts_with_words(ctx, self.part_words):
            if not self.is_part(words):
                continue
            pu = part.value.unit_info
            if pu is None:
                continue
            if not any(m in ctx.clause_before(part) for m in self.subset_markers):
                continue  # not said to be part of what came before (已办结, 其中整改)
            if pu.category is UnitCategory.PROPORTION:
                continue
            whole = self._whole_before(ctx, part, pu.dimension)
            if whole is None or related_in_catalog(ctx, whole, part):
                continue
            obj = self.object_words(words)
            if obj and obj not in _plain(figure_words(ctx, whole)):
                continue
            if is_cumulative(ctx, part) and not is_cumulative(ctx, whole):
                continue
            finding = self._compare(whole, part)
            if finding is not None:
                yield finding

    def _whole_before(self, ctx: CheckContext, part: Fact, dimension: str) -> Fact | None:
        """The nearest whole before ``part`` in its sentence, in the same dimension."""
        return next(
            (
                f
                for f in amounts_before(ctx, part)
                if (u := f.value.unit_info) is not None
                and u.dimension == dimension
                and self.is_whole(figure_words(ctx, f))
            ),
            None,
        )

    def _compare(self, whole: Fact, part: Fact) -> Finding | None:
        t = self.terms
        unit = whole.unit or ""
        whole_iv, part_iv = whole.interval, interval_in_unit(part, unit)
        if part_iv is None or not surely_greater(part_iv, whole_iv):
            return None
        intervals = t.comparison.format(part=_show(part_iv, unit), whole=_show(whole_iv, unit))
        return self.finding(
            f"{describe_fact(part)} {t.part_role} follows {describe_fact(whole)} {t.whole_role} "
            f"in the same sentence, but in {unit} {intervals}: every value of the first exceeds "
            f"every value of the second, and {t.impossibility}",
            facts=[whole, part],
            evidence=(
                Evidence.of(t.whole, str(whole.value)),
                Evidence.of(t.part, str(part.value)),
                Evidence.of(f"{t.whole}_interval", whole_iv),
                Evidence.of(f"{t.part}_interval", part_iv),
                Evidence.of("unit", unit),
            ),
        )
