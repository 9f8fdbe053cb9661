"""Written numbers: digits, Chinese numerals, 万/亿 scales, ranges and qualifiers.

A report writes the same quantity in many ways: ``131.5``, ``１３１．５``, ``1,315``, ``1.2万``,
``十七``, ``两``, ``三千五百``. [`parse_numeral`][townkpi.numbers.parse_numeral] reads any of these
into a [`Numeral`][townkpi.numbers.Numeral]: the digits exactly as written (a `Decimal`, so ``8.0``
keeps its one decimal), the power of ten a trailing 万/亿 adds, and so the precision the writer
chose.

Qualifiers change what a number stands for: 约230 is about 230, 2.2万余 is more than 2.2万 but less
than 2.3万, 超过10 is more than 10, 99.5以上 is at least 99.5.
[`QUALIFIERS`][townkpi.numbers.QUALIFIERS] lists the words townkpi knows and
[`value_interval`][townkpi.numbers.value_interval] turns a numeral and its qualifiers into an exact
[`Interval`][townkpi.interval.Interval] and a [`Comparator`][townkpi.numbers.Comparator].

Example:
    >>> n = parse_numeral("2.2万")
    >>> n.digits, n.scale, n.value
    (Decimal('2.2'), 4, Decimal('2.2E+4'))
    >>> iv, comp = value_interval((parse_numeral("2.2"),), ("余",))
    >>> str(iv), comp.value
    ('(2.2, 2.3)', '>')
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Final

import attrs

from townkpi.errors import NumberFormatError
from townkpi.interval import DEFAULT_APPROX_TOLERANCE, Interval, Rounding, quantum_of

__all__ = [
    "CHINESE_DIGITS",
    "QUALIFIERS",
    "Comparator",
    "Numeral",
    "Qualifier",
    "QualifierEffect",
    "normalize_digits",
    "parse_numeral",
    "value_interval",
]

CHINESE_DIGITS: Final[Mapping[str, int]] = MappingProxyType(
    {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
     "八": 8, "九": 9}
)  # fmt: skip
"""Chinese numeral characters and their digit values (两 is 2, 〇 and 零 are 0)."""
_SMALL_UNITS: Final = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS: Final = {"万": 10**4, "亿": 10**8}

_FULLWIDTH: Final = str.maketrans("０１２３４５６７８９．－＋，", "0123456789.-+,")
_ARABIC = re.compile(r"(?P<number>[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?P<scale>万亿|亿|万)?")


def normalize_digits(text: str) -> str:
    """Full-width digits, point, sign and comma as their ASCII forms (same length, so offsets hold).

    Example:
        >>> normalize_digits("１３１．５")
        '131.5'
    """
    return text.translate(_FULLWIDTH)


class Comparator(enum.StrEnum):
    """How a written value relates to the true one.

    Attributes:
        EQ: Equal within the written precision (the default).
        GT: More than the bound (超过, 余 and 多 give a bounded "more than").
        GE: At least the bound (以上, 不少于, 不低于).
        LT: Less than the bound (不足, 低于).
        LE: At most the bound (以内, 以下, 不超过).
        APPROX: About (约, 左右, 近): a tolerance band.
        RANGE: Between two written numbers (1-2, 5至10).
    """

    EQ = "="
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    APPROX = "~"
    RANGE = "range"


class QualifierEffect(enum.Enum):
    """What a qualifier word does to the interval a number stands for."""

    APPROX = "approx"  # 约, 左右: a band around the value
    NEARLY = "nearly"  # 近: a band just below the value
    MORE = "more"  # 余, 多: above the value, below the next unit of its last digit
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"


@attrs.frozen(slots=True, kw_only=True)
class Qualifier:
    """A word that qualifies a number.

    Attributes:
        word: The word as written (约, 以上 …).
        effect: What it does to the interval.
        prefix: True when it stands before the number (约230), False after it (230余, 99.5%以上).
    """

    word: str = attrs.field(validator=attrs.validators.min_len(1))
    effect: QualifierEffect = attrs.field(validator=attrs.validators.instance_of(QualifierEffect))
    prefix: bool = attrs.field(validator=attrs.validators.instance_of(bool))


def _q(word: str, effect: QualifierEffect, *, prefix: bool) -> tuple[str, Qualifier]:
    return word, Qualifier(word=word, effect=effect, prefix=prefix)


_E = QualifierEffect
QUALIFIERS: Final[Mapping[str, Qualifier]] = MappingProxyType(
    dict(
        [
            _q("约", _E.APPROX, prefix=True),
            _q("大约", _E.APPROX, prefix=True),
            _q("近", _E.NEARLY, prefix=True),
            _q("将近", _E.NEARLY, prefix=True),
            _q("接近", _E.NEARLY, prefix=True),
            _q("超过", _E.GT, prefix=True),
            _q("超", _E.GT, prefix=True),
            _q("逾", _E.GT, prefix=True),
            _q("高于", _E.GT, prefix=True),
            _q("多于", _E.GT, prefix=True),
            _q("不少于", _E.GE, prefix=True),
            _q("不低于", _E.GE, prefix=True),
            _q("至少", _E.GE, prefix=True),
            _q("不超过", _E.LE, prefix=True),
            _q("不高于", _E.LE, prefix=True),
            _q("至多", _E.LE, prefix=True),
            _q("不足", _E.LT, prefix=True),
            _q("低于", _E.LT, prefix=True),
            _q("少于", _E.LT, prefix=True),
            _q("余", _E.MORE, prefix=False),
            _q("多", _E.MORE, prefix=False),
            _q("左右", _E.APPROX, prefix=False),
            _q("上下", _E.APPROX, prefix=False),
            _q("以上", _E.GE, prefix=False),
            _q("及以上", _E.GE, prefix=False),
            _q("以下", _E.LE, prefix=False),
            _q("以内", _E.LE, prefix=False),
        ]
    )
)
"""Every qualifier word townkpi knows, by word, with what it does to a value's interval."""


@attrs.frozen(slots=True, kw_only=True)
class Numeral:
    """A number as written.

    Attributes:
        text: The characters as they stand in the source.
        digits: The digits as written, before any trailing 万/亿 (``2.2`` for ``2.2万``); exact.
        scale: The power of ten that a trailing 万 (4) or 亿 (8) adds; 0 when none.
        chinese: True when written in Chinese numerals (十七, 两): these are exact integers.
    """

    text: str = attrs.field(validator=attrs.validators.min_len(1))
    digits: Decimal = attrs.field(validator=attrs.validators.instance_of(Decimal))
    scale: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    chinese: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    @property
    def value(self) -> Decimal:
        """The number, scale applied, exactly (``2.2万`` → 22000)."""
        return self.digits.scaleb(self.scale)

    @property
    def quantum(self) -> Fraction:
        """The size of the last written digit, in the units of ``digits`` (``98.8`` → 1/10)."""
        return quantum_of(self.digits)

    @property
    def is_integer(self) -> bool:
        """Whether the digits are written without a fractional part."""
        exp = self.digits.as_tuple().exponent
        return isinstance(exp, int) and exp >= 0

    def significant_quantum(self) -> Fraction:
        """The step 余/多 refer to: ``70`` → 10, ``2000`` → 1000, ``2.2`` → 1/10, ``8.0`` → 1/10.

        For a whole number it is the place of its last non-zero digit; with decimals written, the
        place of its last written digit.

        This is the step that 余/多 refer to: 70余 lies below 80, 2.2万余 below 2.3万.
        """
        if self.digits == 0 or not self.is_integer:
            return self.quantum  # written decimals are significant: 8.0余 lies below 8.1
        exp = self.digits.normalize().as_tuple().exponent
        assert isinstance(exp, int)
        return Fraction(10) ** exp


#: A run of at least this many bare digits (一九九八, 二〇二三) is read digit by digit.
_MIN_POSITIONAL_DIGITS: Final = 3


def _parse_section(text: str, start: int, end: int) -> int:
    """Read ``text[start:end]``, a number below 10000 written with 千/百/十 and digits."""
    value = 0
    digit: int | None = None  # the pending digit
    last_unit = 10**4  # units must decrease within a section: 三千五百, not 五百三千
    after_unit = 0  # the unit just before the pending digit (三千五 → 千), 0 if none
    for i in range(start, end):
        ch = text[i]
        if ch in CHINESE_DIGITS:
            if digit is not None and digit != 0:
                raise NumberFormatError(text, i, f"digit {ch!r} follows another digit")
            after_unit = last_unit if i > start and text[i - 1] in _SMALL_UNITS else 0
            digit = CHINESE_DIGITS[ch]
            continue
        unit = _SMALL_UNITS[ch]
        if unit >= last_unit:
            raise NumberFormatError(text, i, f"{ch!r} out of order")
        if digit is None:
            if i != start or unit != _SMALL_UNITS["十"]:
                raise NumberFormatError(text, i, f"no digit before {ch!r}")
            digit = 1  # 十七 = 1 × 10 + 7
        elif digit == 0:
            raise NumberFormatError(text, i, f"zero before {ch!r}")
        value += digit * unit
        digit = None
        last_unit = unit
    if digit is not None:
        # 三千五 is 3500, 两百五 is 250: a last digit right after a unit counts in the next place.
        value += digit * (after_unit // 10 if after_unit else 1)
    return value


def _parse_chinese(text: str, start: int, end: int) -> int:
    """Read ``text[start:end]`` as a Chinese numeral (十七, 一万二千, 两千零五, 一亿五千万)."""
    if start == end:
        raise NumberFormatError(text, start, "missing digits")
    for ch, multiplier in (("亿", 10**8), ("万", 10**4)):
        i = text.rfind(ch, start, end)
        if i < 0:
            continue
        if i == start:
            raise NumberFormatError(text, i, f"no number before {ch!r}")
        if ch in text[start:i]:  # 一万万, 一亿三亿: 亿 may follow 万 (一万亿), not itself
            raise NumberFormatError(text, text.index(ch, start, i), f"{ch!r} twice")
        head = _parse_chinese(text, start, i)
        tail_start = i + 1
        if tail_start == end:
            return head * multiplier
        if end - tail_start == 1 and text[tail_start] in CHINESE_DIGITS:
            # 一万五 is 15000, 一亿五 is 150 million: a lone digit counts in the place below.
            return head * multiplier + CHINESE_DIGITS[text[tail_start]] * multiplier // 10
        tail = _parse_chinese(text, tail_start, end)
        if tail >= multiplier:
            raise NumberFormatError(text, tail_start, f"part after {ch!r} is too large")
        return head * multiplier + tail
    run = text[start:end]
    if len(run) >= _MIN_POSITIONAL_DIGITS and all(c in CHINESE_DIGITS and c != "两" for c in run):
        # Digit by digit, as years are written: 二〇二三 is 2023.
        return int("".join(str(CHINESE_DIGITS[c]) for c in run))
    return _parse_section(text, start, end)


def parse_numeral(text: str) -> Numeral:
    """Read a written number.

    Args:
        text: Arabic digits (ASCII or full-width, with an optional decimal point and thousands
            commas), optionally followed by 万, 亿 or 万亿; or a Chinese numeral (十七, 两,
            一百二十, 两千零五, 一万二千; 二〇二三 is read digit by digit).

    Returns:
        The numeral, with its digits exact as written.

    Raises:
        NumberFormatError: ``text`` is not a number; the error names the position.

    Example:
        >>> parse_numeral("8.0").digits
        Decimal('8.0')
        >>> parse_numeral("一百二十").value
        Decimal('120')
        >>> parse_numeral("1,234.5").digits
        Decimal('1234.5')
    """
    if not text:
        raise NumberFormatError(text, 0, "empty text")
    ascii_text = text if text.isascii() else normalize_digits(text)  # isascii: O(1)
    if ascii_text[0].isdigit() or ascii_text[0] in "-−":
        m = _ARABIC.fullmatch(ascii_text)
        if m is None:
            probe = _ARABIC.match(ascii_text)
            bad = min(probe.end() if probe is not None else 0, len(text) - 1)
            raise NumberFormatError(text, bad, f"stray character {text[bad]!r}")
        number, scale_word = m.groups()  # the groups "number" and "scale"
        digits = Decimal(number.replace(",", "").replace("−", "-"))
        return _numeral(text, digits, _SCALES[scale_word], False)
    for i, ch in enumerate(text):
        if ch not in CHINESE_DIGITS and ch not in _SMALL_UNITS and ch not in _LARGE_UNITS:
            raise NumberFormatError(text, i, f"stray character {ch!r}")
    return _numeral(text, Decimal(_parse_chinese(text, 0, len(text))), 0, True)


#: The scale of each 万/亿 word a written number may end with (None: no scale word).
_SCALES: Final[Mapping[str | None, int]] = {None: 0, "万": 4, "亿": 8, "万亿": 12}


_new = object.__new__
_set = object.__setattr__


def _numeral(text: str, digits: Decimal, scale: int, chinese: bool) -> Numeral:
    """A [`Numeral`][townkpi.numbers.Numeral] built without running its validators.

    Only for what ``parse_numeral`` has just read: a non-empty text, a Decimal, a scale of 0 or
    more and a bool, which the validators would accept; equal to ``Numeral(...)``.
    """
    numeral = _new(Numeral)
    _set(numeral, "text", text)
    _set(numeral, "digits", digits)
    _set(numeral, "scale", scale)
    _set(numeral, "chinese", chinese)
    return numeral


def value_interval(
    numerals: Sequence[Numeral],
    qualifiers: Sequence[str] = (),
    *,
    exact: bool = False,
    rounding: Rounding = Rounding.HALF_UP,
    tolerance: Fraction = DEFAULT_APPROX_TOLERANCE,
    negative: bool = False,
) -> tuple[Interval, Comparator]:
    """The interval a written value stands for, in the units of its digits, and its comparator.

    Args:
        numerals: One numeral, or two for a range (1-2, 5至10).
        qualifiers: Qualifier words around it (约, 余, 以上 …); unknown words are ignored.
        exact: The value is an exact count (169户): a whole number stands for itself, not for a
            rounding interval.
        rounding: The rounding convention assumed for inexact values.
        tolerance: The relative half-width of the band for 约/左右/近.
        negative: Negate the value (a change written with 下降).

    Returns:
        The interval (in the numeral's digits, scale not applied) and the comparator.

    Example:
        >>> str(value_interval((parse_numeral("99.5"),), ("以上",))[0])
        '[99.5, inf)'
        >>> str(value_interval((parse_numeral("169"),), exact=True)[0])
        '[169]'
    """
    if not numerals:
        raise ValueError("value_interval needs at least one numeral")
    if len(numerals) > 1:
        first = _written_interval(numerals[0], exact, rounding, negative)
        last = _written_interval(numerals[-1], exact, rounding, negative)
        return first.hull(last), Comparator.RANGE

    n = numerals[0]
    if not qualifiers or not any(word in QUALIFIERS for word in qualifiers):
        return _written_interval(n, exact, rounding, negative), Comparator.EQ
    return _qualified(
        n, qualifiers, exact=exact, rounding=rounding, tolerance=tolerance, negative=negative
    )


def _qualified(
    n: Numeral,
    qualifiers: Sequence[str],
    *,
    exact: bool,
    rounding: Rounding,
    tolerance: Fraction,
    negative: bool,
) -> tuple[Interval, Comparator]:
    """``value_interval`` of one numeral with at least one known qualifier word."""
    # The interval as written is built only when a qualifier widens it (约, 近): 以上, 超过, 余 …
    # replace it. A number that is not finite raises here, before the qualifiers are read.
    iv = None if n.digits.is_finite() else _written_interval(n, exact, rounding, negative)
    comparator = Comparator.EQ
    v = Fraction(*(-n.digits if negative else n.digits).as_integer_ratio())
    for word in qualifiers:
        q = QUALIFIERS.get(word)
        if q is None:
            continue
        effect = q.effect
        if effect is QualifierEffect.APPROX:
            if iv is None:
                iv = _written_interval(n, exact, rounding, negative)
            band = Interval.closed(v - abs(v) * tolerance, v + abs(v) * tolerance)
            iv, comparator = band.hull(iv), Comparator.APPROX
        elif effect is QualifierEffect.NEARLY:
            if iv is None:
                iv = _written_interval(n, exact, rounding, negative)
            iv = Interval.closed(v - abs(v) * tolerance, v).hull(iv)
            comparator = Comparator.APPROX
        elif effect is QualifierEffect.MORE:
            step = n.significant_quantum()
            iv = Interval.open(v, v + step) if v >= 0 else Interval.open(v - step, v)
            comparator = Comparator.GT
        elif effect is QualifierEffect.GT:
            iv, comparator = Interval.greater_than(v), Comparator.GT
        elif effect is QualifierEffect.GE:
            iv, comparator = Interval.at_least(v), Comparator.GE
        elif effect is QualifierEffect.LT:
            iv, comparator = Interval.less_than(v), Comparator.LT
        else:  # LE
            iv, comparator = Interval.at_most(v), Comparator.LE
    assert iv is not None  # some qualifier is known, so the loop set it
    return iv, comparator


def _written_interval(n: Numeral, exact: bool, rounding: Rounding, negative: bool) -> Interval:
    """The interval of one numeral before qualifiers: itself if exact, else its rounding."""
    d = -n.digits if negative else n.digits
    # same_quantum(1): written without decimals (exponent 0), which is_integer would find slower.
    if n.chinese or (exact and (d.same_quantum(_ONE) or n.is_integer)):
        return Interval.point(d)
    return Interval.from_rounded(d, rounding)


_ONE: Final = Decimal(1)
