"""Indicator phrases of target facts: commitment words removed, shared figures split.

A plan states one figure for several indicators: 规上工业企业总产值、规上工业增加值同比增长5%
commits both to 5%, 培育未来工厂和数字化车间各1个 commits to one of each. Extraction gives one fact
for such a mention, with the joint phrase as its indicator;
[`split_indicator`][townkpi.targets.phrases.split_indicator] gives one phrase per indicator, so
that each becomes a target of its own.

Splitting is conservative: a 、 list is split unless a part ends with 等 (examples: 夏宝、吉毅等) or
the list ends with a place word (对里杜湖、外杜湖饮用水源保护区内 names a place, not indicators);
和/及/与 are split only before 各 ("each"). A verb that opens a split list governs every part and
is removed from the first (培育未来工厂 → 未来工厂).

Example:
    >>> split_indicator("规上工业企业总产值、规上工业增加值")
    ('规上工业企业总产值', '规上工业增加值')
    >>> split_indicator("培育未来工厂和数字化车间各")
    ('未来工厂', '数字化车间')
    >>> split_indicator("争创省级无障碍社区")
    ('省级无障碍社区',)
"""

from __future__ import annotations

import re
from typing import Final

from townkpi.targets.commitment import OUTCOME_VERBS
from townkpi.targets.kinds import STRENGTH_WORDS

__all__ = ["LIST_VERBS", "split_indicator", "strip_commitment"]

#: Verbs that may open a list of indicators sharing one figure (培育未来工厂和数字化车间各1个).
LIST_VERBS: Final = (*OUTCOME_VERBS, "培育", "建成", "打造", "引进", "争创")

_PLACE_END: Final = ("内", "中", "里", "外", "周边", "沿线", "区域")
_EACH: Final = re.compile(r"(?:分别|各)$")


def strip_commitment(phrase: str) -> str:
    """The phrase without leading commitment words (力争, 确保, 争取, 争创 …).

    Example:
        >>> strip_commitment("确保全年新进规企业")
        '全年新进规企业'
    """
    text = phrase.strip()
    changed = True
    while changed:
        changed = False
        for word in sorted(STRENGTH_WORDS, key=len, reverse=True):
            if text.startswith(word) and len(text) > len(word):
                text, changed = text[len(word) :].strip(), True
    return text


def split_indicator(phrase: str) -> tuple[str, ...]:
    """One phrase per indicator of a phrase that may name several sharing one figure."""
    text = strip_commitment(phrase)
    each = _EACH.search(text)
    if each is not None:
        text = text[: each.start()]
    separators = "、和及与" if each is not None else "、"
    parts = [p.strip() for p in re.split(f"[{separators}]", text) if p.strip()]
    examples = any(p.endswith("等") for p in parts)
    if len(parts) <= 1 or examples or parts[-1].endswith(_PLACE_END):
        return (text or phrase,)
    verb = next((v for v in sorted(LIST_VERBS, key=len, reverse=True)
                 if parts[0].startswith(v) and len(parts[0]) > len(v)), None)  # fmt: skip
    if verb is not None and not any(p.startswith(verb) for p in parts[1:]):
        parts[0] = parts[0][len(verb) :]
    return tuple(parts)
