"""How social-services reports word their figures: cases handled, their outcomes, and rates.

A report pairs a count of cases taken on (调处各类矛盾纠纷670起, 受理群众诉求1.2万件) with their
outcome (调解成功650起, 办结1.18万件) and a rate (调处成功率100%, 办结率98.3%). The words just
before a figure say which it is. For a figure in a report's text they are read from the text before
it, up to the start of its clause; for a figure from a table, from its indicator.

The checks SOC101 and SOC102 are townkpi's
[`RateOfCountsCheck`][townkpi.checks.counts.RateOfCountsCheck] and
[`PartNotAboveWholeCheck`][townkpi.checks.counts.PartNotAboveWholeCheck] with these words.

Example:
    >>> OUTCOME_RATES[1].name, OUTCOME_RATES[1].parts
    ('办结率', ('办结',))
    >>> TERMS.part_role
    'with an outcome'
"""

from __future__ import annotations

from typing import Final

from townkpi import CountRate, CountTerms

__all__ = [
    "FILLERS",
    "HANDLING_VERBS",
    "OUTCOME_RATES",
    "OUTCOME_VERBS",
    "SUBSET_MARKERS",
    "TERMS",
]

#: Verbs that count cases taken on: received, mediated, handled.
HANDLING_VERBS: Final = (
    "受理",
    "调处",
    "调解",
    "接收",
    "收到",
    "接到",
    "登记",
    "交办",
    "办理",
    "承办",
    "处理",
    "接诉",
    "排查",
    "摸排",
)

#: Words that make a figure of outcomes a part of the cases before it (已办结, 其中调解成功):
#: without them, the cases closed in a year may include cases taken on in earlier years.
SUBSET_MARKERS: Final = ("已", "其中", "全部", "均")

#: Verbs that count the cases with an outcome, out of those taken on.
OUTCOME_VERBS: Final = ("成功", "办结", "化解", "解决", "办复", "答复", "结案", "满意")


#: The rates of outcomes: the share of the cases taken on (``wholes``) that had an outcome
#: (``parts``), longest name first so that 办复率 is not read as 复率.
OUTCOME_RATES: Final = (
    CountRate(
        name="成功率",
        parts=("成功",),
        wholes=("调处", "调解", "化解", "受理", "处理", "办理"),
    ),
    CountRate(
        name="办结率",
        parts=("办结",),
        wholes=("受理", "接收", "收到", "接到", "登记", "交办", "办理", "承办", "接诉"),
    ),
    CountRate(
        name="化解率",
        parts=("化解",),
        wholes=("排查", "摸排", "受理", "交办", "登记", "接收", "收到"),
    ),
    CountRate(
        name="解决率",
        parts=("解决",),
        wholes=("受理", "接收", "收到", "接到", "登记", "接诉", "办理"),
    ),
    CountRate(name="办复率", parts=("办复", "答复"), wholes=("收到", "受理", "交办", "承办")),
    CountRate(name="结案率", parts=("结案",), wholes=("受理", "收案")),
)

#: Words around the object of a figure that do not change what is counted.
FILLERS: Final = (
    "累计",
    "共计",
    "完成",
    "其中",
    "实现",
    "全部",
    "依法",
    "及时",
    "当年",
    "年内",
    "各类",
    "已",
    "共",
    "均",
    "“",
    "”",
    '"',
)

#: How the checks' messages and evidence name the cases taken on and their outcomes.
TERMS: Final = CountTerms(
    whole="cases",
    part="outcomes",
    one_part="outcome",
    whole_role="taken on",
    part_role="with an outcome",
    part_number="the number of outcomes",
    comparison="the outcomes stand for {part} and the cases for {whole}",
    impossibility="no more cases can be settled or closed than were taken on",
)
