"""Which plan figures are targets, and their strength, read off the Guanhaiwei plan's text.

The facts are made by hand at the places of the figures in examples/guanhaiwei/report.txt (found
by a context string read from the report), with no qualifiers, so that the reading of the text is
what is tested; the expected readings follow tests/data/guanhaiwei_targets.toml.
"""

import pytest

from townkpi.model import Fact, FactKind, Modality, Report, Span, Value
from townkpi.targets import Strength, targets_from_report
from townkpi.targets.build import not_targets
from townkpi.targets.commitment import not_target_reason, strength_of


def figure_in(text, context, figure, kind=FactKind.AMOUNT, *, qualifiers=(), fact_id="f"):
    """A target fact for ``figure`` where it stands inside ``context`` (which occurs once)."""
    assert text.count(context) == 1, context
    start = text.index(context) + context.index(figure)
    return Fact(id=fact_id, kind=kind, value=Value.parse(figure.replace("两个", "2个")),
                surface=figure, modality=Modality.TARGET, qualifiers=qualifiers,
                span=Span(start=start, end=start + len(figure)))  # fmt: skip


@pytest.mark.parametrize(
    ("context", "figure", "verb"),
    [
        ("推进五里村96亩工业用地", "96亩", "推进"),
        ("加快推进夏宝、吉毅等7个项目", "7个", "推进"),
        ("有序推进上横街村2个旱改水", "2个", "推进"),
        ("加快东山头村工业集聚点三期172亩", "172亩", "加快"),
        ("配合做好两个站点", "两个", "配合做好"),
    ],
)
def test_figures_an_effort_verb_works_on_are_not_targets(guanhaiwei_text, context, figure, verb):
    fact = figure_in(guanhaiwei_text, context, figure)
    report = Report(source="report.txt", text=guanhaiwei_text, facts=[fact])
    reason = not_target_reason(report, fact)
    assert reason is not None
    assert verb in reason
    assert targets_from_report(report) == ()
    (excluded,) = not_targets(report)
    assert excluded.fact == fact


def test_figures_dated_to_last_year_are_not_targets(guanhaiwei_text):
    fact = figure_in(guanhaiwei_text, "督促上年度三批次8个标准地项目", "8个")
    reason = not_target_reason(Report(source="r", text=guanhaiwei_text, facts=[fact]), fact)
    assert reason is not None
    assert "上年度" in reason


@pytest.mark.parametrize(
    ("context", "figure", "kind", "strength"),
    [
        # 力争 opens the sentence and governs every clause of it, across the semicolons
        ("规上工业增加值同比增长5%", "5%", FactKind.CHANGE, Strength.STRIVE),
        ("规下样本企业营业收入同比增长10%", "10%", FactKind.CHANGE, Strength.STRIVE),
        ("规下增加值同比增长5%", "5%", FactKind.CHANGE, Strength.STRIVE),
        ("完成外贸自营进出口同比增长8%", "8%", FactKind.CHANGE, Strength.STRIVE),
        ("新进规企业超过10家", "超过10家", FactKind.AMOUNT, Strength.ENSURE),
        ("新增亿元企业5家", "5家", FactKind.AMOUNT, Strength.ENSURE),
        # 力促 governs 发展, not the figures
        ("完成技术改造项目40个", "40个", FactKind.AMOUNT, Strength.NONE),
        ("节能改造项目15个", "15个", FactKind.AMOUNT, Strength.NONE),
        ("全年整治 “散乱污”企业120家", "120家", FactKind.AMOUNT, Strength.NONE),
        ("城乡医保参保达到99.5%以上", "99.5%以上", FactKind.RATE, Strength.SEEK),
        ("长护险享受率达到2%以上", "2%以上", FactKind.RATE, Strength.SEEK),
        ("年经营性收入50万元以上", "50万元以上", FactKind.AMOUNT, Strength.ENSURE),
        # the 确保 of the previous sentence ends at its 。
        ("城乡居民收入倍差保持在1.56以内", "1.56以内", FactKind.RATIO, Strength.NONE),
        ("低收入农户人均可支配收入同比增长10%以上", "10%以上", FactKind.CHANGE, Strength.NONE),
        ("保护区内14家工业企业", "14家", FactKind.AMOUNT, Strength.NONE),
        ("新增1-2个村婴幼儿", "1-2个", FactKind.AMOUNT, Strength.NONE),
        ("确保居家养老服务率达到90%以上", "90%以上", FactKind.RATE, Strength.ENSURE),
        ("争创省级无障碍社区1个", "1个", FactKind.AMOUNT, Strength.SEEK),
        ("开展文艺赋美活动300场次以上", "300场次以上", FactKind.AMOUNT, Strength.NONE),
    ],
)
def test_plan_targets_and_their_strength(guanhaiwei_text, context, figure, kind, strength):
    fact = figure_in(guanhaiwei_text, context, figure, kind)
    report = Report(source="report.txt", text=guanhaiwei_text, facts=[fact])
    assert not_target_reason(report, fact) is None
    assert strength_of(report, fact) is strength
    (target,) = targets_from_report(report)
    assert target.strength is strength


def test_the_qualifiers_win_over_the_sentence(guanhaiwei_text):
    fact = figure_in(guanhaiwei_text, "节能改造项目15个", "15个", qualifiers=("确保",))
    report = Report(source="r", text=guanhaiwei_text, facts=[fact])
    assert strength_of(report, fact) is Strength.ENSURE


def test_facts_without_text_are_targets_as_they_stand():
    fact = Fact(id="f", kind=FactKind.AMOUNT, value=Value.parse("96亩"), modality=Modality.TARGET,
                qualifiers=("力争",))  # fmt: skip
    report = Report(source="table", facts=[fact])
    assert not_target_reason(report, fact) is None
    assert targets_from_report(report)[0].strength is Strength.STRIVE
