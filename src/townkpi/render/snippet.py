"""The lines of a report that a finding is about, with its figures marked for underlining.

A compiler shows the line of an error with a caret under the culprit; townkpi shows the sentence
of a finding with ``^~~~`` under each figure. Report paragraphs are long, so a line wider than
[`MAX_WIDTH`][townkpi.render.snippet.MAX_WIDTH] columns is cut to a window around its figures,
with ``…`` where text was left out. Columns are display columns (a Chinese character takes two).

Examples:
    >>> from townkpi.model import Span
    >>> text = "宁慈线完成拆迁169户，完成率98.8%。"
    >>> [line] = snippet(text, [Span(start=7, end=11), Span(start=15, end=20)])
    >>> print(line.text)
    宁慈线完成拆迁169户，完成率98.8%。
    >>> print(line.underline())
                  ^~~~~        ^~~~~
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from townkpi.model import Span
from townkpi.render.display import printable, width

__all__ = ["ELLIPSIS", "MAX_WIDTH", "SnippetLine", "snippet"]

MAX_WIDTH: Final = 76
"""Lines wider than this many display columns are cut to a window around their figures."""
ELLIPSIS: Final = "…"
"""What stands for text left out of a line."""

#: Characters that end a sentence or clause, for finding a figure's sentence without one given.
_STOPS: Final = "。；！？;!?\n"
#: How far to look for the sentence's ends, in characters.
_REACH: Final = 60
#: Characters of context kept before the first and after the last figure of a cut line.
_LEAD: Final = 16
_TRAIL: Final = 10


def _mark_tuple(items: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    return tuple(items)


@attrs.frozen(slots=True, kw_only=True)
class SnippetLine:
    """One line of a snippet.

    Attributes:
        line: The 1-based line number in the report.
        text: The text shown, control characters replaced, ``…`` where text was cut.
        marks: (display column, display width) of each figure on the line, 0-based.
    """

    line: int
    text: str
    marks: tuple[tuple[int, int], ...] = attrs.field(default=(), converter=_mark_tuple)

    def underline(self, caret: str = "^", tilde: str = "~") -> str:
        """A line of ``^~~~`` under the figures, trailing spaces removed."""
        cells = [" "] * max((c + w for c, w in self.marks), default=0)
        for col, w in self.marks:
            cells[col : col + w] = [caret] + [tilde] * (w - 1)
        return "".join(cells).rstrip()


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    lo = start
    floor = max(0, start - _REACH)
    while lo > floor and text[lo - 1] not in _STOPS:
        lo -= 1
    hi = end
    ceiling = min(len(text), end + _REACH)
    while hi < ceiling and text[hi - 1 : hi] not in _STOPS:
        hi += 1
    return lo, hi


def snippet(
    text: str,
    spans: Sequence[Span],
    context: tuple[int, int] | None = None,
    *,
    max_width: int = MAX_WIDTH,
) -> tuple[SnippetLine, ...]:
    """The lines holding ``spans``, cut to their sentence, with the spans marked.

    Args:
        text: The report's text.
        spans: The figures to mark.
        context: The stretch to show (the sentence or sentences of the figures); by default the
            text from the sentence stop before the first span to the one after the last.
        max_width: Lines wider than this are cut to a window around their figures.

    Returns:
        One line per report line that holds a span, in order; empty without text or spans.
    """
    spans = [s for s in spans if s.end <= len(text)]
    if not text or not spans:
        return ()
    first, last = min(s.start for s in spans), max(s.end for s in spans)
    lo, hi = context if context is not None else _sentence_around(text, first, last)
    lo, hi = min(lo, first), max(hi, last)
    out: list[SnippetLine] = []
    line_start = text.rfind("\n", 0, lo) + 1
    line_no = text.count("\n", 0, line_start) + 1
    while line_start <= hi:
        newline = text.find("\n", line_start)
        line_end = len(text) if newline == -1 else newline
        on_line = sorted(
            (max(s.start, line_start), min(s.end, line_end))
            for s in spans
            if s.start <= line_end and s.end >= line_start
        )
        if on_line:
            out.append(
                _line(
                    text,
                    line_no=line_no,
                    line=(line_start, line_end),
                    region=(lo, hi),
                    marks=on_line,
                    max_width=max_width,
                )
            )
        if newline == -1:
            break
        line_start, line_no = newline + 1, line_no + 1
    return tuple(out)


def _line(
    text: str,
    *,
    line_no: int,
    line: tuple[int, int],
    region: tuple[int, int],
    marks: list[tuple[int, int]],
    max_width: int,
) -> SnippetLine:
    seg_start, seg_end = max(region[0], line[0]), min(region[1], line[1])
    while seg_start < marks[0][0] and text[seg_start].isspace():
        seg_start += 1
    while seg_end > marks[-1][1] and text[seg_end - 1].isspace():
        seg_end -= 1
    start, end = seg_start, seg_end
    if width(text[start:end]) > max_width:
        start = max(seg_start, marks[0][0] - _LEAD)
        end = min(seg_end, marks[-1][1] + _TRAIL)
    prefix = ELLIPSIS if start > seg_start else ""
    suffix = ELLIPSIS if end < seg_end else ""
    shown = prefix + printable(text[start:end]) + suffix
    columns = []
    for a, b in marks:
        col = width(prefix) + width(printable(text[start:a]))
        columns.append((col, max(1, width(printable(text[a:b])))))
    return SnippetLine(line=line_no, text=shown, marks=columns)
