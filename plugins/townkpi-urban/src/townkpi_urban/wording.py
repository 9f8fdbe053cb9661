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

from collections.abc import Iterator
from fractions import Fraction
from typing import Final, Literal

from townkpi import (
    CheckContext,
    DimensionMismatchError,
    Fact,
    FactKind,
    Interval,
    Modality,
    Unit,
    UnitCategory,
    UnitError,
)

# format_number is not (yet) part of townkpi's public API; townkpi.findings documents it.
from townkpi.findings import format_number

__all__ = [
    "BASE_NOUNS",
    "FOUND_VERBS",
    "HANDLED_VERBS",
    "HANDLING_RATES",
    "SUBSET_MARKERS",
    "Role",
    "amounts_in_sentence",
    "classify",
    "describe",
    "handling_rate",
    "in_list",
    "in_unit",
    "lead_in",
    "object_words",
    "percent",
    "phrase",
    "proportion",
    "surely_greater",
    "unit_of",
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

#: Punctuation that ends the clause a figure's lead-in words are read from.
_CLAUSE_STOPS: Final = "，,；;。！？!?：:、\n"

#: Characters that join the items of a list of figures (建议4249件、政协提案3542件).
_LIST_JOINERS: Final = "、和及与"

Role = Literal["found", "handled"]


def lead_in(ctx: CheckContext, fact: Fact, chars: int = 24) -> str:
    """The words just before a figure, from the start of its clause ("" without text).

    Args:
        ctx: The check context (the report's text).
        fact: The figure.
        chars: The most characters read.
    """
    before = ctx.text_before(fact, chars)
    cut = max(before.rfind(c) for c in _CLAUSE_STOPS)
    return before[cut + 1 :]


def in_list(ctx: CheckContext, fact: Fact) -> bool:
    """Whether a figure is one item of a list (办理人大代表建议4249件、政协提案3542件).

    A rate written after such a list may be a rate of all its items together, so a check cannot
    tell which count it is a share of.
    """
    after = ctx.text_after(fact, 1)
    if after and after in _LIST_JOINERS:
        return True
    before = ctx.text_before(fact, 24)
    cut = max(before.rfind(c) for c in _CLAUSE_STOPS)
    return cut >= 0 and before[cut] == "、"


def phrase(ctx: CheckContext, fact: Fact) -> str:
    """The words that say what a figure counts: its lead-in words, else its indicator phrase."""
    words = lead_in(ctx, fact)
    return words if words.strip() else (fact.indicator or "")


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


def unit_of(fact: Fact) -> Unit | None:
    """The figure's resolved unit, or None when it has none."""
    try:
        return fact.value.unit_info
    except UnitError:  # pragma: no cover - a Value's unit is validated when it is made
        return None


def in_unit(fact: Fact, unit: str) -> Interval | None:
    """The figure's interval in ``unit``, or None when the dimensions differ."""
    try:
        return fact.value.interval_in(unit)
    except (DimensionMismatchError, UnitError):
        return None


def proportion(fact: Fact) -> Interval | None:
    """A percentage's interval as a fraction of one (98.5% → [0.9845, 0.9855)), or None."""
    u = unit_of(fact)
    if u is None or u.category is not UnitCategory.PROPORTION:
        return None
    return in_unit(fact, "倍")


def surely_greater(a: Interval, b: Interval) -> bool:
    """Whether every number of ``a`` exceeds every number of ``b``."""
    if a.lower is None or b.upper is None:
        return False
    return a.lower > b.upper or (a.lower == b.upper and not (a.lower_closed and b.upper_closed))


def amounts_in_sentence(ctx: CheckContext, fact: Fact) -> Iterator[Fact]:
    """The other actual amounts of the figure's sentence, in text order."""
    for other in ctx.of_kind(FactKind.AMOUNT):
        if (
            other.id != fact.id
            and other.modality is not Modality.TARGET
            and ctx.same_sentence(fact, other)
        ):
            yield other


def describe(fact: Fact) -> str:
    """A figure for a message: its indicator phrase and its value as written."""
    shown = fact.surface or str(fact.value)
    return f"{fact.indicator} {shown}" if fact.indicator else shown


def percent(x: Fraction) -> str:
    """A fraction of one as a percentage with three decimals at most (118/120 → 98.333%).

    Three decimals keep a rate that ends in 5 at the second decimal (99.552%) from looking as if
    it rounded either way.
    """
    return f"{format_number(x * 100, 3)}%"
