"""Sentences, parts, phrases and clauses of a report, as offsets into its text.

A report is read at four nested levels, each ended by its own punctuation (full-width or ASCII)
and by every level above it:

- a **sentence** ends at 。！？ (``.!?`` when the point is not between digits) or a line break;
- a **part** also ends at ；(``;``), which work reports put between indicators;
- a **phrase** also ends at ，and ：(``,`` when it is not a thousands separator, ``:`` when it is
  not between digits);
- a **clause** also ends at 、, which separates the items of a list.

Brackets （） do not end anything, so ``行政（治安）案件`` stays one clause. The whole text is
scanned once by one regular expression; finding the segment around an offset is a binary search.

Example:
    >>> seg = segment("1-9月，实现地区生产总值131.5亿元，同比增长5.4%；完成投资17.1亿元。")
    >>> seg.sentence(10), seg.part(10), seg.phrase(10)
    ((0, 41), (0, 30), (5, 21))
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Final

import attrs

__all__ = ["Segmentation", "segment"]

_BOUNDARY: Final = re.compile(
    r"(?P<sentence>[。！？!?\n]|(?<![0-9０-９])\.(?![0-9０-９]))"
    r"|(?P<part>[；;])"
    r"|(?P<phrase>[，：]|,(?![0-9]{3}(?![0-9]))|:(?![0-9]))"
    r"|(?P<clause>、)"
)
_LEVELS: Final = ("sentence", "part", "phrase", "clause")


@attrs.frozen(slots=True, kw_only=True)
class Segmentation:
    """Where the sentences, parts, phrases and clauses of one text end.

    Each tuple holds the offsets of the punctuation that ends a segment of that level (or of a
    level above it), in order. A segment runs from just after the previous end to just after its
    own end (its punctuation included), or to the end of the text.

    Attributes:
        length: The length of the text.
        sentence_ends: Offsets of 。！？ and line breaks.
        part_ends: The sentence ends and the offsets of ；.
        phrase_ends: The part ends and the offsets of ，and ：.
        clause_ends: The phrase ends and the offsets of 、.
    """

    length: int
    sentence_ends: tuple[int, ...]
    part_ends: tuple[int, ...]
    phrase_ends: tuple[int, ...]
    clause_ends: tuple[int, ...]

    def _around(self, ends: tuple[int, ...], offset: int) -> tuple[int, int]:
        i = bisect.bisect_left(ends, offset)
        start = ends[i - 1] + 1 if i > 0 else 0
        end = ends[i] + 1 if i < len(ends) else self.length
        return start, end

    def sentence(self, offset: int) -> tuple[int, int]:
        """The sentence around ``offset`` as ``(start, end)``, its final punctuation included."""
        return self._around(self.sentence_ends, offset)

    def part(self, offset: int) -> tuple[int, int]:
        """The part (up to ；) around ``offset``."""
        return self._around(self.part_ends, offset)

    def phrase(self, offset: int) -> tuple[int, int]:
        """The phrase (up to ，or ：) around ``offset``."""
        return self._around(self.phrase_ends, offset)

    def clause(self, offset: int) -> tuple[int, int]:
        """The clause (up to 、) around ``offset``."""
        return self._around(self.clause_ends, offset)

    def sentences(self) -> Iterator[tuple[int, int]]:
        """Every sentence as ``(start, end)``, in order (empty ones included)."""
        start = 0
        for end in self.sentence_ends:
            yield start, end + 1
            start = end + 1
        if start < self.length:
            yield start, self.length


def segment(text: str) -> Segmentation:
    """Find the segment ends of ``text`` in one scan.

    Args:
        text: The decoded text of a report.

    Returns:
        The [`Segmentation`][townkpi.extract.segment.Segmentation] of the text.
    """
    ends: dict[str, list[int]] = {level: [] for level in _LEVELS}
    sentence, part, phrase, clause = (ends[level] for level in _LEVELS)
    for m in _BOUNDARY.finditer(text):
        pos = m.start()
        level = m.lastgroup
        clause.append(pos)
        if level == "clause":
            continue
        phrase.append(pos)
        if level == "phrase":
            continue
        part.append(pos)
        if level == "part":
            continue
        sentence.append(pos)
    return Segmentation(
        length=len(text),
        sentence_ends=tuple(sentence),
        part_ends=tuple(part),
        phrase_ends=tuple(phrase),
        clause_ends=tuple(clause),
    )
