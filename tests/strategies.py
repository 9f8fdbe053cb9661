"""Hypothesis builders for townkpi's values and model, shared by every test.

Import them as ``from strategies import ...`` (``tests/`` is on ``sys.path``, see
``[tool.pytest.ini_options] pythonpath`` in ``pyproject.toml``).

Each builder is a named ``@st.composite`` typed ``SearchStrategy[T]``. Builders that produce a
written form together with the value it denotes (``arabic_numerals``, ``chinese_numerals``) compute
that value independently of townkpi's parser, so tests can compare the two. ``to_chinese`` is the
reference renderer of standard Chinese numerals used for that.

``values``, ``written_decimals``, ``unit_symbols`` and ``unit_texts`` are townkpi's shipped
builders (``townkpi.testing.strategies``), re-exported here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from townkpi import (
    Fact,
    FactKind,
    Interval,
    Modality,
    Numeral,
    Period,
    Report,
    SkippedMention,
    SkipReason,
    Span,
    parse_numeral,
)
from townkpi.testing.strategies import (
    unit_symbols,
    unit_texts,
    values,
    written_decimals,
)
from townkpi.units import UnitDefinition, known_units

__all__ = [
    "CHINESE_DIGIT_CHARS",
    "WrittenNumber",
    "arabic_numerals",
    "chinese_numerals",
    "counting_unit_symbols",
    "decimals",
    "facts",
    "interval_with_member",
    "intervals",
    "members",
    "numerals",
    "periods",
    "report_texts",
    "reports",
    "skipped_mentions",
    "spans",
    "to_chinese",
    "unit_definitions",
    "unit_symbols",
    "unit_texts",
    "values",
    "written_decimals",
]

#: The Chinese digits 0-9 in the standard (小写) form.
CHINESE_DIGIT_CHARS = "零一二三四五六七八九"

_FULLWIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")
_SCALES = {0: "", 4: "万", 8: "亿", 12: "万亿"}


@attrs.frozen(slots=True, kw_only=True)
class WrittenNumber:
    """A number as a report may write it and the exact value it denotes.

    Attributes:
        text: The characters as written (``1,315.5``, ``２．２万``, ``两千零五``).
        plain: The digits in plain ASCII, as written, without separators or scale (``1315.5``).
        scale: The power of ten of a trailing 万/亿 (0, 4, 8 or 12).
        value: The value denoted, scale applied.
    """

    text: str
    plain: str
    scale: int
    value: Decimal


# --------------------------------------------------------------------------- numbers


@st.composite
def decimals(
    draw: st.DrawFn, *, max_int_digits: int = 9, max_places: int = 4, signed: bool = False
) -> Decimal:
    """A `Decimal` that keeps the exponent it was written with (``Decimal("8.0")``)."""
    return Decimal(
        draw(written_decimals(max_int_digits=max_int_digits, max_places=max_places, signed=signed))
    )


def _with_thousands(plain: str) -> str:
    head, dot, tail = plain.partition(".")
    return f"{int(head):,}" + dot + tail


@st.composite
def arabic_numerals(
    draw: st.DrawFn, *, scaled: bool = True, fullwidth: bool = True, separators: bool = True
) -> WrittenNumber:
    """Arabic digits as written: ASCII or full-width, thousands commas, a trailing 万/亿/万亿."""
    plain = draw(written_decimals())
    text = _with_thousands(plain) if separators and draw(st.booleans()) else plain
    if fullwidth and draw(st.booleans()):
        text = text.translate(_FULLWIDTH)
    scale = draw(st.sampled_from(sorted(_SCALES))) if scaled else 0
    return WrittenNumber(
        text=text + _SCALES[scale], plain=plain, scale=scale, value=Decimal(plain).scaleb(scale)
    )


def _chinese_section(n: int) -> str:
    """``n`` in 1..9999 as standard Chinese numerals, 一十 kept (一千零一十)."""
    out = ""
    pending_zero = False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // place % 10
        if digit == 0:
            pending_zero = pending_zero or bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        out += CHINESE_DIGIT_CHARS[digit] + unit
    return out


def to_chinese(n: int, *, liang: bool = False) -> str:
    """``n`` (0 ≤ n < 10**12) as standard Chinese numerals: 17 → 十七, 2005 → 二千零五.

    A reference renderer written from the rules of the numeral system, independent of townkpi:
    groups of four digits under 亿 and 万, 零 for every run of missing places, 十 instead of 一十
    at the very start. With ``liang``, 二 before 百/千/万/亿 is written 两 (两千零五).
    """
    if not 0 <= n < 10**12:
        raise ValueError(n)
    if n == 0:
        return "零"
    yi, rest = divmod(n, 10**8)
    wan, low = divmod(rest, 10**4)
    out = ""
    gap = False
    for value, unit in ((yi, "亿"), (wan, "万"), (low, "")):
        if value == 0:
            gap = gap or bool(out)
            continue
        if out and (gap or value < 1000):  # a group below 1000 starts with a missing place
            out += "零"
        out += _chinese_section(value) + unit
        gap = False
    if out.startswith("一十"):
        out = out[1:]
    if liang:
        for unit in "百千万亿":
            out = out.replace("二" + unit, "两" + unit)
        if out == "二":
            out = "两"
    return out


@st.composite
def chinese_numerals(
    draw: st.DrawFn, *, min_value: int = 0, max_value: int = 99_999_999
) -> WrittenNumber:
    """A whole number written in standard Chinese numerals (十七, 一百二十, 两千零五)."""
    n = draw(st.integers(min_value=min_value, max_value=max_value))
    text = to_chinese(n, liang=draw(st.booleans()))
    return WrittenNumber(text=text, plain=str(n), scale=0, value=Decimal(n))


@st.composite
def numerals(draw: st.DrawFn) -> Numeral:
    """A `Numeral` read from an Arabic or Chinese written number."""
    written = draw(st.one_of(arabic_numerals(), chinese_numerals()))
    return parse_numeral(written.text)


# --------------------------------------------------------------------------- intervals


def _fractions(limit: int = 10**6, max_denominator: int = 1000) -> SearchStrategy[Fraction]:
    return st.fractions(min_value=-limit, max_value=limit, max_denominator=max_denominator)


def _decimal_fractions(limit: int = 10**6) -> SearchStrategy[Fraction]:
    """Fractions with a terminating decimal expansion (as every written bound has)."""
    return decimals(max_int_digits=len(str(limit)) - 1, max_places=4, signed=True).map(Fraction)


@st.composite
def intervals(
    draw: st.DrawFn,
    *,
    bounded: bool = False,
    decimal_bounds: bool = False,
    exclude_zero: bool = False,
) -> Interval:
    """An interval with open or closed ends, possibly unbounded, possibly a single point.

    Args:
        draw: Hypothesis's draw function.
        bounded: Both ends finite.
        decimal_bounds: Ends are terminating decimals (so they serialise exactly).
        exclude_zero: 0 is not in the interval (a valid divisor).
    """
    numbers = _decimal_fractions() if decimal_bounds else _fractions()
    a, b = sorted((draw(numbers), draw(numbers)))
    lower: Fraction | None = a
    upper: Fraction | None = b
    if not bounded:
        if draw(st.integers(0, 3)) == 0:
            lower = None
        if draw(st.integers(0, 3)) == 0:
            upper = None
    lower_closed = draw(st.booleans())
    upper_closed = draw(st.booleans())
    if lower is not None and lower == upper:
        lower_closed = upper_closed = True
    iv = Interval(lower=lower, upper=upper, lower_closed=lower_closed, upper_closed=upper_closed)
    if exclude_zero and 0 in iv:
        # Keep only the side of 0 with more room, shifted off zero.
        shift = draw(st.fractions(min_value=Fraction(1, 1000), max_value=100, max_denominator=1000))
        return draw(st.sampled_from([_away_from_zero(iv, shift, sign) for sign in (1, -1)]))
    return iv


def _away_from_zero(iv: Interval, shift: Fraction, sign: int) -> Interval:
    width = iv.width if iv.width is not None else Fraction(10)
    lower = shift if sign > 0 else -shift - width
    return Interval(
        lower=lower,
        upper=lower + width,
        lower_closed=iv.lower_closed or iv.lower is None,
        upper_closed=iv.upper_closed or iv.upper is None,
    )


@st.composite
def members(draw: st.DrawFn, interval: Interval) -> Fraction:
    """A number in ``interval`` (its closed ends included)."""
    if interval.is_point:
        assert interval.lower is not None
        return interval.lower
    lo = interval.lower
    hi = interval.upper
    if lo is None:
        lo = (hi if hi is not None else Fraction(0)) - draw(st.integers(1, 10**6))
    if hi is None:
        hi = lo + draw(st.integers(1, 10**6))
    candidates = []
    if interval.lower is not None and interval.lower_closed:
        candidates.append(interval.lower)
    if interval.upper is not None and interval.upper_closed:
        candidates.append(interval.upper)
    t = draw(st.fractions(min_value=0, max_value=1, max_denominator=10**6))
    inner = lo + (hi - lo) * t
    candidates.append(inner if inner in interval else (lo + hi) / 2)
    x = draw(st.sampled_from(candidates))
    assert x in interval
    return x


@st.composite
def interval_with_member(draw: st.DrawFn, /, **options: bool) -> tuple[Interval, Fraction]:
    """An interval (see `intervals`) and a number in it."""
    iv = draw(intervals(**options))
    return iv, draw(members(iv))


# --------------------------------------------------------------------------- units


@functools.cache
def unit_definitions() -> tuple[UnitDefinition, ...]:
    """The definitions of ``units.txt`` (cached)."""
    return known_units()


def _symbols(keep: Callable[[UnitDefinition], bool]) -> list[str]:
    return sorted({s for d in unit_definitions() if keep(d) for s in d.symbols})


def counting_unit_symbols() -> list[str]:
    """The Chinese symbols and aliases of the ``counting`` group of ``units.txt``."""
    return _symbols(lambda d: d.group == "counting")


# --------------------------------------------------------------------------- model


@st.composite
def spans(draw: st.DrawFn, *, max_offset: int = 100_000, min_length: int = 1) -> Span:
    """A span of 1..40 characters with a plausible line and column."""
    start = draw(st.integers(min_value=0, max_value=max_offset))
    length = draw(st.integers(min_value=min_length, max_value=40))
    line = draw(st.integers(min_value=1, max_value=2000))
    column = draw(st.integers(min_value=1, max_value=500))
    return Span(start=start, end=start + length, line=line, column=column)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """A period of whole months: any start, an end on or after it (years 1990-2040)."""
    start_year = draw(st.integers(min_value=1990, max_value=2040))
    start_month = draw(st.integers(min_value=1, max_value=12))
    first = start_year * 12 + start_month - 1
    last = draw(st.integers(min_value=first, max_value=first + 36))
    end_year, end_month0 = divmod(last, 12)
    return Period(
        start_year=start_year, start_month=start_month, end_year=end_year, end_month=end_month0 + 1
    )


_WORDS = st.text(
    alphabet="地区生产总值全镇拆迁户征地亩违建整治企业收入增长率", min_size=1, max_size=8
)


@st.composite
def facts(draw: st.DrawFn, *, fact_id: str | None = None, with_span: bool | None = None) -> Fact:
    """A fact with every field filled or empty, as extraction or records would produce.

    Args:
        draw: Hypothesis's draw function.
        fact_id: The id (default ``f`` and a number).
        with_span: True: from text (span and sentence); False: from records; None: either.
    """
    value = draw(values())
    from_text = draw(st.booleans()) if with_span is None else with_span
    span = draw(spans()) if from_text else None
    return Fact(
        id=fact_id or f"f{draw(st.integers(min_value=1, max_value=10_000))}",
        kind=draw(st.sampled_from(list(FactKind))),
        value=value,
        surface=str(value) if draw(st.booleans()) else draw(_WORDS) + str(value),
        indicator=draw(st.none() | _WORDS),
        subject=draw(st.none() | _WORDS),
        period=draw(st.none() | periods()),
        modality=draw(st.sampled_from(list(Modality))),
        qualifiers=tuple(
            draw(st.lists(st.sampled_from(["约", "累计", "新增", "力争"]), max_size=2))
        ),
        span=span,
        sentence=draw(st.none() | spans(min_length=40)) if from_text else None,
        refers_to=None,
        record=None if from_text else f"row {draw(st.integers(min_value=1, max_value=500))}",
        extras=()
        if from_text
        else tuple(draw(st.dictionaries(_WORDS, _WORDS, max_size=3)).items()),
    )


@st.composite
def skipped_mentions(draw: st.DrawFn) -> SkippedMention:
    """A number that is not a measurement (2023年, 1-9月, 二十大) with its reason."""
    return SkippedMention(
        span=draw(spans()),
        surface=draw(st.sampled_from(["2023年", "1-9月", "二十大", "八八战略", "141", "A地块"])),
        reason=draw(st.sampled_from(list(SkipReason))).value,
    )


@st.composite
def reports(draw: st.DrawFn, *, with_span: bool | None = None, max_facts: int = 8) -> Report:
    """A report of uniquely numbered facts, some referring to earlier ones, and skipped mentions."""
    n = draw(st.integers(min_value=0, max_value=max_facts))
    fact_list: list[Fact] = []
    for i in range(1, n + 1):
        fact = draw(facts(fact_id=f"f{i}", with_span=with_span))
        refers = draw(st.booleans())
        if fact_list and refers:
            fact = attrs.evolve(fact, refers_to=draw(st.sampled_from(fact_list)).id)
        fact_list.append(fact)
    return Report(
        source=draw(st.sampled_from(["report.txt", "观海卫镇2023.txt", "<records>"])),
        encoding=draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"])),
        facts=tuple(fact_list),
        skipped=tuple(draw(st.lists(skipped_mentions(), max_size=4))),
        year=draw(st.none() | st.integers(min_value=2000, max_value=2030)),
        title=draw(st.none() | _WORDS),
    )


# --------------------------------------------------------------------------- report text


def _lexicon_words() -> list[str]:
    """Every word of the extractor's lexicon data (``extract/lexicon.toml``)."""
    import tomllib  # noqa: PLC0415
    from importlib.resources import files  # noqa: PLC0415

    data = tomllib.loads(files("townkpi.extract").joinpath("lexicon.toml").read_text("utf-8"))
    words: set[str] = set()
    for section in data.values():
        for value in section.values():
            if isinstance(value, list):
                words.update(str(w).split(":")[0] for w in value)
    return sorted(w for w in words if w)


#: Words of report sentences beside the lexicon's: subjects, indicators, periods, modality.
_REPORT_WORDS = (
    "全镇", "全年", "实现", "地区生产总值", "规上工业总产值", "一般公共预算收入", "拆迁", "征地",
    "违法建筑", "完成率", "同比增长", "同比下降", "比上年增长", "增长", "下降", "个百分点", "占",
    "分别", "分别为", "分别增长", "其中", "累计", "新增", "达到", "预计", "力争", "确保", "争取",
    "第", "名", "位列", "年", "月", "日", "季度", "1-9月", "2023年", "上半年", "一季度", "倍",
    "成", "余", "多", "至", "到", "A地块", "二十大", "八八战略", "“一中心、四平台”", "《规划》",
)  # fmt: skip
#: Punctuation soup: full-width and ASCII, brackets, quotes, percent signs, blanks.
_PUNCTUATION = (
    *"，；。、（）,;.()%％：:！？“”‘’《》【】「」/／+＋-－—~～ 　\t", "\n", "\r\n", "\n\n", "……",
)  # fmt: skip
#: Markup a report copied from a web page may carry, and markup meant to attack a page.
_MARKUP = (
    "<b>", "</b>", "<p>", "</p>", "<br>", "<script>", "</script>", "<!--", "-->", "&amp;",
    "&#49;", "&lt;", "<a href=\"javascript:alert(1)\">", "</a>", "</textarea>", "'", '"',
    "<img src=x onerror=alert(1)>", "=HYPERLINK(\"x\")", "@SUM(A1)", "+1", "-1",
)  # fmt: skip


@st.composite
def _figures(draw: st.DrawFn) -> str:
    """A figure as a report writes it: [qualifier] number [万/亿] [unit] [qualifier]."""
    number = draw(
        st.one_of(
            arabic_numerals().map(lambda w: w.text),
            chinese_numerals(max_value=10**9).map(lambda w: w.text),
            written_decimals(signed=True),
            st.from_regex(r"[0-9]{1,3}(,[0-9]{3}){1,3}(\.[0-9]{1,2})?", fullmatch=True),
            st.from_regex(r"[0-9]{1,4}[-~至到][0-9]{1,4}", fullmatch=True),
        )
    )
    prefix = draw(st.sampled_from(["", "", "约", "近", "超过", "不少于", "不足", "达到", "第"]))
    unit = draw(st.sampled_from(["", "", "%", "％"]) | unit_symbols())
    scale = draw(st.sampled_from(["", "", "", "万", "亿", "万亿"]))
    suffix = draw(st.sampled_from(["", "", "", "余", "多", "以上", "以下", "左右", "以内"]))
    return prefix + number + scale + unit + suffix


@functools.cache
def _tokens() -> SearchStrategy[str]:
    from townkpi.numbers import QUALIFIERS  # noqa: PLC0415

    return st.one_of(
        _figures(),
        _figures(),
        st.sampled_from(_lexicon_words()),
        st.sampled_from(_REPORT_WORDS),
        st.sampled_from(sorted(QUALIFIERS)),
        unit_symbols(),
        st.sampled_from(_PUNCTUATION),
        st.sampled_from(_PUNCTUATION),
        st.sampled_from(_MARKUP),
        st.text(max_size=3),
    )


def report_texts(*, max_tokens: int = 40) -> SearchStrategy[str]:
    """Text that looks like a report to the extractor, and is hostile to it.

    Figures (ASCII, full-width and Chinese numerals, thousands commas, ranges, signs, 万/亿, units
    of ``units.txt``, qualifiers), the lexicon's words (同比增长, 完成率, 分别 …), report words,
    punctuation soup (，；。、（）,;.() %％ and brackets), line breaks, HTML tags and spreadsheet
    formulas, and a few arbitrary characters, in any order.
    """
    return st.lists(_tokens(), max_size=max_tokens).map("".join)
