"""The pack's catalog entries: valid, found by their aliases, and taking no phrase from the core."""

import tomllib
from importlib import resources

import pytest

from townkpi import Catalog, PluginHost, indicators_from_toml

TOML = resources.files("townkpi_social").joinpath("indicators.toml").read_text("utf-8")
ENTRIES = indicators_from_toml(TOML, source="townkpi-social/indicators.toml")


@pytest.fixture(scope="module")
def core() -> Catalog:
    return PluginHost.create(entry_points=False).catalog()


def test_entries_are_many_and_of_the_urban_sector():
    assert len(ENTRIES) >= 25
    assert {e.sector for e in ENTRIES} == {"social"}
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
        ("新增7701张家庭养老床位", "家庭养老床位"),
        ("新增养老床位", "养老床位"),
        ("新建区域养老服务中心", "养老服务中心"),
        ("养老助餐点覆盖", "养老助餐点"),
        ("普惠托位占比", "普惠托位占比"),
        ("新增中小学学位", "基础教育学位"),
        ("新增基础教育公办学位", "基础教育学位"),
        ("城乡居民基础养老金最低标准", "城乡居民基础养老金"),
        ("发放低保、特困等救助资金", "社会救助资金"),
        ("实施医疗救助", "医疗救助"),
        ("提供高校毕业生就业岗位", "就业岗位"),
        ("脱贫人口实现稳岗就业", "脱贫人口务工就业"),
        ("新增农村劳动力转移就业", "农村劳动力转移就业"),
        ("失业人员实现再就业", "失业人员再就业"),
        ("信访积案化解率", "信访积案化解率"),
        ("信访事项初信初访一次性化解率", "初信初访化解率"),
        ("政协委员提案办复率", "提案办复率"),
        ("群众安全感满意度", "群众安全感"),
        ("调解成功", "调解成功"),
        # a count of disputes settled, not the core's rate 调处成功率
        ("调处成功", "调解成功"),
        ("调处成功率", "调处成功率"),
        ("受理群众诉求", "诉求受理"),
        ("办结群众诉求", "诉求办结"),
    ],
)
def test_report_phrases_name_pack_indicators(core, phrase, name):
    assert core.extended(ENTRIES).lookup(phrase).name == name


def test_file_is_plain_toml_with_known_fields():
    data = tomllib.loads(TOML)
    assert data["sector"] == "social"
    assert len(data["indicator"]) == len(ENTRIES)
