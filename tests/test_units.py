"""Units on pint: exact conversions, dimensions that never mix, Chinese display, caching."""

import itertools
from decimal import Decimal
from fractions import Fraction

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategies import counting_unit_symbols, decimals, unit_definitions
from townkpi import (
    DimensionMismatchError,
    UnitCategory,
    UnitDefinition,
    UnitError,
    conversion_factor,
    convert,
    format_quantity,
    parse_unit,
    quantity,
)
from townkpi.units import define_units, known_prefixes

# --------------------------------------------------------------------------- conversions


@pytest.mark.parametrize(
    ("source", "target", "factor"),
    [
        ("亿元", "万元", Fraction(10_000)),
        ("万元", "元", Fraction(10_000)),
        ("元", "亿元", Fraction(1, 10**8)),
        ("万亿元", "亿元", Fraction(10_000)),
        ("万美元", "美元", Fraction(10_000)),
        # 1 亩 = 10000/15 m², so 1 万亩 = 10**8/15 m² = 10**4/15 公顷 · … = 2000/3 公顷.
        ("万亩", "公顷", Fraction(2000, 3)),
        ("亩", "平方米", Fraction(2000, 3)),
        ("公顷", "平方米", Fraction(10_000)),
        ("万平方米", "平方米", Fraction(10_000)),
        ("平方公里", "公顷", Fraction(100)),
        ("公里", "米", Fraction(1000)),
        ("万吨", "吨", Fraction(10_000)),
        ("%", "倍", Fraction(1, 100)),
        ("名", "人", Fraction(1)),
        ("万个", "个", Fraction(10_000)),
    ],
)
def test_conversion_factors_are_exact(source, target, factor):
    assert conversion_factor(source, target) == factor
    assert conversion_factor(target, source) == 1 / factor


def test_yi_to_wan_to_yuan_to_yi_is_the_identity():
    chain = (
        conversion_factor("亿元", "万元")
        * conversion_factor("万元", "元")
        * conversion_factor("元", "亿元")
    )
    assert chain == 1


def test_mu_hectare_square_metre_cycle_is_the_identity():
    chain = (
        conversion_factor("万亩", "公顷")
        * conversion_factor("公顷", "平方米")
        * conversion_factor("平方米", "万亩")
    )
    assert chain == 1


def test_two_point_one_wan_mu_is_exactly_1400_hectares():
    # 2.1万亩 × 2000/3 公顷 per 万亩 = 1400 公顷.
    assert convert(quantity(Decimal("2.1"), "万亩"), "公顷").magnitude == 1400


SAME_DIMENSION = [
    ("亿元", "万元", "元", "万亿元"),
    ("万亩", "亩", "公顷", "平方米", "万平方米", "平方公里"),
    ("公里", "米"),
    ("万吨", "吨", "公斤"),
    ("万个", "个"),
]


@given(
    decimals(max_int_digits=8, max_places=4, signed=True),
    st.sampled_from(SAME_DIMENSION).flatmap(st.permutations),
)
def test_conversions_are_exact_and_invertible(d, units):
    # Convert through every unit of the dimension in turn, then back: nothing is lost.
    current = quantity(d, units[0])
    for previous, unit in itertools.pairwise(units):
        nxt = convert(current, unit)
        assert nxt.magnitude == current.magnitude * conversion_factor(previous, unit)
        assert nxt.magnitude == Fraction(d) * conversion_factor(units[0], unit)
        current = nxt
    back = convert(current, units[0])
    assert back.magnitude == Fraction(d)
    assert isinstance(back.magnitude, Fraction)


# --------------------------------------------------------------------------- dimensions


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("户", "人"),
        ("元", "美元"),
        ("亿元", "万美元"),
        ("%", "个百分点"),
        ("人次", "人"),
        ("亩", "米"),
    ],
)
def test_different_dimensions_never_convert(left, right):
    with pytest.raises(DimensionMismatchError) as info:
        conversion_factor(left, right)
    assert info.value.left == left
    assert info.value.right == right
    with pytest.raises(DimensionMismatchError):
        convert(quantity(1, left), right)


@pytest.mark.parametrize(("left", "right"), [("户", "人"), ("元", "美元"), ("%", "个百分点")])
def test_adding_quantities_of_different_dimensions_raises_in_pint(left, right):
    with pytest.raises(pint.DimensionalityError):
        quantity(169, left) + quantity(962, right)


def test_adding_quantities_of_one_dimension_is_exact():
    total = quantity(Decimal("131.5"), "亿元") + quantity(1800, "万元")
    assert convert(total, "万元").magnitude == 1_316_800


COUNTING = counting_unit_symbols()
COUNTING_DEFINITIONS = [d for d in unit_definitions() if d.group == "counting"]


def test_the_counting_group_is_not_empty():
    assert {"户", "人", "家", "个", "件", "宗", "起", "次", "座", "幢", "条", "处", "项"} <= set(
        COUNTING
    )


@given(st.sampled_from(COUNTING_DEFINITIONS), st.sampled_from(COUNTING_DEFINITIONS))
def test_every_counting_unit_is_its_own_dimension(a, b):
    ua, ub = parse_unit(a.symbols[0]), parse_unit(b.symbols[0])
    assert ua.category is UnitCategory.COUNT
    assert ua.counts_whole_things
    if a.name == b.name:
        assert ua.dimension == ub.dimension
    else:
        assert ua.dimension != ub.dimension
        with pytest.raises(DimensionMismatchError):
            conversion_factor(ua, ub)


def test_no_two_counting_units_share_a_dimension():
    for a, b in itertools.combinations(COUNTING_DEFINITIONS, 2):
        assert parse_unit(a.symbols[0]).dimension != parse_unit(b.symbols[0]).dimension, (a, b)


def test_ming_is_ren_and_renci_is_not():
    assert parse_unit("名").dimension == parse_unit("人").dimension == "[person]"
    assert conversion_factor("名", "人") == 1
    assert parse_unit("人次").dimension != parse_unit("人").dimension


@pytest.mark.parametrize(
    ("text", "dimension", "category", "factor", "base"),
    [
        ("亿元", "[currency_cny]", UnitCategory.CURRENCY, 10**8, "元"),
        ("万美元", "[currency_usd]", UnitCategory.CURRENCY, 10**4, "美元"),
        ("万平方米", "[length]^2", UnitCategory.AREA, 10**4, "平方米"),
        ("亩", "[length]^2", UnitCategory.AREA, 1, "亩"),
        ("公里", "[length]", UnitCategory.LENGTH, 1, "公里"),
        ("万件", "[item]", UnitCategory.COUNT, 10**4, "件"),
        ("户", "[household]", UnitCategory.COUNT, 1, "户"),
        ("%", "[]", UnitCategory.PROPORTION, 1, "%"),
        ("％", "[]", UnitCategory.PROPORTION, 1, "%"),
        ("个百分点", "[percentage_point]", UnitCategory.PERCENTAGE_POINT, 1, "个百分点"),
        ("万吨", "[mass]", UnitCategory.MASS, 10**4, "吨"),
    ],
)
def test_parse_unit(text, dimension, category, factor, base):
    u = parse_unit(text)
    assert u.text == text
    assert u.dimension == dimension
    assert u.category is category
    assert u.factor == factor
    assert u.base == base
    assert str(u) == text


def test_scaled_counts_are_not_whole_things():
    assert parse_unit("个").counts_whole_things
    assert not parse_unit("万个").counts_whole_things
    assert parse_unit("万个").is_count


# --------------------------------------------------------------------------- the units file

ALL_SYMBOLS = sorted({s for d in unit_definitions() for s in d.symbols})
ALL_NAMES = sorted(d.name for d in unit_definitions())


@pytest.mark.parametrize("symbol", ALL_SYMBOLS)
def test_every_symbol_and_alias_parses(symbol):
    u = parse_unit(symbol)
    assert u.text == symbol
    assert u.factor == 1


@pytest.mark.parametrize("name", ALL_NAMES)
def test_every_canonical_name_parses_to_its_symbols_dimension(name):
    definition = next(d for d in unit_definitions() if d.name == name)
    assert parse_unit(name).dimension == parse_unit(definition.symbols[0]).dimension


def test_aliases_mean_the_same_unit():
    for d in unit_definitions():
        first = d.symbols[0]
        for alias in d.symbols[1:]:
            assert conversion_factor(alias, first) == 1, (alias, first)


def test_known_units_lists_the_file_in_order():
    names = [d.name for d in unit_definitions()]
    assert names[0] == "yuan"
    assert "household" in names
    assert len(names) == len(set(names))
    assert all(not n.endswith("-") for n in names)  # prefixes are not units


@pytest.mark.parametrize("text", ["光年", "foo", "斤斤计较", "万", "", "  ", "元元元/"])
def test_unknown_units_raise_unit_error(text):
    with pytest.raises(UnitError) as info:
        parse_unit(text)
    assert info.value.unit == text
    assert "\n" not in str(info.value)


# --------------------------------------------------------------------------- display and caching


@pytest.mark.parametrize(
    ("magnitude", "unit", "expected"),
    [
        (Decimal("131.5"), "亿元", "131.5亿元"),
        (Decimal("98.8"), "%", "98.8%"),
        (2, "个百分点", "2个百分点"),
        (Decimal("20.9"), "万平方米", "20.9万平方米"),
        (Decimal("2.2"), "万个", "2.2万个"),
        (216, "万美元", "216万美元"),
        (169, "户", "169户"),
    ],
)
def test_format_quantity_writes_chinese(magnitude, unit, expected):
    text = format_quantity(quantity(magnitude, unit))
    assert text == expected
    assert "yuan" not in text


def test_format_quantity_after_conversion():
    q = convert(quantity(Decimal("131.5"), "亿元"), "万元")
    assert format_quantity(q) == "1315000万元"


def test_format_quantity_of_a_rate_per_unit():
    q = quantity(Decimal(2806), "万元") / quantity(761, "起")
    assert format_quantity(q) == f"{format_quantity(quantity(Fraction(2806, 761), '万元'))}/起"


def test_parse_unit_is_cached():
    assert parse_unit("亿元") is parse_unit("亿元")
    assert parse_unit("万平方米") is parse_unit("万平方米")


def test_quantities_are_exact_fractions():
    q = quantity(Decimal("131.5"), "亿元")
    assert q.magnitude == Fraction(263, 2)
    assert isinstance(q.magnitude, Fraction)


def test_known_prefixes_are_the_chinese_scales():
    assert dict(known_prefixes()) == {
        "万": 10**4,
        "亿": 10**8,
        "万亿": 10**12,
        "千万": 10**7,
        "百万": 10**6,
    }
    for word, factor in known_prefixes():
        assert parse_unit(word + "元").factor == factor


# --------------------------------------------------------------------------- units of plugins
# The registry is shared by the whole process: each test defines units of names no other uses.


def test_a_group_block_makes_counting_units():
    define_units(
        ["@group counting", "tu_crate = [tu_crate] = 筐甲", "tu_tray = [tu_tray] = 盘乙", "@end"]
    )
    crate, tray = parse_unit("筐甲"), parse_unit("盘乙")
    assert crate.category is UnitCategory.COUNT
    assert crate.counts_whole_things
    assert not parse_unit("万筐甲").counts_whole_things  # 2万筐 is a rounded number of them
    assert crate.dimension != tray.dimension
    with pytest.raises(DimensionMismatchError):
        conversion_factor(crate, tray)


def test_a_unit_definition_in_the_counting_group_is_a_counting_unit():
    dose = UnitDefinition(
        name="tu_dose", relation="[tu_dose]", symbols=["剂丙", "剂次丙"], group="counting"
    )
    define_units([dose])
    assert parse_unit("剂丙").is_count
    assert conversion_factor("剂次丙", "剂丙") == 1


def test_a_plain_line_is_no_counting_unit():
    define_units(["tu_pail = [tu_pail] = 桶丁"])
    assert parse_unit("桶丁").category is UnitCategory.OTHER
    assert not parse_unit("桶丁").counts_whole_things


def test_a_unit_defined_plainly_joins_the_group_when_defined_again_in_it():
    define_units(["tu_sack = [tu_sack] = 袋戊"])
    assert parse_unit("袋戊").category is UnitCategory.OTHER
    define_units(["@group counting", "tu_sack = [tu_sack] = 袋戊", "@end"])  # not redefined
    assert parse_unit("袋戊").category is UnitCategory.COUNT


def test_lines_outside_a_group_block_stay_outside():
    define_units(
        [
            "tu_a = [tu_a] = 甲己",
            "@group counting",
            "tu_b = [tu_b] = 乙己",
            "@end",
            "tu_c = [tu_c] = 丙己",
        ]
    )
    assert [parse_unit(u).category for u in ("甲己", "乙己", "丙己")] == [
        UnitCategory.OTHER,
        UnitCategory.COUNT,
        UnitCategory.OTHER,
    ]


def test_a_multiple_of_a_known_dimension_keeps_its_category():
    define_units(["tu_dan = 50 * kilogram = 担庚"])
    assert parse_unit("担庚").category is UnitCategory.MASS
    assert conversion_factor("担庚", "公斤") == 50


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["@group counting", "tu_open = [tu_open] = 开辛"], "not closed"),
        (["@end"], "without '@group'"),
        (["@group counting", "@group counting", "@end"], "outside any other group"),
        (["@group", "@end"], "outside any other group"),
        (["@defaults", "@end"], "only @group"),
        (["tu_prefix- = 1000"], "not a prefix"),
        (["tu_bare"], "expected 'name = relation"),
        (["户户 = [x] = 户户"], "ASCII"),
        (["household = [household] = 户"], "cannot define unit"),  # a unit of units.txt
    ],
)
def test_malformed_definitions_raise_unit_error(lines, message):
    with pytest.raises(UnitError, match=message):
        define_units(lines)


def test_a_unit_definition_cannot_stand_inside_a_block():
    inner = UnitDefinition(name="tu_inner", relation="[tu_inner]", symbols=("内壬",))
    with pytest.raises(UnitError, match="inside the @group"):
        define_units(["@group counting", inner, "@end"])


def test_unit_definition_lines_round_trip():
    for definition in unit_definitions():
        again = UnitDefinition.parse(definition.line, group=definition.group)
        assert again == definition
    household = next(d for d in unit_definitions() if d.name == "household")
    assert household.line == "household = [household] = 户"
    assert household.counting
    assert not UnitDefinition.parse("meter = [length] = 米").counting
