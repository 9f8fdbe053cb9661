"""townkpi-urban is installed, found through its entry point, and well-formed."""

import importlib.metadata
import tomllib
from importlib import resources

import pytest

import townkpi_urban
from townkpi import PluginHost

CODES = ("URB101", "URB102")


def _urban_checks(host: PluginHost) -> list:
    return [c for c in host.checks() if host.plugin_of(c) == "urban"]


def test_entry_point_is_declared():
    eps = {ep.name: ep for ep in importlib.metadata.entry_points(group="townkpi")}
    assert "urban" in eps
    assert eps["urban"].value == "townkpi_urban"
    assert eps["urban"].load() is townkpi_urban


def test_host_finds_the_plugin_through_its_entry_point(host):
    info = {p.name: p for p in host.plugins()}["urban"]
    assert not info.builtin
    assert info.version == importlib.metadata.version("townkpi-urban")
    assert info.module == "townkpi_urban"
    assert info.checks == CODES
    assert {
        "townkpi_register_checks",
        "townkpi_register_indicators",
        "townkpi_register_patterns",
    } <= set(info.hooks)
    entries = tomllib.loads(
        resources.files("townkpi_urban").joinpath("indicators.toml").read_text("utf-8")
    )["indicator"]
    assert info.indicators == len(entries)
    assert not [f for f in host.faults if f.plugin == "urban"]


def test_no_entry_points_means_no_urban_checks():
    host = PluginHost.create(entry_points=False)
    assert not [c for c in host.checks() if c.code.startswith("URB")]


def test_plugin_can_be_disabled_by_name():
    host = PluginHost.create(entry_points=True, disabled=["urban"])
    assert not _urban_checks(host)
    assert "urban" not in {p.name for p in host.plugins()}


@pytest.mark.parametrize("code", CODES)
def test_check_metadata_and_docstring(host, code):
    (cls,) = [c for c in host.checks() if c.code == code]
    assert cls.name.startswith("urban.")
    assert cls.description
    assert "urban" in cls.groups
    examples = cls.examples()
    assert examples.wrong.strip()
    assert examples.right.strip()
    assert cls.summary()


def test_patterns_name_catalog_indicators(host):
    catalog = host.catalog()
    phrases = [p for p in host.patterns() if p.sector == "urban"]
    assert phrases
    for p in phrases:
        assert p.indicator in catalog, p
