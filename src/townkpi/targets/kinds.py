"""What a target measures and how firmly a plan commits to it.

[`TargetKind`][townkpi.targets.kinds.TargetKind] says what sort of figure a target bounds (a level,
a growth rate, a rate, a ratio or a rank); [`Strength`][townkpi.targets.kinds.Strength] is the
ordered commitment word the plan wrote before it (力争 < 争取 < 确保).

Example:
    >>> Strength.from_words(["累计", "力争"])
    <Strength.STRIVE: '力争'>
    >>> Strength.STRIVE < Strength.SEEK < Strength.ENSURE
    True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

from townkpi.model import FactKind

__all__ = ["STRENGTH_WORDS", "Strength", "TargetKind", "kind_of_fact"]


class TargetKind(enum.StrEnum):
    """What a target bounds.

    Attributes:
        LEVEL: A level or a count for the period: 新增亿元企业5家, 技术改造项目40个.
        GROWTH: A change over the previous period: 规上工业增加值同比增长5%.
        RATE: A rate or share: 城乡医保参保率99.5%以上, 居家养老服务率90%以上.
        RATIO: A ratio of two levels: 城乡居民收入倍差1.56以内.
        RANK: A position in a ranking: 进入全省前10.
    """

    LEVEL = "level"
    GROWTH = "growth"
    RATE = "rate"
    RATIO = "ratio"
    RANK = "rank"


_KIND_OF_FACT: Final[Mapping[FactKind, TargetKind]] = MappingProxyType(
    {
        FactKind.AMOUNT: TargetKind.LEVEL,
        FactKind.CHANGE: TargetKind.GROWTH,
        FactKind.RATE: TargetKind.RATE,
        FactKind.SHARE: TargetKind.RATE,
        FactKind.RATIO: TargetKind.RATIO,
        FactKind.RANK: TargetKind.RANK,
    }
)


def kind_of_fact(kind: FactKind) -> TargetKind:
    """The target kind for a target fact's kind: change → growth, rate and share → rate, ….

    Example:
        >>> kind_of_fact(FactKind.CHANGE)
        <TargetKind.GROWTH: 'growth'>
    """
    return _KIND_OF_FACT[kind]


_RANKS: Final = {"none": 0, "努力": 1, "力争": 2, "争取": 3, "确保": 4}


class Strength(enum.Enum):
    """How firmly a plan commits to a target, ordered from weakest to strongest.

    The order is NONE < EFFORT (努力) < STRIVE (力争) < SEEK (争取) < ENSURE (确保); members compare
    with ``<`` and ``>``. The value is the word itself (``"none"`` when the plan wrote none).

    Attributes:
        NONE: No commitment word: the figure stands in a plan without one (完成技术改造项目40个).
        EFFORT: 努力.
        STRIVE: 力争.
        SEEK: 争取 (争创 is read as 争取).
        ENSURE: 确保.
    """

    NONE = "none"
    EFFORT = "努力"
    STRIVE = "力争"
    SEEK = "争取"
    ENSURE = "确保"

    @property
    def rank(self) -> int:
        """The position in the order, 0 (none) to 4 (确保)."""
        return _RANKS[self.value]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Strength):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Strength):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Strength):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Strength):
            return NotImplemented
        return self.rank >= other.rank

    @classmethod
    def from_words(cls, words: Iterable[str]) -> Strength:
        """The strongest commitment among qualifier words; NONE when there is none.

        Args:
            words: Qualifier words of a fact (``Fact.qualifiers``); other words are ignored.
        """
        found = [STRENGTH_WORDS[w] for w in words if w in STRENGTH_WORDS]
        return max(found, default=cls.NONE)

    @classmethod
    def parse(cls, text: str) -> Strength:
        """A strength from its word or its English name (``"力争"``, ``"strive"``, ``"none"``).

        Raises:
            ValueError: ``text`` names no strength.
        """
        key = text.strip()
        if key in STRENGTH_WORDS:
            return STRENGTH_WORDS[key]
        for member in cls:
            if key.lower() in {member.name.lower(), member.value}:
                return member
        raise ValueError(f"not a target strength: {text!r} (expected none, 努力, 力争, 争取, 确保)")


#: Commitment words and the strength each gives a target.
STRENGTH_WORDS: Final[Mapping[str, Strength]] = MappingProxyType(
    {
        "努力": Strength.EFFORT,
        "力争": Strength.STRIVE,
        "争取": Strength.SEEK,
        "争创": Strength.SEEK,
        "确保": Strength.ENSURE,
    }
)
