"""The land checks on the provincial work reports of 2026, read by townkpi's extractor: reports
as published hold no figures the checks find impossible."""

import pytest

from townkpi import Config, Severity, check, load

SELECT = Config(select=("LAN",))


@pytest.fixture(scope="module")
def reports(corpus_dir):
    pytest.importorskip("townkpi.extract", reason="townkpi.extract is not available")
    return {path.name: load(path) for path in sorted(corpus_dir.glob("*.txt"))}


def test_corpus_has_sixteen_reports(reports):
    assert len(reports) == 16
    assert all(report.facts for report in reports.values())


def test_no_error_on_published_reports(reports, host):
    errors = [
        f"{name}: {finding.code} {finding.message}"
        for name, report in reports.items()
        for finding in check(report, config=SELECT, host=host).findings
        if finding.severity is not Severity.INFO
    ]
    assert errors == []
