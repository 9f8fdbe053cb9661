"""What the scanner finds: quantities (mentions) and numbers that are not measurements (skips).

A [`Mention`][townkpi.extract.mention.Mention] is a quantity as written, before its kind,
indicator and links are known; a [`Skip`][townkpi.extract.mention.Skip] is a number with the
reason it is not a measurement. A [`Scan`][townkpi.extract.mention.Scan] holds both for one text.
"""

from __future__ import annotations

from typing import Final

import attrs

from townkpi.model import SkipReason
from townkpi.numbers import Numeral

__all__ = ["Mention", "MentionHint", "Scan", "Skip"]


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


@attrs.frozen(slots=True, kw_only=True)
class Scan:
    """Every number of a text, in text order.

    Attributes:
        mentions: The quantities.
        skipped: The numbers that are not measurements.
    """

    mentions: tuple[Mention, ...]
    skipped: tuple[Skip, ...]
