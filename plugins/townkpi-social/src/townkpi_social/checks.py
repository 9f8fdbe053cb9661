"""The social-services checks SOC101, SOC102 and SOC103.

SOC101 compares a rate of outcomes (成功率, 办结率 …) with the counts of cases taken on and of their
outcomes; SOC102 compares the outcomes with the cases taken on; SOC103 compares the trainees who
found work with the people trained. Each compares exact intervals: a figure stands for every value
its writing allows, and a finding is reported only when no values consistent with every figure
satisfy the rule.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction
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
    UnitCategory,
)
from townkpi.findings import format_interval, format_number
from townkpi_social.wording import (
    OUTCOME_VERBS,
    SUBSET_MARKERS,
    OutcomeRate,
    amounts_in_sentence,
    classify,
    cumulative,
    describe,
    in_list,
    in_unit,
    lead_in,
    object_words,
    outcome_rate,
    percent,
    phrase,
    proportion,
    surely_greater,
    unit_of,
)

__all__ = ["EmployedAboveTrained", "OutcomeAboveHandled", "OutcomeRateCounts"]


def _distance(a: Fact, b: Fact) -> int:
    if a.span is None or b.span is None:
        return 0
    return abs(a.span.start - b.span.start)


def _show(interval: Interval, unit: str = "") -> str:
    return f"{format_interval(interval)}{unit}"


def _is_base(words: str, rate: OutcomeRate) -> bool:
    """Whether words count the cases a rate of outcomes is a share of (调处各类矛盾纠纷)."""
    if not any(b in words for b in rate.bases):
        return False
    return not any(o in words for o in OUTCOME_VERBS if o not in rate.bases)


def _is_done(words: str, rate: OutcomeRate) -> bool:
    """Whether words count the outcomes a rate counts (调解成功, 办结)."""
    return any(o in words for o in rate.outcomes)


def _related(ctx: CheckContext, a: Fact, b: Fact) -> bool:
    """Whether the catalog declares one figure's indicator part of the other's, as TK203 reads."""
    ia, ib = ctx.indicator(a, clause=True), ctx.indicator(b, clause=True)
    if ia is None or ib is None:
        return False
    return ib.name in ia.part_of or ia.name in ib.part_of


def _plain(words: str) -> str:
    return words.replace("“", "").replace("”", "").replace('"', "")


class OutcomeRateCounts(Check):
    """A rate of outcomes must agree with the counts of cases and of their outcomes.

    调处成功率, 办结率, 化解率, 解决率 and 办复率 give the share of the cases taken on (调处, 受理,
    交办 …) that had the outcome. Over a count of whole cases, a rate written to d decimals needs a
    whole number of outcomes that rounds to it: "调处矛盾纠纷670起，调处成功率99.5%" stands for
    666.32 to 666.99 disputes settled, and no whole number lies there (666 of 670 is 99.403%, 667
    is 99.552%); at 100% every one of the 670 was settled, which is consistent. When the sentence
    also states the outcomes (受理群众诉求1200件，办结1180件), their number divided by the cases
    must round to the rate.

    A rate written over a count of outcomes (办结审批服务9.5万件，办结率99.5%) says how many cases
    there were (about 9.55万件); townkpi's core rate check (TK101) judges that case. A rate after a
    list of counts (办理人大代表建议25件、政协提案37件，办结率98.4%) may be a rate of all of them
    together and is not checked. Satisfaction
    rates (满意率) are not checked: their base is the people who answered a survey, which reports
    do not state.

    反例:
        调处各类矛盾纠纷670起，调处成功率99.5%。
        受理群众诉求1200件，办结1180件，办结率99.5%。

    正例:
        调处各类矛盾纠纷670起，调处成功率100%。
        受理群众诉求1200件，办结1180件，办结率98.3%。
    """

    code = "SOC101"
    name = "social.outcome_rate_counts"
    description = "A rate of outcomes (成功率, 办结率, 化解率 …) disagrees with its counts."
    groups = ("social", "rates")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each rate of outcomes that its counts rule out."""
        for rate in ctx.of_kind(FactKind.RATE):
            if rate.modality is Modality.TARGET:
                continue
            kind = outcome_rate(f"{lead_in(ctx, rate)} {rate.indicator or ''}")
            r = proportion(rate)
            if kind is None or r is None or r.is_above(1) or r.is_below(0):
                continue  # not a rate of outcomes, or outside 0-100% (core check TK103)
            base, done = self._counts(ctx, rate, kind)
            if base is None:
                continue
            found = (
                self._ratio(rate, kind, r, base, done)
                if done is not None
                else self._whole(rate, kind, r, base)
            )
            if found is not None:
                yield found

    @staticmethod
    def _counts(
        ctx: CheckContext, rate: Fact, kind: OutcomeRate
    ) -> tuple[Fact | None, Fact | None]:
        """The count of cases and the count of outcomes that the rate is about (nearest first)."""
        candidates: list[Fact] = []
        referent = ctx.referent(rate)
        if referent is not None and referent.kind is FactKind.AMOUNT:
            candidates.append(referent)
        others = sorted(amounts_in_sentence(ctx, rate), key=lambda f: _distance(rate, f))
        candidates.extend(f for f in others if f not in candidates)
        base = next((f for f in candidates if _is_base(phrase(ctx, f), kind)), None)
        if base is None:
            return None, None
        dim = unit_of(base)
        done = next(
            (
                f
                for f in candidates
                if _is_done(phrase(ctx, f), kind)
                and (u := unit_of(f)) is not None
                and dim is not None
                and u.dimension == dim.dimension
            ),
            None,
        )
        if in_list(ctx, base) or (done is not None and in_list(ctx, done)):
            return None, None  # a rate after a list may be of all its items together
        return base, done

    def _ratio(
        self, rate: Fact, kind: OutcomeRate, r: Interval, base: Fact, done: Fact
    ) -> Finding | None:
        unit = base.unit or ""
        base_iv, done_iv = base.interval, in_unit(done, unit)
        if done_iv is None or base_iv.lower is None or base_iv.lower <= 0:
            return None
        if surely_greater(done_iv, base_iv):
            return None  # more outcomes than cases: SOC102 or TK203
        ratio = done_iv / base_iv
        if ratio.overlaps(r):
            return None
        computed = (
            percent(ratio.lower)
            if ratio.is_point and ratio.lower is not None
            else _show(ratio.scale(100), "%")
        )
        return self.finding(
            f"{describe(base)} taken on and {describe(done)} with an outcome give a {kind.name} "
            f"of {computed}, but {kind.name} {rate.surface or rate.value} as written stands for "
            f"{_show(r.scale(100), '%')}, which does not contain it: the two counts and the rate "
            "cannot all be right",
            facts=[base, done, rate],
            evidence=(
                Evidence.of("cases", str(base.value)),
                Evidence.of("outcomes", str(done.value)),
                Evidence.of("rate", str(rate.value)),
                Evidence.of("computed_rate_interval", ratio.scale(100)),
                Evidence.of("rate_interval", r.scale(100)),
            ),
        )

    def _whole(self, rate: Fact, kind: OutcomeRate, r: Interval, base: Fact) -> Finding | None:
        u = unit_of(base)
        if u is None or u.category is not UnitCategory.COUNT or not base.interval.is_point:
            return None
        lower = base.interval.lower
        if lower is None:  # pragma: no cover - a point has both ends
            return None
        n = lower * u.factor
        if n.denominator != 1 or n <= 0:
            return None
        outcomes = r.scale(n)
        feasible = outcomes.intersection(Interval.closed(0, n))
        if feasible is not None and next(feasible.integers(limit=1), None) is not None:
            return None
        assert outcomes.lower is not None
        assert outcomes.upper is not None
        nearest = sorted(
            {c for c in (math.floor(outcomes.lower), math.ceil(outcomes.upper)) if 0 <= c <= n}
        )
        near = " and ".join(
            f"{c} of {format_number(n)} is {percent(Fraction(c) / n)}" for c in nearest
        )
        return self.finding(
            f"{describe(base)} taken on at a {kind.name} of {rate.surface or rate.value}: a rate "
            f"written so stands for {_show(r.scale(100), '%')}, so the number of outcomes would "
            f"lie in {_show(outcomes, u.base)}, which holds no whole number; {near}, none of "
            f"which rounds to {rate.value}, so the count and the rate cannot both be right",
            facts=[base, rate],
            evidence=(
                Evidence.of("cases", f"{format_number(n)}{u.base}"),
                Evidence.of("rate", str(rate.value)),
                Evidence.of("rate_interval", r.scale(100)),
                Evidence.of("outcome_interval", outcomes),
                Evidence.of("nearest_outcomes", [str(c) for c in nearest]),
                Evidence.of("nearest_rates", [percent(Fraction(c) / n) for c in nearest]),
            ),
        )


class OutcomeAboveHandled(Check):
    """Cases with an outcome cannot outnumber the cases taken on in the same statement.

    "受理12345热线来电3.5万件，已办结3.62万件" closes more calls than it received. The check
    compares a figure of outcomes (办结, 调解成功, 化解, 解决, 办复 …) that the text makes part of
    the cases (已, 其中, 全部, 均) with the nearest figure of cases taken on (受理, 调处, 交办,
    办理 …) before it in the same sentence, when both have the same dimension (件 and 万件 are
    converted; 件 and 人 are not compared), the outcome names no object the cases do not name,
    and the outcome is not cumulative (累计) while the cases are of one period. Without such a
    word the cases closed in a year may include cases taken on earlier (a court's 结收案比 may
    exceed 100%), and the figures are not compared. Pairs whose indicators the catalog relates
    (调解成功 of 矛盾纠纷调处) are left to townkpi's core part-of check TK203.

    反例:
        受理12345热线来电3.5万件，已办结3.62万件。

    正例:
        受理12345热线来电3.5万件，已办结3.46万件。
        受理群众咨询8000件，已办结群众诉求9000件。
    """

    code = "SOC102"
    name = "social.outcome_above_handled"
    description = (
        "More outcomes (办结, 调解成功 …) than cases taken on (受理, 调处 …) in a sentence."
    )
    groups = ("social", "relations")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each figure of outcomes above the cases before it."""
        for done in ctx.of_kind(FactKind.AMOUNT):
            if done.modality is Modality.TARGET or done.span is None:
                continue
            words = phrase(ctx, done)
            du = unit_of(done)
            if classify(words) != "outcome" or du is None:
                continue
            if not any(m in lead_in(ctx, done) for m in SUBSET_MARKERS):
                continue  # not said to be of the cases taken on (已办结, 其中调解成功)
            if du.category is UnitCategory.PROPORTION:
                continue
            cases = self._cases_before(ctx, done, du.dimension)
            if cases is None or _related(ctx, cases, done):
                continue
            obj = object_words(words)
            if obj and obj not in _plain(phrase(ctx, cases)):
                continue
            if cumulative(ctx, done) and not cumulative(ctx, cases):
                continue
            finding = self._compare(cases, done)
            if finding is not None:
                yield finding

    @staticmethod
    def _cases_before(ctx: CheckContext, done: Fact, dimension: str) -> Fact | None:
        """The nearest figure of cases taken on before ``done`` in its sentence, same dimension."""
        assert done.span is not None
        before = [
            f
            for f in amounts_in_sentence(ctx, done)
            if f.span is not None and f.span.start < done.span.start
        ]
        for f in reversed(before):
            u = unit_of(f)
            if u is not None and u.dimension == dimension and classify(phrase(ctx, f)) == "handled":
                return f
        return None

    def _compare(self, cases: Fact, done: Fact) -> Finding | None:
        unit = cases.unit or ""
        c_iv, d_iv = cases.interval, in_unit(done, unit)
        if d_iv is None or not surely_greater(d_iv, c_iv):
            return None
        return self.finding(
            f"{describe(done)} with an outcome follows {describe(cases)} taken on in the same "
            f"sentence, but in {unit} the outcomes stand for {_show(d_iv, unit)} and the cases for "
            f"{_show(c_iv, unit)}: every value of the first exceeds every value of the second, "
            "and no more cases can be settled or closed than were taken on",
            facts=[cases, done],
            evidence=(
                Evidence.of("cases", str(cases.value)),
                Evidence.of("outcomes", str(done.value)),
                Evidence.of("cases_interval", c_iv),
                Evidence.of("outcomes_interval", d_iv),
                Evidence.of("unit", unit),
            ),
        )


#: Words of a figure of people trained.
_TRAINED: Final = "培训"
#: Words of a figure of people who found work.
_EMPLOYED: Final = ("就业", "上岗", "务工", "创业")
#: Words that make an employment figure about others than the trainees (jobs created for others).
_NOT_TRAINEES: Final = ("带动", "吸纳", "岗位", "新增就业")
#: Words that tie an employment figure to the trainees before it.
_LINKS: Final = ("其中", "培训后", "经培训", "参训", "学员", "结业")


class EmployedAboveTrained(Check):
    """Trainees who found work cannot outnumber the people trained.

    "培训农村劳动力5000人，其中实现就业5400人" places more trainees in jobs than were trained. The
    check compares a figure of people employed (就业, 上岗, 务工, 创业) with the nearest figure of
    people trained (培训) before it in the same sentence when the text ties the two (其中, 培训后,
    经培训, 学员, 结业) and both count people in the same unit. Training counted in person-times
    (培训2万人次) and jobs created for others (带动就业, 吸纳就业, 新增就业) are not compared.

    反例:
        培训农村劳动力5000人，其中实现就业5400人。

    正例:
        培训农村劳动力5000人，其中实现就业4200人。
        开展补贴性职业技能培训2万人次，新增就业3万人。
    """

    code = "SOC103"
    name = "social.employed_above_trained"
    description = "More trainees placed in work than people trained, in one sentence."
    groups = ("social", "relations", "employment")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each employment figure above the trainees it is part of."""
        for employed in ctx.of_kind(FactKind.AMOUNT):
            if employed.modality is Modality.TARGET or employed.span is None:
                continue
            words = lead_in(ctx, employed)
            if not any(w in words for w in _EMPLOYED) or any(w in words for w in _NOT_TRAINEES):
                continue
            if not any(w in words for w in _LINKS):
                continue
            eu = unit_of(employed)
            if eu is None or eu.category is not UnitCategory.COUNT:
                continue
            trained = self._trained_before(ctx, employed, eu.dimension)
            if trained is None:
                continue
            finding = self._compare(trained, employed)
            if finding is not None:
                yield finding

    @staticmethod
    def _trained_before(ctx: CheckContext, employed: Fact, dimension: str) -> Fact | None:
        assert employed.span is not None
        before = [
            f
            for f in amounts_in_sentence(ctx, employed)
            if f.span is not None and f.span.start < employed.span.start
        ]
        for f in reversed(before):
            words = phrase(ctx, f)
            u = unit_of(f)
            if _TRAINED in words and not any(w in words for w in _EMPLOYED):
                return f if u is not None and u.dimension == dimension else None
        return None

    def _compare(self, trained: Fact, employed: Fact) -> Finding | None:
        unit = trained.unit or ""
        t_iv, e_iv = trained.interval, in_unit(employed, unit)
        if e_iv is None or not surely_greater(e_iv, t_iv):
            return None
        return self.finding(
            f"{describe(employed)} of the trainees found work, after {describe(trained)} trained, "
            f"but in {unit} those employed stand for {_show(e_iv, unit)} and those trained for "
            f"{_show(t_iv, unit)}: more trainees cannot find work than were trained",
            facts=[trained, employed],
            evidence=(
                Evidence.of("trained", str(trained.value)),
                Evidence.of("employed", str(employed.value)),
                Evidence.of("trained_interval", t_iv),
                Evidence.of("employed_interval", e_iv),
                Evidence.of("unit", unit),
            ),
        )
