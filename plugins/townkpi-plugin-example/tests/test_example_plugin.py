"""The example plugin is installed, found through its entry point, and does what its hooks say."""

import importlib.metadata

import townkpi
import townkpi_plugin_example
from townkpi import PluginHost, Report, UnitCategory, Value, fact, parse_unit, rate

# A host with the installed plugins, this one included (found through its entry point).
HOST = PluginHost.create(entry_points=True)


def test_entry_point_is_declared():
    eps = {ep.name: ep for ep in importlib.metadata.entry_points(group="townkpi")}
    assert eps["example"].value == "townkpi_plugin_example"
    assert eps["example"].load() is townkpi_plugin_example


def test_host_finds_the_plugin_through_its_entry_point():
    info = {p.name: p for p in HOST.plugins()}["example"]
    assert info.version == importlib.metadata.version("townkpi-plugin-example")
    assert info.checks == ("EXM101",)
    assert info.indicators == 1
    assert {"townkpi_add_units", "townkpi_register_checks", "townkpi_register_indicators"} <= set(
        info.hooks
    )
    assert not [f for f in HOST.faults if f.plugin == "example"]


def test_the_unit_is_defined_once_the_plugin_is_loaded():
    age = parse_unit("岁")
    assert parse_unit("周岁").dimension == age.dimension
    assert str(Value.parse("83.9岁").interval) == "[83.85, 83.95)"


def test_the_counting_unit_counts_whole_things():
    dose = parse_unit("剂")
    assert dose.category is UnitCategory.COUNT
    assert dose.counts_whole_things
    assert parse_unit("剂次").dimension == dose.dimension
    assert parse_unit("岁").category is UnitCategory.OTHER  # an age is not a count


def test_the_core_count_checks_apply_to_the_counting_unit():
    # 12.5剂 is half a dose (TK303); 169 of a whole number of doses is never 98.5%: 169/171 is
    # 98.83% and 169/172 is 98.26% (TK101); 169 of 171 doses at 98.8% is consistent.
    fractional = fact("接种疫苗", "12.5剂")
    done = fact("完成接种疫苗", "169剂")
    report = Report(source="t", facts=[fractional, done, rate("98.5%", refers_to=done)])
    codes = [
        f.code for f in townkpi.check(report, host=HOST).findings if f.severity.value == "error"
    ]
    assert sorted(codes) == ["TK101", "TK303"]
    right = Report(source="t", facts=[done, rate("98.8%", refers_to=done)])
    assert not townkpi.check(right, host=HOST).with_code("TK101")


def test_the_indicator_is_in_the_catalog():
    ind = HOST.catalog().lookup("全市居民人均预期寿命")
    assert ind.name == "人均预期寿命"
    assert ind.allows("岁")
    assert not ind.allows("人")


def test_the_check_has_its_examples():
    (cls,) = [c for c in HOST.checks() if c.code == "EXM101"]
    assert cls.examples().wrong == "人均预期寿命从83.9岁提升至82.4岁。"
    assert cls.examples().right == "人均预期寿命从2020年的82.4岁提升至83.9岁。"


def test_plugin_can_be_disabled_by_name():
    host = PluginHost.create(entry_points=True, disabled=["example"])
    assert "EXM101" not in {c.code for c in host.checks()}


def test_the_extractor_reads_the_plugins_unit_through_the_host():
    text = "人均预期寿命从2020年的82.4岁提升至83.9岁。"
    host = PluginHost.create(entry_points=True)
    report = townkpi.extract(text, options=host.extract_options())
    assert [f.surface for f in report.facts] == ["82.4岁", "83.9岁"]
    assert [f.unit for f in report.facts] == ["岁", "岁"]


def test_the_extractor_alone_knows_only_the_built_in_units():
    host = PluginHost.create(entry_points=False)
    report = townkpi.extract(
        "人均预期寿命从2020年的82.4岁提升至83.9岁。", options=host.extract_options()
    )
    assert all(f.unit != "岁" for f in report.facts)
