"""Which side of a rate a count is on: the part the rate counts, or the whole it is a share of.

A rate written after a count is a share, but the count may be either side of it. In
"宁慈线完成拆迁169户，完成率98.8%" the 169 households are what was done (the rate's numerator: 169
of 171); in "调处矛盾纠纷25起，调处成功率92%" the 25 disputes are the cases handled, the whole (its
denominator: 23 of 25 were settled). The words decide:

1. a word of the rate that says what it counts (the two characters before 率, such as 完成 or 成功,
   or a task such as 拆迁 or 征地) stands in the count's words → the count is the part
   ([`Reading.DONE`][townkpi.checks.readings.Reading]);
2. a rate of outcomes (成功率, 满意率, 合格率, 化解率, 达标率 …) whose outcome the count does not
   name → the count is the whole the outcomes are a share of
   ([`Reading.TOTAL`][townkpi.checks.readings.Reading]);
3. the count names attempts (调处, 受理, 办理, 检查, 抽检, 排查 …) and no work done → the whole;
4. the count names work done (拆迁, 征地, 办结, 销号 …) and no attempts → the part;
5. otherwise the words do not tell ([`Reading.EITHER`][townkpi.checks.readings.Reading]).

Examples:
    >>> from townkpi import Report, fact, rate
    >>> from townkpi.checks.base import CheckContext
    >>> disputes = fact("调处矛盾纠纷", "25起")
    >>> success = rate("92%", refers_to=disputes, indicator="调处成功率")
    >>> ctx = CheckContext(report=Report(source="x", facts=[disputes, success]))
    >>> rate_reading(ctx, success, disputes).value
    'total'
"""

from __future__ import annotations

import enum
from typing import Final

from townkpi.checks.base import CheckContext
from townkpi.checks.helpers import figure_words
from townkpi.model import Fact

__all__ = ["ATTEMPT_WORDS", "DONE_WORDS", "OUTCOME_WORDS", "Reading", "rate_reading", "rate_stem"]

DONE_WORDS: Final = (
    "完成",
    "办结",
    "拆迁",
    "征地",
    "搬迁",
    "签约",
    "销号",
    "整改",
    "处置",
    "拆除",
    "腾空",
    "交付",
    "建成",
    "竣工",
    "安置",
    "改造",
)
"""Words of work done on a task: a count so named is the part a completion rate counts."""

OUTCOME_WORDS: Final = (
    "成功",
    "满意",
    "合格",
    "化解",
    "达标",
    "解决",
    "办复",
    "答复",
    "结案",
    "优良",
    "通过",
    "知晓",
)
"""Outcomes of cases or tests: a rate of one (成功率) is a share of the cases or tests."""

ATTEMPT_WORDS: Final = (
    "调处",
    "调解",
    "受理",
    "办理",
    "处理",
    "承办",
    "交办",
    "登记",
    "接收",
    "收到",
    "接到",
    "接诉",
    "检查",
    "抽检",
    "抽查",
    "检测",
    "监测",
    "巡查",
    "排查",
    "摸排",
    "排摸",
    "发现",
    "走访",
    "申请",
    "申报",
)
"""Words of cases taken on or things examined: a count so named is the whole of a rate."""

_RATE_MARK: Final = "率"


class Reading(enum.StrEnum):
    """Which side of a rate the count it refers to is on.

    Attributes:
        DONE: The count is the part the rate counts (完成拆迁169户 at 完成率98.8%): the total is
            unknown, and the count over it must round to the rate.
        TOTAL: The count is the whole (调处矛盾纠纷25起 at 调处成功率92%): the part is unknown,
            and it over the count must round to the rate.
        EITHER: The words do not tell.
    """

    DONE = "done"
    TOTAL = "total"
    EITHER = "either"


def rate_stem(words: str) -> str | None:
    """What a rate counts, as its name says: the two characters before 率 (成功率 → 成功).

    Examples:
        >>> rate_stem("调处成功率"), rate_stem("问题整改销号率"), rate_stem("满意度")
        ('成功', '销号', None)
    """
    at = words.rfind(_RATE_MARK)
    return words[at - 2 : at] if at >= 2 else None  # noqa: PLR2004 - two characters


def rate_reading(ctx: CheckContext, rate: Fact, count: Fact) -> Reading:
    """Whether ``count`` is the part ``rate`` counts, the whole it is a share of, or unknown.

    The words of each are those of [`figure_words`][townkpi.checks.helpers.figure_words]: the
    words of its clause before it, or its indicator phrase.

    Args:
        ctx: The check context (the report's text).
        rate: The rate (kind ``rate``).
        count: The amount it refers to.
    """
    rate_words, count_words = figure_words(ctx, rate), figure_words(ctx, count)
    stem = rate_stem(rate_words)
    own = [
        w
        for w in (stem, *DONE_WORDS, *OUTCOME_WORDS)
        if w and w in rate_words and w not in ATTEMPT_WORDS
    ]
    if any(w in count_words for w in own):
        return Reading.DONE
    if stem in OUTCOME_WORDS or (stem is None and any(w in rate_words for w in OUTCOME_WORDS)):
        return Reading.TOTAL
    attempt = any(w in count_words for w in ATTEMPT_WORDS)
    done = any(w in count_words for w in DONE_WORDS)
    if attempt and not done:
        return Reading.TOTAL
    if done and not attempt:
        return Reading.DONE
    return Reading.EITHER
