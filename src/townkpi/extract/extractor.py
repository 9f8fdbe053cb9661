"""From report text to a [`Report`][townkpi.model.Report]: the extraction pipeline.

1. [`segment`][townkpi.extract.segment.segment] the text into sentences, parts, phrases, clauses;
2. [`scan`][townkpi.extract.mentions.scan] every number: quantities and skipped mentions;
3. read each quantity's [kind][townkpi.extract.kinds.classify] and
   [indicator and subject][townkpi.extract.indicator.describe] from the words before it;
4. spread 分别 lists and [link][townkpi.extract.link.referents] changes, shares and rates to the
   amounts they qualify;
5. give each fact its [period and modality][townkpi.extract.period.markers] from the report's
   [outline][townkpi.extract.sections.outline] and the words of its sentence;
6. build the facts (ids ``f1``, ``f2`` … in text order) with exact values.

Everything is one pass over the text per step, with regular expressions compiled once.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Final

import attrs

from townkpi.document import Document
from townkpi.errors import TownkpiError
from townkpi.extract.draft import Drafts
from townkpi.extract.indicator import describe_words
from townkpi.extract.kinds import classify
from townkpi.extract.lexicon import alternation
from townkpi.extract.link import Distribution, distribute, referents
from townkpi.extract.mention import Scan, SkipItem
from townkpi.extract.mentions import scan
from townkpi.extract.period import Timeline, markers
from townkpi.extract.sections import outline
from townkpi.extract.segment import Segmentation, segment
from townkpi.interval import DEFAULT_APPROX_TOLERANCE, Rounding
from townkpi.lexicon import Phrase
from townkpi.model import (
    Fact,
    FactKind,
    Report,
    SkippedMention,
    SkipReason,
    Value,
    trusted_fact,
    trusted_skips,
    trusted_span,
)
from townkpi.numbers import QUALIFIERS, Numeral

__all__ = ["ExtractOptions", "extract"]

_LIST_GLUE = frozenset({"", "、", "，", ",", "和", "及", "与", "或"})
_INHERITED = frozenset({FactKind.CHANGE, FactKind.SHARE, FactKind.RATE})
#: Skipped numbers that end the words of the next quantity (a label or name stays part of them).
_TIME_SKIPS = frozenset({SkipReason.DATE.value, SkipReason.PERIOD.value, SkipReason.ORDINAL.value})
_OTHER: Final = SkipReason.OTHER.value
_ITEM_START: Final = operator.itemgetter(0)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _phrases(items: Iterable[Phrase]) -> tuple[Phrase, ...]:
    return tuple(items)


@attrs.frozen(slots=True, kw_only=True)
class ExtractOptions:
    """How to read a report.

    Attributes:
        year: The year the report reviews (overrides what the text says).
        plan_year: The year its plan is for (default: from the plan heading, else ``year + 1``).
        rounding: The rounding convention assumed for written values.
        tolerance: The relative half-width of the band for 约/左右/近.
        units: Unit symbols to read after a number beyond those of ``units.txt``: a plugin's
            (``townkpi_add_units``, already defined in the registry;
            [`unit_symbols`][townkpi.extract.scanner.unit_symbols] reads them from its lines).
        phrases: Phrases that name an indicator or a kind (``townkpi_register_patterns``): a
            figure whose words end with one takes its kind (when the unit fits) and, unless it
            refers to an amount, its indicator.
    """

    year: int | None = None
    plan_year: int | None = None
    rounding: Rounding = attrs.field(
        default=Rounding.HALF_UP, validator=attrs.validators.instance_of(Rounding)
    )
    tolerance: Fraction = attrs.field(
        default=DEFAULT_APPROX_TOLERANCE, validator=attrs.validators.instance_of(Fraction)
    )
    units: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    phrases: tuple[Phrase, ...] = attrs.field(default=(), converter=_phrases)


#: Values already built, by what determines them: reports repeat 5%, 100%, 1个 ….
_VALUES: dict[tuple[object, ...], Value] = {}
_MAX_CACHED_VALUES: Final = 16384
#: Each rounding by its plain string value, for the cache key (a dict lookup is cheaper than
#: the enum's ``value`` property).
_ROUNDING: Final = {r: r.value for r in Rounding}


def _value(
    numerals: tuple[Numeral, ...],
    unit: str | None,
    qualifiers: tuple[str, ...],
    *,
    negative: bool,
    options: ExtractOptions,
) -> Value:
    """The exact value of a mention (cached by the numbers' text, unit, qualifiers, options)."""
    tolerance = options.tolerance
    # Strings, ints and bools only (the rounding by its value): the garbage collector stops
    # tracking such a tuple, so the cache keys add nothing to its full collections.
    texts = (numerals[0].text,) if len(numerals) == 1 else tuple(n.text for n in numerals)
    key = (*texts, unit, qualifiers, negative, _ROUNDING[options.rounding],
           tolerance.numerator, tolerance.denominator)  # fmt: skip
    value = _VALUES.get(key)
    if value is None:
        if len(_VALUES) >= _MAX_CACHED_VALUES:
            _VALUES.clear()
        exact = True if unit is None and numerals[0].chinese else None
        value = Value.from_numerals(
            numerals, unit, qualifiers, negative=negative, exact=exact,
            rounding=options.rounding, tolerance=tolerance,
        )  # fmt: skip
        _VALUES[key] = value
    return value


def _readable(scanned: Scan, options: ExtractOptions) -> tuple[Scan, list[Value]]:
    """The scan with every mention whose value cannot be built moved to the skipped numbers.

    Also returns the value of each readable mention as written (not negated), in their order.

    The scanner may read a unit the registry does not know (5万%, 3亿万个: a scale before a unit
    that takes none, or two scales); such a figure becomes a skipped number (reason ``other``)
    instead of stopping the whole report, so that every number is still accounted for.
    """
    units, qualifiers = scanned.units, scanned.qualifiers
    positive: list[Value] = []
    bad: list[int] = []
    for i, numerals in enumerate(scanned.numerals):
        words = _interval_words(qualifiers[i])
        try:
            positive.append(_value(numerals, units[i], words, negative=False, options=options))
        except TownkpiError:
            bad.append(i)
    if not bad:
        return scanned, positive
    text, starts, ends = scanned.text, scanned.starts, scanned.ends
    skipped = [(starts[i], ends[i], text[starts[i] : ends[i]], _OTHER) for i in bad]
    dropped = set(bad)  # by index: a mention is dropped, never another that starts there too
    keep = [i for i in range(len(starts)) if i not in dropped]
    readable = Scan(
        text=text,
        starts=[starts[i] for i in keep],
        ends=[ends[i] for i in keep],
        numerals=[scanned.numerals[i] for i in keep],
        units=[units[i] for i in keep],
        qualifiers=[qualifiers[i] for i in keep],
        hints=[scanned.hints[i] for i in keep],
        skips=sorted((*scanned.skips, *skipped), key=_ITEM_START),
    )
    return readable, positive  # the values of the mentions kept, in their order


def _interval_words(qualifiers: tuple[str, ...]) -> tuple[str, ...]:
    """The qualifiers that bound a value (约, 以上 …)."""
    return tuple(q for q in qualifiers if q in QUALIFIERS) if qualifiers else ()


_PERCENT = frozenset({"%", "％", "‰"})
_PERCENT_KINDS = frozenset({FactKind.RATE, FactKind.SHARE, FactKind.CHANGE})
_LEVEL_KINDS = frozenset({FactKind.AMOUNT, FactKind.RATIO, FactKind.CHANGE})


@functools.lru_cache(maxsize=16)
def _phrase_finder(phrases: tuple[Phrase, ...]) -> tuple[re.Pattern[str], dict[str, Phrase]]:
    return re.compile(alternation(p.phrase for p in phrases)), {p.phrase: p for p in phrases}


def _phrase(before: str, phrases: tuple[Phrase, ...]) -> Phrase | None:
    """The last phrase of a plugin in the words before a figure, if any."""
    if not phrases:
        return None
    pattern, by_text = _phrase_finder(phrases)
    last = None
    for m in pattern.finditer(before):
        last = m
    return None if last is None else by_text[last.group()]


def _fits(kind: FactKind, unit: str | None) -> bool:
    return kind in (_PERCENT_KINDS if unit in _PERCENT else _LEVEL_KINDS)


def _drafts(
    text: str,
    seg: Segmentation,
    scanned: Scan,
    ends: list[int],
    phrases: tuple[Phrase, ...] = (),
) -> Drafts:
    """Read kind, indicator and subject of every quantity (``ends``: sorted ends of all numbers).

    A mention without a subject takes the subject of the one before it in the same part.
    """
    starts, figure_ends = scanned.starts, scanned.ends
    phrases_of, parts_of, sentences_of = seg.locate(starts)
    kinds: list[FactKind] = []
    negatives: list[bool] = []
    befores: list[str] = []
    indicators: list[str | None] = []
    subjects: list[str | None] = []
    qualifiers_of: list[tuple[str, ...]] = []
    named_of: list[str | None] = []
    bisect_right = bisect.bisect_right
    # What was read about the mention before, in plain locals.
    prev_phrase = prev_part = (-1, -1)
    prev_kind: FactKind | None = None
    prev_negative = False
    prev_indicator: str | None = None
    prev_subject: str | None = None
    for start, end, unit, hint, phrase, part in zip(
        starts, figure_ends, scanned.units, scanned.hints, phrases_of, parts_of, strict=True
    ):
        i = bisect_right(ends, start) - 1
        before = text[phrase[0] if i < 0 else max(phrase[0], ends[i]) : start]
        kind, negative = classify(before, unit, hint)
        named = _phrase(before, phrases) if phrases else None
        if named is not None and named.kind is not None and _fits(named.kind, unit):
            kind, negative = named.kind, negative and named.kind is FactKind.CHANGE
        same_phrase = prev_phrase == phrase
        if (
            same_phrase
            and prev_kind in _INHERITED
            and kind in (FactKind.RATE, FactKind.AMOUNT)
            and before.strip() in _LIST_GLUE
            and hint is None
        ):
            kind, negative = prev_kind, prev_negative  # 分别增长10.5%、25.3%
        indicator, subject, qualifiers = describe_words(
            text, before, end=end, phrase_end=phrase[1], kind=kind
        )
        if indicator is None and same_phrase and prev_kind is kind:
            # 提高48%、45.5%; 从4.16万亿元增加到5.67万亿元: the figure before names this one too
            indicator = prev_indicator
        if subject is None and prev_part == part and prev_subject:
            subject = prev_subject  # the subject of the figure before in its part
        kinds.append(kind)
        negatives.append(negative)
        befores.append(before)
        indicators.append(indicator)
        subjects.append(subject)
        qualifiers_of.append(qualifiers)
        named_of.append(None if named is None else (named.indicator or named.phrase))
        prev_phrase, prev_part, prev_kind, prev_negative = phrase, part, kind, negative
        prev_indicator, prev_subject = indicator, subject
    return Drafts(
        starts=starts,
        ends=figure_ends,
        kinds=kinds,
        negatives=negatives,
        befores=befores,
        indicators=indicators,
        subjects=subjects,
        qualifiers=qualifiers_of,
        named=named_of,
        phrases=phrases_of,
        parts=parts_of,
        sentences=sentences_of,
    )


def _line_columns(text: str, offsets: Sequence[int]) -> tuple[list[int], list[int]]:
    """The 1-based lines and columns of offsets in text order, as ``Document.line_column``.

    One walk: the line breaks between one offset and the next are counted (an offset before
    the one before it is counted from the start of the text).
    """
    lines: list[int] = []
    columns: list[int] = []
    line, line_start, last = 1, 0, 0
    for offset in offsets:
        if offset < last:
            line, line_start, last = 1, 0, 0
        breaks = text.count("\n", last, offset)
        if breaks:
            line += breaks
            line_start = text.rfind("\n", last, offset) + 1
        last = offset
        lines.append(line)
        columns.append(offset - line_start + 1)
    return lines, columns


_BLANKS: Final = frozenset(" \t\r\n\u3000")


def _strip_start(text: str, start: int, end: int) -> int:
    while start < end and text[start] in _BLANKS:
        start += 1
    return start


def _facts(
    doc: Document,
    drafts: Drafts,
    scanned: Scan,
    *,
    refs: list[int | None],
    distributed: Distribution,
    timeline: Timeline,
    positive: list[Value],
    options: ExtractOptions,
) -> list[Fact]:
    """The facts of the drafts (ids ``f1``, ``f2`` … in text order), with links and timing."""
    body = doc.text
    indicators = drafts.indicators
    if distributed.indicators:
        indicators = indicators.copy()
        for i, listed in distributed.indicators.items():
            indicators[i] = listed
    kinds, subjects = drafts.kinds, drafts.subjects
    starts, ends, numerals, units = scanned.starts, scanned.ends, scanned.numerals, scanned.units
    written = scanned.qualifiers
    named_of, negatives, sentences = drafts.named, drafts.negatives, drafts.sentences
    read_qualifiers = drafts.qualifiers
    facts: list[Fact] = []
    line_column = doc.line_column
    # A sentence's span is built for its first fact and shared by the next facts of the same
    # sentence: Segmentation.locate gives neighbouring figures the same tuple, so an identity
    # test finds them. (The span below is never read: the first fact starts a sentence.)
    last_sentence = (-1, -1)
    sentence = trusted_span(0, 0, 1, 1)
    ids = [f"f{i}" for i in range(1, len(starts) + 1)]
    # Facts come in text order: one walk over the markers and one over the lines for all.
    timings = timeline.timings(zip(starts, [s[0] for s in sentences], strict=True))
    lines, columns = _line_columns(body, starts)
    for i, timing in enumerate(timings):
        start, end, unit = starts[i], ends[i], units[i]
        ref = refs[i]
        if ref is not None:
            indicator = indicators[ref] or indicators[i]
            subject = subjects[ref] or subjects[i]
        else:
            indicator = indicators[i] if named_of[i] is None else named_of[i]
            subject = subjects[i]
        qualifiers = written[i]
        if negatives[i]:
            words = _interval_words(qualifiers)
            value = _value(numerals[i], unit, words, negative=True, options=options)
        else:
            value = positive[i]  # one draft per mention, in order
        if timing.qualifiers or read_qualifiers[i] or len(qualifiers) > 1:
            qualifiers = tuple(
                dict.fromkeys((*timing.qualifiers, *read_qualifiers[i], *qualifiers))
            )  # else nothing to merge
        if sentences[i] is not last_sentence:  # the facts of a sentence come one after another
            last_sentence = sentences[i]  # (and share its tuple)
            sentence_start, sentence_end = last_sentence
            if body[sentence_start] in _BLANKS:
                sentence_start = _strip_start(body, sentence_start, sentence_end)
            if sentence_start <= start and body.find("\n", sentence_start, start) < 0:
                where = lines[i], columns[i] - (start - sentence_start)  # on the fact's line
            else:
                where = line_column(sentence_start)
            sentence = trusted_span(sentence_start, max(sentence_start, sentence_end), *where)
        facts.append(  # the fields are computed here: built without re-validating them
            trusted_fact(
                id=ids[i],
                kind=kinds[i],
                value=value,
                surface=body[start:end],
                indicator=indicator,
                subject=subject,
                period=timing.period,
                modality=timing.modality,
                qualifiers=qualifiers,
                start=start,
                end=end,
                line=lines[i],
                column=columns[i],
                sentence=sentence,
                refers_to=None if ref is None else ids[ref],
            )
        )
    return facts


def _skipped(body: str, found: Sequence[SkipItem]) -> tuple[SkippedMention, ...]:
    """The skipped mentions of the numbers that are no measurements, with lines and columns."""
    lines, columns = _line_columns(body, [s[0] for s in found])
    return trusted_skips(found, lines, columns)


def extract(
    text: str | Document,
    *,
    source: str = "<text>",
    year: int | None = None,
    options: ExtractOptions | None = None,
) -> Report:
    r"""Read every number of a report into facts and skipped mentions.

    Args:
        text: The report's text, or a decoded [`Document`][townkpi.document.Document] (whose
            source and encoding are kept).
        source: The name of the source, for text given as a string.
        year: The year the report reviews, when the text does not say (overrides
            ``options.year``).
        options: How to read it; see [`ExtractOptions`][townkpi.extract.ExtractOptions].

    Returns:
        A [`Report`][townkpi.model.Report] whose facts (ids ``f1``, ``f2`` … in text order) and
        skipped mentions together hold every run of digits of the text.

    Example:
        >>> r = extract("2023年工作总结\n1-9月，全镇实现地区生产总值131.5亿元，同比增长5.4%。")
        >>> for f in r.facts:
        ...     print(f.id, f.kind.value, f.value, f.refers_to)
        f1 amount 131.5亿元 None
        f2 change 5.4% f1
        >>> r.facts[1].indicator, r.facts[1].subject
        ('地区生产总值', '全镇')
        >>> str(r.facts[0].period), [s.surface for s in r.skipped]
        ('2023-01/2023-09', ['2023年', '1-9月'])
    """
    options = options or ExtractOptions()
    doc = text if isinstance(text, Document) else Document(source=source, text=text)
    body = doc.text
    seg = segment(body)
    scanned, positive = _readable(scan(body, options.units), options)
    shape = outline(body, year if year is not None else options.year, options.plan_year)
    timeline = markers(body, shape)
    ends = sorted(scanned.ends + [s[1] for s in scanned.skips if s[3] in _TIME_SKIPS])
    drafts = _drafts(body, seg, scanned, ends, options.phrases)
    distributed = distribute(body, drafts)
    facts = _facts(
        doc,
        drafts,
        scanned,
        refs=referents(drafts, distributed),
        distributed=distributed,
        timeline=timeline,
        positive=positive,
        options=options,
    )
    skipped = _skipped(body, scanned.skips)
    return Report(
        source=doc.source,
        text=body,
        encoding=doc.encoding,
        facts=tuple(facts),
        skipped=skipped,
        year=shape.year,
        title=shape.title,
    )
