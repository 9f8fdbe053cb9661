"""Units and phrases that plugins contribute reach the extractor through ExtractOptions."""

from townkpi.extract import ExtractOptions, extract, unit_symbols
from townkpi.lexicon import Phrase
from townkpi.model import FactKind
from townkpi.units import define_units

#: A unit no report of the tests uses otherwise, defined as a plugin would define it.
CRATE = "extract_test_basket = [extract_test_basket] = 箩筐 = 篓筐"
TEXT = "收购鲜果1200箩筐，调处各类矛盾纠纷670起，调处成功率100%，积案调处成功率98%。"


def test_unit_symbols_of_definition_lines():
    assert unit_symbols(
        [CRATE, "万- = 1e4", "# a comment", "mu_yield = kilogram / mu = 公斤每亩"]
    ) == ("箩筐", "篓筐", "公斤每亩")


def test_a_plugin_unit_is_read_after_a_number():
    define_units([CRATE])
    without = extract(TEXT, year=2023)
    assert "1200箩筐" not in [f.surface for f in without.facts]
    assert "1200" in [s.surface for s in without.skipped]
    options = ExtractOptions(year=2023, units=unit_symbols([CRATE]))
    fact = extract(TEXT, options=options).facts[0]
    assert (fact.surface, fact.value.text, fact.unit, fact.kind) == (
        "1200箩筐",
        "1200",
        "箩筐",
        FactKind.AMOUNT,
    )


def test_a_plugin_phrase_names_the_indicator_of_a_figure_without_a_referent():
    phrase = Phrase(phrase="调处成功率", indicator="矛盾纠纷调处成功率", kind=FactKind.RATE)
    facts = extract(TEXT, options=ExtractOptions(year=2023, phrases=[phrase])).facts
    rates = [(f.surface, f.kind, f.indicator, f.refers_to) for f in facts if f.unit == "%"]
    assert rates == [
        ("100%", FactKind.RATE, "调处矛盾纠纷", "f1"),  # refers to 670起: its indicator
        ("98%", FactKind.RATE, "矛盾纠纷调处成功率", None),
    ]


def test_a_phrase_gives_its_kind_only_when_the_unit_fits():
    share = Phrase(phrase="覆盖", kind=FactKind.SHARE)
    facts = extract("网络覆盖90%，覆盖120个村。", options=ExtractOptions(phrases=[share])).facts
    assert [(f.surface, f.kind) for f in facts] == [
        ("90%", FactKind.SHARE),
        ("120个", FactKind.AMOUNT),
    ]
