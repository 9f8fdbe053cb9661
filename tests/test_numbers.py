"""Written numbers: digits, full-width forms, separators, 万/亿, Chinese numerals, qualifiers."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from strategies import arabic_numerals, chinese_numerals, to_chinese, written_decimals
from townkpi import Comparator, NumberFormatError, Value, parse_numeral
from townkpi.numbers import QUALIFIERS, QualifierEffect, normalize_digits, value_interval

FULLWIDTH = str.maketrans("0123456789.,-", "０１２３４５６７８９．，－")


# --------------------------------------------------------------------------- Arabic digits


@given(arabic_numerals())
def test_written_text_round_trips_through_numeral_keeping_precision(written):
    n = parse_numeral(written.text)
    assert format(n.digits, "f") == written.plain
    assert n.scale == written.scale
    assert n.value == written.value
    assert n.text == written.text
    assert not n.chinese


@pytest.mark.parametrize("text", ["8.0", "0.50", "131.5", "100", "2.20", "0.05"])
def test_trailing_zeros_are_written_precision(text):
    n = parse_numeral(text)
    assert format(n.digits, "f") == text
    assert n.digits.as_tuple() == Decimal(text).as_tuple()


def test_eight_point_zero_has_precision_one_tenth():
    assert parse_numeral("8.0").quantum == Fraction(1, 10)
    assert parse_numeral("8").quantum == 1
    assert parse_numeral("98.85").quantum == Fraction(1, 100)


@given(written_decimals(), st.sampled_from([("万", 4), ("亿", 8), ("万亿", 12)]))
def test_wan_and_yi_scale_exactly(plain, scale):
    word, power = scale
    n = parse_numeral(plain + word)
    assert n.digits == Decimal(plain)
    assert format(n.digits, "f") == plain
    assert n.scale == power
    assert n.value == Decimal(plain) * 10**power
    assert Fraction(n.value) == Fraction(Decimal(plain)) * 10**power


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.2万", 22000),
        ("9.5万", 95000),
        ("131.5亿", 13_150_000_000),
        ("1.2万亿", 1_200_000_000_000),
    ],
)
def test_wan_and_yi_examples(text, value):
    assert parse_numeral(text).value == value


@given(arabic_numerals(fullwidth=False))
def test_fullwidth_reads_as_ascii(written):
    ascii_numeral = parse_numeral(written.text)
    wide = parse_numeral(written.text.translate(FULLWIDTH))
    assert (wide.digits, wide.scale) == (ascii_numeral.digits, ascii_numeral.scale)
    assert format(wide.digits, "f") == format(ascii_numeral.digits, "f")


def test_fullwidth_examples():
    assert parse_numeral("１３１．５").digits == Decimal("131.5")
    assert parse_numeral("９９．５").quantum == Fraction(1, 10)
    assert parse_numeral("－８．７").digits == Decimal("-8.7")
    assert normalize_digits("１３１．５亿元") == "131.5亿元"


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("1,234", "1234"),
        ("1,234.5", "1234.5"),
        ("12,345,678", "12345678"),
        ("１，２３４", "1234"),
        ("2,806万", "2806"),
        ("999", "999"),
    ],
)
def test_thousands_separators(text, digits):
    n = parse_numeral(text)
    assert format(n.digits, "f") == digits


@pytest.mark.parametrize(
    ("text", "position", "reason_part"),
    [
        ("12.3.4", 4, "'.'"),
        ("1,23", 1, "','"),
        ("12,34", 2, "','"),
        ("12.", 2, "'.'"),
        ("-", 0, "'-'"),
        ("12万3", 3, "'3'"),
        ("3a", 1, "'a'"),
        ("约230", 0, "'约'"),
        ("", 0, "empty"),
        ("七八", 1, "follows another digit"),
        ("千百", 0, "no digit before"),
        ("五十三十", 3, "out of order"),
        ("十十", 1, "out of order"),
        ("一万万", 1, "twice"),
        ("零十", 1, "zero before"),
        ("万", 0, "no number before"),
        ("三个", 1, "'个'"),
    ],
)
def test_malformed_numbers_name_the_position(text, position, reason_part):
    with pytest.raises(NumberFormatError) as info:
        parse_numeral(text)
    error = info.value
    assert error.position == position
    assert error.text == text
    assert reason_part in error.reason
    assert f"position {position}" in str(error)
    assert "\n" not in str(error)


# --------------------------------------------------------------------------- Chinese numerals


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("零", 0),
        ("两", 2),
        ("十七", 17),
        ("二十", 20),
        ("一百二十", 120),
        ("一百一十", 110),
        ("三千五百", 3500),
        ("一万二千", 12000),
        ("一万两千", 12000),
        ("两千零五", 2005),
        ("一千零五十", 1050),
        ("十万", 100_000),
        ("二十万零五", 200_005),
        ("一百万零一", 1_000_001),
        ("一亿二千万", 120_000_000),
        ("一亿零一万", 100_010_000),
        ("一万亿", 10**12),
        # Colloquial abbreviations: the last digit counts in the place below the unit before it.
        ("三千五", 3500),
        ("两百五", 250),
        ("一万五", 15000),
        # Digit by digit, as years are written.
        ("二〇二三", 2023),
        ("一九九八", 1998),
    ],
)
def test_chinese_numerals(text, value):
    n = parse_numeral(text)
    assert n.value == value
    assert n.chinese
    assert n.scale == 0


@given(chinese_numerals())
def test_chinese_numerals_round_trip(written):
    n = parse_numeral(written.text)
    assert n.value == written.value
    assert n.chinese


@given(st.integers(min_value=0, max_value=99_999_999), st.booleans())
@example(0, False)
@example(10, False)
@example(10_010, False)
@example(100_000, False)
@example(20_000_000, True)
@example(99_999_999, False)
def test_every_int_rendered_in_chinese_reads_back(n, liang):
    assert parse_numeral(to_chinese(n, liang=liang)).value == n


def test_chinese_numerals_are_exact():
    # A numeral written in words is a count, not a rounded figure.
    iv, comparator = value_interval((parse_numeral("十七"),))
    assert str(iv) == "[17]"
    assert comparator is Comparator.EQ


# --------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("written", "text", "lower", "upper"),
    [
        ("1-2个", "1-2", 1, 2),
        ("5至10家", "5-10", 5, 10),
        ("5～10家", "5-10", 5, 10),
        ("5~10家", "5-10", 5, 10),
        ("3到5项", "3-5", 3, 5),
    ],
)
def test_ranges_of_counts(written, text, lower, upper):
    v = Value.parse(written)
    assert v.text == text
    assert v.comparator is Comparator.RANGE
    assert v.is_range
    assert v.interval.lower == lower
    assert v.interval.upper == upper
    assert v.interval.lower_closed
    assert v.interval.upper_closed


def test_range_of_rounded_values_spans_both_rounding_intervals():
    # 1.5-2.5亩: 1.5 stands for [1.45, 1.55) and 2.5 for [2.45, 2.55).
    v = Value.parse("1.5-2.5亩")
    assert str(v.interval) == "[1.45, 2.55)"


def test_range_with_wan_applies_the_scale_to_both_ends():
    # 1-2万个 is 1万 to 2万, not 1 to 20000.
    v = Value.parse("1-2万个")
    assert v.unit == "万个"
    assert v.text == "1-2"
    assert v.interval.lower == Fraction(1, 2)  # 1 (万个) written to the unit: [0.5, 1.5)
    assert v.interval.upper == Fraction(5, 2)


def test_value_interval_needs_a_numeral():
    with pytest.raises(ValueError, match="at least one numeral"):
        value_interval(())


# --------------------------------------------------------------------------- qualifiers

# Every qualifier word, applied to 200 (written to the unit, so 200 stands for [199.5, 200.5)),
# with the interval and comparator it must give, worked out by hand with the default 5 % band.
QUALIFIED_200 = {
    "约": ("[190, 210]", Comparator.APPROX),
    "大约": ("[190, 210]", Comparator.APPROX),
    "左右": ("[190, 210]", Comparator.APPROX),
    "上下": ("[190, 210]", Comparator.APPROX),
    "近": ("[190, 200.5)", Comparator.APPROX),
    "将近": ("[190, 200.5)", Comparator.APPROX),
    "接近": ("[190, 200.5)", Comparator.APPROX),
    "余": ("(200, 300)", Comparator.GT),
    "多": ("(200, 300)", Comparator.GT),
    "超过": ("(200, inf)", Comparator.GT),
    "超": ("(200, inf)", Comparator.GT),
    "逾": ("(200, inf)", Comparator.GT),
    "高于": ("(200, inf)", Comparator.GT),
    "多于": ("(200, inf)", Comparator.GT),
    "不少于": ("[200, inf)", Comparator.GE),
    "不低于": ("[200, inf)", Comparator.GE),
    "至少": ("[200, inf)", Comparator.GE),
    "以上": ("[200, inf)", Comparator.GE),
    "及以上": ("[200, inf)", Comparator.GE),
    "不超过": ("(-inf, 200]", Comparator.LE),
    "不高于": ("(-inf, 200]", Comparator.LE),
    "至多": ("(-inf, 200]", Comparator.LE),
    "以下": ("(-inf, 200]", Comparator.LE),
    "以内": ("(-inf, 200]", Comparator.LE),
    "不足": ("(-inf, 200)", Comparator.LT),
    "低于": ("(-inf, 200)", Comparator.LT),
    "少于": ("(-inf, 200)", Comparator.LT),
}


def test_every_qualifier_has_an_expected_interval():
    assert set(QUALIFIED_200) == set(QUALIFIERS)


@pytest.mark.parametrize("word", sorted(QUALIFIERS))
def test_qualifier_interval(word):
    expected, comparator = QUALIFIED_200[word]
    iv, comp = value_interval((parse_numeral("200"),), (word,))
    assert str(iv) == expected
    assert comp is comparator


@pytest.mark.parametrize("word", sorted(QUALIFIERS))
def test_qualifier_read_in_its_place(word):
    # Prefix words stand before the number, 余/多 between number and unit, the rest after the unit.
    q = QUALIFIERS[word]
    if q.prefix:
        written = f"{word}200亩"
    elif q.effect is QualifierEffect.MORE:
        written = f"200{word}亩"
    else:
        written = f"200亩{word}"
    v = Value.parse(written)
    expected, comparator = QUALIFIED_200[word]
    assert v.unit == "亩"
    assert str(v.interval) == expected
    assert v.comparator is comparator


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("70余", "(70, 80)"),
        ("330余", "(330, 340)"),
        ("2000余", "(2000, 3000)"),
        ("2.2余", "(2.2, 2.3)"),
        ("8.0余", "(8, 8.1)"),  # the written decimal is significant
        ("十余", "(10, 20)"),
    ],
)
def test_yu_steps_by_the_last_significant_place(written, expected):
    iv, comparator = value_interval((parse_numeral(written[:-1]),), ("余",))
    assert str(iv) == expected
    assert comparator is Comparator.GT


def test_unknown_qualifier_words_are_ignored():
    iv, comparator = value_interval((parse_numeral("200"),), ("大概齐",))
    assert str(iv) == "[199.5, 200.5)"
    assert comparator is Comparator.EQ


def test_approx_band_is_configurable():
    iv, _ = value_interval((parse_numeral("200"),), ("约",), tolerance=Fraction(1, 10))
    assert str(iv) == "[180, 220]"
