"""Report year, plan year, sections, and each fact's period, modality and sentence qualifiers."""

import pytest

from townkpi.extract import ExtractOptions, extract
from townkpi.extract.mentions import scan
from townkpi.extract.period import markers
from townkpi.extract.sections import outline
from townkpi.extract.segment import segment

TOWN = """慈溪市某镇人民政府
2023年工作总结和2024年工作安排
 今年以来，全镇坚持稳中求进。1-9月，全镇实现地区生产总值131.5亿元，同比增长5.4%；实现一般公共预算收入8.0亿元。
一、2023年工作总结
（一）经济发展。预计全年完成农林牧渔业产值16.5亿元，同比增长7.0%。申报国家级人才7名。第二季度位列慈溪市第1名。预计住餐企业进限3家、批零企业进限3家。
二、2024年工作思路
2024年，环境依然较为严峻。力争规上工业增加值同比增长5%；规下增加值同比增长5%，完成外贸自营进出口同比增长8%。确保全年新进规企业超过10家，新增亿元企业5家。督促上年度三批次8个标准地项目209亩工业用地的开发建设。完成技术改造项目40个。
"""


def _by_surface(text, **kwargs):
    return {f.surface: f for f in extract(text, **kwargs).facts}


def test_report_year_title_and_plan_year_come_from_the_headings():
    o = outline(TOWN)
    assert (o.year, o.plan_year, o.title) == (2023, 2024, "2023年工作总结和2024年工作安排")
    assert [s.plan for s in o.sections] == [False, False, True]
    report = extract(TOWN)
    assert (report.year, report.title) == (2023, "2023年工作总结和2024年工作安排")


@pytest.mark.parametrize(
    ("text", "year", "plan_year"),
    [
        (
            "2026年北京市政府工作报告\n各位代表：\n一、2025年工作回顾\n三、2026年重点工作\n",
            2025,
            2026,
        ),
        (
            "2026年福建省政府工作报告\n各位代表：\n一、一年接着一年干\n三、全力推动“十五五”开好局\n",
            2025,
            2026,
        ),
        (
            "湖北省政府工作报告\n一、“十四五”时期和2025年工作回顾\n三、2026年的重点工作\n",
            2025,
            2026,
        ),
    ],
)
def test_years_of_government_work_reports(text, year, plan_year):
    o = outline(text)
    assert (o.year, o.plan_year) == (year, plan_year)


def test_the_caller_can_give_the_year():
    o = outline("某镇工作报告\n实现产值10亿元。", year=2019)
    assert (o.year, o.plan_year) == (2019, 2020)
    fact = extract("实现产值10亿元。", options=ExtractOptions(year=2019)).facts[0]
    assert str(fact.period) == "2019"


def test_a_month_range_governs_its_sentence_only():
    facts = _by_surface(TOWN)
    assert str(facts["131.5亿元"].period) == "2023-01/2023-09"
    assert str(facts["5.4%"].period) == "2023-01/2023-09"
    assert str(facts["8.0亿元"].period) == "2023-01/2023-09"  # across ；, within the sentence
    assert str(facts["7名"].period) == "2023"  # a later sentence: the report year


def test_an_estimate_of_the_whole_year():
    facts = _by_surface(TOWN)
    for surface in ("16.5亿元", "7.0%"):
        assert facts[surface].modality.value == "estimate"
        assert str(facts[surface].period) == "2023"
        assert "预计" in facts[surface].qualifiers
    both = [f for f in extract(TOWN).facts if f.surface == "3家"]
    assert [f.modality.value for f in both] == ["estimate", "estimate"]


def test_a_quarter_governs_a_rank():
    assert str(_by_surface(TOWN)["第1名"].period) == "2023-Q2"


def test_the_plan_section_holds_targets_of_the_plan_year():
    facts = extract(TOWN).facts
    plan = [f for f in facts if f.span.start > TOWN.index("二、2024年工作思路")]
    assert {str(f.period) for f in plan} == {"2024", "2023"}
    targets = [f.surface for f in plan if f.modality.value == "target"]
    assert targets == ["5%", "5%", "8%", "超过10家", "5家", "40个"]


def test_a_sentence_initial_qualifier_spreads_over_its_parts():
    plan = [f for f in extract(TOWN).facts if f.surface in ("5%", "8%")]
    assert [f.qualifiers for f in plan] == [("力争",), ("力争",), ("力争",)]
    ensured = [f for f in extract(TOWN).facts if f.surface in ("超过10家", "5家")]
    assert [f.qualifiers[0] for f in ensured] == ["确保", "确保"]


def test_last_years_figures_in_the_plan_are_actual():
    facts = _by_surface(TOWN)
    for surface in ("三批次", "8个", "209亩"):
        assert (facts[surface].modality.value, str(facts[surface].period)) == ("actual", "2023")


def test_a_target_in_the_review_is_for_the_plan_year():
    text = "2023年工作总结\n全年完成投资10亿元，力争明年增长5%。"
    facts = extract(text).facts
    assert [(f.modality.value, str(f.period)) for f in facts] == [
        ("actual", "2023"),
        ("target", "2024"),
    ]


def test_a_comparison_base_is_no_period():
    fact = extract("2025年工作回顾\n专利数较2020年增长30%。").facts[0]
    assert str(fact.period) == "2025"


def test_five_year_plan_periods():
    text = (
        "2026年某省政府工作报告\n一、2025年工作回顾\n这五年，累计新增就业300万人。\n"
        "二、“十五五”时期主要目标任务\n地区生产总值年均增长5%。\n三、2026年重点工作\n增长5%左右。\n"
    )
    facts = extract(text).facts
    assert [(f.surface, f.modality.value, str(f.period)) for f in facts] == [
        ("300万人", "actual", "2021-01/2025-12"),
        ("5%", "target", "2026-01/2030-12"),
        ("5%左右", "target", "2026"),
    ]


def test_a_year_no_period_can_have_is_no_marker():
    """0000年 (found by fuzzing an HTML page) is read, not raised on, and dates nothing."""
    report = extract("0000年1-9月，实现地区生产总值131.5亿元，同比增长5.4%。")
    assert [f.surface for f in report.facts] == ["131.5亿元", "5.4%"]
    assert all(f.period is None for f in report.facts)
    assert "0000年" in [s.surface for s in report.skipped]


def _timing_cases(text):
    """Offsets of every number and next to every marker, with their sentence starts, in order."""
    timeline = markers(text, outline(text))
    found = scan(text)
    offsets = {m.start for m in found.mentions} | {s.start for s in found.skipped}
    for w in timeline:
        offsets |= {w.start - 1, w.start, w.start + 1, w.end - 1, w.end, w.end + 1}
    ordered = sorted(o for o in offsets if 0 <= o < len(text))
    sentences = segment(text).locate(ordered)[2]
    return timeline, [(o, s[0]) for o, s in zip(ordered, sentences, strict=True)]


def _assert_timings_equal_timing(text):
    timeline, cases = _timing_cases(text)
    assert list(timeline.timings(cases)) == [timeline.timing(o, s) for o, s in cases]


def test_timings_in_one_walk_equal_the_timing_of_each_fact():
    _assert_timings_equal_timing(TOWN)
    # A marker around a figure's offset, several in a sentence, a target in the review.
    _assert_timings_equal_timing(
        "2023年工作总结\n预计全年1-6月完成产值8亿元，上半年增长5%，力争2024年增长6%。"
        "第二季度增长3%；去年完成9亿元。\n二、2024年工作思路\n今后五年力争增长7%，这五年增长4%。"
    )


def test_timings_in_one_walk_equal_the_timing_of_each_fact_in_the_corpus(corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt")):
        _assert_timings_equal_timing(path.read_text(encoding="utf-8"))
