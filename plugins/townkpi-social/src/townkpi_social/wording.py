"""How social-services reports word their figures: cases handled, their outcomes, and rates.

A report pairs a count of cases taken on (调处各类矛盾纠纷670起, 受理群众诉求1.2万件) with their
outcome (调解成功650起, 办结1.18万件) and a rate (调处成功率100%, 办结率98.3%). The words just
before a figure say which it is. For a figure in a report's text they are read from the text before
it, up to the start of its clause; for a figure from a table, from its indicator.

Example:
    >>> classify("调处各类矛盾纠纷"), classify("调解成功"), classify("开展职业技能培训")
    ('handled', 'outcome', None)
    >>> outcome_rate("调处成功率").name, outcome_rate("按期办结率").outcomes
    ('成功率', ('办结',))
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final, Literal

import attrs

from townkpi import format_number

__all__ = [
    "HANDLING_VERBS",
    "OUTCOME_RATES",
    "OUTCOME_VERBS",
    "SUBSET_MARKERS",
    "OutcomeRate",
    "Role",
    "classify",
    "object_words",
    "outcome_rate",
    "percent",
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


@attrs.frozen(slots=True, kw_only=True)
class OutcomeRate:
    """A rate of outcomes: the share of the cases taken on that had an outcome.

    Attributes:
        name: The rate as reports write it (成功率, 办结率).
        outcomes: The verbs of the cases it counts (成功).
        bases: The verbs of the cases it is a share of (调处, 调解, 受理 …).
    """

    name: str
    outcomes: tuple[str, ...]
    bases: tuple[str, ...]


#: The rates of outcomes, longest name first so that 办复率 is not read as 复率.
OUTCOME_RATES: Final = (
    OutcomeRate(
        name="成功率",
        outcomes=("成功",),
        bases=("调处", "调解", "化解", "受理", "处理", "办理"),
    ),
    OutcomeRate(
        name="办结率",
        outcomes=("办结",),
        bases=("受理", "接收", "收到", "接到", "登记", "交办", "办理", "承办", "接诉"),
    ),
    OutcomeRate(
        name="化解率",
        outcomes=("化解",),
        bases=("排查", "摸排", "受理", "交办", "登记", "接收", "收到"),
    ),
    OutcomeRate(
        name="解决率",
        outcomes=("解决",),
        bases=("受理", "接收", "收到", "接到", "登记", "接诉", "办理"),
    ),
    OutcomeRate(name="办复率", outcomes=("办复", "答复"), bases=("收到", "受理", "交办", "承办")),
    OutcomeRate(name="结案率", outcomes=("结案",), bases=("受理", "收案")),
)

#: Words around the object of a figure that do not change what is counted.
_FILLERS: Final = (
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

Role = Literal["handled", "outcome"]


def classify(words: str) -> Role | None:
    """Whether words count cases taken on, cases with an outcome, or neither.

    An outcome verb wins over a verb of handling: 调解成功 counts successes.
    """
    if any(v in words for v in OUTCOME_VERBS):
        return "outcome"
    if any(v in words for v in HANDLING_VERBS):
        return "handled"
    return None


def outcome_rate(words: str) -> OutcomeRate | None:
    """The rate of outcomes that words name, or None."""
    for rate in OUTCOME_RATES:
        if rate.name in words:
            return rate
    return None


def object_words(words: str) -> str:
    """What a figure counts, without its verbs and filler words (办结群众诉求 → 群众诉求)."""
    out = words
    for verb in (*OUTCOME_VERBS, *HANDLING_VERBS):
        out = out.replace(verb, "")
    for filler in _FILLERS:
        out = out.replace(filler, "")
    return out.strip()


def percent(x: Fraction) -> str:
    """A fraction of one as a percentage with three decimals at most (667/670 → 99.552%).

    Three decimals keep a rate that ends in 5 at the second decimal from looking as if it rounded
    either way: 667 of 670 is 99.552%, which rounds to 99.6%, not 99.5%.
    """
    return f"{format_number(x * 100, 3)}%"
