"""The social-services checks SOC101, SOC102 and SOC103.

SOC101 compares a rate of outcomes (成功率, 办结率 …) with the counts of cases taken on and of their
outcomes; SOC102 compares the outcomes with the cases taken on; SOC103 compares the trainees who
found work with the people trained. Each compares exact intervals: a figure stands for every value
its writing allows, and a finding is reported only when no values consistent with every figure
satisfy the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from townkpi import (
    Check,
    CheckContext,
    Evidence,
    Fact,
    Finding,
    Interval,
    PartNotAboveWholeCheck,
    RateOfCountsCheck,
    UnitCategory,
    amounts_before,
    amounts_with_words,
    describe_fact,
    figure_words,
    format_interval,
    interval_in_unit,
    surely_greater,
)
from townkpi_social.wording import (
    FILLERS,
    HANDLING_VERBS,
    OUTCOME_RATES,
    OUTCOME_VERBS,
    SUBSET_MARKERS,
    TERMS,
)

__all__ = ["EmployedAboveTrained", "OutcomeAboveHandled", "OutcomeRateCounts"]


def _show(interval: Interval, unit: str = "") -> str:
    return f"{format_interval(interval)}{unit}"


class OutcomeRateCounts(RateOfCountsCheck):
    """A rate of outcomes must agree with the counts of cases and of their outcomes.

    调处成功率, 办结率, 化解率, 解决率 and 办复率 give the share of the cases taken on (调处, 受理,
    交办 …) that had the outcome. When the sentence states the cases and the outcomes
    (受理群众诉求1200件，办结1180件), the outcomes divided by the cases must round to the rate:
    1180 of 1200 is 98.333%, so 办结率99.5% cannot be right. When it states the cases but the
    rate refers to another figure (调处各类矛盾纠纷670起，涉及金额2806万元，调处成功率99.5%), the
    rate needs a whole number of outcomes of the cases: 99.5% of 670 is 666.32 to 666.99
    disputes, and no whole number lies there (666 of 670 is 99.403%, 667 is 99.552%).

    A rate and the one count it refers to (调处矛盾纠纷670起，调处成功率99.5%, or
    办结审批服务9.5万件，办结率99.5%) are townkpi's core rate check's (TK101), which reads from the
    same words whether the count is the cases or the outcomes; this check does not report them
    again. A rate after a list of counts (办理人大代表建议25件、政协提案37件，办结率98.4%) may
    be a rate of all of them together and is not checked. Satisfaction rates (满意率) are not
    checked here: their base is the people who answered a survey, which reports do not state.

    反例:
        受理群众诉求1200件，办结1180件，办结率99.5%。
        调处各类矛盾纠纷670起，涉及金额2806万元，调处成功率99.5%。

    正例:
        受理群众诉求1200件，办结1180件，办结率98.3%。
        调处各类矛盾纠纷670起，涉及金额2806万元，调处成功率100%。
    """

    code = "SOC101"
    name = "social.outcome_rate_counts"
    description = "A rate of outcomes (成功率, 办结率, 化解率 …) disagrees with its counts."
    groups = ("social", "rates")
    rates = OUTCOME_RATES
    not_whole_words = OUTCOME_VERBS
    terms = TERMS


class OutcomeAboveHandled(PartNotAboveWholeCheck):
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
    part_words = OUTCOME_VERBS
    whole_words = HANDLING_VERBS
    part_wins = True  # 调解成功 counts successes
    subset_markers = SUBSET_MARKERS
    filler_words = FILLERS
    terms = TERMS


#: Words of a figure of people trained.
_TRAINED: Final = "培训"
#: Words of a figure of people who found work.
_EMPLOYED: Final = ("就业", "上岗", "务工", "创业")
#: Words that make an employment figure about others than the trainees (jobs created for others).
_NOT_TRAINEES: Final = ("带动", "吸纳", "岗位", "新增就业")
#: Words that tie an employment figure to the trainees before it.
_LINKS: Final = ("其中", "培训后", "经培训", "参训", "学员", "结业")
# The word lists above as patterns: one search finds whether any word of a list is in a clause.
_EMPLOYED_RE: Final = re.compile("|".join(map(re.escape, _EMPLOYED)))
_NOT_TRAINEES_RE: Final = re.compile("|".join(map(re.escape, _NOT_TRAINEES)))
_LINKS_RE: Final = re.compile("|".join(map(re.escape, _LINKS)))


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
        # an amount whose clause names employment has those words for its figure words: only
        # the few amounts whose figure words do are read
        for employed, _figure_words in amounts_with_words(ctx, _EMPLOYED):
            words = ctx.clause_before(employed)
            if not _EMPLOYED_RE.search(words) or _NOT_TRAINEES_RE.search(words):
                continue
            if not _LINKS_RE.search(words):
                continue
            eu = employed.value.unit_info
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
        for f in amounts_before(ctx, employed):
            words = figure_words(ctx, f)
            u = f.value.unit_info
            if _TRAINED in words and not any(w in words for w in _EMPLOYED):
                return f if u is not None and u.dimension == dimension else None
        return None

    def _compare(self, trained: Fact, employed: Fact) -> Finding | None:
        unit = trained.unit or ""
        t_iv, e_iv = trained.interval, interval_in_unit(employed, unit)
        if e_iv is None or not surely_greater(e_iv, t_iv):
            return None
        return self.finding(
            f"{describe_fact(employed)} of the trainees found work, after "
            f"{describe_fact(trained)} trained, but in {unit} those employed stand for "
            f"{_show(e_iv, unit)} and those trained for {_show(t_iv, unit)}: more trainees "
            "cannot find work than were trained",
            facts=[trained, employed],
            evidence=(
                Evidence.of("trained", str(trained.value)),
                Evidence.of("employed", str(employed.value)),
                Evidence.of("trained_interval", t_iv),
                Evidence.of("employed_interval", e_iv),
                Evidence.of("unit", unit),
            ),
        )
