"""Hypothesis builders of values and reports, for property tests of checks.

This module needs [Hypothesis](https://hypothesis.readthedocs.io) (``pip install
"townkpi[testing]"``); ``import townkpi.testing`` does not import it, so the other helpers work
without Hypothesis.

- [`values`][townkpi.testing.strategies.values] draws a value as a report writes it: a decimal,
  a range or a qualified figure, with a unit of ``units.txt`` or none.
- [`reports`][townkpi.testing.strategies.reports] draws a report of facts named by the indicator
  phrases a pack's checks look for, with values, kinds, subjects, periods, modality, qualifiers,
  spans and links to earlier facts drawn at random: the input of a property test that the checks
  never crash on arbitrary reports.

A pack's property test typically reads:

```python
from hypothesis import given, settings

from townkpi import Config, PluginHost, check
from townkpi.testing import assert_sound_findings
from townkpi.testing.strategies import reports

HOST = PluginHost.create(entry_points=True)
PHRASES = ["拆迁", "征地", "征地完成率"]


@settings(deadline=None)
@given(reports(PHRASES))
def test_checks_never_crash(report):
    result = check(report, config=Config(select=("VIL",)), host=HOST)
    assert_sound_findings(result, report, prefix="VIL")
```
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from townkpi.interval import Rounding
from townkpi.model import Fact, FactKind, Modality, Period, Report, Span, Value
from townkpi.numbers import parse_numeral
from townkpi.units import UnitCategory, known_units, parse_unit

__all__ = [
    "PERIODS",
    "SUBJECTS",
    "reports",
    "unit_symbols",
    "unit_texts",
    "values",
    "written_decimals",
]

#: The subjects [`reports`][townkpi.testing.strategies.reports] draws by default: none, the town,
#: the province and two projects.
SUBJECTS: tuple[str | None, ...] = (None, "全镇", "全省", "宁慈线", "通苏嘉甬铁路")
#: The periods [`reports`][townkpi.testing.strategies.reports] draws by default: none, two years
#: and the first nine months of a year.
PERIODS: tuple[Period | None, ...] = (
    None,
    Period.year(2023),
    Period.year(2024),
    Period.months(2023, 1, 9),
)

_QUALIFIERS = ("余", "多", "以上", "以内", "超过", "不足", "约")
_FACT_QUALIFIERS = ("累计", "新增", "约")
#: Units that take 万 or 亿 before them (万元, 亿元, 万亩, 万人, 万吨).
_SCALABLE = (UnitCategory.CURRENCY, UnitCategory.AREA, UnitCategory.COUNT, UnitCategory.MASS)


@st.composite
def written_decimals(
    draw: st.DrawFn,
    *,
    max_int_digits: int = 9,
    max_places: int = 4,
    signed: bool = False,
) -> str:
    """A plain ASCII decimal as a report writes it: ``131.5``, ``8.0``, ``0.05``, ``4533``.

    Trailing zeros after the point are kept (``8.0``): they are written precision.

    Args:
        draw: Hypothesis's draw function (supplied by Hypothesis).
        max_int_digits: The most digits before the point.
        max_places: The most digits after the point.
        signed: Whether a nonzero number may carry a minus sign.

    Returns:
        A strategy of the decimal's text.
    """
    int_part = draw(st.integers(min_value=0, max_value=10**max_int_digits - 1))
    places = draw(st.integers(min_value=0, max_value=max_places))
    text = str(int_part)
    if places:
        frac = draw(st.integers(min_value=0, max_value=10**places - 1))
        text += "." + str(frac).zfill(places)
    if signed and draw(st.booleans()) and Decimal(text) != 0:
        text = "-" + text
    return text


def unit_symbols(category: UnitCategory | None = None) -> SearchStrategy[str]:
    """A symbol or alias of ``units.txt``, optionally of one category.

    Args:
        category: Only symbols of this category; None: any symbol.

    Returns:
        A strategy of the symbols, in a fixed order (so that examples shrink alike).
    """
    return st.sampled_from(_symbols(category))


@functools.cache
def _symbols(category: UnitCategory | None) -> tuple[str, ...]:
    symbols = sorted({s for d in known_units() for s in d.symbols})
    return tuple(s for s in symbols if category is None or parse_unit(s).category is category)


@st.composite
def unit_texts(draw: st.DrawFn, *, categories: Sequence[UnitCategory] = tuple(UnitCategory)) -> str:
    """A unit as written in a report: a symbol, with 万/亿 before it where that makes sense.

    Args:
        draw: Hypothesis's draw function (supplied by Hypothesis).
        categories: The categories to draw from (``OTHER`` is never drawn).

    Returns:
        A strategy of the unit's text (``亩``, ``万元``, ``%``, ``个百分点`` …).
    """
    category = draw(st.sampled_from([c for c in categories if c is not UnitCategory.OTHER]))
    symbol = draw(unit_symbols(category))
    if category in _SCALABLE and draw(st.booleans()):
        return draw(st.sampled_from(["万", "亿"])) + symbol
    return symbol


@st.composite
def values(draw: st.DrawFn) -> Value:
    """A value with a unit (or none), its interval and comparator, written as a report would.

    Built through [`Value.from_numerals`][townkpi.Value.from_numerals] from a written decimal, a
    unit (with 万/亿 where it takes one) or none, and one of three shapes: a plain figure (maybe
    negative), a range, or a figure with a qualifier (余, 多, 以上, 以内, 超过, 不足, 约). Every
    interval end is a terminating decimal, so values serialise exactly.

    Args:
        draw: Hypothesis's draw function (supplied by Hypothesis).

    Returns:
        A strategy of values.
    """
    first = draw(written_decimals(max_int_digits=6, max_places=3))
    unit = draw(st.none() | unit_texts())
    numeral_list = [parse_numeral(first)]
    qualifiers: list[str] = []
    shape = draw(st.sampled_from(["plain", "range", "qualified"]))
    if shape == "range":
        step = draw(written_decimals(max_int_digits=3, max_places=0))
        second = Decimal(first) + Decimal(step) + 1
        numeral_list.append(parse_numeral(format(second, "f")))
    elif shape == "qualified":
        qualifiers.append(draw(st.sampled_from(_QUALIFIERS)))
    return Value.from_numerals(
        numeral_list,
        unit,
        qualifiers,
        negative=shape == "plain" and draw(st.booleans()),
        rounding=draw(st.sampled_from(list(Rounding))),
    )


@st.composite
def reports(
    draw: st.DrawFn,
    phrases: Sequence[str],
    *,
    subjects: Sequence[str | None] = SUBJECTS,
    periods: Sequence[Period | None] = PERIODS,
    max_facts: int = 8,
) -> Report:
    """A report of facts named by ``phrases``, everything else about them drawn at random.

    The report's text is 400 full stops, and its source ``random``. It has 1 to ``max_facts``
    facts with ids ``f1``, ``f2`` …; each has a value from
    [`values`][townkpi.testing.strategies.values] (its surface is the value's text), a kind, an
    indicator from ``phrases``, a subject from ``subjects``, a period from ``periods``, a modality,
    up to two qualifiers (累计, 新增, 约), and either no span and sentence (a fact from records) or
    a span of three characters in one of three sentences of the text. A fact may refer to an
    earlier one.

    Args:
        draw: Hypothesis's draw function (supplied by Hypothesis).
        phrases: The indicator phrases, typically those the checks under test look for.
        subjects: The subjects to draw from (None: no subject).
        periods: The periods to draw from (None: no period).
        max_facts: The most facts in a report.

    Returns:
        A strategy of reports.
    """
    n = draw(st.integers(min_value=1, max_value=max_facts))
    facts = []
    for i in range(1, n + 1):
        value = draw(values())
        start = draw(st.integers(min_value=0, max_value=300))
        sentence = draw(st.sampled_from([(0, 100), (100, 200), (200, 400)]))
        with_text = draw(st.booleans())
        facts.append(
            Fact(
                id=f"f{i}",
                kind=draw(st.sampled_from(list(FactKind))),
                value=value,
                surface=str(value),
                indicator=draw(st.sampled_from(phrases)),
                subject=draw(st.sampled_from(subjects)),
                period=draw(st.sampled_from(periods)),
                modality=draw(st.sampled_from(list(Modality))),
                qualifiers=tuple(draw(st.lists(st.sampled_from(_FACT_QUALIFIERS), max_size=2))),
                span=Span(start=start, end=start + 3) if with_text else None,
                sentence=Span(start=sentence[0], end=sentence[1]) if with_text else None,
                refers_to=f"f{draw(st.integers(min_value=1, max_value=i - 1))}"
                if i > 1 and draw(st.booleans())
                else None,
            )
        )
    return Report(source="random", text="。" * 400, facts=facts)
