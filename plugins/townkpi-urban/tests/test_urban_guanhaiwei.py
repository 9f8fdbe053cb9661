"""The clean Guanhaiwei report gives no URB finding.

The report is built from the repository's hand-written reading of it (every figure, its kind,
indicator and the amount a rate refers to), placed in the real text; see conftest.py.
"""

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


def test_clean_guanhaiwei_report_gives_no_urb_finding(host, guanhaiwei_report):
    findings = _urb_findings(host, guanhaiwei_report)
    assert not findings, [f.message for f in findings]


def test_guanhaiwei_with_more_handled_than_found(host, guanhaiwei_report, build_report):
    """One edit (已处置55宗 → 已处置65宗) without catalog indicators is flagged on that sentence."""
    text = guanhaiwei_report.text.replace("已处置55宗", "已处置65宗")
    report = build_report(text, [{"surface": "58宗"}, {"surface": "65宗"}])
    (finding,) = _urb_findings(host, report)
    assert finding.code == "URB102"
    sentence = text[finding.spans[0].start - 12 : finding.spans[-1].end]
    assert sentence == "累计排摸“四不”违法建筑58宗，已处置65宗"
