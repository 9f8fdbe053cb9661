"""The Guanhaiwei report: clean, it gives no SOC finding; edited, the right check flags the edit.

The report is read twice: by townkpi's extractor, and from the repository's hand-written reading
(every figure, its kind, indicator and the amount a rate refers to, placed in the real text; see
plugins/conftest.py), so that a gap of the extractor cannot hide a finding.
"""

import pytest

import townkpi
from townkpi import CheckContext


def _soc_findings(host, report):
    ctx = CheckContext(report=report, catalog=host.catalog())
    return [f for cls in host.checks() if cls.code.startswith("SOC") for f in cls().check(ctx)]


def test_guanhaiwei_reading_has_the_sentences_the_checks_read(guanhaiwei_report):
    """The reading links the rates SOC101 reads to their counts (so the next tests are not empty)."""
    rates = {
        (f.surface, guanhaiwei_report.fact(f.refers_to).surface)
        for f in guanhaiwei_report.facts
        if f.kind is townkpi.FactKind.RATE and f.refers_to is not None
    }
    assert {("99.5％", "9.5万件"), ("100%", "670起"), ("100%", "25件")} <= rates


def test_clean_guanhaiwei_reading_gives_no_soc_finding(host, guanhaiwei_report):
    findings = _soc_findings(host, guanhaiwei_report)
    assert not findings, [f.message for f in findings]


def test_clean_guanhaiwei_report_gives_no_soc_finding(host, guanhaiwei_text):
    report = townkpi.extract(guanhaiwei_text, source="guanhaiwei")
    findings = _soc_findings(host, report)
    assert not findings, [f.message for f in findings]


# 670 disputes: 669 settled is 99.85%, 668 is 99.70%, 667 is 99.552%, 666 is 99.40%, 665 is 99.25%,
# 664 is 99.10%; so 99.8%, 99.5% and 99.2% are rates no whole number of disputes rounds to.
@pytest.mark.parametrize("rate", ["99.8%", "99.5%", "99.2%"])
def test_guanhaiwei_success_rate_no_whole_number_of_disputes(host, guanhaiwei_text, rate):
    """调处成功率 edited so that no whole number of the 670 disputes can have been settled.

    The rate refers to the 670 disputes alone, so the core's TK101 reports it, reading the count as
    the whole of the rate; SOC101 does not report the same pair again.
    """
    text = guanhaiwei_text.replace("调处成功率100%", f"调处成功率{rate}")
    assert text != guanhaiwei_text
    report = townkpi.extract(text, source="edited")
    assert not _soc_findings(host, report)
    (finding,) = townkpi.check(report, host=host).with_code("TK101")
    assert {text[s.start : s.end] for s in finding.spans} == {"670起", rate}
    assert finding.evidence_dict()["total"] == "670起"
    assert finding.evidence_dict()["reading"] == "total"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("调处成功率100%", "调处成功率99.7%"),  # 668 of 670 is 99.70%
        ("调处成功率100%", "调处成功率99.1%"),  # 664 of 670 is 99.10%
        ("调处各类矛盾纠纷670起", "调处各类矛盾纠纷67起"),  # all 67 settled
        ("办结率99.5％", "办结率99.5%"),  # the same rate with an ASCII percent sign
        ("办结审批服务9.5万件", "办结审批服务95000件"),  # a count closed: the core's TK101 judges
        ("满意率100%", "满意率92%"),  # satisfaction: its base is not stated
    ],
)
def test_guanhaiwei_harmless_edits_give_no_soc_finding(host, guanhaiwei_text, before, after):
    text = guanhaiwei_text.replace(before, after)
    assert text != guanhaiwei_text
    findings = _soc_findings(host, townkpi.extract(text, source="edited"))
    assert not findings, [f.message for f in findings]
