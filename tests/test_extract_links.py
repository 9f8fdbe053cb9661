"""refers_to links and 分别 lists; indicators and subjects."""

import pytest

from townkpi.extract import extract


def _facts(text, year=2023):
    return extract(text, year=year).facts


def _links(text):
    facts = _facts(text)
    by_id = {f.id: f for f in facts}
    return [(f.surface, None if f.refers_to is None else by_id[f.refers_to].surface) for f in facts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "实现地区生产总值131.5亿元，同比增长5.4%。",
            [("131.5亿元", None), ("5.4%", "131.5亿元")],
        ),
        (
            (
                "宁慈线完成拆迁169户，完成率98.8%，征地184亩，完成率97.4%；"
                "通苏嘉甬铁路完成拆迁316户，完成率96%。"
            ),
            [
                ("169户", None),
                ("98.8%", "169户"),
                ("184亩", None),
                ("97.4%", "184亩"),
                ("316户", None),
                ("96%", "316户"),
            ],
        ),
        (
            "1-9月，实现数字经济产值56.15亿元，占全市数字经济产值的15.56%。",
            [("56.15亿元", None), ("15.56%", "56.15亿元")],
        ),
        (
            "镇村两级便民服务中心办结审批服务9.5万件，办结率99.5％。",
            [("9.5万件", None), ("99.5％", "9.5万件")],
        ),
        ("调处各类矛盾纠纷670起，调处成功率100%。", [("670起", None), ("100%", "670起")]),
        ("办理人大代表建议25件，满意率100%。", [("25件", None), ("100%", "25件")]),
        (
            "北京输出到津冀技术合同成交额996亿元、增长18.1%。",
            [("996亿元", None), ("18.1%", "996亿元")],
        ),
        # each of these names its own indicator: no link
        (
            "地区生产总值5.2万亿元，一般公共预算收入增长4.8%，城镇调查失业率4.1%。",
            [("5.2万亿元", None), ("4.8%", None), ("4.1%", None)],
        ),
        ("全镇案件发案量同比下降8.7%。", [("8.7%", None)]),
        ("城南桃园小区改造工程完成总工程量90%。", [("90%", None)]),
        # a link never crosses a ；
        ("实现收入8.0亿元；同比增长23.1%。", [("8.0亿元", None), ("23.1%", None)]),
    ],
)
def test_refers_to(text, expected):
    assert _links(text) == expected


def test_a_rate_takes_the_indicator_and_subject_of_its_amount():
    facts = _facts("宁慈线完成拆迁169户，完成率98.8%，征地184亩，完成率97.4%。")
    assert [(f.indicator, f.subject) for f in facts] == [
        ("拆迁", "宁慈线"),
        ("拆迁", "宁慈线"),
        ("征地", "宁慈线"),
        ("征地", "宁慈线"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "限上社会消费品零售额和限上餐饮业营业收入分别同比增长10.5%、25.3%。",
            [("10.5", "限上社会消费品零售额"), ("25.3", "限上餐饮业营业收入")],
        ),
        (
            "全镇案件发案量同比下降8.7%，其中刑事案件、行政（治安）案件分别下降24.3%、4.6%。",
            [("-8.7", "案件发案量"), ("-24.3", "刑事案件"), ("-4.6", "行政（治安）案件")],
        ),
    ],
)
def test_fenbie_spreads_the_values_over_the_names(text, expected):
    facts = _facts(text)
    assert [(f.value.text, f.indicator) for f in facts] == expected
    assert all(f.refers_to is None for f in facts)


def test_fenbie_links_changes_to_a_list_of_amounts():
    facts = _facts("工业和服务业增加值分别为10亿元、20亿元，分别增长5%、6%。")
    assert [(f.value.text, f.indicator, f.refers_to) for f in facts] == [
        ("10", "工业", None),
        ("20", "服务业增加值", None),
        ("5", "工业", "f1"),
        ("6", "服务业增加值", "f2"),
    ]


@pytest.mark.parametrize(
    ("text", "indicator", "subject"),
    [
        ("1-9月，全镇实现地区生产总值131.5亿元。", "地区生产总值", "全镇"),
        ("实现一般公共预算收入8.0亿元。", "一般公共预算收入", None),
        ("完成规上工业总产值246.4亿元。", "规上工业总产值", None),
        ("完成固定资产投资17.1亿元。", "固定资产投资", None),
        ("完成小麦播种2.1万亩。", "小麦播种", None),
        ("通苏嘉甬铁路完成拆迁316户。", "拆迁", "通苏嘉甬铁路"),
        ("累计拆除违法建筑面积20.9万平方米。", "拆除违法建筑面积", None),
        ("投资1800万元推进8686亩高标准农田改造提升项目。", "投资", None),
        ("委托专业机构对756户危房和74幢城镇住房进行安全动态监测。", "危房", None),
        (
            "对里杜湖、外杜湖饮用水源保护区内14家工业企业开展重点污染源整治。",
            "工业企业重点污染源整治",
            None,
        ),
        ("望通、卡帝亚等5家企业开展数字经济项目。", "企业数字经济项目", "望通、卡帝亚"),
        ("全镇案件发案量同比下降8.7%。", "案件发案量", "全镇"),
        ("争取长护险享受率达到2%以上。", "长护险享受率", None),
    ],
)
def test_indicator_and_subject_of_the_first_figure(text, indicator, subject):
    f = _facts(text)[0]
    assert (f.indicator, f.subject) == (indicator, subject)


def test_the_measured_thing_after_the_number_of_a_later_figure():
    facts = _facts("委托专业机构对756户危房和74幢城镇住房进行安全动态监测。")
    assert [f.indicator for f in facts] == ["危房", "城镇住房安全动态监测"]


def test_the_subject_carries_over_to_later_figures_of_the_same_part_only():
    facts = _facts("宁慈线完成拆迁169户，征地184亩；拆除违建22处。")
    assert [f.subject for f in facts] == ["宁慈线", "宁慈线", None]
