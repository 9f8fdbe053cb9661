"""parse_numeral builds its Numeral without re-running the validators: it must equal the validated one.

A numeral read from text is compared, field by field and as a whole (equality, hash, attrs.evolve),
with ``Numeral(...)`` built from the same fields through the validators, for Arabic numerals
(ASCII and full-width, thousands commas, 万/亿/万亿) and Chinese ones.
"""

import attrs
from hypothesis import given
from hypothesis import strategies as st

from strategies import arabic_numerals, chinese_numerals
from townkpi import parse_numeral
from townkpi.numbers import Numeral


def _validated(n: Numeral) -> Numeral:
    return Numeral(text=n.text, digits=n.digits, scale=n.scale, chinese=n.chinese)


@given(st.one_of(arabic_numerals().map(lambda w: w.text), chinese_numerals().map(lambda w: w.text)))
def test_a_parsed_numeral_equals_the_validated_one(text):
    n = parse_numeral(text)
    v = _validated(n)
    assert n == v
    assert hash(n) == hash(v)
    assert type(n.scale) is int
    assert type(n.chinese) is bool
    assert attrs.evolve(n, scale=0) == attrs.evolve(v, scale=0)


def test_scale_words_are_read():
    assert [parse_numeral(t).scale for t in ("2.2", "2.2万", "3亿", "1万亿", "十七")] == [
        0,
        4,
        8,
        12,
        0,
    ]
    assert parse_numeral("十七").chinese
    assert not parse_numeral("１７").chinese
