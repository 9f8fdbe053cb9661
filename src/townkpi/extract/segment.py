"""Sentences, parts and phrases of a report, as offsets into its text.

A report is read at three nested levels, each ended by its own punctuation (full-width or ASCII)
and by every level above it:

- a **sentence** ends at 。！？ (``.!?`` when the point is not next to a digit) or a line break;
- a **part** also ends at ；(``;``), which work reports put between indicators;
- a **phrase** also ends at ，and ：(``,`` when it is not a thousands separator, ``:`` when it is
  not between digits).

、 separates the items of a list inside a phrase, and brackets （） end nothing, so
``刑事案件、行政（治安）案件分别下降24.3%、4.6%`` is one phrase. One scan of the text by a
character class finds the phrase ends, and the part and sentence ends are taken from them; finding
the segment around an offset is a binary search.

Example:
    >>> seg = segment("1-9月，实现地区生产总值131.5亿元，同比增长5.4%；完成投资17.1亿元。")
    >>> seg.sentence(10), seg.part(10), seg.phrase(10)
    ((0, 41), (0, 30), (5, 21))
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from typing import Final

import attrs

__all__ = ["Segmentation", "segment"]

_SENTENCE: Final = "。！？!?\n"
_PART: Final = _SENTENCE + "；;"
_PHRASE: Final = _PART + "，："
# Every end of every level: one character class first (the engine skips ahead to them), then
# the conditions on ASCII "." and ":", which are ends only away from digits (3.5, 12:30). An ASCII
# "," before a digit may be a thousands separator (1,234): those few are checked in Python.
_ENDS: Final = re.compile(
    f"[{_PHRASE}.,:]"
    r"(?:(?<=[^.:])"
    r"|(?<=:)(?![0-9０-９])"
    r"|(?<=\.)(?<![0-9０-９]\.)(?![0-9０-９]))"
)
_COMMA_BEFORE_DIGIT: Final = re.compile(",(?=[0-9０-９])")
_DIGITS: Final = frozenset("0123456789０１２３４５６７８９")
_PHRASE_ONLY: Final = frozenset("，：,:")
_PART_ONLY: Final = frozenset("；;")


@attrs.frozen(slots=True, kw_only=True)
class Segmentation:
    """Where the sentences, parts and phrases of one text end.

    Each tuple holds the offsets of the punctuation that ends a segment of that level (or of a
    level above it), in order. A segment runs from just after the previous end to just after its
    own end (its punctuation included), or to the end of the text.

    Attributes:
        length: The length of the text.
        sentence_ends: Offsets of 。！？ and line breaks.
        part_ends: The sentence ends and the offsets of ；.
        phrase_ends: The part ends and the offsets of ，and ：.
    """

    length: int
    sentence_ends: tuple[int, ...]
    part_ends: tuple[int, ...]
    phrase_ends: tuple[int, ...]

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

    def locate(
        self, offsets: Sequence[int]
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
        """The phrase, the part and the sentence around each offset, as three lists.

        Equal to [`phrase`][townkpi.extract.segment.Segmentation.phrase], ``part`` and
        ``sentence`` of each offset; offsets next to each other in one segment share its tuple.
        """
        return (
            self._each(self.phrase_ends, offsets),
            self._each(self.part_ends, offsets),
            self._each(self.sentence_ends, offsets),
        )

    def _each(self, ends: tuple[int, ...], offsets: Sequence[int]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        bisect_left = bisect.bisect_left
        count = len(ends)
        last = -1
        around = (0, self.length)
        for offset in offsets:
            i = bisect_left(ends, offset)
            if i != last:
                last = i
                around = (
                    ends[i - 1] + 1 if i > 0 else 0,
                    ends[i] + 1 if i < count else self.length,
                )
            out.append(around)
        return out

    def sentences(self) -> Iterator[tuple[int, int]]:
        """Every sentence as ``(start, end)``, in order (empty ones included)."""
        start = 0
        for end in self.sentence_ends:
            yield start, end + 1
            start = end + 1
        if start < self.length:
            yield start, self.length


def _is_end(text: str, pos: int) -> bool:
    """Whether the ASCII "." "," or ":" at ``pos`` ends a segment (it is not inside a number)."""
    ch = text[pos]
    after = text[pos + 1 : pos + 2]
    if ch == ",":
        return not (after in _DIGITS and text[pos + 1 : pos + 4].isdigit() and
                    text[pos + 4 : pos + 5] not in _DIGITS)  # fmt: skip
    if ch == ":":
        return after not in _DIGITS
    return (pos == 0 or text[pos - 1] not in _DIGITS) and after not in _DIGITS


def segment(text: str) -> Segmentation:
    """Find the segment ends of ``text`` in one scan.

    Args:
        text: The decoded text of a report.

    Returns:
        The [`Segmentation`][townkpi.extract.segment.Segmentation] of the text.
    """
    # One scan for the phrase level, whose ends include those of the levels above it.
    found = [m.start() for m in _ENDS.finditer(text)]
    if "," in text:
        commas = [m.start() for m in _COMMA_BEFORE_DIGIT.finditer(text)]
        inside = {i for i in commas if not _is_end(text, i)}
        if inside:
            found = [i for i in found if i not in inside]
    phrase = tuple(found)
    part = tuple(i for i in phrase if text[i] not in _PHRASE_ONLY)
    sentence = tuple(i for i in part if text[i] not in _PART_ONLY)
    return Segmentation(
        length=len(text), sentence_ends=sentence, part_ends=part, phrase_ends=phrase
    )
