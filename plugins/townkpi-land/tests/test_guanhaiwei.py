"""The land checks on the Guanhaiwei report: silent on the report as written, and flagging
single edits on the right figures.

The report is the hand reading of ``examples/guanhaiwei/report.txt`` (facts read by a person,
not by the extractor), and, where ``townkpi.extract`` is available, the extractor"s reading. An
edit appends one sentence to the report, so the original figures keep their places.
"""

import attrs
import pytest

from townkpi import Config, Fact, FactKind, Period, Report, Severity, Span, Value, check, load

SELECT = Config(select=("LAN",))
YEAR = Period.year(2023)


def problems(report, host):
    result = check(report, config=SELECT, host=host)
    return [f for f in result.findings if f.severity is not Severity.INFO]


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
                kind=FactKind.AMOUNT,
                value=Value.parse(surface),
                surface=surface,
                period=YEAR,
                span=Span(start=start, end=start + len(surface), line=line, column=column),
                sentence=Span(start=base, end=len(text), line=line, column=1),
                **fields,
            )
        )
    return attrs.evolve(report, text=text, facts=(*report.facts, *new)), new


def test_reading_has_no_problem(guanhaiwei, host):
    assert problems(guanhaiwei, host) == []


def test_extracted_report_has_no_problem(host, repo_root):
    pytest.importorskip("townkpi.extract", reason="townkpi.extract is not available")
    report = load(repo_root / "examples" / "guanhaiwei" / "report.txt")
    assert problems(report, host) == []


@pytest.mark.parametrize(("written", "flagged"), [("175户", True), ("171户", False)])
def test_task_of_the_ningci_line(guanhaiwei, host, written, flagged):
    """169 households at 98.8% need a task of 171; 175 gives 96.57%."""
    report, (task,) = appended(
        guanhaiwei,
        f"\n宁慈线涉及拆迁{written}。",
        (written, {"indicator": "涉及拆迁", "subject": "宁慈线"}),
    )
    found = problems(report, host)
    if not flagged:
        assert found == []
        return
    (finding,) = found
    assert finding.code == "LAN101"
    done = fact_with_surface(report, "169户")
    (rate,) = [f for f in report.facts if f.refers_to == done.id]
    assert set(finding.facts) == {done.id, task.id, rate.id}
    assert finding.evidence_dict()["computed_rate"] == "[96.5714]"


@pytest.mark.parametrize(("written", "flagged"), [("150户", True), ("320户", False)])
def test_households_to_date_at_the_end_of_the_year(guanhaiwei, host, written, flagged):
    """169 households relocated in 2023 cannot be more than all relocated by its end."""
    report, (total,) = appended(
        guanhaiwei,
        f"\n2023年，宁慈线累计完成拆迁{written}。",
        (written, {"indicator": "完成拆迁", "subject": "宁慈线"}),
    )
    found = problems(report, host)
    if not flagged:
        assert found == []
        return
    (finding,) = found
    assert finding.code == "LAN102"
    assert set(finding.facts) == {fact_with_surface(report, "169户").id, total.id}


@pytest.mark.parametrize(("written", "flagged"), [("18.4公顷", True), ("12.3公顷", False)])
def test_land_restated_in_hectares(guanhaiwei, host, written, flagged):
    """184亩 is 12.27公顷 (15亩 to a hectare)."""
    report, (land, hectares) = appended(
        guanhaiwei,
        f"\n宁慈线征地184亩（折合{written}）。",
        ("184亩", {"indicator": "征地", "subject": "宁慈线"}),
        (written, {"indicator": "征地", "subject": "宁慈线"}),
    )
    found = problems(report, host)
    if not flagged:
        assert found == []
        return
    (finding,) = found
    assert finding.code == "LAN104"
    assert set(finding.facts) == {land.id, hectares.id}


#: Edits of the report"s text, read by the extractor: (text, replacement, edited figure, code).
TEXT_EDITS = [
    ("宁慈线完成拆迁169户", "宁慈线涉及拆迁175户，已完成拆迁169户", "175户", "LAN101"),
    ("宁慈线完成拆迁169户", "宁慈线涉及拆迁171户，已完成拆迁169户", "171户", None),
    ("征地184亩，完成率97.4%", "征地184亩（折合18.4公顷），完成率97.4%", "18.4公顷", "LAN104"),
    ("征地184亩，完成率97.4%", "征地184亩（折合12.3公顷），完成率97.4%", "12.3公顷", None),
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
