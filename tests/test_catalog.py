"""The indicator catalog: the built-in entries, lookup, TOML reading, coverage of the reports."""

from decimal import Decimal

import pytest

from reading import reading
from townkpi.catalog import (
    Catalog,
    CatalogError,
    Indicator,
    RelationKind,
    Temporality,
    builtin_catalog,
    indicators_from_toml,
)
from townkpi.model import FactKind


@pytest.fixture(scope="module")
def catalog():
    return builtin_catalog()


def test_size_and_consistency(catalog):
    assert len(catalog) >= 80
    assert catalog.problems() == ()
    sectors = {i.sector for i in catalog}
    assert {"economy", "agriculture", "land", "governance", "social", "environment"} <= sectors


def test_every_relation_names_a_known_indicator(catalog):
    for rel in catalog.relations():
        for other in rel.others:
            assert other in catalog, str(rel)


def test_declared_relations_of_the_issue(catalog):
    rels = {str(r) for r in catalog.relations() if r.kind is RelationKind.PART_OF}
    assert "服务业增加值 ≤ 地区生产总值" in rels
    assert "违法建筑处置 ≤ 违法建筑排摸" in rels
    assert "立案查处 ≤ 安全隐患排查" in rels


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("全镇实现地区生产总值", "地区生产总值"),
        ("GDP", "地区生产总值"),
        ("宁慈线完成拆迁", "拆迁户数"),
        ("目标完成率", "目标完成率"),
        ("完成年度目标", "目标完成率"),
        ("处置四不违法建筑", "违法建筑处置"),
        ("累计排摸“四不”违法建筑", "违法建筑排摸"),
        ("城乡医保参保率", "参保率"),
        ("限上社会消费品零售额", "限上社会消费品零售额"),
        ("社会消费品零售总额", "社会消费品零售总额"),
    ],
)
def test_lookup_prefers_the_longest_phrase(catalog, phrase, name):
    assert catalog.lookup(phrase).name == name


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        # 治理 deals with an illegal building (demolished, legalised or confiscated): not 拆除
        ("治理违法建设", "违法建筑处置"),
        ("累计治理违法建设", "违法建筑处置"),
        ("拆除违法建筑", "违法建筑拆除"),
        # a count of disputes settled is not the rate of success
        ("调处成功", None),
        ("调解成功", None),
        ("调处成功率", "调处成功率"),
        ("矛盾纠纷调解成功率", "调处成功率"),
        # renewal of dilapidated houses is not their monitoring
        ("危旧房改造", None),
        ("农村危房改造", None),
        ("改造危旧房", None),
        ("危房安全动态监测", "危房监测"),
        ("监测危房", "危房监测"),
    ],
)
def test_aliases_name_what_the_phrase_measures(catalog, phrase, name):
    found = catalog.lookup(phrase)
    assert (found.name if found is not None else None) == name


def test_head_lookup_only_matches_the_end(catalog):
    assert catalog.lookup("工业用地全生命周期管理").name == "工业用地"
    assert catalog.lookup("工业用地全生命周期管理", head=True) is None
    assert catalog.lookup("宁慈线完成拆迁", head=True).name == "拆迁户数"
    assert catalog.lookup("拆迁户数", head=True).name == "拆迁户数"
    assert catalog.lookup("新增高新技术企业数", head=True).name == "高新技术企业"
    assert catalog.lookup(None) is None
    assert catalog.lookup("天气") is None


def test_rates_bounded_or_attainment(catalog):
    assert catalog.get("办结率").value_range is not None
    assert catalog.get("目标完成率").attainment
    assert catalog.get("目标完成率").value_range is None
    assert catalog.get("城乡居民收入倍差").minimum == Decimal(1)


def test_dimensions(catalog):
    assert catalog.get("拆迁户数").allows("户")
    assert not catalog.get("拆迁户数").allows("亩")
    assert catalog.get("征地面积").allows("公顷")
    assert not catalog.get("地区生产总值").allows("亩")
    assert catalog.get("实际利用外资").allows("万美元")


def test_toml_entry_and_errors():
    [ind] = indicators_from_toml(
        'sector = "x"\n[[indicator]]\nname = "A"\naliases = ["a1"]\n'
        'dimensions = ["count:户"]\ntemporality = "stock"\n',
        "t.toml",
    )
    assert (ind.sector, ind.temporality, ind.source) == ("x", Temporality.STOCK, "t.toml")
    assert ind.allows("户")
    assert not ind.allows("人")
    with pytest.raises(CatalogError, match="unknown field"):
        indicators_from_toml('[[indicator]]\nname = "A"\nalias = []\n', "t.toml")
    with pytest.raises(CatalogError, match="unknown dimension"):
        indicators_from_toml('[[indicator]]\nname = "A"\ndimensions = ["money"]\n', "t.toml")
    with pytest.raises(CatalogError, match=r"count:亩.*area"):
        indicators_from_toml('[[indicator]]\nname = "A"\ndimensions = ["count:亩"]\n', "t.toml")
    with pytest.raises(CatalogError, match="not valid TOML"):
        indicators_from_toml("[[indicator]\n", "t.toml")


def test_refining_keeps_aliases_and_reports_shared_phrases():
    cat = Catalog(
        indicators=[Indicator(name="A", aliases=["a"]), Indicator(name="B", aliases=["b"])]
    )
    refined = cat.extended([Indicator(name="A", aliases=["a2"], sector="s")])
    assert refined.get("A").aliases == ("a", "a2")
    assert refined.get("A").sector == "s"
    clash = Catalog(
        indicators=[Indicator(name="A", aliases=["x"]), Indicator(name="B", aliases=["x"])]
    )
    assert clash.problems() == ("phrase 'x' names both 'A' and 'B'",)


def test_the_guanhaiwei_reading_is_mostly_covered(catalog):
    """Most hand-read indicator phrases of the report name a catalog indicator."""
    phrases = [f.indicator for f in reading().facts if f.indicator]
    known = [p for p in phrases if catalog.lookup(p) is not None]
    assert len(known) / len(phrases) >= 0.75
    amounts = [f for f in reading().facts if f.kind is FactKind.AMOUNT and f.indicator]
    # every amount whose indicator the catalog knows at the head is in an allowed dimension
    for f in amounts:
        ind = catalog.lookup(f.indicator, head=True)
        if ind is not None:
            assert ind.allows(f.unit), (f.surface, f.indicator, ind.name)


def test_each_corpus_report_names_many_catalog_indicators(catalog, corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        named = [i for i in catalog if any(p in text for p in i.phrases if "*" not in p)]
        assert len(named) >= 30, path.name
