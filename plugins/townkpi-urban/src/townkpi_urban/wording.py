"""How urban-governance reports word their figures: things found, things handled, rates of both.

A report pairs a count of things found (累计排摸“四不”违法建筑58宗, 排查发现问题隐患2.2万余个)
with a count of things dealt with (已处置55宗, 整改隐患2.1万个) and sometimes a rate
(整改销号率100%). The words just before a figure say which it is. For a figure in a report's
text they are read from the text before it, up to the start of its clause; for a figure from a
table, from its indicator.

The checks URB101 and URB102 are townkpi's
[`RateOfCountsCheck`][townkpi.checks.counts.RateOfCountsCheck] and
[`PartNotAboveWholeCheck`][townkpi.checks.counts.PartNotAboveWholeCheck] with these words.

Example:
    >>> [r.name for r in RATES[:2]]
    ['整改销号率', '整改完成率']
    >>> RATES[0].parts
    ('整改', '销号')
"""

from __future__ import annotations

from typing import Final

from townkpi import CountRate, CountTerms

__all__ = [
    "BASE_NOUNS",
    "FILLERS",
    "FOUND_VERBS",
    "HANDLED_VERBS",
    "HANDLING_RATES",
    "RATES",
    "SUBSET_MARKERS",
    "TERMS",
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
    "已",
    "共",
    "均",
    "各类",
    "“",
    "”",
    '"',
)

#: The rates of handling as the checks read them: a share of the things found (a verb of finding
#: or a noun of what is found) that the rate's verbs dealt with; the longest name first, so that
#: 整改销号率 is not read as 销号率.
RATES: Final = tuple(
    CountRate(name=name, parts=verbs, wholes=(*FOUND_VERBS, *BASE_NOUNS))
    for name, verbs in sorted(HANDLING_RATES.items(), key=lambda item: len(item[0]), reverse=True)
)

#: How the checks' messages and evidence name the things found and the things handled.
TERMS: Final = CountTerms(
    whole="found",
    part="handled",
    one_part="handled",
    whole_role="found",
    part_role="handled",
    part_number="the number handled",
    comparison="the handled figure stands for {part} and the found one for {whole}",
    impossibility="no more things can be handled than were found",
)
