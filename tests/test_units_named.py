"""A unit written as one name resolves without pint's full parse, to the same Unit as pint's parse.

``parse_unit`` reads a unit that is one name (台, 标准箱, PF), possibly after a 万/亿 scale (万亩,
亿元), from pint's split of the name; every other string goes through pint's parser. Both must
give the same unit for every string, in whatever order the strings are first seen (a scaled unit
reuses the cached entry of the unit behind its scale).
"""

import random

import pytest

from strategies import unit_definitions
from townkpi import UnitError, parse_unit
from townkpi.units import _normalize, _parsed, define_units, known_prefixes, registry

SYMBOLS = sorted(
    {s for d in unit_definitions() for s in d.symbols} | {d.name for d in unit_definitions()}
)
PREFIXES = [p for p, _ in known_prefixes()]
SCALED = [p + s for p in PREFIXES for s in SYMBOLS]
TWICE_SCALED = [p + q + s for p in PREFIXES for q in PREFIXES for s in ("元", "个", "亩")]
COMPOUND = ["万元/人", "微克/立方米", "元/平方米", "亿元/个", "公里/小时", "万千瓦时/人"]
UNKNOWN = ["万%", "亿‰", "万倍", "千个", "个万", "s", "元s", "Pf", "pf", "万亿万元", "米元"]
PLURAL = ["PFs", "万PFs", "EFlopss", "亿EFs", "TEUs", "Fs", "万s"]


def _pint_unit(text):
    """The unit by pint's parse of the whole string, or the error it raises."""
    try:
        return _parsed(registry(), text, _normalize(text))
    except UnitError as exc:
        return type(exc)


def _fresh_unit(text):
    try:
        return parse_unit(text)
    except UnitError as exc:
        return type(exc)


@pytest.mark.parametrize("seed", [1, 2])
def test_named_units_resolve_as_pint_parses_them(seed):
    texts = SYMBOLS + SCALED + TWICE_SCALED + COMPOUND + UNKNOWN + PLURAL
    random.Random(seed).shuffle(texts)
    parse_unit.cache_clear()
    try:
        for text in texts:
            assert _fresh_unit(text) == _pint_unit(text), text
    finally:
        parse_unit.cache_clear()


def test_a_scaled_unit_keeps_what_is_written():
    u = parse_unit("万标准箱")
    assert (u.text, u.dimension, u.factor, u.base) == ("万标准箱", "[container]", 10_000, "标准箱")
    assert parse_unit("千克").base == "公斤"  # the unit's symbol, not the alias written
    assert parse_unit("台").is_count


def test_units_a_plugin_defines_resolve_as_pint_parses_them():
    # The registry is one per process and a definition cannot be undone: the names here (tn_…,
    # …己) are unique to this test, so no other test can meet them.
    define_units(
        [
            "@group counting",
            "tn_crate = [tn_crate] = 筐己 = 篮己",
            "@end",
            "tn_load = 20 * ton = 车己",
        ]
    )
    for text in ["筐己", "篮己", "万筐己", "车己", "亿车己", "筐己s", "万万筐己", "筐己/车己"]:
        parse_unit.cache_clear()
        assert _fresh_unit(text) == _pint_unit(text), text
    assert parse_unit("万篮己").is_count
    assert parse_unit("车己").dimension == parse_unit("吨").dimension
