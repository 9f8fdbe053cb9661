"""Nothing lost: every run of digits of a report lies inside a fact or a skipped mention.

[`accounted_for`][townkpi.extract.coverage.accounted_for] returns the runs of digits (ASCII or
full-width) that no fact span and no skipped mention covers: an empty list means the extractor
accounted for every number of the text.

Example:
    >>> from townkpi.extract import extract
    >>> accounted_for(extract("2023年完成拆迁169户，完成率98.8%。"))
    []
"""

from __future__ import annotations

import bisect
import re
from typing import Final

from townkpi.model import Report, Span

__all__ = ["accounted_for", "digit_runs"]

_DIGIT_RUN: Final = re.compile("[0-9０-９]+")


def digit_runs(text: str) -> list[tuple[int, int]]:
    """Every maximal run of ASCII or full-width digits of ``text`` as ``(start, end)``."""
    return [m.span() for m in _DIGIT_RUN.finditer(text)]


def accounted_for(report: Report) -> list[Span]:
    """The runs of digits of ``report.text`` that no fact and no skipped mention covers.

    Args:
        report: A report read from text (its ``text`` is searched for digits).

    Returns:
        The uncovered runs, in text order, as spans (line and column left at 1).
    """
    covers = sorted(
        [(f.span.start, f.span.end) for f in report.facts if f.span is not None]
        + [(s.span.start, s.span.end) for s in report.skipped]
    )
    starts = [c[0] for c in covers]
    # The furthest end reached by any cover that starts at or before each cover.
    reach: list[int] = []
    furthest = -1
    for _, end in covers:
        furthest = max(furthest, end)
        reach.append(furthest)
    missing: list[Span] = []
    for start, end in digit_runs(report.text):
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or reach[i] < end:
            missing.append(Span(start=start, end=end))
    return missing
