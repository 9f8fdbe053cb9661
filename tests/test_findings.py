"""Findings, evidence and results: stable keys, counts, ordering, number formatting."""

from decimal import Decimal
from fractions import Fraction

import pytest

from townkpi.findings import (
    CheckResult,
    Evidence,
    Finding,
    PluginFault,
    Severity,
    format_interval,
    format_number,
)
from townkpi.interval import Interval
from townkpi.model import Span


def _finding(code="TK101", severity=Severity.ERROR, start=None):
    spans = () if start is None else (Span(start=start, end=start + 2, line=2, column=3),)
    return Finding(code=code, check="t.c", severity=severity, message="m", spans=spans)


def test_to_dict_has_the_contract_keys_in_order():
    f = Finding(
        code="TK101",
        check="townkpi.rates.rate_count",
        severity=Severity.ERROR,
        message="no whole total",
        spans=(Span(start=5, end=9, line=2, column=3),),
        facts=("f1", "f2"),
        evidence=(Evidence.of("nearest_totals", [171, 172]), Evidence.of("total", Fraction(1, 3))),
    )
    d = f.to_dict()
    assert list(d)[:7] == ["code", "check", "severity", "message", "spans", "facts", "evidence"]
    assert d["spans"] == [[5, 9]]
    assert d["locations"] == [[2, 3]]
    assert d["evidence"] == {"nearest_totals": ["171", "172"], "total": "0.3333"}
    assert d["severity"] == "error"


def test_evidence_from_a_mapping_keeps_order():
    f = Finding(code="X001", check="a.b", severity=Severity.INFO, message="m",
                evidence={"b": Decimal("1.50"), "a": Interval.closed(1, 2)})  # fmt: skip
    assert list(f.evidence_dict().items()) == [("b", "1.5"), ("a", "[1, 2]")]


def test_evidence_values_must_be_strings():
    with pytest.raises(TypeError):
        Evidence(name="x", value=3)  # type: ignore[arg-type]


def test_format_number_and_interval():
    assert format_number(Fraction(56, 100)) == "0.56"
    assert format_number(Fraction(2, 3)) == "0.6667"
    assert format_number(171) == "171"
    assert format_interval(Interval(lower=Fraction(98845, 1000), upper=None)) == "[98.845, inf)"
    # ends that round to the same text get more decimals
    assert (
        format_interval(Interval.closed(Fraction(416_9995, 100_000), Fraction(417_0005, 100_000)))
        == "[41.69995, 41.70005]"
    )


def test_severity_order():
    assert Severity.ERROR.at_least(Severity.WARNING)
    assert not Severity.INFO.at_least(Severity.WARNING)


def test_result_counts_order_and_threshold():
    result = CheckResult(
        source="s",
        findings=[
            _finding("B", Severity.INFO, None),
            _finding("A", Severity.WARNING, 10),
            _finding("C", Severity.INFO, 3),
        ],
    )
    assert [f.code for f in result.findings] == ["C", "A", "B"]
    assert result.counts == {"error": 0, "warning": 1, "info": 2}
    assert result.worst is Severity.WARNING
    assert result.fails(Severity.WARNING)
    assert not result.fails(Severity.ERROR)
    assert CheckResult(source="s").worst is None


def test_fault_text_names_plugin_version_and_hook():
    fault = PluginFault(plugin="economy", version="0.2", hook="townkpi_register_checks",
                        reason="ImportError: no numpy")  # fmt: skip
    assert str(fault) == "plugin economy 0.2 in townkpi_register_checks: ImportError: no numpy"
    assert CheckResult(source="s", faults=[fault]).to_dict()["faults"][0]["plugin"] == "economy"
