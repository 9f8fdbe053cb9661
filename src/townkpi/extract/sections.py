r"""The outline of a report: its title, the year it reviews, and its review and plan sections.

A work report reviews one year and plans the next. Its top-level headings (``一、2023年工作总结``,
``二、2024年工作思路``, ``三、2026年重点工作``) say which part is which. The year under review comes
from a heading or the title (``2023年工作总结`` → 2023; ``2026年北京市政府工作报告`` → 2025, a
government work report reviews the year before it is given), or from the text; the plan year from
the plan heading or the year after.

Every section carries the default period and modality of the facts it holds: the review, the
year under review and ``actual``; the plan, the plan year and ``target``. A five-year plan section
(``“十五五”时期主要目标任务``) covers the plan's five years.

Example:
    >>> o = outline(
    ...     "镇政府\n2023年工作总结和2024年工作安排\n一、2023年工作总结\n二、2024年工作思路"
    ... )
    >>> o.year, o.plan_year, o.title
    (2023, 2024, '2023年工作总结和2024年工作安排')
    >>> for s in o.sections:
    ...     print(repr(s.heading), s.plan, s.period, s.modality.value)
    '' False 2023 actual
    '一、2023年工作总结' False 2023 actual
    '二、2024年工作思路' True 2024 target
"""

from __future__ import annotations

import bisect
import collections
import functools
import re
from typing import Final

import attrs

from townkpi.extract.lexicon import alternation, lexicon
from townkpi.model import Modality, Period

__all__ = ["Outline", "Section", "five_year_plan", "outline"]

#: A top-level heading line, with the line break before it: searched in "\n" + text, so that the
#: engine skips ahead to line breaks (a pattern that starts with ``^`` tries every position);
#: a match then starts where its line starts in the text.
_HEADING: Final = re.compile(
    r"\n[ \t\u3000]*(?P<num>[一二三四五六七八九十]{1,3})、(?P<title>[^\n]{1,80})$", re.MULTILINE
)
_YEAR: Final = re.compile(r"(?<![0-9０-９])([12][0-9]{3})年")
_TITLE_LINES: Final = 6
_FIVE_YEAR_PLANS: Final = {"十三五": 2016, "十四五": 2021, "十五五": 2026, "十六五": 2031}
_PLAN_LENGTH: Final = 5


def five_year_plan(name: str) -> Period | None:
    """The years of a five-year plan by its name (十四五 → 2021-01/2025-12), if known."""
    return _PLAN_PERIODS.get(name)


#: The periods of the known plans, built once (a period is immutable).
_PLAN_PERIODS: Final = {
    name: Period(start_year=first, start_month=1, end_year=first + _PLAN_LENGTH - 1, end_month=12)
    for name, first in _FIVE_YEAR_PLANS.items()
}


@attrs.frozen(slots=True, kw_only=True)
class Section:
    """A top-level section of a report (or the opening before the first heading).

    Attributes:
        start: Offset where it starts (its heading line included).
        heading: The heading line, or "" for the opening.
        plan: Whether it plans ahead (its facts are targets).
        period: The period of its facts when the text names none.
        modality: The modality of its facts when the text says nothing else.
    """

    start: int
    heading: str
    plan: bool
    period: Period | None
    modality: Modality


@attrs.frozen(slots=True, kw_only=True)
class Outline:
    """Title, years and sections of a report.

    Attributes:
        title: The title line (the line that names the report), when found.
        year: The year the report reviews, when known.
        plan_year: The year the report plans for, when known.
        sections: The sections, in order; the first starts at offset 0.
    """

    title: str | None
    year: int | None
    plan_year: int | None
    sections: tuple[Section, ...]
    _starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s.start for s in self.sections))

    def at(self, offset: int) -> Section:
        """The section that holds ``offset``."""
        return self.sections[max(0, bisect.bisect_right(self._starts, offset) - 1)]

    def reach(self, offset: int) -> tuple[Section, int]:
        """The section that holds ``offset``, and where the next one starts (-1: none)."""
        starts = self._starts
        i = bisect.bisect_right(starts, offset)
        return self.sections[max(0, i - 1)], (starts[i] if i < len(starts) else -1)


@attrs.frozen(slots=True, kw_only=True)
class _Words:
    summary: re.Pattern[str]
    plan: re.Pattern[str]
    title: re.Pattern[str]


@functools.cache
def _words() -> _Words:
    lex = lexicon()
    return _Words(
        summary=re.compile(alternation(lex.words("sections", "summary"))),
        plan=re.compile(alternation(lex.words("sections", "plan")) + "|十五五"),
        title=re.compile(r"工作报告|工作总结|工作安排|工作思路|工作回顾|工作计划"),
    )


def _report_year(text: str, head: list[str], headings: list[str]) -> int | None:
    reviewed = re.compile(r"([12][0-9]{3})年[^\n，。]{0,16}?(?:总结|回顾|成就)")
    for line in head + headings:
        m = reviewed.search(line)
        if m is not None:
            return int(m.group(1))
    for line in head:
        m = re.search(r"([12][0-9]{3})年[^\n]{0,16}政府工作报告", line)
        if m is not None:
            return int(m.group(1)) - 1
    years = collections.Counter(int(y) for y in _YEAR.findall(text[:20000]))
    if years:
        return years.most_common(1)[0][0]
    return None


def _plan_year(head: list[str], plan_headings: list[str], year: int | None) -> int | None:
    for line in plan_headings:
        m = _YEAR.search(line)
        if m is not None:
            return int(m.group(1))
    for line in head:
        m = re.search(r"([12][0-9]{3})年[^\n]{0,6}(?:工作安排|工作思路|工作计划|工作打算)", line)
        if m is not None:
            return int(m.group(1))
    return None if year is None else year + 1


def outline(text: str, year: int | None = None, plan_year: int | None = None) -> Outline:
    """Read the title, the years and the sections of a report.

    Args:
        text: The decoded text.
        year: The year the report reviews, when the caller knows it (overrides the text).
        plan_year: The year the report plans for, when the caller knows it.

    Returns:
        The [`Outline`][townkpi.extract.sections.Outline].
    """
    w = _words()
    head = [line.strip() for line in text.split("\n", _TITLE_LINES)[:_TITLE_LINES]]
    title = next((line for line in head if w.title.search(line)), None)
    if title is None:
        title = next((line for line in head if line), None)
    found = list(_HEADING.finditer("\n" + text))
    headings = [m.group().strip() for m in found]
    plan_flags: list[bool] = []
    in_plan = False
    for h in headings:
        is_summary = w.summary.search(h) is not None
        is_plan = w.plan.search(h) is not None and not is_summary
        if is_summary:
            in_plan = False
        elif is_plan:
            in_plan = True
        plan_flags.append(in_plan)
    if year is None:
        year = _report_year(text, head, headings)
    if plan_year is None:
        plan_year = _plan_year(
            head, [h for h, p in zip(headings, plan_flags, strict=True) if p], year
        )
    sections = [_section(0, "", plan=False, year=year, plan_year=plan_year)]
    for m, h, p in zip(found, headings, plan_flags, strict=True):
        sections.append(_section(m.start(), h, plan=p, year=year, plan_year=plan_year))
    return Outline(title=title, year=year, plan_year=plan_year, sections=tuple(sections))


def _section(
    start: int, heading: str, *, plan: bool, year: int | None, plan_year: int | None
) -> Section:
    period: Period | None
    if plan:
        five = next((five_year_plan(k) for k in _FIVE_YEAR_PLANS if k in heading), None)
        explicit = _YEAR.search(heading)
        if five is not None and explicit is None:
            period = five
        else:
            period = None if plan_year is None else Period.year(plan_year)
        return Section(start=start, heading=heading, plan=True, period=period,
                       modality=Modality.TARGET)  # fmt: skip
    period = None if year is None else Period.year(year)
    return Section(start=start, heading=heading, plan=False, period=period,
                   modality=Modality.ACTUAL)  # fmt: skip
