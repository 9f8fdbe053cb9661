"""townkpi-social is installed, found through its entry point, and well-formed."""

import importlib.metadata
import tomllib
from importlib import resources

import pytest

import townkpi_social
from townkpi import PluginHost

CODES = ("SOC101", "SOC102", "SOC103")


def _social_checks(host: PluginHost) -> list:
    return [c for c in host.checks() if host.plugin_of(c) == "social"]


def test_entry_point_is_declared():
    eps = {ep.name: ep for ep in importlib.metadata.entry_points(group="townkpi")}
    assert "social" in eps
    assert eps["social"].value == "townkpi_social"
    assert eps["social"].load() is townkpi_social


def test_host_finds_the_plugin_through_its_entry_point(host):
    info = {p.name: p for p in host.plugins()}["social"]
    assert not info.builtin
    assert info.version == importlib.metadata.version("townkpi-social")
    assert info.module == "townkpi_social"
    assert info.checks == CODES
    assert {
        "townkpi_register_checks",
        "townkpi_register_indicators",
        "townkpi_register_patterns",
    } <= set(info.hooks)
    entries = tomllib.loads(
        resources.files("townkpi_social").joinpath("indicators.toml").read_text("utf-8")
    )["indicator"]
    assert info.indicators == len(entries)
    assert not [f for f in host.faults if f.plugin == "social"]


def test_no_entry_points_means_no_social_checks():
    host = PluginHost.create(entry_points=False)
    assert not [c for c in host.checks() if c.code.startswith("SOC")]


def test_plugin_can_be_disabled_by_name():
    host = PluginHost.create(entry_points=True, disabled=["social"])
    assert not _social_checks(host)
    assert "social" not in {p.name for p in host.plugins()}


@pytest.mark.parametrize("code", CODES)
def test_check_metadata_and_docstring(host, code):
    (cls,) = [c for c in host.checks() if c.code == code]
    assert cls.name.startswith("social.")
    assert cls.description
    assert "social" in cls.groups
    examples = cls.examples()
    assert examples.wrong.strip()
    assert examples.right.strip()
    assert cls.summary()


def test_patterns_name_catalog_indicators(host):
    catalog = host.catalog()
    phrases = [p for p in host.patterns() if p.sector == "social"]
    assert phrases
    for p in phrases:
        assert p.indicator in catalog, p
