"""The pack is an installed plugin: its entry point, hooks, checks and catalog entries."""

import importlib.metadata
import re
from importlib import resources
from pathlib import Path

import pytest

import townkpi_land
from townkpi import Indicator, PluginHost
from townkpi.testing import assert_examples_are_cases, load_case_dir
from townkpi_land.basis import RATED
from townkpi_land.completion import TOTAL_OF
from townkpi_land.cumulative import CUMULATIVE

CHECKS = townkpi_land.townkpi_register_checks()
CASE_DIR = Path(__file__).parent / "cases"


def test_entry_point_names_the_package():
    eps = {ep.name: ep for ep in importlib.metadata.entry_points(group="townkpi")}
    assert eps["land"].value == "townkpi_land"
    assert eps["land"].dist is not None
    assert eps["land"].dist.name == "townkpi-land"


def test_found_through_entry_point(host):
    info = {p.name: p for p in host.plugins()}["land"]
    assert not info.builtin
    assert info.version == importlib.metadata.version("townkpi-land")
    assert info.checks == ("LAN101", "LAN102", "LAN103", "LAN104")
    assert set(info.hooks) == {"townkpi_register_checks", "townkpi_register_indicators"}
    assert info.indicators == len(townkpi_land.townkpi_register_indicators())
    assert not [f for f in host.faults if f.plugin == "land"]
    for cls in CHECKS:
        assert host.plugin_of(cls) == "land"


def test_not_loaded_without_entry_points():
    host = PluginHost.create(entry_points=False)
    assert not [c for c in host.checks() if c.code.startswith("LAN")]


def test_disabled_by_name():
    host = PluginHost.create(entry_points=True, disabled=["land"])
    assert not [c for c in host.checks() if c.code.startswith("LAN")]
    assert "拆迁任务" not in host.catalog()
    assert host.catalog().get("拆迁户数").part_of == ()  # the built-in entry, unrefined


@pytest.mark.parametrize("cls", CHECKS, ids=lambda c: c.code)
def test_check_metadata(cls):
    assert re.fullmatch(r"LAN\d{3}", cls.code)
    assert cls.name.startswith("land.")
    assert "land" in cls.groups
    examples = cls.examples()
    assert examples.wrong, f"{cls.code}: no 反例 section"
    assert examples.right, f"{cls.code}: no 正例 section"
    assert cls.summary()


def test_catalog_entries_are_valid(host):
    entries = townkpi_land.townkpi_register_indicators()
    assert len(entries) >= 20
    assert all(isinstance(e, Indicator) for e in entries)
    assert all(e.source.startswith("townkpi-land/") for e in entries)
    assert len({e.name for e in entries}) == len(entries)
    catalog = host.catalog()
    assert catalog.problems() == ()
    for entry in entries:
        assert catalog.get(entry.name).source.startswith("townkpi-land/")


def test_relocation_and_acquisition_are_separate_dimensions(host):
    catalog = host.catalog()
    assert catalog.get("拆迁户数").dimensions == ("count",)
    assert catalog.get("征地面积").dimensions == ("area",)
    assert catalog.get("征地任务").dimensions == ("area",)
    assert not catalog.get("征地面积").allows("户")
    assert not catalog.get("拆迁户数").allows("亩")


def test_refined_entries_keep_the_builtin_aliases(host):
    catalog = host.catalog()
    assert "征迁户数" in catalog.get("拆迁户数").aliases
    assert catalog.get("拆迁户数").part_of == ("拆迁任务",)
    assert catalog.get("征地面积").part_of == ("征地任务",)
    assert catalog.get("征地面积").cumulative


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("宁慈线涉及拆迁", "拆迁任务"),
        ("需征地", "征地任务"),
        ("征迁签约", "拆迁签约"),
        ("盘活处置低效产业用地", "低效产业用地盘活"),
        ("处置批而未供土地", "批而未供土地处置"),
        ("国有建设用地供应", "供地面积"),
        ("五里村工业用地征收报批", "征地报批"),
    ],
)
def test_phrases_name_the_pack_entries(host, phrase, name):
    found = host.catalog().lookup(phrase, head=True)
    assert found is not None
    assert found.name == name


def test_relations_and_check_tables_name_known_indicators(host):
    catalog = host.catalog()
    for entry in townkpi_land.townkpi_register_indicators():
        for rel in entry.relations():
            assert all(other in catalog for other in rel.others), str(rel)
    names = {*TOTAL_OF, *TOTAL_OF.values(), *CUMULATIVE, *RATED}
    assert sorted(n for n in names if n not in catalog) == []


def test_package_data_is_shipped():
    files = resources.files("townkpi_land")
    assert files.joinpath("py.typed").is_file()
    assert files.joinpath(townkpi_land.CATALOG_FILE).is_file()


def test_docstring_examples_are_case_texts(host):
    """The 反例 of each check is the text of a flagged case, the 正例 that of a silent one."""
    assert_examples_are_cases(CHECKS, load_case_dir(CASE_DIR), host=host)
