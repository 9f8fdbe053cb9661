"""Sentences, parts and phrases of a report, as offsets into its text.

A report is read at three nested levels, each ended by its own punctuation (full-width or ASCII)
and by every level above it:

- a **sentence** ends at 。！？ (``.!?`` when the point is not next to a digit) or a line break;
- a **part** also ends at ；(``;``), which work reports put between indicators;
- a **phrase** also ends at ，and ：(``,`` when it is not a thousands separator, ``:`` when it is
  not between digits).

、 separates the items of a list inside a phrase, and brackets （） end nothing, so
``刑事案件、行政（治安）案件分别下降24.3%、4.6%`` is one phrase. The segments are found where
they are asked for: the end of the segment around an offset is the first end after it (one
search by a character class, which the engine skips ahead to), its start the last end before
it (the same search in the reversed text), so the text between figures is never walked in
Python.

Example:
    >>> seg = segment("1-9月，实现地区生产总值131.5亿元，同比增长5.4%；完成投资17.1亿元。")
    >>> seg.sentence(10), seg.part(10), seg.phrase(10)
    ((0, 41), (0, 30), (5, 21))
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

import attrs

__all__ = ["Segmentation", "segment"]

_SENTENCE: Final = "。！？!?\n"
_PART: Final = _SENTENCE + "；;"
_PHRASE: Final = _PART + "，："
_DIGIT: Final = "[0-9０-９]"
# The ends of each level: one character class first (the engine skips ahead to them), then the
# conditions on ASCII "." and ":", which are ends only away from digits (3.5, 12:30). An ASCII
# "," before a digit may be a thousands separator (1,234): those few are checked in Python.
# A "." is an end when neither character next to it is a digit, which reads the same both ways.
_POINT: Final = rf"(?<=\.)(?<!{_DIGIT}\.)(?!{_DIGIT})"
_PHRASE_ENDS: Final = re.compile(rf"[{_PHRASE}.,:](?:(?<=[^.:])|(?<=:)(?!{_DIGIT})|{_POINT})")
#: The phrase ends in the reversed text: a ":" is one when the digit is not before it there.
_PHRASE_ENDS_REVERSED: Final = re.compile(
    rf"[{_PHRASE}.,:](?:(?<=[^.:])|(?<=:)(?<!{_DIGIT}:)|{_POINT})"
)
_PART_ENDS: Final = re.compile(rf"[{_PART}.](?:(?<=[^.])|{_POINT})")
_SENTENCE_ENDS: Final = re.compile(rf"[{_SENTENCE}.](?:(?<=[^.])|{_POINT})")
_DIGITS: Final = frozenset("0123456789０１２３４５６７８９")

#: What ends a part or a sentence, in a phrase end already found (a "." found is one).
_PART_CHARS: Final = frozenset(_PART + ".")
_SENTENCE_CHARS: Final = frozenset(_SENTENCE + ".")


@attrs.frozen(slots=True, kw_only=True)
class Segmentation:
    """The sentences, parts and phrases of one text, found where they are asked for.

    A segment runs from just after the punctuation that ends the segment before it (of its
    level or a level above it) to just after its own end (its punctuation included), or to the
    end of the text.

    Attributes:
        text: The text.
    """

    text: str
    _reversed: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_reversed", self.text[::-1])

    @property
    def length(self) -> int:
        """The length of the text."""
        return len(self.text)

    def sentence(self, offset: int) -> tuple[int, int]:
        """The sentence around ``offset`` as ``(start, end)``, its final punctuation included."""
        return self.locate((offset,))[2][0]

    def part(self, offset: int) -> tuple[int, int]:
        """The part (up to ；) around ``offset``."""
        return self.locate((offset,))[1][0]

    def phrase(self, offset: int) -> tuple[int, int]:
        """The phrase (up to ，or ：) around ``offset``."""
        return self.locate((offset,))[0][0]

    def locate(
        self, offsets: Sequence[int]
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
        """The phrase, the part and the sentence around each offset, as three lists.

        Equal to [`phrase`][townkpi.extract.segment.Segmentation.phrase], ``part`` and
        ``sentence`` of each offset; offsets next to each other in one segment share its tuple
        (found once). Offsets in text order are the fast case, any order is right.
        """
        text, reverse = self.text, self._reversed
        n = len(text)
        search, search_back = _PHRASE_ENDS.search, _PHRASE_ENDS_REVERSED.search
        phrases: list[tuple[int, int]] = []
        parts: list[tuple[int, int]] = []
        sentences: list[tuple[int, int]] = []
        phrase = part = sentence = (0, 0)
        for offset in offsets:
            if not phrase[0] <= offset < phrase[1]:
                # The phrase ends found around the offset: ``after`` the first at or after it,
                # ``before`` the last before it (-1 for none). A "," found may be in 1,234.
                m = search(text, offset)
                while m is not None and text[m.start()] == "," and not _is_end(text, m.start()):
                    m = search(text, m.start() + 1)
                after = -1 if m is None else m.start()
                before = -1
                if offset > 0:
                    m = search_back(reverse, n - offset)
                    while (
                        m is not None
                        and reverse[m.start()] == ","  # only a "," may be no end (1,234)
                        and not _is_end(text, n - 1 - m.start())
                    ):
                        m = search_back(reverse, m.start() + 1)
                    before = -1 if m is None else n - 1 - m.start()
                phrase = (before + 1, n if after < 0 else after + 1)
                if not part[0] <= offset < part[1]:
                    part = _widen(text, reverse, _PART_ENDS, _PART_CHARS, before, after)
                if not sentence[0] <= offset < sentence[1]:
                    sentence = _widen(text, reverse, _SENTENCE_ENDS, _SENTENCE_CHARS, before, after)
            phrases.append(phrase)
            parts.append(part)
            sentences.append(sentence)
        return phrases, parts, sentences

    def sentences(self) -> Iterator[tuple[int, int]]:
        """Every sentence as ``(start, end)``, in order (empty ones included)."""
        start = 0
        for m in _SENTENCE_ENDS.finditer(self.text):
            yield start, m.start() + 1
            start = m.start() + 1
        if start < len(self.text):
            yield start, len(self.text)


def _widen(  # noqa: PLR0917 (a helper of the hot loop of locate)
    text: str, reverse: str, ends: re.Pattern[str], chars: frozenset[str], before: int, after: int
) -> tuple[int, int]:
    """The segment of a higher level around the phrase between the ends before and after.

    Its ends are phrase ends too: a phrase end that is one of its ends bounds it, else it ends at
    the next of its ends after the phrase and starts after the last one before (searched in the
    reversed text, where the part and sentence ends read alike).
    """
    n = len(text)
    if after < 0:
        end = n
    elif text[after] in chars:
        end = after + 1
    else:
        m = ends.search(text, after + 1)
        end = n if m is None else m.start() + 1
    if before < 0:
        return 0, end
    if text[before] in chars:
        return before + 1, end
    m = ends.search(reverse, n - before)
    return (0 if m is None else n - m.start()), end


def _is_end(text: str, pos: int) -> bool:
    """Whether the end character at ``pos`` ends a segment (a "," is not in 1,234)."""
    if text[pos] != ",":
        return True
    return not (text[pos + 1 : pos + 2] in _DIGITS and text[pos + 1 : pos + 4].isdigit() and
                text[pos + 4 : pos + 5] not in _DIGITS)  # fmt: skip


def segment(text: str) -> Segmentation:
    """The segmentation of ``text``, whose segments are found as they are asked for.

    Args:
        text: The decoded text of a report.

    Returns:
        The [`Segmentation`][townkpi.extract.segment.Segmentation] of the text.
    """
    return Segmentation(text=text)
