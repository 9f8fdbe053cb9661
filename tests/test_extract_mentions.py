"""Scanning: every number becomes a quantity (value, unit, qualifiers) or a skip with a reason.

Expected values are read off the sentences themselves (mostly from the Guanhaiwei report).
"""

from fractions import Fraction

import pytest

from townkpi.extract import accounted_for, extract
from townkpi.extract.mentions import scan
from townkpi.model import SkipReason
from townkpi.numbers import Comparator


def _only_fact(text):
    facts = extract(text, year=2023).facts
    assert len(facts) == 1, [f.surface for f in facts]
    return facts[0]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "comparator"),
    [
        ("实现地区生产总值131.5亿元。", "131.5亿元", "131.5", "亿元", "="),
        ("完成拆迁169户。", "169户", "169", "户", "="),
        ("完成小麦播种2.1万亩。", "2.1万亩", "2.1", "万亩", "="),
        ("实际利用外资216万美元。", "216万美元", "216", "万美元", "="),
        ("新增粮食种植面积约230亩。", "约230亩", "230", "亩", "~"),
        ("整治专项问题点位2000余个。", "2000余个", "2000", "个", ">"),
        ("累计排查发现问题隐患2.2万余个。", "2.2万余个", "2.2", "万个", ">"),
        ("确保全年新进规企业超过10家。", "超过10家", "10", "家", ">"),
        ("争取城乡医保参保达到99.5%以上。", "99.5%以上", "99.5", "%", ">="),
        ("城乡居民收入倍差保持在1.56以内。", "1.56以内", "1.56", None, "<="),
        ("办结审批服务9.5万件。", "9.5万件", "9.5", "万件", "="),
        ("办结率99.5％。", "99.5％", "99.5", "％", "="),
        ("累计拆除违法建筑面积20.9万平方米。", "20.9万平方米", "20.9", "万平方米", "="),
        ("新增1-2个村婴幼儿照护服务驿站。", "1-2个", "1-2", "个", "range"),
        ("开展文艺赋美活动300场次以上。", "300场次以上", "300", "场次", ">="),
        ("提高2个百分点。", "2个百分点", "2", "个百分点", "="),
        ("投资1000余万元。", "1000余万元", "1000", "万元", ">"),
        ("实现产值１３１．５亿元。", "１３１．５亿元", "131.5", "亿元", "="),
        ("参加人数共3,500人。", "3,500人", "3500", "人", "="),
        ("地区生产总值增长4.5%—5%。", "4.5%—5%", "4.5-5", "%", "range"),
        ("以全省 100 个县为单位。", "100 个", "100", "个", "="),
    ],
)
def test_quantities_with_units_and_qualifiers(text, surface, value, unit, comparator):
    f = _only_fact(text)
    assert (f.surface, f.value.text, f.unit, f.comparator.value) == (
        surface,
        value,
        unit,
        comparator,
    )
    assert text[f.span.start : f.span.end] == surface


def test_the_scale_moves_into_the_unit_and_yu_bounds_the_next_step():
    f = _only_fact("累计排查发现问题隐患2.2万余个。")
    assert (f.interval.lower, f.interval.upper) == (Fraction(22, 10), Fraction(23, 10))
    assert (f.interval.lower_closed, f.interval.upper_closed) == (False, False)
    assert f.comparator is Comparator.GT


def test_counts_of_whole_things_are_exact():
    f = _only_fact("完成拆迁169户。")
    assert f.interval.lower == f.interval.upper == 169


def test_a_written_decimal_keeps_its_precision():
    f = _only_fact("实现一般公共预算收入8.0亿元。")
    assert f.value.text == "8.0"
    assert str(f.interval) == "[7.95, 8.05)"


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("新增国家高新技术企业十七家。", "十七家", "17", "家"),
        ("配合做好两个站点TOD综合开发。", "两个", "2", "个"),
        ("督促上年度三批次8个标准地项目。", "三批次", "3", "批次"),
        ("带动社会投资超千亿元。", "超千亿元", "1000", "亿元"),
    ],
)
def test_chinese_numerals_that_count_are_quantities(text, surface, value, unit):
    facts = extract(text, year=2023).facts
    f = facts[0]
    assert (f.surface, f.value.text, f.unit) == (surface, value, unit)


def test_a_bare_number_in_a_list_takes_the_unit_of_the_next():
    facts = extract("客运量分别达1409万、1305万人次。", year=2025).facts
    assert [(f.value.text, f.unit) for f in facts] == [("1409", "万人次"), ("1305", "万人次")]


def _skips(text):
    return [(s.surface, s.reason) for s in scan(text).skipped]


@pytest.mark.parametrize(
    ("text", "surface", "reason"),
    [
        ("2023年工作总结", "2023年", SkipReason.YEAR),
        ("申报创建2023年度省级和美乡村", "2023年度", SkipReason.YEAR),
        ("1-9月，全镇实现", "1-9月", SkipReason.PERIOD),
        ("——2026年1月25日在北京市", "2026年1月25日", SkipReason.DATE),
        ("时间：2026-02-02", "2026-02-02", SkipReason.DATE),
        ("第二季度位列绿榜", "第二季度", SkipReason.PERIOD),
        ("2021—2025年主要目标", "2021—2025年", SkipReason.PERIOD),
        ("获市第八届残疾人职业技能竞赛", "第八届", SkipReason.ORDINAL),
        ("省第三批公益性节地生态安葬示范点", "第三批", SkipReason.ORDINAL),
        ("成功入选第六批省级运动休闲乡镇", "第六批", SkipReason.ORDINAL),
        ("认真贯彻党的二十大精神", "二十大", SkipReason.LABEL),
        ("深入实施“八八战略”", "八八战略", SkipReason.LABEL),
        ("稳步推进“三改一拆”", "三改一拆", SkipReason.LABEL),
        ("推进“五水共治”专项行动", "五水共治", SkipReason.LABEL),
        ("深化“一中心、四平台”工作", "一中心、四平台", SkipReason.LABEL),
        ("推动基层治理“141”体系强功能", "141", SkipReason.LABEL),
        ("新城拆迁安置A地块主体完工", "A地块", SkipReason.LABEL),
        ("推进鸣鹤古镇4A景区复评", "4A", SkipReason.LABEL),
        ("参加3A级复评", "3A级", SkipReason.LABEL),
        ("推进五里村96亩工业用地征收", "五里村", SkipReason.NAME),
        ("经三路全线完工", "三路", SkipReason.NAME),
        ("新增亿元企业5家", "亿元企业", SkipReason.LABEL),
        ("38家国家级5G工厂", "5G", SkipReason.LABEL),
        ("全省PM2.5浓度下降", "PM2.5", SkipReason.LABEL),
        ("构建“1+10+N”基金集群", "1+10+N", SkipReason.LABEL),
        ("开展三年行动", "三年", SkipReason.DURATION),
        ("北京连续9年稳居榜首", "9年", SkipReason.DURATION),
        ("东山头村级标准厂房一期竣工", "一期", SkipReason.ORDINAL),
        ("一、2023年工作总结", "一、", SkipReason.ORDINAL),
        ("（一）综合施策推进经济发展", "（一）", SkipReason.ORDINAL),
        ("附件1\n名词解释", "1", SkipReason.REFERENCE),
        ("中国企业500强", "500强", SkipReason.LABEL),
        ("严格落实中央八项规定", "八项规定", SkipReason.LABEL),
    ],
)
def test_numbers_that_are_not_measurements_are_skipped_with_a_reason(text, surface, reason):
    found = _skips(text)
    assert (surface, reason) in found, found
    assert not [m.surface for m in scan(text).mentions if surface in m.surface]


def test_words_whose_numeral_is_not_a_number_are_left_alone():
    text = "实现一般公共预算收入，进一步推进一体化，限上零售业和批零企业。"
    assert scan(text).skipped == ()
    assert scan(text).mentions == ()


def test_ranks_are_quantities():
    facts = extract("第二季度位列慈溪市第1名，获竞赛团体第一名，排名全国第3。", year=2023).facts
    assert [(f.surface, f.value.text, f.unit, f.kind.value) for f in facts] == [
        ("第1名", "1", None, "rank"),
        ("第一名", "1", None, "rank"),
        ("第3", "3", None, "rank"),
    ]


def test_a_ratio_to_one_is_a_ratio():
    facts = extract("城乡居民收入比由2.9∶1缩小至2.52∶1。", year=2025).facts
    assert [(f.value.text, f.kind.value) for f in facts] == [("2.9", "ratio"), ("2.52", "ratio")]


@pytest.mark.parametrize(
    "text",
    [
        "三次产业比重为4.0∶37.7∶58.3，占全国1/4。",
        "省12345政务服务热线，9兆瓦时储能，PM_2.5浓度，0—6岁儿童。",
        "１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０个",
        "2025-2026-2027, 1.2.3.4, 1-2-3个, 5%-10, 10%-2023年, 12:30:45:67",
    ],
)
def test_nothing_is_dropped_silently(text):
    report = extract(text, year=2025)
    assert accounted_for(report) == []


def test_lexical_words_that_begin_with_a_numeral_have_two_characters_at_least() -> None:
    """The Chinese pass looks a run's first two characters up before matching the lexical words
    (一般, 一体化); a one-character word would never be tried, so the lexicon must not hold one."""
    from townkpi.extract.lexicon import lexicon  # noqa: PLC0415
    from townkpi.extract.scanner import CN_NUMERAL_CHARS, patterns  # noqa: PLC0415

    words = [w for w in lexicon().words("chinese", "lexical") if w[0] in CN_NUMERAL_CHARS]
    assert words
    assert [w for w in words if len(w) < 2] == []
    labels = set(lexicon().words("chinese", "labels"))
    assert patterns(()).lexical_pairs == {w[:2] for w in words if w not in labels}
    found = scan("一般公共预算收入增长5%")  # 一般 is a word: its 一 is no number
    assert [s.surface for s in found.skipped] == []
    assert [m.surface for m in found.mentions] == ["5%"]


def test_a_qualifier_word_does_not_reach_across_a_line_break() -> None:
    """A line break ends a sentence: 约 at the end of one line does not qualify the number that
    starts the next, and the mention starts at its digits, not at the break."""
    [same_line] = scan("面积约230亩。").mentions
    assert (same_line.surface, same_line.qualifiers) == ("约230亩", ("约",))
    [next_line] = scan("面积约\n230亩。").mentions
    assert (next_line.surface, next_line.qualifiers, next_line.start) == ("230亩", (), 4)
