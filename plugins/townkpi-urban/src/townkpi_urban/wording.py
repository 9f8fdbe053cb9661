"""How urban-governance reports word their figures: things found, things handled, rates of both.

A report pairs a count of things found (累计排摸“四不”违法建筑58宗, 排查发现问题隐患2.2万余个)
with a count of things dealt with (已处置55宗, 整改隐患2.1万个) and sometimes a rate
(整改销号率100%). The words just before a figure say which it is. For a figure in a report's
text they are read from the text before it, up to the start of its clause; for a figure from a
table, from its indicator.

Example:
    >>> classify("累计排摸“四不”违法建筑"), classify("已处置"), classify("排查整治隐患")
    ('found', 'handled', None)
    >>> handling_rate("问题整改销号率")
    '整改销号率'
    >>> object_words("已处置"), object_words("整改消防隐患")
    ('', '消防隐患')
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final, Literal

from townkpi import format_number

__all__ = [
    "BASE_NOUNS",
    "FOUND_VERBS",
    "HANDLED_VERBS",
    "HANDLING_RATES",
    "SUBSET_MARKERS",
    "Role",
    "classify",
    "handling_rate",
    "object_words",
    "percent",
]

#: Verbs that count things found: surveys, inspections, problems handed over.
#: Inspections and patrols (检查, 巡查) count acts, not things found, and are not among them.
FOUND_VERBS: Final = ("排摸", "摸排", "排查", "发现", "梳理", "交办")

#: Verbs that count things dealt with, out of those found.
HANDLED_VERBS: Final = (
    "处置",
    "整改",
    "销号",
    "拆除",
    "查处",
    "整治",
    "消除",
    "清理",
    "关停",
    "取缔",
)

#: Words that make a handled figure a part of the found one before it (已处置, 其中整改): without
#: them, the things handled in a year may include things found in earlier years.
SUBSET_MARKERS: Final = ("已", "其中", "全部", "均")

#: Rates of handling and the verbs that count what they count (整改销号率: 整改 and 销号).
HANDLING_RATES: Final[dict[str, tuple[str, ...]]] = {
    "整改销号率": ("整改", "销号"),
    "整改完成率": ("整改",),
    "整改率": ("整改",),
    "销号率": ("销号",),
    "处置率": ("处置",),
    "整治率": ("整治",),
    "拆除率": ("拆除",),
    "消除率": ("消除",),
}

#: Nouns that name what a rate of handling is a rate of, when no verb of finding is written.
BASE_NOUNS: Final = ("问题", "隐患", "违法建筑", "违建")

#: Words around the object of a handled figure that do not change what is counted.
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
    "已",
    "共",
    "均",
    "各类",
    "“",
    "”",
    '"',
)

Role = Literal["found", "handled"]


def classify(words: str) -> Role | None:
    """Whether words count things found, things handled, or neither (both or no such verb)."""
    found = any(v in words for v in FOUND_VERBS)
    handled = any(v in words for v in HANDLED_VERBS)
    if found and not handled:
        return "found"
    if handled and not found:
        return "handled"
    return None


def handling_rate(words: str) -> str | None:
    """The rate of handling that words name (the longest one), or None."""
    for name in sorted(HANDLING_RATES, key=len, reverse=True):
        if name in words:
            return name
    return None


def object_words(words: str) -> str:
    """What a handled figure counts, without its verb and filler words (已处置 → "")."""
    out = words
    for verb in (*HANDLED_VERBS, *FOUND_VERBS):
        out = out.replace(verb, "")
    for filler in _FILLERS:
        out = out.replace(filler, "")
    return out.strip()


def percent(x: Fraction) -> str:
    """A fraction of one as a percentage with three decimals at most (118/120 → 98.333%).

    Three decimals keep a rate that ends in 5 at the second decimal (99.552%) from looking as if
    it rounded either way.
    """
    return f"{format_number(x * 100, 3)}%"
