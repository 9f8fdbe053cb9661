"""Matching targets to actual facts and the scorecard."""

from fractions import Fraction

from townkpi.interval import Interval
from townkpi.model import Fact, FactKind, Modality, Period, Value
from townkpi.numbers import Comparator
from townkpi.targets import (
    Target,
    TargetKind,
    catalog_resolver,
    normalize_indicator,
    score,
    scorecard_to_dict,
)
from townkpi.targets.scorecard import NO_ACTUAL

Y2023, Y2024 = Period.year(2023), Period.year(2024)


def growth_target(indicator="规上工业增加值", bound=5, tid="t1", **extra):
    return Target(id=tid, indicator=indicator, comparator=Comparator.GE,
                  bound=Interval.point(bound), unit="%", kind=TargetKind.GROWTH, period=Y2024,
                  **extra)  # fmt: skip


def level_target(indicator, bound, unit, tid="t2", comparator=Comparator.GE, **extra):
    return Target(id=tid, indicator=indicator, comparator=comparator,
                  bound=Interval.point(Fraction(bound)), unit=unit, kind=TargetKind.LEVEL,
                  period=Y2024, **extra)  # fmt: skip


def actual(fid, indicator, written, kind=FactKind.AMOUNT, period=Y2024, **extra):
    return Fact(id=fid, kind=kind, value=Value.parse(written), surface=written,
                indicator=indicator, period=period, **extra)  # fmt: skip


def test_growth_target_matched_to_a_change_of_its_period():
    facts = [
        actual("a1", "规上工业增加值", "3.1%", FactKind.CHANGE, period=Y2023),
        actual("a2", "规上工业增加值", "5.4%", FactKind.CHANGE),
    ]
    card = score([growth_target()], facts)
    (entry,) = card.entries
    assert entry.status == "met"
    assert entry.actual is not None
    assert entry.actual.facts == ("a2",)


def test_growth_target_met_from_two_levels():
    # 349.5亿元 after 331.2亿元: between 349.45/331.25 - 1 and 349.55/331.15 - 1, about 5.49%-5.56%.
    facts = [
        actual("a1", "规上工业总产值", "331.2亿元", period=Y2023),
        actual("a2", "规上工业总产值", "349.5亿元"),
    ]
    (entry,) = score([growth_target("规上工业总产值")], facts).entries
    assert entry.status == "met"
    assert entry.actual is not None
    assert entry.actual.facts == ("a2", "a1")
    assert entry.actual.interval == Interval.open(
        (Fraction("349.45") / Fraction("331.25") - 1) * 100,
        (Fraction("349.55") / Fraction("331.15") - 1) * 100,
    )
    assert "derived from the levels of 2024 and 2023" in entry.note


def test_growth_target_with_only_this_years_level_says_what_is_missing():
    facts = [actual("a2", "规上工业总产值", "349.5亿元")]
    (entry,) = score([growth_target("规上工业总产值")], facts).entries
    assert entry.status == "undecidable"
    assert entry.outcome is not None
    assert entry.outcome.reason == "kind"
    assert "no level for 2023" in entry.note


def test_target_without_an_actual_is_listed_with_a_note():
    card = score([growth_target(), level_target("文艺赋美活动", 300, "场次")],
                 [actual("a1", "文艺赋美活动", "286场次")])  # fmt: skip
    assert [e.status for e in card.entries] == [NO_ACTUAL, "missed"]
    assert card.unmatched == (card.entries[0].target,)
    assert card.entries[0].note == "no actual figure of this indicator"
    assert card.counts() == {"met": 0, "missed": 1, "undecidable": 0, NO_ACTUAL: 1}


def test_a_partial_period_figure_is_not_used():
    nine_months = Period.months(2024, 1, 9)
    (entry,) = score([growth_target()], [actual("a1", "规上工业增加值", "6.0%", FactKind.CHANGE,
                                                period=nine_months)]).entries  # fmt: skip
    assert entry.status == NO_ACTUAL
    assert "only figures for part of 2024: 2024-01/2024-09" in entry.note


def test_an_actual_is_preferred_to_an_estimate():
    facts = [
        actual("e", "新增亿元企业", "6家", modality=Modality.ESTIMATE),
        actual("a", "新增亿元企业", "4家"),
    ]
    (entry,) = score([level_target("新增亿元企业", 5, "家")], facts).entries
    assert entry.actual is not None
    assert entry.actual.facts == ("a",)
    assert entry.status == "missed"
    assert "2 matching figures" in entry.note


def test_an_estimate_is_used_when_there_is_no_actual():
    facts = [actual("e", "新增亿元企业", "6家", modality=Modality.ESTIMATE)]
    (entry,) = score([level_target("新增亿元企业", 5, "家")], facts).entries
    assert entry.status == "met"
    assert entry.actual is not None
    assert entry.actual.modality is Modality.ESTIMATE


def test_targets_of_a_later_plan_are_not_actuals():
    facts = [actual("t", "新增亿元企业", "6家", modality=Modality.TARGET)]
    (entry,) = score([level_target("新增亿元企业", 5, "家")], facts).entries
    assert entry.status == NO_ACTUAL


def test_subjects_must_agree_when_both_are_named():
    t = level_target("拆迁户数", 100, "户", subject="宁慈线")
    facts = [actual("a", "拆迁户数", "169户", subject="通苏嘉甬铁路")]
    assert score([t], facts).entries[0].status == NO_ACTUAL
    facts = [actual("a", "拆迁户数", "169户", subject="宁慈线")]
    assert score([t], facts).entries[0].status == "met"
    facts = [actual("a", "拆迁户数", "169户", subject="全镇")]  # the whole town: no subject
    assert score([t], facts).entries[0].status == "met"


def test_indicators_match_after_normalization():
    assert normalize_indicator(" 完成“散乱污”企业整治 ") == "散乱污企业整治"
    assert normalize_indicator("全年新进规企业") == "新进规企业"
    assert normalize_indicator("“”") is None
    t = level_target("整治“散乱污”企业", 120, "家")
    (entry,) = score([t], [actual("a", "整治散乱污企业", "126家")],
                     resolve=normalize_indicator).entries  # fmt: skip
    assert entry.status == "met"


class _Indicator:
    def __init__(self, name):
        self.name = name


class _Catalog:
    """A two-entry stand-in for the indicator catalog."""

    def lookup(self, phrase):
        aliases = {"新进规企业": "新增规上工业企业", "新增规上工业企业": "新增规上工业企业"}
        name = aliases.get(phrase or "")
        return None if name is None else _Indicator(name)


def test_a_catalog_plugs_in_as_the_resolver():
    resolve = catalog_resolver(_Catalog())
    assert resolve("新进规企业") == resolve("新增规上工业企业") == "新增规上工业企业"
    assert resolve("文艺赋美活动") == "文艺赋美活动"  # unknown phrases fall back on normalization
    t = level_target("新进规企业", 10, "家", comparator=Comparator.GT)
    (entry,) = score([t], [actual("a", "新增规上工业企业", "12家")], resolve=resolve).entries
    assert entry.status == "met"
    (entry,) = score([t], [actual("a", "新增规上工业企业", "12家")],
                     resolve=normalize_indicator).entries  # fmt: skip
    assert entry.status == NO_ACTUAL


def test_a_custom_resolver_can_refuse_a_phrase():
    def resolve(phrase):
        return None if phrase == "规上工业增加值" else phrase

    (entry,) = score([growth_target()], [actual("a", "规上工业增加值", "6%", FactKind.CHANGE)],
                     resolve=resolve).entries  # fmt: skip
    assert entry.status == NO_ACTUAL


def test_a_target_without_an_indicator_finds_no_actual():
    t = growth_target(indicator=None)
    (entry,) = score([t], [actual("a", "规上工业增加值", "6%", FactKind.CHANGE)]).entries
    assert entry.status == NO_ACTUAL
    assert entry.note == "the target has no indicator"


def test_scorecard_json_has_stable_keys():
    card = score([growth_target(), level_target("文艺赋美活动", 300, "场次")],
                 [actual("a1", "规上工业增加值", "5.4%", FactKind.CHANGE)], plan="plan.txt",
                 sources=["a.toml"], illustrative=True, notes=["made up"])  # fmt: skip
    data = scorecard_to_dict(card)
    assert list(data) == ["plan", "actuals", "illustrative", "notes", "counts", "targets"]
    assert data["illustrative"] is True
    assert data["counts"] == {"met": 1, "missed": 0, "undecidable": 0, "no-actual": 1}
    first, second = data["targets"]
    assert list(first) == ["target", "status", "actual", "margin", "margin_unit", "reason",
                           "message", "note"]  # fmt: skip
    assert first["status"] == "met"
    assert first["margin"] == {"lower": "0.35", "upper": "0.45", "lower_closed": True,
                               "upper_closed": False}  # fmt: skip
    assert first["margin_unit"] == "个百分点"
    assert first["target"]["rule"] == "≥ 5%"
    assert first["target"]["bound"] == {"lower": "5", "upper": "5", "lower_closed": True,
                                        "upper_closed": True}  # fmt: skip
    assert first["actual"]["interval"]["lower"] == "5.35"
    assert second["actual"] is None
    assert second["status"] == "no-actual"


class _BroadCatalog:
    """A catalog whose alias reads two indicators of the plan as one."""

    def lookup(self, phrase):
        return _Indicator("未来工厂") if phrase in {"未来工厂", "数字化车间"} else None


def test_two_targets_the_resolver_merges_are_matched_by_their_own_phrases():
    targets = [
        level_target("未来工厂", 1, "个", tid="a"),
        level_target("数字化车间", 1, "个", tid="b"),
    ]
    facts = [actual("x", "未来工厂", "1个")]
    first, second = score(targets, facts, resolve=catalog_resolver(_BroadCatalog())).entries
    assert first.status == "met"
    assert second.status == NO_ACTUAL
    assert "resolve to one indicator (未来工厂)" in second.note
    assert "数字化车间 and 未来工厂" in second.note
