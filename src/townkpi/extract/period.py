r"""The period and modality of each fact: what time it covers, and whether it is actual.

Words in a sentence govern the facts after them, up to the end of the sentence (。！？ or a line
break), until another word of the same sort:

- **period words**: ``1-9月`` (months of the year in context), ``2023年``, ``第二季度``,
  ``前三季度``, ``上半年``, ``全年``, ``今年``, ``上年度``/``去年`` (the year before),
  ``这五年`` and ``“十四五”时期`` (the five years of a plan), ``今后五年``;
- **modality words**: ``预计`` (an estimate), ``力争``/``确保``/``争取``/``目标是`` (a target), and
  past words (``上年度``, ``去年``, a year before the plan year) which make a fact in the plan
  section actual again;
- **sentence qualifiers** (力争, 确保, 争取, 预计) are recorded on every fact they govern.

A year written as a comparison base (比2020年增长) governs nothing. Facts that no word governs take
their section's default: the review year and ``actual``, or the plan year and ``target``.

Example:
    >>> from townkpi.extract.sections import outline
    >>> text = "2023年工作总结\n1-9月，实现产值131.5亿元；预计全年完成16.5亿元。"
    >>> words = markers(text, outline(text))
    >>> for m in words:
    ...     print(m.surface, m.period, m.modality)
    2023年 2023 None
    1-9月 2023-01/2023-09 None
    预计 None estimate
    全年 2023 None
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Final

import attrs

from townkpi.extract.lexicon import alternation, grouped_alternation, lexicon
from townkpi.extract.sections import Outline, Section, five_year_plan
from townkpi.model import Modality, Period

__all__ = ["Marker", "Timeline", "Timing", "markers"]

_CN_MONTHS: Final = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MONTHS_IN_YEAR: Final = 12
_HALVES: Final = {"前三季度": (1, 9), "上半年": (1, 6), "下半年": (7, 12)}
_COMPARABLE: Final = frozenset({"yearb", "past", "plan"})


@attrs.frozen(slots=True, kw_only=True)
class Marker:
    """A word that governs the period or modality of the facts after it in its sentence.

    Attributes:
        start: Where it starts.
        end: Where it ends.
        surface: Its text.
        period: The period it names, or None.
        modality: ``"estimate"``, ``"target"`` or ``"actual"`` (a past word), or None.
        qualifier: The word to record on the facts it governs (力争 …), or None.
    """

    start: int
    end: int
    surface: str
    period: Period | None = None
    modality: str | None = None
    qualifier: str | None = None


@attrs.frozen(slots=True, kw_only=True)
class Timing:
    """The period, modality and sentence qualifiers of one fact.

    Attributes:
        period: The period it covers, or None if unknown.
        modality: Actual, estimate or target.
        qualifiers: Sentence-level qualifier words that govern it, in text order.
    """

    period: Period | None
    modality: Modality
    qualifiers: tuple[str, ...] = ()


@attrs.frozen(slots=True, kw_only=True)
class _Patterns:
    digits: re.Pattern[str]
    words: re.Pattern[str]
    kinds: dict[str, str]
    runs: re.Pattern[str]
    comparison: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    """Markers that start with a digit, and markers written in words (kind by word)."""
    lex = lexicon()
    d = "[0-9０-９]"
    sep = "[-－—–~～至到]"
    digits = re.compile(
        rf"(?P<yearb>(?P<y>{d}{{4}})年度?(?:(?P<ym1>{d}{{1,2}})(?:{sep}(?P<ym2>{d}{{1,2}}))?月)?"
        rf"(?P<since>以来|前|后|底|末)?)"
        rf"|(?P<months>(?P<m1>{d}{{1,2}}){sep}(?P<m2>{d}{{1,2}})月)"
        rf"|(?P<upto>(?P<upto_month>{d}{{1,2}})月底?)"
    )
    kinds: dict[str, str] = {}
    for kind, words in (
        ("named", ("前三季度", "上半年", "下半年", "全年", "今年", "明年", "本年度", "本年")),
        ("q", tuple(f"{first}{n}季度" for n in "一二三四" for first in ("第", ""))),
        ("past", ("上年度", "去年", "上一年度", "上一年", "上年")),
        ("fiveyears", ("这五年", "过去五年", "五年来")),
        ("nextfive", ("今后五年", "未来五年")),
        ("plan", tuple(
            f"{o}十{n}五{c}{w}"
            for n in "三四五六"
            for o, c in (("“", "”"), ("", ""))
            for w in ("时期", "期间", "规划期")
        )),
        ("estimate", lex.words("modality", "estimate")),
        ("target", lex.words("modality", "target")),
    ):  # fmt: skip
        kinds.update(dict.fromkeys(words, kind))
    return _Patterns(
        digits=digits,
        # One alternation of literal words, grouped by first character: the engine skips
        # ahead to their first characters (named groups around the alternatives would make it
        # try every branch) and tries one group there.
        words=re.compile(grouped_alternation(kinds)),
        kinds=kinds,
        # Runs of digits that may start a marker: only one followed by 年, 月 or a range sign
        # can (a year is 4 digits and 年, months 1-2 digits and 月 or a range sign). The first
        # digit comes first so that the engine skips ahead to digits; the lookbehind then keeps
        # only the start of a run, and the possessive ``*+`` never gives digits back.
        runs=re.compile(rf"[0-9０-９](?<![0-9０-９]{{2}})[0-9０-９]*+(?=[年月]|{sep})"),
        comparison=re.compile(rf"(?:{alternation(lex.words('period', 'comparison_before'))})$"),
    )


_ASCII_DIGITS: Final = str.maketrans("０１２３４５６７８９", "0123456789")


def _ints(text: str) -> int:
    return int(text.translate(_ASCII_DIGITS))


@attrs.frozen(slots=True, kw_only=True)
class _Context:
    """What a marker is read against: the outline and the year of the marker's section."""

    text: str
    outline: Outline
    plan: bool
    year: int | None


#: What a marker gives: (period, modality, qualifier); None when it gives nothing.
_Reading = tuple[Period | None, str | None, str | None] | None


#: The years a [`Period`][townkpi.model.Period] can have.
_FIRST_YEAR: Final = 1000
_LAST_YEAR: Final = 9999


def _year_words(m: re.Match[str], ctx: _Context) -> _Reading:
    if m.group("since"):
        return None  # 2020年以来, 2025年底: not the period of what follows
    y = _ints(m.group("y"))
    if not _FIRST_YEAR <= y <= _LAST_YEAR:
        return None  # 0000年 is no year a period can have
    if m.group("ym1"):
        first = _ints(m.group("ym1"))
        period = _months(y, first, _ints(m.group("ym2")) if m.group("ym2") else first)
    else:
        period = Period.year(y)
    plan_year = ctx.outline.plan_year
    past = ctx.plan and plan_year is not None and y < plan_year
    return period, ("actual" if past else None), None


def _month_range(m: re.Match[str], ctx: _Context) -> _Reading:
    if ctx.year is None:
        return None
    return _months(ctx.year, _ints(m.group("m1")), _ints(m.group("m2"))), None, None


def _up_to(m: re.Match[str], ctx: _Context) -> _Reading:
    if ctx.year is None or not ctx.text.endswith("截至", 0, m.start()):
        return None  # 9月 alone is a date; 截至9月底 is the months up to September
    return _months(ctx.year, 1, _ints(m.group("upto_month"))), None, None


def _named(m: re.Match[str], ctx: _Context) -> _Reading:
    if ctx.year is None:
        return None
    return _named_period(m.group(), ctx.year, ctx.outline), None, None


def _quarter(m: re.Match[str], ctx: _Context) -> _Reading:
    q = _CN_MONTHS.get(m.group()[-3])
    if ctx.year is None or q is None:
        return None
    return Period.quarter(ctx.year, q), None, None


def _past(_m: re.Match[str], ctx: _Context) -> _Reading:
    return None if ctx.year is None else (Period.year(ctx.year - 1), "actual", None)


def _five_years(m: re.Match[str], ctx: _Context) -> _Reading:
    year = ctx.outline.year
    if year is None:
        return None
    ahead = "五年" in m.group() and m.group()[:2] in ("今后", "未来")
    first = year + 1 if ahead else year - 4
    return _five_years_from(first), ("target" if ahead else "actual"), None


@functools.lru_cache(maxsize=256)
def _five_years_from(first: int) -> Period:
    """Five calendar years from ``first``; built once per year (a period is immutable)."""
    return Period(start_year=first, start_month=1, end_year=first + 4, end_month=12)


def _plan(m: re.Match[str], _ctx: _Context) -> _Reading:
    return five_year_plan(m.group().strip("“”")[:3]), None, None


def _estimate(m: re.Match[str], _ctx: _Context) -> _Reading:
    return None, "estimate", m.group()


def _target(m: re.Match[str], _ctx: _Context) -> _Reading:
    word = m.group()
    return None, "target", (word if word in lexicon().words("qualifier", "sentence") else None)


_READERS: Final[dict[str, Callable[[re.Match[str], _Context], _Reading]]] = {
    "yearb": _year_words,
    "months": _month_range,
    "upto": _up_to,
    "named": _named,
    "q": _quarter,
    "past": _past,
    "fiveyears": _five_years,
    "nextfive": _five_years,
    "plan": _plan,
    "estimate": _estimate,
    "target": _target,
}


def markers(text: str, outline: Outline) -> Timeline:
    """Every period and modality word of ``text``, in order, as a timeline.

    Words that need a year (1-9月, 全年, 今年 …) take the section's year: the review year in the
    review, the plan year in the plan. A year or 上年 written as a comparison base (比上年,
    较2020年) is no marker.
    """
    p = _patterns()
    found: list[tuple[int, str, re.Match[str]]] = []
    reached = 0
    digits = p.digits.match
    for r in p.runs.finditer(text):
        start = r.start()
        if start >= reached and (m := digits(text, start)) is not None:
            found.append((start, m.lastgroup or "", m))
            reached = m.end()
    kinds = p.kinds
    found += [(m.start(), kinds[m.group()], m) for m in p.words.finditer(text)]
    found.sort(key=_first)
    out: list[Marker] = []
    comparison = p.comparison.search
    ctx = _Context(text=text, outline=outline, plan=False, year=None)
    section_start = section_end = 0  # where the section of ``ctx`` starts and ends
    for start, name, m in found:
        if name in _COMPARABLE and comparison(text, max(0, start - 3), start):
            continue  # 比上年, 较2020年: a comparison base
        if not section_start <= start < section_end:  # one context per section
            section, section_end = outline.reach(start)
            section_start = section.start
            section_end = sys.maxsize if section_end < 0 else section_end
            year = outline.plan_year if section.plan else outline.year
            ctx = _Context(text=text, outline=outline, plan=section.plan, year=year)
        reading = _READERS[name](m, ctx)
        if reading is None or (reading[0] is None and reading[1] is None):
            continue
        period, modality, qualifier = reading
        out.append(Marker(start=start, end=m.end(), surface=m.group(), period=period,
                          modality=modality, qualifier=qualifier))  # fmt: skip
    return Timeline(outline=outline, markers=tuple(out))


def _first(item: tuple[int, str, re.Match[str]]) -> int:
    return item[0]


def _months(year: int, first: int, last: int) -> Period | None:
    if not (1 <= first <= last <= _MONTHS_IN_YEAR):
        return None
    return Period.months(year, first, last)


def _named_period(word: str, year: int, outline: Outline) -> Period | None:
    if word in _HALVES:
        first, last = _HALVES[word]
        return Period.months(year, first, last)
    if word == "明年" and outline.plan_year is not None:
        return Period.year(outline.plan_year)
    return Period.year(year)  # 全年, 今年, 本年


@attrs.frozen(slots=True, kw_only=True)
class Timeline:
    """The period and modality words of a text, and the outline they are read against.

    Attributes:
        outline: The report's outline.
        markers: Every marker, in order.
    """

    outline: Outline
    markers: tuple[Marker, ...]
    _starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(w.start for w in self.markers))

    def __iter__(self) -> Iterator[Marker]:
        return iter(self.markers)

    def timing(self, offset: int, sentence_start: int) -> Timing:
        """The period, modality and sentence qualifiers of a fact at ``offset``.

        Args:
            offset: Where the fact starts.
            sentence_start: Where its sentence starts; words before it govern nothing here.
        """
        outline = self.outline
        section = outline.at(offset)
        period = section.period
        modality = section.modality
        qualifiers: list[str] = []
        hi = bisect.bisect_left(self._starts, offset)
        lo = bisect.bisect_left(self._starts, sentence_start)
        explicit_period = False
        for w in self.markers[lo:hi]:
            if w.end > offset:
                continue
            if w.period is not None:
                period = w.period
                explicit_period = True
            if w.modality is not None:
                modality = Modality(w.modality)
            if w.qualifier is not None:
                qualifiers.append(w.qualifier)
        return self._timing(
            section, period, modality, tuple(qualifiers), explicit_period=explicit_period
        )

    def timings(self, facts: Iterable[tuple[int, int]]) -> Iterator[Timing]:
        """The timing of each fact, for ``(offset, sentence_start)`` pairs in text order.

        Equal to [`timing`][townkpi.extract.period.Timeline.timing] of each pair, in one walk:
        the markers of a sentence are applied once, as the facts pass them, and facts with no
        new marker before them share one [`Timing`][townkpi.extract.period.Timing].
        """
        markers, starts = self.markers, self._starts
        count = len(markers)
        sentence = last = -1  # the sentence the state is for (-1: none), the last offset
        section, section_start, next_section = self.outline.sections[0], 0, -1
        plain: Timing | None = None  # the section's timing where no marker governs
        period, modality = section.period, section.modality
        explicit_period = False
        qualifiers: list[str] = []
        j = 0  # the next marker of the sentence not applied yet
        timing: Timing | None = None
        for offset, sentence_start in facts:
            if sentence_start != sentence or offset < last:
                if not section_start <= offset < next_section:
                    section, next_section = self.outline.reach(offset)
                    section_start = section.start
                    next_section = sys.maxsize if next_section < 0 else next_section
                    plain = None
                # The markers passed so far start before a later sentence: search after them.
                j = bisect.bisect_left(starts, sentence_start, j if sentence_start > last else 0)
                sentence = sentence_start
                period, modality = section.period, section.modality
                explicit_period = False
                qualifiers = []
                if plain is None:
                    plain = self._timing(section, period, modality, (), explicit_period=False)
                timing = plain
            last = offset
            while j < count and starts[j] < offset:
                w = markers[j]
                if w.end > offset:  # a word around the figure: rare, read it the long way
                    break
                if w.period is not None:
                    period = w.period
                    explicit_period = True
                if w.modality is not None:
                    modality = Modality(w.modality)
                if w.qualifier is not None:
                    qualifiers.append(w.qualifier)
                j += 1
                timing = None
            else:
                if timing is None:
                    timing = self._timing(
                        section,
                        period,
                        modality,
                        tuple(qualifiers),
                        explicit_period=explicit_period,
                    )
                yield timing
                continue
            sentence = -1
            yield self.timing(offset, sentence_start)

    def _timing(
        self,
        section: Section,
        period: Period | None,
        modality: Modality,
        qualifiers: tuple[str, ...],
        *,
        explicit_period: bool,
    ) -> Timing:
        plan_year = self.outline.plan_year
        if (
            modality is Modality.TARGET
            and not section.plan
            and not explicit_period
            and plan_year is not None
        ):
            period = Period.year(plan_year)
        return Timing(period=period, modality=modality, qualifiers=qualifiers)
