"""The domain model: spans, periods, values, facts, skipped mentions and reports.

Every class is a frozen, slotted, keyword-only attrs class with validators; change one with
`attrs.evolve`. The model knows nothing of text parsing or checks: facts built from report text and
facts built from a table are the same objects.

Example:
    >>> v = Value.parse("131.5亿元")
    >>> v.text, v.unit, str(v.interval)
    ('131.5', '亿元', '[131.45, 131.55)')
    >>> from townkpi.units import convert, format_quantity
    >>> format_quantity(convert(v.quantity, "万元"))
    '1315000万元'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from townkpi.errors import NumberFormatError
from townkpi.interval import DEFAULT_APPROX_TOLERANCE, Interval, Rounding, format_fraction
from townkpi.numbers import QUALIFIERS, Comparator, Numeral, parse_numeral, value_interval
from townkpi.units import Unit, conversion_factor, parse_unit, quantity

if TYPE_CHECKING:
    import pandas as pd
    import pint

    from townkpi.records import Record

__all__ = [
    "Fact",
    "FactKind",
    "Modality",
    "Period",
    "Report",
    "SkipReason",
    "SkippedMention",
    "Span",
    "Value",
]


class FactKind(enum.StrEnum):
    """What a fact measures.

    Attributes:
        AMOUNT: A level or count: 131.5亿元, 169户.
        CHANGE: A change over a comparison period: 同比增长5.4%, 下降8.7%, 提高2个百分点.
        SHARE: A part as a percentage of a whole: 占全市数字经济产值的15.56%.
        RATE: A completion, handling or coverage rate: 完成率98.8%, 办结率99.5%.
        RATIO: A ratio of two levels: 城乡居民收入倍差1.56.
        RANK: A position in a ranking: 第1名.
    """

    AMOUNT = "amount"
    CHANGE = "change"
    SHARE = "share"
    RATE = "rate"
    RATIO = "ratio"
    RANK = "rank"


class Modality(enum.StrEnum):
    """Whether a fact reports what happened, an estimate, or a target.

    Attributes:
        ACTUAL: What happened (实现, 完成).
        ESTIMATE: An estimate (预计全年).
        TARGET: A goal for a later period (力争, 确保, 争取).
    """

    ACTUAL = "actual"
    ESTIMATE = "estimate"
    TARGET = "target"


class SkipReason(enum.StrEnum):
    """Why a number in the text is not a measurement."""

    YEAR = "year"
    DATE = "date"
    PERIOD = "period"
    ORDINAL = "ordinal"
    LABEL = "label"
    NAME = "name"
    CODE = "code"
    DURATION = "duration"
    REFERENCE = "reference"
    OTHER = "other"


@attrs.frozen(slots=True, kw_only=True)
class Span:
    """A stretch of the decoded text.

    Attributes:
        start: Offset of the first character (0-based).
        end: Offset just past the last character (exclusive).
        line: Line of ``start``, 1-based.
        column: Column of ``start`` in characters, 1-based.
    """

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()
    line: int = attrs.field(default=1, validator=attrs.validators.ge(1))
    column: int = attrs.field(default=1, validator=attrs.validators.ge(1))

    @end.validator
    def _check_end(self, _attr: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"span end {value} is before its start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies within this span."""
        return self.start <= other.start and other.end <= self.end


_MONTHS: Final = 12
#: Periods already built by ``Period.months``, by class, year and months.
_PERIODS: dict[tuple[type, int, int, int], Period] = {}
_MAX_PERIODS: Final = 4096
_QUARTERS: Final = 4
_MONTHS_PER_QUARTER: Final = 3
_YEAR_RANGE: Final = attrs.validators.and_(attrs.validators.ge(1000), attrs.validators.le(9999))
_MONTH_RANGE: Final = attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(_MONTHS))

_PERIOD_RE: Final = re.compile(
    r"(?P<y1>\d{4})(?:-(?P<m1>\d{2}))?(?:/(?P<y2>\d{4})-(?P<m2>\d{2}))?|(?P<qy>\d{4})-Q(?P<q>[1-4])"
)


@attrs.frozen(slots=True, kw_only=True)
class Period:
    """A span of whole months: a year, a quarter, or months such as 1-9月.

    Attributes:
        start_year: Year of the first month.
        start_month: First month, 1-12.
        end_year: Year of the last month.
        end_month: Last month, 1-12 (inclusive).

    Example:
        >>> str(Period.months(2023, 1, 9)), str(Period.year(2024)), str(Period.quarter(2024, 2))
        ('2023-01/2023-09', '2024', '2024-Q2')
        >>> Period.parse("2023-01/2023-09") == Period.months(2023, 1, 9)
        True
    """

    start_year: int = attrs.field(validator=_YEAR_RANGE)
    start_month: int = attrs.field(validator=_MONTH_RANGE)
    end_year: int = attrs.field(validator=_YEAR_RANGE)
    end_month: int = attrs.field(validator=_MONTH_RANGE)

    def __attrs_post_init__(self) -> None:
        if (self.end_year, self.end_month) < (self.start_year, self.start_month):
            raise ValueError(
                f"period ends before it starts: {self.start_year}-{self.start_month:02d}"
                f"/{self.end_year}-{self.end_month:02d}"
            )

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year."""
        return cls.months(year, 1, _MONTHS)

    @classmethod
    def months(cls, year: int, first: int, last: int) -> Period:
        """Months ``first`` to ``last`` (inclusive) of ``year``: 1-9月 → ``months(2023, 1, 9)``."""
        # Periods are immutable and reports name the same few again and again: each one is
        # validated once and then shared (a bounded table).
        key = (cls, year, first, last)
        period = _PERIODS.get(key)
        if period is None:
            if len(_PERIODS) >= _MAX_PERIODS:
                _PERIODS.clear()
            period = _PERIODS[key] = cls(
                start_year=year, start_month=first, end_year=year, end_month=last
            )
        return period

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """A calendar quarter, 1-4."""
        if not 1 <= quarter <= _QUARTERS:
            raise ValueError(f"no quarter {quarter}")
        last = _MONTHS_PER_QUARTER * quarter
        return cls.months(year, last - _MONTHS_PER_QUARTER + 1, last)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``2023``, ``2023-01/2023-09``, ``2023-05`` or ``2024-Q2``.

        Raises:
            ValueError: ``text`` is none of these forms.
        """
        m = _PERIOD_RE.fullmatch(text.strip())
        if m is None:
            raise ValueError(f"not a period: {text!r} (expected 2023, 2023-01/2023-09 or 2024-Q2)")
        if m["qy"]:
            return cls.quarter(int(m["qy"]), int(m["q"]))
        y1 = int(m["y1"])
        if m["m1"] is None:
            if m["y2"] is not None:
                raise ValueError(f"not a period: {text!r}")
            return cls.year(y1)
        m1 = int(m["m1"])
        if m["y2"] is None:
            return cls.months(y1, m1, m1)
        return cls(start_year=y1, start_month=m1, end_year=int(m["y2"]), end_month=int(m["m2"]))

    @property
    def is_full_year(self) -> bool:
        """Whether the period is one whole calendar year."""
        same_year = self.start_year == self.end_year
        return same_year and self.start_month == 1 and self.end_month == _MONTHS

    @property
    def month_count(self) -> int:
        """How many months the period covers."""
        years = self.end_year - self.start_year
        return years * _MONTHS + self.end_month - self.start_month + 1

    def contains(self, other: Period) -> bool:
        """Whether ``other`` lies within this period."""
        starts_within = (self.start_year, self.start_month) <= (other.start_year, other.start_month)
        ends_within = (other.end_year, other.end_month) <= (self.end_year, self.end_month)
        return starts_within and ends_within

    def __str__(self) -> str:
        if self.is_full_year:
            return str(self.start_year)
        if (
            self.start_year == self.end_year
            and self.month_count == _MONTHS_PER_QUARTER
            and self.start_month % _MONTHS_PER_QUARTER == 1
        ):
            return f"{self.start_year}-Q{(self.start_month + 2) // _MONTHS_PER_QUARTER}"
        return f"{self.start_year}-{self.start_month:02d}/{self.end_year}-{self.end_month:02d}"


_new = object.__new__
_set = object.__setattr__


def _check_unit(_inst: object, _attr: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        parse_unit(value)  # raises UnitError for an unknown unit


def _rescaled(n: Numeral, digits: Decimal, scale: int) -> Numeral:
    """``attrs.evolve(n, digits=digits, scale=scale)`` without its per-call field lookup."""
    return Numeral(text=n.text, digits=digits, scale=scale, chinese=n.chinese)


#: The word a numeral's scale (a power of ten) adds before the unit: 2.2万 + 个 → 2.2 万个.
_SCALE_WORDS: Final = {4: "万", 8: "亿", 12: "万亿"}


_RANGE_SEPARATORS: Final = ("-", "－", "~", "～", "至", "—", "–", "到")
_NUMBER_AT_START: Final = re.compile(
    r"[-−]?[0-9０-９][0-9０-９,，.．]*(?:万亿|亿|万)?|[零〇一二两三四五六七八九十百千万亿]+"
)


@attrs.frozen(slots=True, kw_only=True)
class Value:
    """A number as written, with its unit and the exact interval of true values it stands for.

    Attributes:
        text: The number as written, signed for a change (``131.5``, ``-8.7``, ``8.0``); for a
            range, the numbers as written (``1-2``). A 万/亿 before a unit belongs to the unit.
        number: The number exactly (the first number of a range), in ``unit``.
        unit: The unit as written, scale included (``亿元``, ``万个``, ``%``), or None for a pure
            number.
        interval: Every true value consistent with the writing, in ``unit``.
        comparator: How the writing bounds the true value (=, >, >=, <, <=, ~, range).
    """

    text: str = attrs.field(validator=attrs.validators.min_len(1))
    number: Decimal = attrs.field(validator=attrs.validators.instance_of(Decimal))
    unit: str | None = attrs.field(default=None, validator=_check_unit)
    interval: Interval = attrs.field(validator=attrs.validators.instance_of(Interval))
    comparator: Comparator = attrs.field(
        default=Comparator.EQ, validator=attrs.validators.instance_of(Comparator)
    )

    @number.validator
    def _check_number(self, _attr: attrs.Attribute[Decimal], value: Decimal) -> None:
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value}")

    # ---------------------------------------------------------------- construction
    @classmethod
    def from_numerals(
        cls,
        numerals: Sequence[Numeral],
        unit: str | None = None,
        qualifiers: Sequence[str] = (),
        *,
        negative: bool = False,
        exact: bool | None = None,
        rounding: Rounding = Rounding.HALF_UP,
        tolerance: Fraction = DEFAULT_APPROX_TOLERANCE,
    ) -> Value:
        """Build a value from one or two numerals, a unit and qualifier words.

        A 万/亿 at the end of the numeral moves into the unit (``2.2万`` + ``个`` → ``2.2``
        ``万个``); with no unit, it is applied to the number. In a range the last numeral's 万/亿
        applies to a bare first one (``1-2万`` is 1万 to 2万).

        Args:
            numerals: One numeral, or two for a range.
            unit: The unit as written after the number, or None.
            qualifiers: Qualifier words (约, 余, 以上 …).
            negative: Negate (a change written with 下降/减少).
            exact: Whole numbers are exact (counts). Default: exact when ``unit`` counts whole
                things.
            rounding: The rounding convention assumed for inexact values.
            tolerance: The relative band for 约/左右/近.

        Raises:
            UnitError: The unit is unknown.
        """
        if not numerals:
            raise ValueError("a value needs at least one numeral")
        scale = numerals[-1].scale
        written_unit = unit
        if scale and unit:
            # The scale moves into the unit; the digits stay (value_interval reads only the
            # digits of a numeral, so the numerals need not be rebuilt with scale 0).
            written_unit = _SCALE_WORDS.get(scale, "") + unit
        if len(numerals) > 1:
            numerals = tuple(
                n
                if n.scale == scale
                else _rescaled(n, n.digits, scale)
                if n.scale == 0 and not n.chinese
                else _rescaled(n, n.value.scaleb(-scale), scale)
                for n in numerals
            )
        if scale and not unit:
            numerals = tuple(_rescaled(n, n.value, 0) for n in numerals)
        checked = exact is None  # the unit is resolved (so known) here, else checked below
        if exact is None:
            exact = written_unit is not None and parse_unit(written_unit).counts_whole_things
        interval, comparator = value_interval(
            numerals,
            qualifiers,
            exact=exact,
            rounding=rounding,
            tolerance=tolerance,
            negative=negative,
        )
        if len(numerals) == 1:
            number = -numerals[0].digits if negative else numerals[0].digits
            text = format(number, "f")
        else:
            signed = [-n.digits if negative else n.digits for n in numerals]
            text = "-".join(format(d, "f") for d in signed)
            number = signed[0]
        # What the constructor's validators would check and the steps above do not ensure: a
        # finite number, then a known unit (in that order, as they run).
        if not number.is_finite():
            raise ValueError(f"not a finite number: {number}")
        if not checked and written_unit is not None:
            parse_unit(written_unit)  # raises UnitError for an unknown unit
        value = _new(cls)
        _set(value, "text", text)
        _set(value, "number", number)
        _set(value, "unit", written_unit)
        _set(value, "interval", interval)
        _set(value, "comparator", comparator)
        return value

    @classmethod
    def parse(
        cls,
        written: str,
        *,
        negative: bool = False,
        exact: bool | None = None,
        rounding: Rounding = Rounding.HALF_UP,
        tolerance: Fraction = DEFAULT_APPROX_TOLERANCE,
    ) -> Value:
        """Read a value as a report writes it: ``131.5亿元``, ``超过10家``, ``2.2万余个``.

        Args:
            written: Optional prefix qualifiers, a number or range, optional 余/多, an optional
                unit, optional suffix qualifiers.
            negative: As for [`from_numerals`][townkpi.model.Value.from_numerals].
            exact: As for [`from_numerals`][townkpi.model.Value.from_numerals].
            rounding: As for [`from_numerals`][townkpi.model.Value.from_numerals].
            tolerance: As for [`from_numerals`][townkpi.model.Value.from_numerals].

        Raises:
            NumberFormatError: No number where one is expected.
            UnitError: The unit is unknown.

        Example:
            >>> str(Value.parse("超过10家").interval)
            '(10, inf)'
            >>> v = Value.parse("2.2万余个")
            >>> v.text, v.unit, str(v.interval)
            ('2.2', '万个', '(2.2, 2.3)')
        """
        rest = written.strip()
        quals: list[str] = []
        changed = True
        while changed:
            changed = False
            for word in sorted(QUALIFIERS, key=len, reverse=True):
                q = QUALIFIERS[word]
                if q.prefix and rest.startswith(word):
                    quals.append(word)
                    rest = rest[len(word) :].lstrip()
                    changed = True
                    break
        numerals: list[Numeral] = []
        end = len(written.rstrip())  # ``rest`` is always a suffix of ``written[:end]``
        m = _NUMBER_AT_START.match(rest)
        if m is None:
            raise NumberFormatError(written, end - len(rest), "expected a number")
        numerals.append(_numeral_in(written, end - len(rest), m.group().rstrip(",，")))
        rest = rest[len(m.group().rstrip(",，")) :]
        for sep in _RANGE_SEPARATORS:
            if rest.startswith(sep):
                m2 = _NUMBER_AT_START.match(rest[len(sep) :])
                if m2 is not None:
                    start = end - len(rest) + len(sep)
                    numerals.append(_numeral_in(written, start, m2.group()))
                    rest = rest[len(sep) + len(m2.group()) :]
                break
        for word in ("余", "多"):
            if rest.startswith(word):
                quals.append(word)
                rest = rest[len(word) :]
        for word in sorted(
            (w for w, q in QUALIFIERS.items() if not q.prefix), key=len, reverse=True
        ):
            if rest.endswith(word) and len(rest) >= len(word):
                quals.append(word)
                rest = rest[: -len(word)]
                break
        unit = rest.strip() or None
        return cls.from_numerals(
            numerals,
            unit,
            quals,
            negative=negative,
            exact=exact,
            rounding=rounding,
            tolerance=tolerance,
        )

    # ---------------------------------------------------------------- views
    @property
    def unit_info(self) -> Unit | None:
        """The resolved unit, or None for a pure number."""
        return None if self.unit is None else parse_unit(self.unit)

    @property
    def is_range(self) -> bool:
        """Whether the value was written as a range (1-2个)."""
        return self.comparator is Comparator.RANGE

    @property
    def quantity(self) -> pint.Quantity[Fraction]:
        """The number with its unit as an exact pint quantity (a pure number is dimensionless)."""
        return quantity(self.number, self.unit or "倍")

    def interval_in(self, unit: str | Unit) -> Interval:
        """The interval converted exactly into another unit of the same dimension.

        Raises:
            DimensionMismatchError: ``unit`` measures something else.
        """
        if self.unit is None:
            return self.interval
        return self.interval.scale(conversion_factor(self.unit, unit))

    def bounds(self) -> tuple[str | None, str | None]:
        """The interval's ends as plain decimal strings (None for an unbounded end)."""
        lo, hi = self.interval.lower, self.interval.upper
        return (
            None if lo is None else format_fraction(lo),
            None if hi is None else format_fraction(hi),
        )

    def __str__(self) -> str:
        return f"{self.text}{self.unit or ''}"


def _numeral_in(written: str, start: int, text: str) -> Numeral:
    """``parse_numeral(text)`` for ``text`` found at ``start`` of ``written``.

    Raises:
        NumberFormatError: Naming ``written`` and the position within it.
    """
    try:
        return parse_numeral(text)
    except NumberFormatError as exc:
        raise NumberFormatError(written, start + exc.position, exc.reason) from exc


def _str_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _pair_tuple(items: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), str(v)) for k, v in items)


@attrs.frozen(slots=True, kw_only=True)
class Fact:
    """One figure of a report: what was measured, its value and where it stands.

    Attributes:
        id: Unique within its report (``f12``).
        kind: Amount, change, share, rate, ratio or rank.
        value: The value with its unit and interval.
        surface: The text of the mention, number and unit (and qualifiers) included.
        indicator: The thing measured, as a short phrase (地区生产总值, 拆迁), or None if unknown.
        subject: Who or where it is about (全镇, 宁慈线), or None.
        period: The period it covers, or None if unknown.
        modality: Actual, estimate or target.
        qualifiers: Words that qualify it (约, 累计, 新增, 力争 …).
        span: Where the value stands in the text (None for facts from records).
        sentence: The sentence or clause it stands in (None for facts from records).
        refers_to: For a change, share or rate: the id of the amount it qualifies.
        record: For facts from a table: the record they came from (``row 3``).
        extras: For facts from a table: its other columns as (name, value) pairs, kept so that
            they come out again in [`Report.to_records`][townkpi.model.Report.to_records].
    """

    id: str = attrs.field(validator=attrs.validators.min_len(1))
    kind: FactKind = attrs.field(validator=attrs.validators.instance_of(FactKind))
    value: Value = attrs.field(validator=attrs.validators.instance_of(Value))
    surface: str = ""
    indicator: str | None = None
    subject: str | None = None
    period: Period | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Period))
    )
    modality: Modality = attrs.field(
        default=Modality.ACTUAL, validator=attrs.validators.instance_of(Modality)
    )
    qualifiers: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    span: Span | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Span))
    )
    sentence: Span | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Span))
    )
    refers_to: str | None = None
    record: str | None = None
    extras: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pair_tuple)

    @property
    def unit(self) -> str | None:
        """The unit as written."""
        return self.value.unit

    @property
    def comparator(self) -> Comparator:
        """How the written value bounds the true one."""
        return self.value.comparator

    @property
    def interval(self) -> Interval:
        """The interval of true values, in the unit as written."""
        return self.value.interval

    @property
    def quantity(self) -> pint.Quantity[Fraction]:
        """The value as an exact pint quantity: 131.5亿元 is exactly 1315000万元."""
        return self.value.quantity

    @property
    def location(self) -> str:
        """Where the fact came from, for messages: ``line 3, column 12`` or the record."""
        if self.span is not None:
            return f"line {self.span.line}, column {self.span.column}"
        return self.record or self.id


@attrs.frozen(slots=True, kw_only=True)
class SkippedMention:
    """A number in the text that is not a measurement, with the reason it was skipped.

    Attributes:
        span: Where it stands.
        surface: The text of the mention (2023年, 1-9月, 二十大).
        reason: Why it is not a measurement (a [`SkipReason`][townkpi.model.SkipReason] value).
    """

    span: Span = attrs.field(validator=attrs.validators.instance_of(Span))
    surface: str = attrs.field(validator=attrs.validators.min_len(1))
    reason: str = attrs.field(validator=attrs.validators.min_len(1))


def _fact_tuple(items: Iterable[Fact]) -> tuple[Fact, ...]:
    return tuple(items)


def _skipped_tuple(items: Iterable[SkippedMention]) -> tuple[SkippedMention, ...]:
    return tuple(items)


def _slot(cls: type, name: str) -> Callable[[object, object], None]:
    """The setter of one slot of ``cls``: sets the field without the frozen guard or a lookup.

    Calling a slot's own descriptor is the cheapest way to fill a new frozen object (about a
    third faster than ``object.__setattr__``, which looks the name up on every call).
    """
    setter: Callable[[object, object], None] = cls.__dict__[name].__set__
    return setter


_SPAN_START, _SPAN_END, _SPAN_LINE, _SPAN_COLUMN = (
    _slot(Span, name) for name in ("start", "end", "line", "column")
)
_FACT_ID, _FACT_KIND, _FACT_VALUE, _FACT_SURFACE, _FACT_INDICATOR, _FACT_SUBJECT = (
    _slot(Fact, name) for name in ("id", "kind", "value", "surface", "indicator", "subject")
)
_FACT_PERIOD, _FACT_MODALITY, _FACT_QUALIFIERS, _FACT_SPAN, _FACT_SENTENCE = (
    _slot(Fact, name) for name in ("period", "modality", "qualifiers", "span", "sentence")
)
_FACT_REFERS_TO, _FACT_RECORD, _FACT_EXTRAS = (
    _slot(Fact, name) for name in ("refers_to", "record", "extras")
)
_SKIPPED_SPAN, _SKIPPED_SURFACE, _SKIPPED_REASON = (
    _slot(SkippedMention, name) for name in ("span", "surface", "reason")
)


def trusted_span(start: int, end: int, line: int, column: int) -> Span:
    """A [`Span`][townkpi.model.Span] built without running its validators.

    Only for offsets the caller has just computed itself (``0 <= start <= end``, ``line`` and
    ``column`` from [`Document.line_column`][townkpi.document.Document.line_column]); the public
    constructor validates. Equal to ``Span(start=start, end=end, line=line, column=column)``.
    """
    span = _new(Span)
    _SPAN_START(span, start)
    _SPAN_END(span, end)
    _SPAN_LINE(span, line)
    _SPAN_COLUMN(span, column)
    return span


def trusted_fact(
    *,
    id: str,
    kind: FactKind,
    value: Value,
    surface: str,
    indicator: str | None,
    subject: str | None,
    period: Period | None,
    modality: Modality,
    qualifiers: tuple[str, ...],
    start: int,
    end: int,
    line: int,
    column: int,
    sentence: Span,
    refers_to: str | None,
) -> Fact:
    """A [`Fact`][townkpi.model.Fact] of report text built without running its validators.

    Only for fields of the types the constructor demands, just computed by the extractor
    (``qualifiers`` already a tuple); ``record`` is None and ``extras`` empty. Its span is
    built here from ``start``, ``end``, ``line`` and ``column`` (as
    [`trusted_span`][townkpi.model.trusted_span], one call fewer per fact). Equal to
    ``Fact(...)`` with the same arguments and ``span=Span(start=start, end=end, ...)``.
    """
    span = _new(Span)
    _SPAN_START(span, start)
    _SPAN_END(span, end)
    _SPAN_LINE(span, line)
    _SPAN_COLUMN(span, column)
    fact = _new(Fact)
    _FACT_ID(fact, id)
    _FACT_KIND(fact, kind)
    _FACT_VALUE(fact, value)
    _FACT_SURFACE(fact, surface)
    _FACT_INDICATOR(fact, indicator)
    _FACT_SUBJECT(fact, subject)
    _FACT_PERIOD(fact, period)
    _FACT_MODALITY(fact, modality)
    _FACT_QUALIFIERS(fact, qualifiers)
    _FACT_SPAN(fact, span)
    _FACT_SENTENCE(fact, sentence)
    _FACT_REFERS_TO(fact, refers_to)
    _FACT_RECORD(fact, None)
    _FACT_EXTRAS(fact, ())
    return fact


def trusted_skipped(span: Span, surface: str, reason: str) -> SkippedMention:
    """A [`SkippedMention`][townkpi.model.SkippedMention] built without running its validators.

    Only for a span, a non-empty surface and a reason just computed by the extractor. Equal to
    ``SkippedMention(span=span, surface=surface, reason=reason)``.
    """
    skipped = _new(SkippedMention)
    _SKIPPED_SPAN(skipped, span)
    _SKIPPED_SURFACE(skipped, surface)
    _SKIPPED_REASON(skipped, reason)
    return skipped


def trusted_skips(
    items: Iterable[tuple[int, int, str, str]], lines: Sequence[int], columns: Sequence[int]
) -> tuple[SkippedMention, ...]:
    """Skipped mentions built without running validators, with their spans, in one call.

    Only for items ``(start, end, surface, reason)`` just computed by the extractor (``0 <=
    start <= end``, a non-empty surface and reason), with each item's line and column in
    ``lines`` and ``columns``. Equal to a tuple of
    [`trusted_skipped`][townkpi.model.trusted_skipped] of ``trusted_span(start, end, line,
    column)``, surface and reason.
    """
    new, set_surface, set_reason, set_span = _new, _SKIPPED_SURFACE, _SKIPPED_REASON, _SKIPPED_SPAN
    set_start, set_end, set_line, set_column = _SPAN_START, _SPAN_END, _SPAN_LINE, _SPAN_COLUMN
    built: list[SkippedMention] = []
    for (start, end, surface, reason), line, column in zip(items, lines, columns, strict=True):
        span = new(Span)
        set_start(span, start)
        set_end(span, end)
        set_line(span, line)
        set_column(span, column)
        skipped = new(SkippedMention)
        set_span(skipped, span)
        set_surface(skipped, surface)
        set_reason(skipped, reason)
        built.append(skipped)
    return tuple(built)


@attrs.frozen(slots=True, kw_only=True)
class Report:
    """The figures read from one report (or one table of records).

    Attributes:
        source: Where it came from (a file name, a table name).
        text: The decoded text (empty for records).
        encoding: The encoding the text was decoded from.
        facts: Every fact, in text order.
        skipped: Every number that is not a measurement, with its reason.
        year: The year the report is about (its 工作总结 year), when known.
        title: The report's title, when known.
    """

    source: str
    text: str = ""
    encoding: str = "utf-8"
    facts: tuple[Fact, ...] = attrs.field(default=(), converter=_fact_tuple)
    skipped: tuple[SkippedMention, ...] = attrs.field(default=(), converter=_skipped_tuple)
    year: int | None = None
    title: str | None = None

    @facts.validator
    def _unique_ids(
        self, _attr: attrs.Attribute[tuple[Fact, ...]], value: tuple[Fact, ...]
    ) -> None:
        seen: set[str] = set()
        for f in value:
            if f.id in seen:
                raise ValueError(f"duplicate fact id {f.id!r}")
            seen.add(f.id)

    @classmethod
    def from_records(
        cls, rows: Iterable[Record | Mapping[str, Any]], *, source: str = "records"
    ) -> Report:
        """A report of the facts in table rows (see [`townkpi.records`][townkpi.records]).

        Args:
            rows: Records, or mappings of column names to cells (``indicator``, ``value``,
                ``unit``, ``kind``, ``period`` …).
            source: The table's name.

        Raises:
            RecordsError: Some rows could not be read; the error names each row and column and
                carries the report of the good rows.
        """
        from townkpi.records import facts_from_records  # noqa: PLC0415 - records imports model

        return facts_from_records(rows, source=source).raise_for_problems()

    def to_records(self) -> tuple[Record, ...]:
        """Every fact as a record, in order: the inverse of ``from_records``.

        Each record's written value reads back to the same value; spans and sentences are not
        kept (records have none).
        """
        from townkpi.records import records_from_report  # noqa: PLC0415 - records imports model

        return records_from_report(self)

    def to_frame(self) -> pd.DataFrame:
        """Every fact as a row of a pandas DataFrame indexed by fact id (the ``pandas`` extra).

        Values stay exact (`Decimal`, `Fraction`) and the ``quantity`` column holds each value as
        an exact pint quantity; see [`facts_frame`][townkpi.frame.facts_frame] for the columns.

        Raises:
            TownkpiError: pandas is not installed.
        """
        from townkpi.frame import facts_frame  # noqa: PLC0415 - frame imports model

        return facts_frame(self)

    def index(self) -> Mapping[str, Fact]:
        """The facts by id."""
        return {f.id: f for f in self.facts}

    def fact(self, fact_id: str) -> Fact:
        """The fact with this id.

        Raises:
            KeyError: No such fact.
        """
        for f in self.facts:
            if f.id == fact_id:
                return f
        raise KeyError(fact_id)

    def referent(self, fact: Fact) -> Fact | None:
        """The amount a change, share or rate refers to, or None."""
        if fact.refers_to is None:
            return None
        return self.index().get(fact.refers_to)

    def of_kind(self, kind: FactKind) -> Iterator[Fact]:
        """The facts of one kind, in order."""
        return (f for f in self.facts if f.kind is kind)

    def sentence_text(self, fact: Fact) -> str:
        """The text of the sentence a fact stands in ("" without text or sentence)."""
        if fact.sentence is None or not self.text:
            return ""
        return self.text[fact.sentence.start : fact.sentence.end]
