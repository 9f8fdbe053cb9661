"""The Guanhaiwei report: clean, it gives no URB finding; edited, the right check flags the edit.

The report is read twice: by townkpi's extractor, and from the repository's hand-written reading
(every figure, its kind, indicator and the amount a rate refers to, placed in the real text; see
plugins/conftest.py), so that a gap of the extractor cannot hide a finding.
"""

import pytest

import townkpi
from townkpi import CheckContext


def _urb_findings(host, report):
    ctx = CheckContext(report=report, catalog=host.catalog())
    return [f for cls in host.checks() if cls.code.startswith("URB") for f in cls().check(ctx)]


def test_guanhaiwei_reading_has_the_sentences_the_checks_read(guanhaiwei_report):
    """The reading places the figures URB101 and URB102 look at (so the next test is not empty)."""
    surfaces = {f.surface for f in guanhaiwei_report.facts}
    assert {"58宗", "55宗", "2000余个", "2.2万余个", "58起"} <= surfaces
    (rate,) = [f for f in guanhaiwei_report.facts if f.indicator == "问题整改销号率"]
    assert guanhaiwei_report.fact(rate.refers_to).surface == "2000余个"


def test_clean_guanhaiwei_reading_gives_no_urb_finding(host, guanhaiwei_report):
    findings = _urb_findings(host, guanhaiwei_report)
    assert not findings, [f.message for f in findings]


def test_clean_guanhaiwei_report_gives_no_urb_finding(host, guanhaiwei_text):
    report = townkpi.extract(guanhaiwei_text, source="guanhaiwei")
    findings = _urb_findings(host, report)
    assert not findings, [f.message for f in findings]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("已处置55宗", "已处置65宗"),  # handled above found: the catalog relates 已处置 to 排摸
        ("已处置55宗", "已处置59宗"),
    ],
)
def test_guanhaiwei_more_handled_than_found_gives_one_finding(host, guanhaiwei_text, before, after):
    """One edit gives one finding on its sentence: TK203's, not a second one from URB102."""
    text = guanhaiwei_text.replace(before, after)
    assert text != guanhaiwei_text
    findings = [
        f
        for f in townkpi.check(townkpi.extract(text, source="edited"), host=host).findings
        if f.severity is townkpi.Severity.ERROR
    ]
    assert [f.code for f in findings] == ["TK203"], [f.message for f in findings]
    assert {text[s.start : s.end] for s in findings[0].spans} == {
        "58宗",
        after.removeprefix("已处置"),
    }


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("已处置55宗", "已处置58宗"),  # all of them dealt with
        ("问题整改销号率100%", "问题整改销号率99.5%"),  # of 2000余 points: any rate can be right
        ("立案查处58起", "立案查处580起"),  # cases and hazards are different things
        ("排查发现问题隐患2.2万余个", "排查发现问题隐患2.2万余处"),  # still not 起
    ],
)
def test_guanhaiwei_harmless_edits_give_no_urb_finding(host, guanhaiwei_text, before, after):
    text = guanhaiwei_text.replace(before, after)
    assert text != guanhaiwei_text
    findings = _urb_findings(host, townkpi.extract(text, source="edited"))
    assert not findings, [f.message for f in findings]
