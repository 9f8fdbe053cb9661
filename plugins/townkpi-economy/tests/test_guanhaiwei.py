"""The economy checks on the Guanhaiwei report: silent on the report as written, and flagging
single edits on the right figures.

The report is the hand reading of ``examples/guanhaiwei/report.txt`` (facts read by a person,
not by the extractor), and, where ``townkpi.extract`` is available, the extractor"s reading. An
edit appends one sentence to the report, so the original figures keep their places.
"""

import attrs
import pytest

from townkpi import Config, Fact, FactKind, Period, Report, Severity, Span, Value, check, load

SELECT = Config(select=("ECO",))
NINE_MONTHS = Period.months(2023, 1, 9)


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
        end = start + len(surface)
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        new.append(
            Fact(
                id=f"edit{i}",
                value=Value.parse(surface),
                surface=surface,
                span=Span(start=start, end=end, line=line, column=column),
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


def test_value_added_above_the_stated_output(guanhaiwei, host):
    report, (added,) = appended(
        guanhaiwei,
        "\n1-9月，实现规上工业增加值251.3亿元。",
        (
            "251.3亿元",
            {"kind": FactKind.AMOUNT, "indicator": "规上工业增加值", "period": NINE_MONTHS},
        ),
    )
    output = fact_with_surface(report, "246.4亿元")
    (finding,) = problems(report, host)
    assert finding.code == "ECO101"
    assert set(finding.facts) == {added.id, output.id}
    assert {(s.start, s.end) for s in finding.spans} == {
        (added.span.start, added.span.end),
        (output.span.start, output.span.end),
    }
    assert finding.evidence_dict()["gross_output"] == "246.4亿元"


def test_plausible_value_added_is_not_flagged(guanhaiwei, host):
    report, _ = appended(
        guanhaiwei,
        "\n1-9月，实现规上工业增加值51.3亿元。",
        (
            "51.3亿元",
            {"kind": FactKind.AMOUNT, "indicator": "规上工业增加值", "period": NINE_MONTHS},
        ),
    )
    assert problems(report, host) == []


@pytest.mark.parametrize(("written", "flagged"), [("35.2%", True), ("31.7%", False)])
def test_share_of_the_stated_gdp(guanhaiwei, host, written, flagged):
    services = fact_with_surface(guanhaiwei, "41.7亿元")
    report, (share,) = appended(
        guanhaiwei,
        f"\n1-9月，服务业增加值占地区生产总值的{written}。",
        (
            written,
            {
                "kind": FactKind.SHARE,
                "indicator": "服务业增加值",
                "period": NINE_MONTHS,
                "refers_to": services.id,
            },
        ),
    )
    found = problems(report, host)
    if not flagged:
        assert found == []
        return
    (finding,) = found
    assert finding.code == "ECO104"
    gdp = fact_with_surface(report, "131.5亿元")
    assert set(finding.facts) == {share.id, services.id, gdp.id}
    assert finding.evidence_dict()["computed_share"] == "(31.661, 31.7611)"


#: Edits of the report"s text, read by the extractor: (text, replacement, edited figure, code).
TEXT_EDITS = [
    (
        "完成规上工业总产值246.4亿元，同比增长1.9%；",
        "完成规上工业总产值246.4亿元，同比增长1.9%；实现规上工业增加值251.3亿元；",
        "251.3亿元",
        "ECO101",
    ),
    (
        "完成规上工业总产值246.4亿元，同比增长1.9%；",
        "完成规上工业总产值246.4亿元，同比增长1.9%；实现规上工业增加值51.3亿元；",
        "51.3亿元",
        None,
    ),
    (
        "实现服务业增加值41.7亿元，同比增长7.7%",
        "实现服务业增加值41.7亿元，占地区生产总值的35.2%，同比增长7.7%",
        "35.2%",
        "ECO104",
    ),
    (
        "实现服务业增加值41.7亿元，同比增长7.7%",
        "实现服务业增加值41.7亿元，占地区生产总值的31.7%，同比增长7.7%",
        "31.7%",
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
