"""The urban-governance checks URB101 and URB102.

URB101 compares a rate of handling with the counts found and handled; URB102 compares the things
handled with the things found.

Both compare intervals: a figure stands for every value its writing allows (98.5% for
[98.45, 98.55)%, 2.2万余个 for (22000, 23000) 个), and a finding is reported only when no values
consistent with every figure satisfy the relation.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from townkpi import (
    Check,
    CheckContext,
    Evidence,
    Fact,
    FactKind,
    Finding,
    Interval,
    Modality,
    UnitCategory,
    amounts_before,
    amounts_in_sentence,
    describe_fact,
    figure_words,
    format_interval,
    interval_in_unit,
    is_cumulative,
    is_list_item,
    proportion_interval,
    quotient,
    related_in_catalog,
    surely_greater,
    whole_parts,
)
from townkpi_urban.wording import (
    BASE_NOUNS,
    FOUND_VERBS,
    HANDLED_VERBS,
    HANDLING_RATES,
    SUBSET_MARKERS,
    classify,
    handling_rate,
    object_words,
    percent,
)

__all__ = ["HandledAboveFound", "HandlingRateCounts"]


def _distance(a: Fact, b: Fact) -> int:
    if a.span is None or b.span is None:
        return 0
    return abs(a.span.start - b.span.start)


def _is_base(words: str, verbs: tuple[str, ...]) -> bool:
    """Whether words count the things a rate of handling is a rate of (排查问题点位)."""
    if any(v in words for v in HANDLED_VERBS) or any(v in words for v in verbs):
        return False
    return any(v in words for v in FOUND_VERBS) or any(n in words for n in BASE_NOUNS)


def _is_done(words: str, verbs: tuple[str, ...]) -> bool:
    """Whether words count the things handled that a rate of handling counts (已整改)."""
    return any(v in words for v in verbs) and not any(v in words for v in FOUND_VERBS)


def _show(interval: Interval, unit: str = "") -> str:
    return f"{format_interval(interval)}{unit}"


class HandlingRateCounts(Check):
    """A rate of handling must agree with the counts of things found and handled.

    整改率, 销号率 and 处置率 give the share of the problems found that were dealt with. When the
    sentence states how many were found and how many handled (累计排摸违法建筑58宗，已处置55宗),
    the second divided by the first must round to the rate: 55 of 58 is 94.83%, so 处置率100%
    cannot be right. When it states the count found but the rate refers to another figure
    (排查问题点位120处，投入资金350万元，问题整改销号率98.5%), the rate needs a whole number
    handled: 98.5% of 120 stands for 118.14 to 118.26 problems, and no whole number lies there
    (118 of 120 is 98.33%, 119 of 120 is 99.17%).

    A rate and the one count it refers to (排查问题点位120处，问题整改销号率98.5%, or
    拆除违法建筑22处，拆除率95.7%) are townkpi's core rate check's (TK101), which reads from the
    same words whether the count is the things found or the things handled; this check does not
    report them again. A rate after a list of counts
    (排查燃气隐患25处、消防隐患37处，隐患整改率98.4%) may be a rate of all of them together and
    is not checked. A count handled that exceeds the count found is URB102's (or, for indicators
    the catalog relates, TK203's).

    反例:
        累计排摸违法建筑58宗，已处置55宗，处置率100%。
        排查问题点位120处，投入资金350万元，问题整改销号率98.5%。

    正例:
        累计排摸违法建筑58宗，已处置55宗，处置率94.8%。
        排查问题点位120处，投入资金350万元，问题整改销号率98.3%。
    """

    code = "URB101"
    name = "urban.handling_rate_counts"
    description = "A rate of handling (整改率, 销号率, 处置率) disagrees with its counts."
    groups = ("urban", "rates")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each rate of handling that its counts rule out."""
        for rate in ctx.of_kind(FactKind.RATE):
            if rate.modality is Modality.TARGET:
                continue
            name = handling_rate(f"{ctx.clause_before(rate)} {rate.indicator or ''}")
            r = proportion_interval(rate)
            if name is None or r is None or r.is_above(1) or r.is_below(0):
                continue  # not a rate of handling, or outside 0-100% (core check TK103)
            base, done = self._counts(ctx, rate, HANDLING_RATES[name])
            if base is None:
                continue
            if done is not None:
                found = self._ratio(rate, name, r, base, done)
            elif base.id != rate.refers_to:
                found = self._whole(rate, name, r, base)
            else:
                continue  # the rate and the count it refers to alone: TK101's
            if found is not None:
                yield found

    @staticmethod
    def _counts(
        ctx: CheckContext, rate: Fact, verbs: tuple[str, ...]
    ) -> tuple[Fact | None, Fact | None]:
        """The count found and the count handled that the rate is about (nearest first)."""
        candidates: list[Fact] = []
        referent = ctx.referent(rate)
        if referent is not None and referent.kind is FactKind.AMOUNT:
            candidates.append(referent)
        others = sorted(amounts_in_sentence(ctx, rate), key=lambda f: _distance(rate, f))
        candidates.extend(f for f in others if f not in candidates)
        base = next((f for f in candidates if _is_base(figure_words(ctx, f), verbs)), None)
        if base is None:
            return None, None
        dim = base.value.unit_info
        done = next(
            (
                f
                for f in candidates
                if _is_done(figure_words(ctx, f), verbs)
                and (u := f.value.unit_info) is not None
                and dim is not None
                and u.dimension == dim.dimension
            ),
            None,
        )
        if is_list_item(ctx, base) or (done is not None and is_list_item(ctx, done)):
            return None, None  # a rate after a list may be of all its items together
        return base, done

    def _ratio(self, rate: Fact, name: str, r: Interval, base: Fact, done: Fact) -> Finding | None:
        unit = base.unit or ""
        base_iv, done_iv = base.interval, interval_in_unit(done, unit)
        if done_iv is None or surely_greater(done_iv, base_iv):
            return None  # more handled than found: URB102 or TK203
        ratio = quotient(done_iv, base_iv)
        if ratio is None or ratio.overlaps(r):
            return None
        computed = percent(ratio.lower) if ratio.is_point and ratio.lower is not None else None
        return self.finding(
            f"{describe_fact(base)} found and {describe_fact(done)} handled give a {name} of "
            f"{computed or _show(ratio.scale(100), '%')}, but {name} "
            f"{rate.surface or rate.value} as written stands for {_show(r.scale(100), '%')}, "
            "which does not contain it: the two counts and the rate cannot all be right",
            facts=[base, done, rate],
            evidence=(
                Evidence.of("found", str(base.value)),
                Evidence.of("handled", str(done.value)),
                Evidence.of("rate", str(rate.value)),
                Evidence.of("computed_rate_interval", ratio.scale(100)),
                Evidence.of("rate_interval", r.scale(100)),
            ),
        )

    def _whole(self, rate: Fact, name: str, r: Interval, base: Fact) -> Finding | None:
        u, n = base.value.unit_info, base.interval.lower
        if u is None or not u.counts_whole_things or not base.interval.is_point or n is None:
            return None
        counts = whole_parts(int(n), r) if n.denominator == 1 and n > 0 else None
        if counts is None or counts.possible:
            return None
        rates = [percent(Fraction(c) / n) for c in counts.nearest]
        near = " and ".join(
            f"{c} of {n} is {p}" for c, p in zip(counts.nearest, rates, strict=True)
        )
        return self.finding(
            f"{describe_fact(base)} found at a {name} of {rate.surface or rate.value}: a rate "
            f"written so stands for {_show(r.scale(100), '%')}, so the number handled would lie "
            f"in {_show(counts.interval, u.base)}, which holds no whole number; {near}, none of "
            f"which rounds to {rate.value}, so the count and the rate cannot both be right",
            facts=[base, rate],
            evidence=(
                Evidence.of("found", f"{n}{u.base}"),
                Evidence.of("rate", str(rate.value)),
                Evidence.of("rate_interval", r.scale(100)),
                Evidence.of("handled_interval", counts.interval),
                Evidence.of("nearest_handled", [str(c) for c in counts.nearest]),
                Evidence.of("nearest_rates", rates),
            ),
        )


def _plain(words: str) -> str:
    return words.replace("“", "").replace("”", "").replace('"', "")


class HandledAboveFound(Check):
    """Things handled cannot outnumber the things found in the same statement.

    "排查经营性自建房1.2万栋，已整治1.5万栋" deals with more buildings than it found. The check
    compares a figure of things handled (处置, 整改, 销号, 拆除, 查处, 整治 …) that the text makes
    part of the things found (已, 其中, 全部, 均: 已处置55宗) with the nearest figure of things
    found (排摸, 排查, 发现, 梳理 …) before it in the same sentence, when

    - both have the same dimension: 宗 and 宗, 万栋 and 栋 (converted); figures in different units
      count different things and are not compared (排查发现问题隐患2.2万余个 are hazards,
      立案查处58起 are cases);
    - the handled figure names no object of its own, or one the found figure names too (整改隐患
      after 排查燃气隐患; but 整改消防隐患 is not a part of 排查燃气隐患);
    - the handled figure is not cumulative (累计) while the found one is not.

    Without such a word the things handled in a year may include things found earlier
    (排查隐患1200处，整改1350处), and inspections (检查, 巡查) count acts, not things found: neither
    is compared. Pairs whose indicators the catalog relates (已处置 ≤ 排摸) are left to townkpi's
    core part-of check (TK203), so that one contradiction gives one finding.

    反例:
        排查经营性自建房1.2万栋，已整治1.5万栋。

    正例:
        排查经营性自建房1.2万栋，已整治1.1万栋。
        累计排查发现问题隐患2.2万余个，立案查处58起。
    """

    code = "URB102"
    name = "urban.handled_above_found"
    description = "More things handled (处置, 拆除 …) than found (排摸, 排查 …) in one sentence."
    groups = ("urban", "relations")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each handled figure above the figure found before it."""
        for handled in ctx.of_kind(FactKind.AMOUNT):
            if handled.modality is Modality.TARGET or handled.span is None:
                continue
            words = figure_words(ctx, handled)
            hu = handled.value.unit_info
            if classify(words) != "handled" or hu is None:
                continue
            if not any(m in ctx.clause_before(handled) for m in SUBSET_MARKERS):
                continue  # not said to be of the things found (已处置, 其中整改)
            if hu.category is UnitCategory.PROPORTION:
                continue
            found = self._found_before(ctx, handled, hu.dimension)
            if found is None or related_in_catalog(ctx, found, handled):
                continue
            obj = object_words(words)
            if obj and obj not in _plain(figure_words(ctx, found)):
                continue
            if is_cumulative(ctx, handled) and not is_cumulative(ctx, found):
                continue
            finding = self._compare(found, handled)
            if finding is not None:
                yield finding

    @staticmethod
    def _found_before(ctx: CheckContext, handled: Fact, dimension: str) -> Fact | None:
        """The nearest figure of things found before ``handled`` in its sentence, same dimension."""
        return next(
            (
                f
                for f in amounts_before(ctx, handled)
                if (u := f.value.unit_info) is not None
                and u.dimension == dimension
                and classify(figure_words(ctx, f)) == "found"
            ),
            None,
        )

    def _compare(self, found: Fact, handled: Fact) -> Finding | None:
        unit = found.unit or ""
        f_iv, h_iv = found.interval, interval_in_unit(handled, unit)
        if h_iv is None or not surely_greater(h_iv, f_iv):
            return None
        return self.finding(
            f"{describe_fact(handled)} handled follows {describe_fact(found)} found in the same "
            f"sentence, but in {unit} the handled figure stands for {_show(h_iv, unit)} and the "
            f"found one for {_show(f_iv, unit)}: every value of the first exceeds every value of "
            "the second, and no more things can be handled than were found",
            facts=[found, handled],
            evidence=(
                Evidence.of("found", str(found.value)),
                Evidence.of("handled", str(handled.value)),
                Evidence.of("found_interval", f_iv),
                Evidence.of("handled_interval", h_iv),
                Evidence.of("unit", unit),
            ),
        )
