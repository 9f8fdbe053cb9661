"""What the scanner finds: quantities (mentions) and numbers that are not measurements (skips).

A [`Mention`][townkpi.extract.mention.Mention] is a quantity as written, before its kind,
indicator and links are known; a [`Skip`][townkpi.extract.mention.Skip] is a number with the
reason it is not a measurement. A [`Scan`][townkpi.extract.mention.Scan] holds both for one text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import attrs

from townkpi.model import SkipReason
from townkpi.numbers import Numeral

__all__ = ["Mention", "MentionHint", "Scan", "Skip", "SkipItem", "new_mention", "new_skip"]


class MentionHint:
    """What the writing alone says about a quantity's kind."""

    #: 第1名, 位列第一.
    RANK: Final = "rank"
    #: 收入倍差1.56, 2.9∶1.
    RATIO: Final = "ratio"


@attrs.frozen(slots=True, kw_only=True)
class Mention:
    """A quantity written in the text, before its kind, indicator and links are known.

    Attributes:
        start: Offset of the first character of the mention (an attached prefix qualifier or 第
            included).
        end: Offset just past its last character (unit and suffix qualifier included).
        surface: The text of the mention.
        numerals: The number, or the two ends of a range; a minus sign written before the
            number is part of the numeral.
        unit: The unit as written after the number, scale included when it stands in the unit
            (万元 in 1000余万元); None for a pure number. A 万/亿 written right after the digits
            stays in the numeral (``131.5亿`` + ``元``).
        qualifiers: Attached qualifier words, in text order (约, 余, 以上 …).
        hint: [`MentionHint.RANK`][townkpi.extract.mention.MentionHint] or ``RATIO`` when the
            writing alone says so (第1名, 2.9∶1), else None.
        chinese: Whether the number is written in Chinese numerals.
    """

    start: int
    end: int
    surface: str
    numerals: tuple[Numeral, ...]
    unit: str | None = None
    qualifiers: tuple[str, ...] = ()
    hint: str | None = None
    chinese: bool = False


@attrs.frozen(slots=True, kw_only=True)
class Skip:
    """A number that is not a measurement.

    Attributes:
        start: Offset of its first character.
        end: Offset just past its last character.
        surface: Its text (2023年, 1-9月, 第八届, 三改一拆).
        reason: Why it is not a measurement.
    """

    start: int
    end: int
    surface: str
    reason: SkipReason


#: A skipped number as the scanner records it: ``(start, end, surface, reason)``, the fields of
#: a [`Skip`][townkpi.extract.mention.Skip] in order, the reason by its string value. A plain
#: tuple of strings and ints, not an object: a report has thousands, the extractor turns each
#: straight into a skipped mention, and the garbage collector stops tracking such a tuple.
SkipItem = tuple[int, int, str, str]


@attrs.frozen(slots=True, kw_only=True, eq=False)
class Scan:
    """Every number of a text, in text order.

    The quantities are kept as parallel lists (item ``i`` of each list is quantity ``i``), not
    as [`Mention`][townkpi.extract.mention.Mention] objects: a report has thousands, and the
    extractor reads them field by field; [`mentions`][townkpi.extract.mention.Scan.mentions]
    builds the objects. The lists are the scanner's own, not copies: a scan compares by
    identity, and its lists must not be changed.

    Attributes:
        text: The text scanned.
        starts: Where each quantity starts (``Mention.start``).
        ends: Where each ends (``Mention.end``).
        numerals: The numerals of each (``Mention.numerals``).
        units: The unit of each, or None (``Mention.unit``).
        qualifiers: The attached qualifiers of each (``Mention.qualifiers``).
        hints: What the writing says about each one's kind, or None (``Mention.hint``).
        skips: The numbers that are not measurements, as plain
            ``SkipItem`` (start, end, surface, reason) tuples.
    """

    text: str
    starts: list[int]
    ends: list[int]
    numerals: list[tuple[Numeral, ...]]
    units: list[str | None]
    qualifiers: list[tuple[str, ...]]
    hints: list[str | None]
    skips: list[SkipItem]

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """The quantities, as [`Mention`][townkpi.extract.mention.Mention]s."""
        text = self.text
        return tuple(
            [
                new_mention(s, e, text[s:e], n, u, q, h, n[0].chinese)
                for s, e, n, u, q, h in zip(
                    self.starts, self.ends, self.numerals, self.units, self.qualifiers, self.hints,
                    strict=True,
                )
            ]
        )  # fmt: skip

    @property
    def skipped(self) -> tuple[Skip, ...]:
        """The numbers that are not measurements, as [`Skip`][townkpi.extract.mention.Skip]s."""
        return tuple([new_skip(s, e, surface, SkipReason(r)) for s, e, surface, r in self.skips])


# ---------------------------------------------------------------------------- fast construction
# The scanner builds one Mention or Skip for every number of a report. Neither class validates
# its fields, so filling the slots directly builds the same object as ``__init__`` at about half
# the cost (a slot's own descriptor, called without the frozen guard and its name lookup).


def _slot(cls: type, name: str) -> Callable[[object, object], None]:
    setter: Callable[[object, object], None] = cls.__dict__[name].__set__
    return setter


_new: Final = object.__new__
_SKIP_START, _SKIP_END, _SKIP_SURFACE, _SKIP_REASON = (
    _slot(Skip, name) for name in ("start", "end", "surface", "reason")
)
_M_START, _M_END, _M_SURFACE, _M_NUMERALS, _M_UNIT, _M_QUALIFIERS, _M_HINT, _M_CHINESE = (
    _slot(Mention, name)
    for name in ("start", "end", "surface", "numerals", "unit", "qualifiers", "hint", "chinese")
)


def new_skip(start: int, end: int, surface: str, reason: SkipReason) -> Skip:
    """The same ``Skip`` as ``Skip(start=…, end=…, surface=…, reason=…)``, built faster.

    Example:
        >>> new_skip(0, 5, "2023年", SkipReason.YEAR) == Skip(
        ...     start=0, end=5, surface="2023年", reason=SkipReason.YEAR
        ... )
        True
    """
    skip: Skip = _new(Skip)
    _SKIP_START(skip, start)
    _SKIP_END(skip, end)
    _SKIP_SURFACE(skip, surface)
    _SKIP_REASON(skip, reason)
    return skip


def new_mention(  # noqa: PLR0917 - the fields of a Mention, positional for speed
    start: int,
    end: int,
    surface: str,
    numerals: tuple[Numeral, ...],
    unit: str | None,
    qualifiers: tuple[str, ...],
    hint: str | None,
    chinese: bool,
) -> Mention:
    """The same ``Mention`` as ``Mention(start=…, …, chinese=…)`` (every field given), built faster.

    Example:
        >>> from townkpi.numbers import parse_numeral
        >>> n = (parse_numeral("3"),)
        >>> new_mention(0, 2, "3亩", n, "亩", (), None, False) == Mention(
        ...     start=0, end=2, surface="3亩", numerals=n, unit="亩"
        ... )
        True
    """
    mention: Mention = _new(Mention)
    _M_START(mention, start)
    _M_END(mention, end)
    _M_SURFACE(mention, surface)
    _M_NUMERALS(mention, numerals)
    _M_UNIT(mention, unit)
    _M_QUALIFIERS(mention, qualifiers)
    _M_HINT(mention, hint)
    _M_CHINESE(mention, chinese)
    return mention
