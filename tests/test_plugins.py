"""The plugin host: built-ins as plugins, entry points one by one, faults, blocking, the facade."""

import importlib.metadata
import types

import pytest

from townkpi import hookimpl
from townkpi.catalog import Indicator
from townkpi.checks.base import Check
from townkpi.lexicon import Phrase
from townkpi.model import FactKind
from townkpi.plugins import DEFAULT_PLUGINS, PluginHost, default_host, reset_default_host


class _Noop(Check):
    """A check that finds nothing.

    反例:
        无。

    正例:
        无。
    """

    code = "EX001"
    name = "example.noop"
    description = "Finds nothing."

    def check(self, ctx):
        return iter(())


def _plugin(name, **hooks):
    module = types.ModuleType(name)
    for hook, fn in hooks.items():
        setattr(module, hook, hookimpl(fn))
    return module


def test_builtins_are_registered_like_plugins():
    host = PluginHost.create(entry_points=False)
    names = [p.name for p in host.plugins()]
    assert names == list(DEFAULT_PLUGINS)
    codes = {c.code for c in host.checks()}
    assert {"TK101", "TK203", "TK305", "TK401", "TK501", "TK601"} <= codes
    assert host.faults == ()


def test_an_external_plugin_contributes_checks_indicators_patterns():
    plugin = _plugin(
        "example_pack",
        townkpi_register_checks=lambda: [_Noop],
        townkpi_register_indicators=lambda: [
            Indicator(name="秸秆综合利用量", dimensions=["mass"], sector="agriculture")
        ],
        townkpi_register_patterns=lambda: [
            Phrase(phrase="秸秆综合利用量", indicator="秸秆综合利用量", kind=FactKind.AMOUNT)
        ],
    )
    host = PluginHost.create(entry_points=False, plugins=[plugin])
    assert _Noop in host.checks()
    assert host.plugin_of(_Noop) == "example_pack"
    assert host.catalog().lookup("秸秆综合利用量").sector == "agriculture"
    assert [p.phrase for p in host.patterns()] == ["秸秆综合利用量"]
    info = {p.name: p for p in host.plugins()}["example_pack"]
    assert info.checks == ("EX001",)
    assert info.indicators == 1
    assert info.hooks == (
        "townkpi_register_checks",
        "townkpi_register_indicators",
        "townkpi_register_patterns",
    )


def test_a_plugin_refines_a_builtin_indicator_keeping_aliases():
    plugin = _plugin(
        "refiner",
        townkpi_register_indicators=lambda: [
            Indicator(name="地区生产总值", aliases=["GRP"], dimensions=["currency"])
        ],
    )
    catalog = PluginHost.create(entry_points=False, plugins=[plugin]).catalog()
    gdp = catalog.lookup("GRP")
    assert gdp.name == "地区生产总值"
    assert "GDP" in gdp.aliases


def test_a_failing_hook_is_a_fault_and_the_others_still_answer():
    def boom():
        raise RuntimeError("database unreachable")

    host = PluginHost.create(
        entry_points=False, plugins=[_plugin("broken_pack", townkpi_register_checks=boom)]
    )
    assert "TK101" in {c.code for c in host.checks()}
    [fault] = host.faults
    assert fault.plugin == "broken_pack"
    assert fault.hook == "townkpi_register_checks"
    assert fault.reason == "RuntimeError: database unreachable"
    assert "Traceback" not in str(fault)


def test_a_wrong_return_type_is_a_fault():
    host = PluginHost.create(
        entry_points=False,
        plugins=[_plugin("sloppy", townkpi_register_checks=lambda: ["TK999"])],
    )
    host.checks()
    assert [f.plugin for f in host.faults] == ["sloppy"]
    assert "list of Check subclasses" in host.faults[0].reason


def test_a_duplicate_code_is_a_fault_of_the_later_plugin():
    class Clash(_Noop):
        """Clashes.

        反例:
            无。

        正例:
            无。
        """

        code = "TK101"
        name = "example.clash"
        description = "Clashes with a built-in."

    host = PluginHost.create(
        entry_points=False, plugins=[_plugin("clasher", townkpi_register_checks=lambda: [Clash])]
    )
    assert Clash not in host.checks()
    assert "TK101 is already registered by plugin townkpi.checks.rates" in host.faults[0].reason


def test_an_unknown_hook_is_rejected_by_check_pending():
    plugin = _plugin("typo_pack", townkpi_register_chekcs=lambda: [])  # noqa: PIE807 - pluggy marks the function
    host = PluginHost.create(entry_points=False, plugins=[plugin])
    assert "typo_pack" not in {p.name for p in host.plugins()}
    assert host.faults[0].plugin == "typo_pack"
    assert "townkpi_register_chekcs" in host.faults[0].reason


def test_a_bad_signature_is_rejected_at_registration():
    plugin = _plugin("bad_args", townkpi_register_checks=lambda extra: [])
    host = PluginHost.create(entry_points=False, plugins=[plugin])
    assert host.faults[0].plugin == "bad_args"
    assert "extra" in host.faults[0].reason


def test_units_hook_defines_units_and_bad_lines_are_faults():
    good = _plugin("units_pack", townkpi_add_units=lambda: ["crate_of_tea = [crate_of_tea] = 箱茶"])
    bad = _plugin("bad_units", townkpi_add_units=lambda: ["= = ="])
    host = PluginHost.create(entry_points=False, plugins=[good, bad])
    from townkpi.units import parse_unit  # noqa: PLC0415

    assert parse_unit("箱茶").dimension == "[crate_of_tea]"
    assert [f.plugin for f in host.faults] == ["bad_units"]
    assert host.faults[0].hook == "townkpi_add_units"
    assert "crate_of_tea = [crate_of_tea] = 箱茶" in host.units()


def test_units_hook_puts_units_in_the_counting_group():
    """A plugin's counting units are counts of whole things: the core count checks apply."""
    from townkpi import UnitCategory, UnitDefinition, Value, check  # noqa: PLC0415
    from townkpi.model import Fact, Report  # noqa: PLC0415
    from townkpi.units import parse_unit  # noqa: PLC0415

    typed = UnitDefinition(
        name="tp_bale", relation="[tp_bale]", symbols=("捆甲",), group="counting"
    )
    block = ["@group counting", "tp_hive = [tp_hive] = 箱蜂", "@end"]
    plugin = _plugin(
        "counting_pack", townkpi_add_units=lambda: [typed, *block, "tp_jar = [tp_jar] = 罐乙"]
    )
    host = PluginHost.create(entry_points=False, plugins=[plugin])
    assert host.faults == ()
    assert parse_unit("捆甲").category is UnitCategory.COUNT
    assert parse_unit("箱蜂").category is UnitCategory.COUNT
    assert parse_unit("罐乙").category is UnitCategory.OTHER  # a plain line, as before
    assert host.units() == (typed.line, *block, "tp_jar = [tp_jar] = 罐乙")
    # 12.5 hives is a fractional count (TK303); 3 hives at 70% has no whole total (TK101)
    facts = [
        Fact(id="a", kind=FactKind.AMOUNT, value=Value.parse("12.5箱蜂"), indicator="蜂箱"),
        Fact(id="b", kind=FactKind.AMOUNT, value=Value.parse("3箱蜂"), indicator="完成转场"),
        Fact(id="c", kind=FactKind.RATE, value=Value.parse("70%"), refers_to="b"),
    ]
    codes = {f.code for f in check(Report(source="t", facts=facts), host=host).findings}
    assert {"TK303", "TK101"} <= codes
    # the same figures in a plain unit of the plugin are not counts of whole things
    plain = [
        Fact(id="a", kind=FactKind.AMOUNT, value=Value.parse("12.5罐乙"), indicator="罐"),
        Fact(id="b", kind=FactKind.AMOUNT, value=Value.parse("3罐乙"), indicator="完成装罐"),
        Fact(id="c", kind=FactKind.RATE, value=Value.parse("70%"), refers_to="b"),
    ]
    codes = {f.code for f in check(Report(source="t", facts=plain), host=host).findings}
    assert not {"TK303", "TK101"} & codes


def test_a_unit_block_left_open_is_a_fault_of_the_plugin():
    plugin = _plugin(
        "open_block", townkpi_add_units=lambda: ["@group counting", "tp_x = [tp_x] = 开丙"]
    )
    wrong_type = _plugin("wrong_units", townkpi_add_units=lambda: [3])
    host = PluginHost.create(entry_points=False, plugins=[plugin, wrong_type])
    assert [f.plugin for f in host.faults] == ["open_block", "wrong_units"]
    assert "not closed with '@end'" in host.faults[0].reason
    assert "strings and UnitDefinitions" in host.faults[1].reason


def test_blocking_by_name_and_environment(monkeypatch):
    host = PluginHost.create(entry_points=False, disabled=["townkpi.checks.rates"])
    assert not any(c.code.startswith("TK1") for c in host.checks())
    monkeypatch.setenv("TOWNKPI_DISABLE_PLUGINS", "townkpi.checks.shares, townkpi.checks.signs")
    host = PluginHost.create(entry_points=False)
    codes = {c.code for c in host.checks()}
    assert not any(c.startswith(("TK2", "TK3")) for c in codes)
    assert "TK101" in codes


class _FakeDist:
    version = "9.9.9"


class _FakeEntryPoint:
    def __init__(self, name, value, target=None, error=None):
        self.name, self.value, self.dist = name, value, _FakeDist()
        self._target, self._error = target, error

    def load(self):
        if self._error is not None:
            raise self._error
        return self._target


def test_entry_points_load_one_by_one_and_a_broken_one_is_named(monkeypatch):
    good = _plugin("townkpi_good", townkpi_register_checks=lambda: [_Noop])
    points = [
        _FakeEntryPoint("broken", "townkpi_broken", error=ImportError("No module named 'numpy'")),
        _FakeEntryPoint("good", "townkpi_good", target=good),
    ]

    def fake_entry_points(group):
        assert group == "townkpi"
        return points

    monkeypatch.setattr(importlib.metadata, "entry_points", fake_entry_points)
    host = PluginHost.create(entry_points=True)
    assert _Noop in host.checks()
    [fault] = host.faults
    assert (fault.plugin, fault.version) == ("broken", "9.9.9")
    assert str(fault) == (
        "plugin broken 9.9.9: cannot load townkpi_broken: ImportError: No module named 'numpy'"
    )
    assert {p.name: p.version for p in host.plugins()}["good"] == "9.9.9"


def test_no_entry_points_environment(monkeypatch):
    def fail(group):
        raise AssertionError("entry points were read")

    monkeypatch.setattr(importlib.metadata, "entry_points", fail)
    monkeypatch.setenv("TOWNKPI_NO_ENTRY_POINTS", "1")
    PluginHost.create()


def test_default_host_is_cached_per_blocked_set():
    reset_default_host()
    assert default_host() is default_host()
    assert default_host(("townkpi.checks.rates",)) is not default_host()
    reset_default_host()


@pytest.mark.parametrize("module", DEFAULT_PLUGINS)
def test_builtin_modules_only_implement_known_hooks(module):
    host = PluginHost(disabled=())
    assert host.register_module(module, builtin=True) == module
    host.check_pending()
    assert host.faults == ()
