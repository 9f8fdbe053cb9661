"""Each SOC check on the case files in tests/cases: passing and failing inputs, with evidence."""

import townkpi
from townkpi import CheckContext, Report, Severity, fact, rate


def _run(host, code, report):
    (cls,) = [c for c in host.checks() if c.code == code]
    ctx = CheckContext(report=report, catalog=host.catalog())
    return [f for f in cls().check(ctx) if f.code == code]


def test_case(case, host, build_report):
    report = build_report(case.text, case.facts)
    findings = _run(host, case.code, report)
    assert len(findings) == case.findings, [f.message for f in findings]
    for finding in findings:
        assert finding.severity is Severity.ERROR
        assert finding.spans, "a finding points at the figures it is about"
        assert finding.facts
        assert finding.evidence, "a finding carries the numbers it computed"
        evidence = finding.evidence_dict()
        for key, value in case.evidence.items():
            assert evidence[key] == value, (key, evidence)
        for words in case.message:
            assert words in finding.message, finding.message


def test_case_through_the_extractor(extracted_case, host):
    """The same text read by townkpi's extractor gives the same findings of the check."""
    report = townkpi.extract(extracted_case.text, source=extracted_case.id)
    findings = _run(host, extracted_case.code, report)
    assert len(findings) == extracted_case.findings, [f.message for f in findings]


def test_core_check_reports_the_pairs_left_to_it(core_case, host, build_report):
    """A contradiction left to townkpi's own checks is reported by them in a full run."""
    for report in (
        build_report(core_case.text, core_case.facts),
        townkpi.extract(core_case.text, source=core_case.id),
    ):
        codes = [f.code for f in townkpi.check(report, host=host).findings]
        assert set(core_case.core) <= set(codes), codes
        assert core_case.code not in codes


def test_facts_from_records_without_text(host):
    """Facts built in code (no text, no sentence) still meet SOC101 through refers_to."""
    cases = fact("调处矛盾纠纷", "670起", period=2023)
    wrong = rate("99.5%", refers_to=cases, indicator="调处成功率")
    right = rate("100%", refers_to=cases, indicator="调处成功率", id="right")
    (finding,) = _run(host, "SOC101", Report(source="records", facts=[cases, wrong]))
    assert finding.records == (cases.id, wrong.id)
    assert finding.evidence_dict()["outcome_interval"] == "[666.315, 666.985)"
    assert not _run(host, "SOC101", Report(source="records", facts=[cases, right]))
