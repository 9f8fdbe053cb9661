"""The pack is an installed plugin: its entry point, hooks, checks, units and catalog entries."""

import importlib.metadata
import re
from importlib import resources
from pathlib import Path

import pytest

import townkpi_agriculture
from townkpi import Indicator, PluginHost, Value
from townkpi.testing import assert_examples_are_cases, load_case_dir
from townkpi_agriculture.previous import SECTOR
from townkpi_agriculture.yields import CROPS

CHECKS = townkpi_agriculture.townkpi_register_checks()
CASE_DIR = Path(__file__).parent / "cases"


def test_entry_point_names_the_package():
    eps = {ep.name: ep for ep in importlib.metadata.entry_points(group="townkpi")}
    assert eps["agriculture"].value == "townkpi_agriculture"
    assert eps["agriculture"].dist is not None
    assert eps["agriculture"].dist.name == "townkpi-agriculture"


def test_found_through_entry_point(host):
    info = {p.name: p for p in host.plugins()}["agriculture"]
    assert not info.builtin
    assert info.version == importlib.metadata.version("townkpi-agriculture")
    assert info.checks == ("AGR101", "AGR102", "AGR103", "AGR104")
    assert set(info.hooks) == {
        "townkpi_add_units",
        "townkpi_register_checks",
        "townkpi_register_indicators",
    }
    assert info.indicators == len(townkpi_agriculture.townkpi_register_indicators())
    assert not [f for f in host.faults if f.plugin == "agriculture"]
    for cls in CHECKS:
        assert host.plugin_of(cls) == "agriculture"


def test_units_are_defined(host):
    assert set(townkpi_agriculture.townkpi_add_units()) <= set(host.units())
    assert str(Value.parse("824斤每亩").interval_in("公斤/亩")) == "[411.75, 412.25)"
    assert str(Value.parse("412公斤每亩").interval_in("公斤/亩")) == "[411.5, 412.5)"


def test_not_loaded_without_entry_points():
    host = PluginHost.create(entry_points=False)
    assert not [c for c in host.checks() if c.code.startswith("AGR")]


def test_disabled_by_name():
    host = PluginHost.create(entry_points=True, disabled=["agriculture"])
    assert not [c for c in host.checks() if c.code.startswith("AGR")]
    assert "粮食单产" not in host.catalog()


@pytest.mark.parametrize("cls", CHECKS, ids=lambda c: c.code)
def test_check_metadata(cls):
    assert re.fullmatch(r"AGR\d{3}", cls.code)
    assert cls.name.startswith("agriculture.")
    assert "agriculture" in cls.groups
    examples = cls.examples()
    assert examples.wrong, f"{cls.code}: no 反例 section"
    assert examples.right, f"{cls.code}: no 正例 section"
    assert cls.summary()


def test_catalog_entries_are_valid(host):
    entries = townkpi_agriculture.townkpi_register_indicators()
    assert len(entries) >= 30
    assert all(isinstance(e, Indicator) for e in entries)
    assert all(e.source.startswith("townkpi-agriculture/") for e in entries)
    assert len({e.name for e in entries}) == len(entries)
    catalog = host.catalog()
    assert catalog.problems() == ()
    for entry in entries:
        assert catalog.get(entry.name).source.startswith("townkpi-agriculture/")


def test_refined_entries_keep_the_builtin_aliases(host):
    catalog = host.catalog()
    assert "基本农田" in catalog.get("永久基本农田").aliases
    assert catalog.get("永久基本农田").part_of == ("耕地保有量",)
    assert "高标准农田改造提升" in catalog.get("高标准农田").aliases
    assert catalog.get("早稻种植面积").part_of == ("粮食播种面积", "水稻种植面积")


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("水稻播种面积", "水稻种植面积"),
        ("粮食亩产", "粮食单产"),
        ("耕地面积净增", "新增耕地"),
        ("生猪出栏", "生猪出栏"),
        ("蔬菜播种面积", "蔬菜播种面积"),
        ("推广镉低积累水稻", "镉低积累水稻种植"),
    ],
)
def test_phrases_name_the_pack_entries(host, phrase, name):
    found = host.catalog().lookup(phrase, head=True)
    assert found is not None
    assert found.name == name


def test_relations_and_crops_name_known_indicators(host):
    catalog = host.catalog()
    for entry in townkpi_agriculture.townkpi_register_indicators():
        for rel in entry.relations():
            assert all(other in catalog for other in rel.others), str(rel)
    for crop in CROPS:
        for name in (crop.output, crop.area, crop.yield_):
            if name is not None:
                assert name in catalog, name
                assert catalog.get(name).sector == SECTOR


def test_package_data_is_shipped():
    files = resources.files("townkpi_agriculture")
    assert files.joinpath("py.typed").is_file()
    assert files.joinpath(townkpi_agriculture.CATALOG_FILE).is_file()


def test_docstring_examples_are_case_texts(host):
    """The 反例 of each check is the text of a flagged case, the 正例 that of a silent one."""
    assert_examples_are_cases(CHECKS, load_case_dir(CASE_DIR), host=host)
