"""The targets of the Guanhaiwei 2024 plan, and a worked scorecard against illustrative actuals.

``tests/data/guanhaiwei_targets.toml`` lists every target of the plan (二、2024年工作思路) of
``examples/guanhaiwei/report.txt`` as read by hand, and the plan figures that are not targets.
``test_targets_of_the_2024_plan`` extracts the report, builds its targets and asserts them in
full against that reading: one target per expected entry at its mention (indicator, comparator,
bound, unit, kind, strength, period) and no other target. Until ``townkpi.extract`` exists it
fails saying so.

The scorecard tests score the plan against ``examples/guanhaiwei/actuals-2024.toml``, whose
figures are illustrative (made up); the expected status of each target was worked out by hand
from those figures (see the comments).
"""

from __future__ import annotations

import functools
import runpy
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from townkpi.errors import TownkpiError
from townkpi.interval import Interval
from townkpi.model import Period, Report
from townkpi.numbers import Comparator
from townkpi.targets import (
    Strength,
    Target,
    TargetKind,
    default_resolver,
    load_actuals,
    score,
    targets_from_report,
)

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "guanhaiwei" / "report.txt"
ACTUALS = ROOT / "examples" / "guanhaiwei" / "actuals-2024.toml"
EXPECTED = tomllib.loads((ROOT / "tests" / "data" / "guanhaiwei_targets.toml").read_text("utf-8"))
TEXT = REPORT.read_text(encoding="utf-8")
DIGITS = "0123456789"
NUMERALS = DIGITS + "零〇一二两三四五六七八九十百千"


def locate(surface: str, occurrence: int) -> int:
    """The offset of the first numeral of the ``occurrence``-th match of ``surface``.

    Matching follows the data files: a match glued to a longer number (right after a digit, "."
    or "-", or running on into a digit or ".") does not count.
    """
    count, start = 0, TEXT.find(surface)
    while start != -1:
        end = start + len(surface)
        before = TEXT[start - 1] if start else ""
        after = TEXT[end] if end < len(TEXT) else ""
        glued = (surface[0] in DIGITS and before != "" and before in DIGITS + ".-") or (
            surface[-1] in DIGITS and after != "" and after in DIGITS + "."
        )
        if not glued:
            count += 1
            if count == occurrence:
                return next(i for i in range(start, end) if TEXT[i] in NUMERALS)
        start = TEXT.find(surface, start + 1)
    raise LookupError(f"{surface!r} occurs {count} time(s), not {occurrence}")


def anchor(target: Target) -> int | None:
    if target.span is None:
        return None
    return next((i for i in range(target.span.start, target.span.end) if TEXT[i] in NUMERALS),
                None)  # fmt: skip


@functools.cache
def extracted_report() -> Report:
    """The report extracted by ``townkpi.extract`` (through ``townkpi.loading.load``)."""
    from townkpi.loading import load  # noqa: PLC0415 - needs townkpi.extract, checked below

    try:
        return load(REPORT)
    except TownkpiError as exc:
        if "townkpi.extract" not in str(exc):
            raise
        problem = str(exc)
    pytest.fail(
        "townkpi.extract is not available yet, so the plan's targets cannot be built from the "
        f"extracted report ({problem})",
        pytrace=False,
    )


def expected_target(entry) -> Target:
    """A target made from one hand-read entry of the targets file."""
    lower = Decimal(entry["bound"])
    upper = Decimal(entry.get("upper", entry["bound"]))
    return Target(
        id=f"{entry['surface']}#{entry.get('occurrence', 1)}",
        indicator=entry["indicator"],
        comparator=Comparator(entry["comparator"]),
        bound=Interval.closed(lower, upper),
        unit=entry.get("unit"),
        kind=TargetKind(entry["kind"]),
        strength=Strength.parse(entry["strength"]),
        period=Period.parse(entry["period"]),
        surface=entry["surface"],
    )


def fields(t: Target) -> dict[str, object]:
    return {
        "comparator": t.comparator.value,
        "bound": str(t.bound),
        "unit": t.unit,
        "kind": t.kind.value,
        "strength": t.strength.value,
        "period": None if t.period is None else str(t.period),
    }


def test_targets_of_the_2024_plan():
    report = extracted_report()
    targets = list(targets_from_report(report))
    resolve = default_resolver()
    problems: list[str] = []
    by_anchor: dict[int | None, list[Target]] = {}
    for t in targets:
        by_anchor.setdefault(anchor(t), []).append(t)
    groups: dict[int, list] = {}
    for entry in EXPECTED["target"]:
        groups.setdefault(locate(entry["surface"], entry.get("occurrence", 1)), []).append(entry)
    for at, entries in groups.items():
        found = by_anchor.pop(at, [])
        for entry in entries:
            want = expected_target(entry)
            label = f"{entry['indicator']} ({entry['surface']} at offset {at})"
            same = [t for t in found
                    if t.indicator and resolve(t.indicator) == resolve(want.indicator or "")]  # fmt: skip
            if len(entries) == 1 and not same and len(found) == 1:
                same = found  # one mention, one target: compare it, indicator included
            if not same:
                given = ", ".join(f"{t.indicator!r}" for t in found) or "no target"
                problems.append(f"{label}: missing; at this mention: {given}")
                continue
            got = same[0]
            found.remove(got)
            if resolve(got.indicator or "") != resolve(want.indicator or ""):
                problems.append(f"{label}: indicator {got.indicator!r}")
            diffs = {k: v for k, v in fields(got).items() if fields(want)[k] != v}
            problems.extend(f"{label}: {k} {v!r}, expected {fields(want)[k]!r}"
                            for k, v in diffs.items())  # fmt: skip
        problems.extend(f"extra target {t} ({t.surface}) at offset {at}" for t in found)
    for at, extra in by_anchor.items():
        problems.extend(f"extra target {t} ({t.surface}) at offset {at}" for t in extra)
    assert not problems, (
        f"{len(problems)} differences between the plan's targets and the hand reading "
        f"({len(EXPECTED['target'])} targets):\n  " + "\n  ".join(problems)
    )


def test_plan_figures_that_are_not_targets_give_none():
    report = extracted_report()
    anchors = {anchor(t) for t in targets_from_report(report)}
    wrongly = [f"{e['surface']}#{e.get('occurrence', 1)}: {e['reason']}"
               for e in EXPECTED["not_target"]
               if locate(e["surface"], e.get("occurrence", 1)) in anchors]  # fmt: skip
    assert not wrongly, "plan figures read as targets:\n  " + "\n  ".join(wrongly)


# ---------------------------------------------------------------- the worked scorecard

#: The status of each target against the illustrative actuals, worked out by hand:
EXPECTED_STATUS = {
    # 349.5亿元 after 331.2亿元: 349.45/331.25 − 1 > 5.49%, all of it >= 5%
    "规上工业总产值": "met",
    "规上工业增加值": "missed",  # 4.6% is [4.55, 4.65)
    "规下样本企业营业收入": "undecidable",  # 10.0% is [9.95, 10.05)
    "规下增加值": "met",  # 6.1%
    "外贸自营进出口": "undecidable",  # 8% is [7.5, 8.5)
    "新进规企业": "missed",  # exactly 10家 is not 超过10家
    "新增亿元企业": "met",  # exactly 5家
    "技术改造项目": "met",  # 42个
    "节能改造项目": "missed",  # 13个 < 15个
    "新一代信息技术深度应用项目": "no-actual",
    "未来工厂": "met",  # 1个
    "数字化车间": "no-actual",
    "整治散乱污企业": "met",  # 126家
    "改造提升高耗低效企业": "met",  # 20家
    "淘汰落后产能企业": "met",  # 5家
    "城乡医保参保率": "met",  # 99.6% is [99.55, 99.65)
    "长护险享受率": "undecidable",  # 2.0% is [1.95, 2.05)
    "村年经营性收入": "met",  # 523000元 is [52.29995, 52.30005) 万元
    "城乡居民收入倍差": "met",  # 1.55 is [1.545, 1.555)
    "低收入农户人均可支配收入": "met",  # 11.2%
    "饮用水源保护区工业企业重点污染源整治": "met",  # 14家
    "村婴幼儿照护服务驿站": "met",  # 2个 within 1-2个
    "居家养老服务率": "met",  # 91.2%
    "省级无障碍社区": "no-actual",
    "文艺赋美活动": "missed",  # 286场次 < 300场次
}


def test_worked_scorecard_of_the_hand_read_targets():
    targets = [expected_target(e) for e in EXPECTED["target"]]
    actuals = load_actuals(ACTUALS)
    card = score(targets, actuals.facts, illustrative=actuals.illustrative)
    assert card.illustrative
    assert {e.target.indicator: e.status for e in card.entries} == EXPECTED_STATUS
    assert card.counts() == {"met": 15, "missed": 4, "undecidable": 3, "no-actual": 3}


def test_worked_scorecard_of_the_extracted_targets():
    targets = targets_from_report(extracted_report())
    card = score(targets, load_actuals(ACTUALS).facts)
    resolve = default_resolver()
    expected = {resolve(k): v for k, v in EXPECTED_STATUS.items()}
    got = {resolve(e.target.indicator or ""): e.status for e in card.entries}
    assert got == expected


def test_the_example_scorecard_script_labels_the_figures_illustrative(capsys):
    extracted_report()  # fails with a clear message until townkpi.extract exists
    namespace = runpy.run_path(str(ROOT / "examples" / "guanhaiwei" / "scorecard.py"))
    assert namespace["run"](["--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "ILLUSTRATIVE" in out
    assert "15 met, 4 missed, 3 undecidable, 3 no-actual" in out
