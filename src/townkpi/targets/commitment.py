"""Which figures of a plan are targets, and how firmly the plan commits to them.

Extraction marks every figure of a plan section as a target fact; not every one of them is a
target. A figure is a target when its clause commits to an outcome (增长, 达到, 完成, 新增, 整治
…) or carries a commitment word (力争, 确保 …). A figure that only sizes the object an effort verb
works on describes the work, not an outcome to evaluate: 推进五里村96亩工业用地征收报批 commits
to no area, 加快推进夏宝、吉毅等7个项目竣工投产 to no count. Such a figure is a
[`NotTarget`][townkpi.targets.commitment.NotTarget], with the reason.

A commitment word governs every clause after it up to the end of its sentence (。): in
力争规上工业增加值同比增长5%；规下增加值同比增长5% both targets are 力争. The extractor records the
word in the fact's qualifiers; when it did not (a later clause of the sentence), the sentence is
read for it.

Both readings need the plan's text and the fact's span; facts from a table (no span) are targets
as they stand.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from townkpi.model import Fact, Report
from townkpi.targets.kinds import STRENGTH_WORDS, Strength

__all__ = [
    "EARLIER_PERIOD_WORDS",
    "EFFORT_VERBS",
    "OUTCOME_VERBS",
    "NotTarget",
    "clause_before",
    "not_target_reason",
    "sentence_before",
    "strength_of",
]

#: Verbs of effort: they commit to working on something, not to an outcome of a given size.
EFFORT_VERBS: Final = ("推进", "加快", "督促", "配合做好")

#: Verbs that commit to an outcome; a clause with one of them makes its figure a target.
OUTCOME_VERBS: Final = (
    "增长",
    "达到",
    "完成",
    "新增",
    "整治",
    "淘汰",
    "培育",
    "开展",
    "创建",
    "争创",
    "实现",
    "保持在",
)

#: Words that date a figure in a plan to an earlier period (上年度…8个标准地项目).
EARLIER_PERIOD_WORDS: Final = ("上年度", "上一年度", "上年", "去年")

_CLAUSE_END: Final = re.compile(r"[，,；;。！？!?：:\n]")
_SENTENCE_END: Final = re.compile(r"[。！？!?\n]")


@attrs.frozen(slots=True, kw_only=True)
class NotTarget:
    """A figure of a plan that is not a target.

    Attributes:
        fact: The target fact (as extraction marked it).
        reason: Why it is not a target, in one line.
    """

    fact: Fact = attrs.field(validator=attrs.validators.instance_of(Fact))
    reason: str = attrs.field(validator=attrs.validators.min_len(1))


def _before(report: Report, fact: Fact, end: re.Pattern[str]) -> str | None:
    if fact.span is None or not report.text or fact.span.start > len(report.text):
        return None
    head = report.text[: fact.span.start]
    cut = max((m.end() for m in end.finditer(head)), default=0)
    return head[cut:]


def clause_before(report: Report, fact: Fact) -> str | None:
    """The text of the fact's clause before its figure (after the last ，；。：), or None.

    Example:
        >>> from townkpi.model import FactKind, Span, Value
        >>> text = "推动产业整治提升，全年整治企业120家。"
        >>> f = Fact(
        ...     id="f",
        ...     kind=FactKind.AMOUNT,
        ...     value=Value.parse("120家"),
        ...     span=Span(start=15, end=19),
        ... )
        >>> clause_before(Report(source="p", text=text, facts=[f]), f)
        '全年整治企业'
    """
    return _before(report, fact, _CLAUSE_END)


def sentence_before(report: Report, fact: Fact) -> str | None:
    """The text of the fact's sentence before its figure (after the last 。 or line break)."""
    return _before(report, fact, _SENTENCE_END)


def not_target_reason(report: Report, fact: Fact) -> str | None:
    """Why a plan figure is not a target, or None when it is one.

    A figure is not a target when its clause, before the figure, dates it to an earlier period
    (上年度), or has an effort verb (推进, 加快, 督促, 配合做好) and neither an outcome verb nor a
    commitment word.
    """
    clause = clause_before(report, fact)
    if clause is None:
        return None
    earlier = next((w for w in EARLIER_PERIOD_WORDS if w in clause), None)
    if earlier is not None:
        return f"{earlier} dates the figure to an earlier period"
    effort = next((w for w in EFFORT_VERBS if w in clause), None)
    if effort is None:
        return None
    if any(w in clause for w in OUTCOME_VERBS) or any(w in clause for w in STRENGTH_WORDS):
        return None
    return f"{effort} commits to working on it, not to an outcome of this size"


def strength_of(report: Report, fact: Fact) -> Strength:
    """How firmly the plan commits to a figure.

    The strongest commitment word among the fact's qualifiers; when there is none, the last
    commitment word before the figure in its sentence (a word governs the clauses after it up to
    the sentence's end); NONE when neither has one.
    """
    found = Strength.from_words(fact.qualifiers)
    if found is not Strength.NONE:
        return found
    sentence = sentence_before(report, fact) or ""
    last = max(
        ((sentence.rfind(w), s) for w, s in STRENGTH_WORDS.items() if w in sentence),
        default=None,
        key=lambda pair: pair[0],
    )
    return Strength.NONE if last is None else last[1]
