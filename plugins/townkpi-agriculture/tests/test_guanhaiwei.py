"""The agriculture checks on the Guanhaiwei report: silent on the report as written apart from
the implied levels of last year, and flagging single edits on the right figures.

The report is the hand reading of ``examples/guanhaiwei/report.txt`` (facts read by a person,
not by the extractor), and, where ``townkpi.extract`` is available, the extractor"s reading. An
edit appends one sentence to the report, so the original figures keep their places.
"""

import attrs
import pytest

from townkpi import Config, Fact, FactKind, Period, Report, Severity, Span, Value, check, load

SELECT = Config(select=("AGR",))
YEAR = Period.year(2023)


def findings(report, host):
    return check(report, config=SELECT, host=host).findings


def problems(report, host):
    return [f for f in findings(report, host) if f.severity is not Severity.INFO]


def fact_with_surface(report: Report, surface: str) -> Fact:
    (found,) = [f for f in report.facts if f.surface == surface]
    return found


def appended(report: Report, sentence: str, *facts: tuple[str, dict]) -> tuple[Report, list[Fact]]:
    """The report with ``sentence`` added at its end and facts located in it."""
    base = len(report.text)
    text = report.text + sentence
    new = []
    for i, (surface, fields) in enumerate(facts, 1):
        start = text.index(surface, base)
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        new.append(
            Fact(
                id=f"edit{i}",
                value=Value.parse(surface),
                surface=surface,
                span=Span(start=start, end=start + len(surface), line=line, column=column),
                sentence=Span(start=base, end=len(text), line=line, column=1),
                **fields,
            )
        )
    return attrs.evolve(report, text=text, facts=(*report.facts, *new)), new


def test_reading_has_no_problem(guanhaiwei, host):
    assert problems(guanhaiwei, host) == []


def test_reading_shows_last_years_wheat_and_early_rice(guanhaiwei, host):
    shown = {
        f.evidence_dict()["level"]: f.evidence_dict()["implied_previous"]
        for f in findings(guanhaiwei, host)
        if f.code == "AGR103"
    }
    # 2.1万亩 / 1.10 = 1.909万亩; 4533亩 / 1.18 = 3841.5亩. 16.5亿元 (+7.0%) is an output value,
    # whose growth is measured at comparable prices, and is not shown.
    assert shown == {"2.1万亩": "1.909万亩", "4533亩": "3842亩"}


def test_extracted_report_has_no_problem(host, repo_root):
    pytest.importorskip("townkpi.extract", reason="townkpi.extract is not available")
    report = load(repo_root / "examples" / "guanhaiwei" / "report.txt")
    assert problems(report, host) == []


@pytest.mark.parametrize(("written", "flagged"), [("1.7万亩", True), ("1.9万亩", False)])
def test_last_years_wheat_area(guanhaiwei, host, written, flagged):
    report, (last,) = appended(
        guanhaiwei,
        f"\n2022年，全镇小麦播种{written}。",
        (written, {"kind": FactKind.AMOUNT, "indicator": "小麦播种", "period": Period.year(2022)}),
    )
    found = problems(report, host)
    if not flagged:
        assert found == []
        return
    (finding,) = found
    assert finding.code == "AGR102"
    wheat = fact_with_surface(report, "2.1万亩")
    (growth,) = [f for f in report.facts if f.refers_to == wheat.id]
    assert set(finding.facts) == {wheat.id, growth.id, last.id}
    assert {s.start for s in finding.spans} == {
        wheat.span.start,
        growth.span.start,
        last.span.start,
    }


@pytest.mark.parametrize(("written", "flagged"), [("1.3万斤", True), ("1.3万吨", False)])
def test_grain_output_over_area(guanhaiwei, host, written, flagged):
    report, (area, output) = appended(
        guanhaiwei,
        f"\n全年全镇粮食播种面积3.2万亩，粮食产量{written}。",
        ("3.2万亩", {"kind": FactKind.AMOUNT, "indicator": "粮食播种面积", "period": YEAR}),
        (written, {"kind": FactKind.AMOUNT, "indicator": "粮食产量", "period": YEAR}),
    )
    found = problems(report, host)
    if not flagged:
        assert found == []
        return
    (finding,) = found
    assert finding.code == "AGR101"
    assert set(finding.facts) == {area.id, output.id}
    # [1.25, 1.35)万斤 is [6250, 6750) kg, over [31500, 32500) mu: about 0.2 kg per mu.
    assert finding.evidence_dict()["implied_yield"] == "(0.1923, 0.2143)"


#: Edits of the report"s text, read by the extractor: (text, replacement, edited figure, code).
TEXT_EDITS = [
    (
        "早稻种植4533亩，同比增长18%。",
        "早稻种植4533亩，同比增长18%。全年粮食播种面积3.2万亩，粮食产量1.3万斤。",
        "1.3万斤",
        "AGR101",
    ),
    (
        "早稻种植4533亩，同比增长18%。",
        "早稻种植4533亩，同比增长18%。全年粮食播种面积3.2万亩，粮食产量1.3万吨。",
        "1.3万吨",
        None,
    ),
]


@pytest.mark.parametrize("edit", TEXT_EDITS, ids=lambda e: f"{e[2]}-{e[3]}")
def test_text_edit_through_extraction(host, guanhaiwei_text, edit):
    old, new, figure, code = edit
    extract = pytest.importorskip("townkpi.extract", reason="townkpi.extract is not available")
    assert guanhaiwei_text.count(old) == 1
    text = guanhaiwei_text.replace(old, new)
    found = problems(extract.extract(text), host)
    if code is None:
        assert found == []
        return
    (finding,) = found
    assert finding.code == code
    start = text.index(new) + new.index(figure)
    assert start in {s.start for s in finding.spans}
