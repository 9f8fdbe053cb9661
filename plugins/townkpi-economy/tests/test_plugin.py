"""The pack is an installed plugin: its entry point, hooks, checks and catalog entries."""

import importlib.metadata
import re
from importlib import resources
from pathlib import Path

import pytest

import townkpi_economy
from townkpi import Indicator, PluginHost
from townkpi.testing import assert_examples_are_cases, load_case_dir
from townkpi_economy.income import GAP, OVERALL, RURAL, URBAN
from townkpi_economy.value_added import OUTPUT_OF

CHECKS = townkpi_economy.townkpi_register_checks()
CASE_DIR = Path(__file__).parent / "cases"


def test_entry_point_names_the_package():
    eps = {ep.name: ep for ep in importlib.metadata.entry_points(group="townkpi")}
    assert eps["economy"].value == "townkpi_economy"
    assert eps["economy"].dist is not None
    assert eps["economy"].dist.name == "townkpi-economy"


def test_found_through_entry_point(host):
    info = {p.name: p for p in host.plugins()}["economy"]
    assert not info.builtin
    assert info.version == importlib.metadata.version("townkpi-economy")
    assert info.checks == ("ECO101", "ECO102", "ECO103", "ECO104")
    assert set(info.hooks) == {"townkpi_register_checks", "townkpi_register_indicators"}
    assert info.indicators == len(townkpi_economy.townkpi_register_indicators())
    assert not [f for f in host.faults if f.plugin == "economy"]
    for cls in CHECKS:
        assert host.plugin_of(cls) == "economy"


def test_not_loaded_without_entry_points():
    host = PluginHost.create(entry_points=False)
    assert not [c for c in host.checks() if c.code.startswith("ECO")]


def test_disabled_by_name():
    host = PluginHost.create(entry_points=True, disabled=["economy"])
    assert not [c for c in host.checks() if c.code.startswith("ECO")]
    assert "农林牧渔业增加值" not in host.catalog()


@pytest.mark.parametrize("cls", CHECKS, ids=lambda c: c.code)
def test_check_metadata(cls):
    assert re.fullmatch(r"ECO\d{3}", cls.code)
    assert cls.name.startswith("economy.")
    assert "economy" in cls.groups
    examples = cls.examples()
    assert examples.wrong, f"{cls.code}: no 反例 section"
    assert examples.right, f"{cls.code}: no 正例 section"
    assert cls.summary()


def test_catalog_entries_are_valid_and_new(host):
    entries = townkpi_economy.townkpi_register_indicators()
    assert len(entries) >= 30
    assert all(
        isinstance(e, Indicator) and e.source.startswith("townkpi-economy/") for e in entries
    )
    assert len({e.name for e in entries}) == len(entries)
    catalog = host.catalog()
    assert catalog.problems() == ()
    for entry in entries:
        assert catalog.get(entry.name).source.startswith("townkpi-economy/")


def test_refined_entries_keep_the_builtin_aliases(host):
    urban = host.catalog().get("城镇居民人均可支配收入")
    assert "城镇居民收入" in urban.aliases  # built-in alias
    assert "城镇常住居民人均可支配收入" in urban.aliases  # added by the pack


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("城镇常住居民人均可支配收入", "城镇居民人均可支配收入"),
        ("脱贫地区农村居民人均可支配收入", "脱贫地区农村居民人均可支配收入"),
        ("城乡居民人均可支配收入", "城乡居民人均可支配收入"),
        ("服务贸易进出口", "服务贸易进出口"),
        ("住餐企业进限", "新增限上企业"),
        ("规下增加值", "规下工业增加值"),
        ("实物商品网上零售额", "实物商品网上零售额"),
    ],
)
def test_phrases_name_the_pack_entries(host, phrase, name):
    found = host.catalog().lookup(phrase, head=True)
    assert found is not None
    assert found.name == name


def test_relations_name_known_indicators(host):
    catalog = host.catalog()
    for entry in townkpi_economy.townkpi_register_indicators():
        for rel in entry.relations():
            assert all(other in catalog for other in rel.others), str(rel)


def test_checks_name_known_indicators(host):
    names = {GAP, OVERALL, RURAL, URBAN, *OUTPUT_OF}
    names.update(n for outputs in OUTPUT_OF.values() for n in outputs)
    missing = sorted(n for n in names if n not in host.catalog())
    assert not missing


def test_package_data_is_shipped():
    files = resources.files("townkpi_economy")
    assert files.joinpath("py.typed").is_file()
    assert files.joinpath(townkpi_economy.CATALOG_FILE).is_file()


def test_docstring_examples_are_case_texts(host):
    """The 反例 of each check is the text of a failing case, the 正例 that of a passing one."""
    assert_examples_are_cases(CHECKS, load_case_dir(CASE_DIR), host=host)
