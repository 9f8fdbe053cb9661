"""The pack's catalog entries: valid, found by their aliases, and taking no phrase from the core."""

import tomllib
from importlib import resources

import pytest

from townkpi import Catalog, PluginHost, indicators_from_toml

TOML = resources.files("townkpi_urban").joinpath("indicators.toml").read_text("utf-8")
ENTRIES = indicators_from_toml(TOML, source="townkpi-urban/indicators.toml")


@pytest.fixture(scope="module")
def core() -> Catalog:
    return PluginHost.create(entry_points=False).catalog()


def test_entries_are_many_and_of_the_urban_sector():
    assert len(ENTRIES) >= 20
    assert {e.sector for e in ENTRIES} == {"urban"}
    assert all(e.description for e in ENTRIES)


def test_entries_do_not_repeat_core_indicators(core):
    assert not [e.name for e in ENTRIES if e.name in core]


def test_every_phrase_names_its_entry_in_the_merged_catalog(core):
    merged = core.extended(ENTRIES)
    wrong = [
        (p, merged.lookup(p).name if merged.lookup(p) else None, e.name)
        for e in ENTRIES
        for p in e.phrases
        if (found := merged.lookup(p)) is None or found.name != e.name
    ]
    assert not wrong


def test_merged_catalog_has_no_new_problems(core):
    merged = core.extended(ENTRIES)
    assert set(merged.problems()) <= set(core.problems())


def test_pack_takes_no_phrase_the_core_matches(core, guanhaiwei_report):
    """A Guanhaiwei indicator phrase the core catalog knows still names the same indicator."""
    merged = core.extended(ENTRIES)
    phrases = {f.indicator for f in guanhaiwei_report.facts if f.indicator}
    taken = [
        (p, core.lookup(p).name, merged.lookup(p).name)
        for p in sorted(phrases)
        if core.lookup(p) is not None
        and merged.lookup(p) is not core.lookup(p)
        and merged.lookup(p).name != core.lookup(p).name
    ]
    assert not taken


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        # phrases as the reports write them (Guanhaiwei and the provincial corpus)
        ("清理乱堆乱放点位", "乱堆乱放清理"),
        ("城镇住房安全动态监测", "城镇住房安全监测"),
        ("改造农村危房", "危旧房改造"),
        ("危旧房改造", "危旧房改造"),
        ("实施城镇危旧房改造", "危旧房改造"),
        ("危房安全动态监测", "危房监测"),
        ("农村危房改造竣工率", "危房改造竣工率"),
        ("新建改造地下管网", "地下管网改造"),
        ("更新改造燃气管道", "燃气管道更新改造"),
        ("实施老楼加装电梯", "加装电梯"),
        ("中心城区新增机动车停车位", "停车位"),
        ("建设筹集保障性租赁住房", "保障性租赁住房"),
        ("新筹集保障性住房", "保障性住房"),
        ("完成自建房整治", "自建房整治"),
        ("为老旧小区引入物业服务", "物业服务引入"),
        ("专职网格员", "网格员"),
    ],
)
def test_report_phrases_name_pack_indicators(core, phrase, name):
    assert core.extended(ENTRIES).lookup(phrase).name == name


def test_file_is_plain_toml_with_known_fields():
    data = tomllib.loads(TOML)
    assert data["sector"] == "urban"
    assert len(data["indicator"]) == len(ENTRIES)
