"""The indicator and subject of a quantity: what it measures, and who or what it is about.

The indicator is read from the words of the phrase before the number, from the end of the
previous number: generic verbs and fillers are stripped (实现, 完成, 累计, 新增, 同比, 达到 …), so
``全镇实现地区生产总值131.5亿元`` gives 地区生产总值 and ``完成拆迁169户`` gives 拆迁. For a change,
the change verb goes too (``同比增长5.4%`` leaves nothing: the change takes the indicator of the
amount it refers to). When the words before the number end with a verb that takes the measured
thing as its object (推进8686亩高标准农田改造提升项目, 对756户危房), the indicator is read after the
number instead.

The subject is what stands before a generic verb (宁慈线完成拆迁 → 宁慈线) or a leading 全镇/全市,
or the names listed before 等 (望通、卡帝亚等5家企业).

Example:
    >>> text = "宁慈线完成拆迁169户"
    >>> d = describe(text, before_start=0, start=7, end=11, phrase_end=11, kind=FactKind.AMOUNT)
    >>> d.indicator, d.subject
    ('拆迁', '宁慈线')
"""

from __future__ import annotations

import functools
import re
from typing import Final

import attrs

from townkpi.extract.kinds import strip_change
from townkpi.extract.lexicon import Ending, alternation, lexicon
from townkpi.model import FactKind

__all__ = ["Description", "describe", "describe_words"]

_NOISE: Final = re.compile(r"[“”‘’\"《》「」『』\s]")
_LIST_JOINS: Final = ("和", "及", "与", "、", "以及")
#: A year or time word at the start of the words of a figure: 2025年全省地区生产总值.
_TIME_HEAD_WORDS: Final = (
    r"(?:到|至)?[0-9０-９]{4}年(?:度|底|末)?|今年|去年|上年|全年|当年"
    r"|十[三四五六]五(?:时期|期间|期末|末)?"
)
#: The characters a word of ``_TIME_HEAD_WORDS`` may start with.
_TIME_HEAD_FIRST: Final = frozenset("到至今去上全当十0123456789０１２３４５６７８９")
#: A comparison base or a duration at their end: 专利数比2020年|增长, 资产总额五年|增长.
_TIME_TAIL: Final = re.compile(
    r"(?:(?:比|较|与)(?:[0-9０-９]{4}年|上年|去年)(?:同期|末|底)?"
    r"|(?:近|连续|过去)?[0-9０-９零一二两三四五六七八九十]+个?年来?|年均|累计)+$"
)
_TIME_TAIL_LAST: Final = frozenset("年来期末底均计")
_MIN_SUBJECT: Final = 2
_MAX_SUBJECT: Final = 16
_MAX_INDICATOR: Final = 24
_MAX_AFTER: Final = 20


@attrs.frozen(slots=True, kw_only=True)
class Description:
    """What a quantity measures and what it is about.

    Attributes:
        indicator: The thing measured, or None when the words give nothing.
        subject: Who or what it is about, or None.
        qualifiers: Clause qualifiers found before it (累计, 新增 …), in text order.
    """

    indicator: str | None
    subject: str | None
    qualifiers: tuple[str, ...] = ()


@attrs.frozen(slots=True, kw_only=True)
class _Words:
    prefix: re.Pattern[str]
    #: The characters a match of ``prefix`` may start with (a set lookup rules most words out).
    prefix_first: frozenset[str]
    suffix: Ending
    subject_prefix: re.Pattern[str]
    subject_prefix_first: frozenset[str]
    subject_verb: re.Pattern[str]
    object_verb_end: Ending
    place_end: Ending
    object_verb_start: re.Pattern[str]
    after_stop: re.Pattern[str]
    light_verbs: re.Pattern[str]
    clause_qualifier: re.Pattern[str]


@functools.cache
def _words() -> _Words:
    lex = lexicon()
    subject_prefixes = lex.words("indicator", "subject_prefixes")
    return _Words(
        prefix=re.compile(
            rf"(?:{alternation(lex.words('indicator', 'strip_prefix'))}|{_TIME_HEAD_WORDS})+"
        ),
        prefix_first=_TIME_HEAD_FIRST | {w[:1] for w in lex.words("indicator", "strip_prefix")},
        suffix=Ending.of(lex.words("indicator", "strip_suffix"), repeated=True),
        subject_prefix=re.compile(rf"^(?:{alternation(subject_prefixes)})"),
        subject_prefix_first=frozenset(w[:1] for w in subject_prefixes),
        subject_verb=re.compile(alternation(lex.words("indicator", "subject_verbs"))),
        object_verb_end=Ending.of(lex.words("indicator", "object_verbs")),
        place_end=Ending.of(lex.words("indicator", "place_ends")),
        object_verb_start=re.compile(alternation(lex.words("indicator", "object_verbs"))),
        after_stop=re.compile(
            rf"(?:{alternation(lex.words('indicator', 'after_stops'))})"
            r"|[和及与或]?[0-9０-９零〇一二两三四五六七八九十]|[，。；：！？,;:!?（）()\n]"
        ),
        light_verbs=re.compile(alternation(lex.words("indicator", "light_verbs"))),
        clause_qualifier=re.compile(alternation(lex.words("qualifier", "clause"))),
    )


def _before_verb(clean: str, at: int, w: _Words) -> tuple[str | None, str]:
    """Split a subject off before the generic verb at ``at``: 宁慈线|完成…."""
    if _MIN_SUBJECT <= at <= _MAX_SUBJECT:
        head = _strip(clean[:at], w)
        if head and _strip(clean[at:], w):  # 社会消费品零售总额实现|: no subject
            return head, clean[at:]
    return None, clean


def _rate(clean: str, w: _Words) -> str:
    """A rate's indicator: its words ending in 率 without a leading prefix (unless that is all)."""
    head = w.prefix.match(clean)
    if head is not None and head.end() < len(clean):
        return clean[head.end() :]
    return clean


def _strip(text: str, w: _Words) -> str:
    while True:
        if text[:1] in w.prefix_first:
            head = w.prefix.match(text)
            if head is not None:
                text = text[head.end() :]
        text = w.suffix.strip(text)
        if not text or text[-1] not in _TIME_TAIL_LAST:
            return text
        cut = _TIME_TAIL.sub("", text)
        if cut == text:
            return text
        # Only a cut time tail can bare more words to strip: what is left after the first
        # pass neither starts with a prefix (it would have been taken) nor ends with a suffix.
        text = cut


def describe(
    text: str,
    *,
    before_start: int,
    start: int,
    end: int,
    phrase_end: int,
    kind: FactKind,
) -> Description:
    """Read the indicator and subject of the quantity at ``start``..``end``.

    Args:
        text: The report text.
        before_start: Where the words that belong to this quantity start (its phrase start, or
            the end of the previous number in the phrase).
        start: Where the quantity starts.
        end: Where it ends.
        phrase_end: Where its phrase ends.
        kind: Its kind.

    Returns:
        The [`Description`][townkpi.extract.indicator.Description].
    """
    indicator, subject, qualifiers = describe_words(
        text, text[before_start:start], end=end, phrase_end=phrase_end, kind=kind
    )
    return Description(indicator=indicator, subject=subject, qualifiers=qualifiers)


def describe_words(
    text: str, raw: str, *, end: int, phrase_end: int, kind: FactKind
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """[`describe`][townkpi.extract.indicator.describe] as a plain tuple, for the extractor's loop.

    Args:
        text: The report text.
        raw: The words before the quantity (``text[before_start:start]``).
        end: Where the quantity ends.
        phrase_end: Where its phrase ends.
        kind: Its kind.

    Returns:
        The indicator, the subject and the clause qualifiers, as in a
        [`Description`][townkpi.extract.indicator.Description] (no object per figure).
    """
    w = _words()
    if not raw:  # nothing before the figure: only an amount's indicator, read after it
        after = _after(text, end, phrase_end, w) if kind is FactKind.AMOUNT else ""
        return after or None, None, ()
    qualifiers = tuple(w.clause_qualifier.findall(raw))
    # No noise character is a letter or digit: words made only of those have none to remove.
    clean = raw if raw.isalnum() else _NOISE.sub("", raw)
    if "各类" in clean:
        clean = clean.replace("各类", "")
    if kind is FactKind.CHANGE:
        clean = strip_change(clean)
    # A leading subject split off: 全镇|实现…, 宁慈线|完成….
    subject = None
    head = w.subject_prefix.match(clean) if clean[:1] in w.subject_prefix_first else None
    if head is not None:
        subject, clean = head.group(), clean[head.end() :]
    elif (verb := w.subject_verb.search(clean)) is not None:
        subject, clean = _before_verb(clean, verb.start(), w)
    if kind is FactKind.RATE and clean.endswith("率"):
        indicator = _rate(clean, w)
    else:
        indicator = _strip(clean, w)
    if kind is FactKind.AMOUNT:  # only an amount may have its indicator after it
        object_verb = w.object_verb_end.length(clean) > 0
        placed = subject is None and w.place_end.length(clean) > 0
        listed = subject is None and not object_verb and "、" in clean
        if (
            not indicator
            or listed  # 荆州、孝感、黄冈|3个|过三千亿元城市: names, then what they are
            or placed  # 上横街村|2个|旱改水耕地质量提升项目: a place, then what it has
            or object_verb
            or clean.endswith(_LIST_JOINS)  # 756户危房和|74幢城镇住房: the next item's follows
        ):
            after = _after(text, end, phrase_end, w)
            if after and (not indicator or not w.object_verb_start.match(after)):
                if subject is None and (clean.endswith("等") or listed or placed):
                    subject = _strip(clean.removesuffix("等"), w) or None
                indicator = after
    if indicator and len(indicator) > _MAX_INDICATOR:
        indicator = indicator[-_MAX_INDICATOR:]
    return indicator or None, subject, qualifiers


def _after(text: str, end: int, phrase_end: int, w: _Words) -> str:
    """What is measured, written right after a number (74幢|城镇住房(进行)安全动态监测|。)."""
    stop = min(phrase_end, end + _MAX_AFTER)
    if end >= stop:
        return ""
    first = text[end]
    if not ("\u4e00" <= first <= "\u9fff") and _NOISE.match(first) is None:
        return ""  # the first character stays first without noise, and is no ideograph
    tail = text[end:stop]
    if not tail.isalnum():
        tail = _NOISE.sub("", tail)
    if not tail or not ("\u4e00" <= tail[0] <= "\u9fff"):
        return ""
    cut = w.after_stop.search(tail)
    if cut is not None:
        tail = tail[: cut.start()]
    return _strip(w.light_verbs.sub("", tail), w)
