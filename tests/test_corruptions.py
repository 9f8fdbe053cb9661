"""The bar of the checks: single-edit corruptions of the Guanhaiwei report are caught, harmless
edits are not, and the clean report gives no error.

Each corruption replaces one stretch of the report text (an impossible rate, a part above its
whole, a wrong unit, a sign contradiction, a fractional count, an impossible period or target);
the report is extracted again and checked, and some finding of at least warning severity with one
of the expected codes must have a span inside the edited sentence. The expected outcome of every
edit was worked out by hand from the report text (the arithmetic is in the comments). Harmless
edits (consistent re-roundings, the same value in another unit, rewordings) must give no error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pytest

import townkpi
from conftest import REPO_ROOT
from townkpi.findings import CheckResult, Severity
from townkpi.plugins import PluginHost

REPORT = (REPO_ROOT / "examples" / "guanhaiwei" / "report.txt").read_text(encoding="utf-8")
_SENTENCE_END = re.compile(r"[。；！？\n]")


@dataclass(frozen=True)
class Edit:
    """Replace ``old`` (which occurs exactly once in the report) with ``new``."""

    id: str
    old: str
    new: str
    codes: tuple[str, ...] = ()

    def apply(self) -> tuple[str, int]:
        assert REPORT.count(self.old) == 1, f"{self.id}: {self.old!r} is not unique"
        at = REPORT.index(self.old)
        return REPORT[:at] + self.new + REPORT[at + len(self.old) :], at


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end): between 。；！？ or line breaks."""
    s = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    m = _SENTENCE_END.search(text, max(end - 1, start))
    return s, (m.end() if m else len(text))


@cache
def host() -> PluginHost:
    return PluginHost.create(entry_points=False)


def run(text: str) -> CheckResult:
    from townkpi.extract import extract  # noqa: PLC0415 - the extractor under test

    return townkpi.check(
        extract(townkpi.decode(text.encode("utf-8"), source="report.txt")), host=host()
    )


CORRUPTIONS = [
    # --- rates over counts (GRIM): no whole total rounds to the rate
    # 169/T in [98.45, 98.55)% → T in (171.49, 171.66]: none
    Edit("grim_ningci", "完成拆迁169户，完成率98.8%", "完成拆迁169户，完成率98.5%", ("TK101",)),
    # 316/T in [96.15, 96.25)% → T in (328.31, 328.65]: none
    Edit("grim_tongsu", "完成拆迁316户，完成率96%", "完成拆迁316户，完成率96.2%", ("TK101",)),
    # 25/T in [98.45, 98.55)% → T in (25.37, 25.39]: none
    Edit("grim_suggestions", "建议25件，满意率100%", "建议25件，满意率98.5%", ("TK101",)),
    # 670/T in [99.45, 99.55)% → T in (673.03, 673.71]: none
    Edit("grim_disputes", "调处成功率100%", "调处成功率99.5%", ("TK101",)),
    # --- rates of a finite set above 100%
    Edit("success_above_100", "调处成功率100%", "调处成功率103%", ("TK103",)),
    Edit("handling_above_100", "办结率99.5％", "办结率105％", ("TK103",)),
    Edit("closing_above_100", "问题整改销号率100%", "问题整改销号率120%", ("TK103",)),
    Edit("satisfaction_above_100", "满意率100%", "满意率101%", ("TK103",)),
    # --- shares and parts
    Edit("share_above_100", "数字经济产值的15.56%", "数字经济产值的115.56%", ("TK201",)),
    # 65 handled of 58 found
    Edit("handled_above_found", "已处置55宗", "已处置65宗", ("TK203",)),
    # 58 cases opened from 22 hazards found
    Edit("cases_above_hazards", "问题隐患2.2万余个", "问题隐患22个", ("TK203",)),
    # services 141.7亿元 above a GDP of 131.5亿元 for the same months
    Edit("services_above_gdp", "服务业增加值41.7亿元", "服务业增加值141.7亿元", ("TK203",)),
    # the same, written in 万元: 1417000万元 = 141.7亿元
    Edit("services_above_gdp_wan", "服务业增加值41.7亿元", "服务业增加值1417000万元", ("TK203",)),
    # --- signs
    Edit("double_negative", "同比下降8.7%", "同比下降-8.7%", ("TK301",)),
    Edit("decline_over_100", "同比下降8.7%", "同比下降108.7%", ("TK302",)),
    Edit("decline_over_100_pair", "分别下降24.3%", "分别下降124.3%", ("TK302",)),
    Edit("growth_below_minus_100", "同比增长5.4%", "同比增长-105.4%", ("TK302",)),
    # --- fractional counts of whole things
    Edit("fraction_households", "完成拆迁169户", "完成拆迁16.9户", ("TK303",)),
    Edit("fraction_enterprises", "高新技术企业17家", "高新技术企业1.7家", ("TK303",)),
    Edit("fraction_graduates", "引进大学生962人", "引进大学生96.2人", ("TK303",)),
    Edit("fraction_people", "创业帮扶7人", "创业帮扶7.5人", ("TK303",)),
    # --- ranks and periods
    Edit("rank_zero", "慈溪市第1名", "慈溪市第0名", ("TK304",)),
    Edit("month_13", "1-9月，全镇实现", "1-13月，全镇实现", ("TK305",)),
    Edit("fifth_quarter", "第二季度位列", "第五季度位列", ("TK305",)),
    Edit("months_backwards", "1-9月，实现数字经济产值", "9-1月，实现数字经济产值", ("TK305",)),
    Edit("reversed_range", "新增1-2个村", "新增2-1个村", ("TK306",)),
    # --- indicator ranges and dimensions
    Edit("income_ratio_below_1", "倍差保持在1.56以内", "倍差保持在0.56以内", ("TK307",)),
    Edit("relocation_in_mu", "宁慈线完成拆迁169户", "宁慈线完成拆迁169亩", ("TK401",)),
    Edit("land_in_households", "征地184亩", "征地184户", ("TK401",)),
    Edit("gdp_in_mu", "地区生产总值131.5亿元", "地区生产总值131.5亩", ("TK401",)),
    Edit("wheat_in_households", "小麦播种2.1万亩", "小麦播种2.1万户", ("TK401",)),
    # --- a partial year above the full year: 41.7亿元 in 1-9月, 38亿元 for the year
    Edit(
        "nine_months_above_year",
        "三产活力逐步彰显。",
        "三产活力逐步彰显。预计全年实现服务业增加值38亿元。",
        ("TK501",),
    ),
    # --- targets
    Edit("coverage_target_above_100", "参保达到99.5%以上", "参保达到100.5%以上", ("TK601",)),
    Edit("home_care_target_above_100", "服务率达到90%以上", "服务率达到190%以上", ("TK601",)),
    # 宁慈线 has relocated 98.8% of its households already; a 2024 target of 95% is met
    Edit(
        "target_below_achieved",
        "努力完成通苏嘉甬铁路、轨道交通宁慈线拆迁征地工作",
        "力争宁慈线拆迁完成率达到95%",
        ("TK602",),
    ),
]

HARMLESS = [
    # 169/171 = 98.830%: 98.83% is the same rate to one more decimal
    Edit("rerounded_rate", "完成率98.8%", "完成率98.83%"),
    # 316/329 = 96.05% rounds to 96.0%
    Edit("rerounded_rate_decimal", "完成率96%", "完成率96.0%"),
    # 184亩 is an area: any rate gives an implied total, never an error
    Edit("coarser_area_rate", "征地184亩，完成率97.4%", "征地184亩，完成率97%"),
    # 670/670 = 100.0%
    Edit("rerounded_success", "调处成功率100%", "调处成功率100.0%"),
    Edit("rerounded_share", "数字经济产值的15.56%", "数字经济产值的15.6%"),
    Edit("gdp_in_wan", "地区生产总值131.5亿元", "地区生产总值1315000万元"),
    Edit("services_in_wan", "服务业增加值41.7亿元", "服务业增加值417000万元"),
    Edit("area_in_square_meters", "违法建筑面积20.9万平方米", "违法建筑面积209000平方米"),
    Edit("rice_in_wan_mu", "早稻种植4533亩", "早稻种植0.4533万亩"),
    Edit("fdi_in_dollars", "实际利用外资216万美元", "实际利用外资2160000美元"),
    Edit("reworded_gdp", "全镇实现地区生产总值", "全镇完成地区生产总值"),
    Edit("reworded_decline", "同比下降8.7%", "同比减少8.7%"),
    Edit("halfwidth_percent", "办结率99.5％", "办结率99.5%"),
    # all 58 found were handled: a part may equal its whole
    Edit("all_handled", "已处置55宗", "已处置58宗"),
    # the attainment of a target may exceed 100%
    Edit(
        "attainment_above_100",
        "完成固定资产投资17.1亿元。",
        "完成固定资产投资17.1亿元，完成年度目标的117%。",
    ),
]


def test_there_are_enough_edits():
    assert len(CORRUPTIONS) >= 30
    assert len(HARMLESS) >= 10
    assert len({e.id for e in CORRUPTIONS + HARMLESS}) == len(CORRUPTIONS) + len(HARMLESS)


def test_the_clean_report_gives_no_error():
    result = run(REPORT)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    assert errors == [], "\n".join(f"{f.code}: {f.message}" for f in errors)
    assert result.faults == ()


def _describe(result: CheckResult) -> str:
    return (
        "\n".join(
            f"  {f.code} {f.severity.value} {[(s.start, s.end) for s in f.spans]}: {f.message}"
            for f in result.findings
            if f.severity is not Severity.INFO
        )
        or "  (no warning or error)"
    )


@pytest.mark.parametrize("edit", CORRUPTIONS, ids=lambda e: e.id)
def test_a_corruption_is_flagged_on_its_sentence(edit):
    text, at = edit.apply()
    start, end = sentence_around(text, at, at + len(edit.new))
    result = run(text)
    on_sentence = [
        f
        for f in result.findings
        if f.severity.at_least(Severity.WARNING)
        and f.code in edit.codes
        and any(start <= s.start and s.end <= end for s in f.spans)
    ]
    assert on_sentence, (
        f"{edit.id}: no {'/'.join(edit.codes)} finding in {text[start:end]!r}; found:\n"
        + _describe(result)
    )


@pytest.mark.parametrize("edit", HARMLESS, ids=lambda e: e.id)
def test_a_harmless_edit_gives_no_error(edit):
    text, _at = edit.apply()
    result = run(text)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    assert errors == [], f"{edit.id}:\n" + _describe(result)
