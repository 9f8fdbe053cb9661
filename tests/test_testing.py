"""townkpi.testing: the case-file loader and the assertions plugin authors use."""

import pytest

from townkpi.findings import CheckResult, Finding, Severity
from townkpi.testing import CaseError, assert_findings, cases_from_mapping, check_case, load_cases


def _file(**case):
    return {"code": "TK303", "case": [case]}


def test_text_with_located_facts_gives_spans_and_sentences():
    [case] = cases_from_mapping(
        _file(
            name="a", text="甲。完成拆迁31.6户，乙。", facts=[{"value": "31.6户"}], expect=["TK303"]
        )
    )
    fact = case.facts[0]
    assert (fact.span.start, fact.span.end) == (6, 11)
    assert (fact.sentence.start, fact.sentence.end) == (2, 14)  # 完成拆迁31.6户，乙。
    check_case(case)


def test_records_without_text_carry_locators():
    [case] = cases_from_mapping(_file(name="a", facts=[{"value": "31.6户", "record": "row 7"}],
                                      expect=["TK303"]))  # fmt: skip
    result = check_case(case)
    assert result.findings[0].records == ("row 7",)


def test_a_text_only_case_is_read_by_the_extractor():
    [case] = cases_from_mapping(_file(name="a", text="宁慈线完成拆迁31.6户。", expect=["TK303"]))
    assert case.facts == ()
    check_case(case)


def test_a_wrong_expectation_fails_with_the_findings_listed():
    [case] = cases_from_mapping(_file(name="a", facts=[{"value": "31户"}], expect=["TK303"]))
    with pytest.raises(AssertionError, match="missing TK303; the findings were:\nno findings"):
        check_case(case)
    [case] = cases_from_mapping(
        _file(name="b", facts=[{"value": "31.6户"}], expect=["TK303"], evidence={"unit": "人"})
    )
    with pytest.raises(AssertionError, match="evidence unit is '户', not '人'"):
        check_case(case)


def test_assert_findings_compares_codes():
    f = Finding(code="TK101", check="a.b", severity=Severity.ERROR, message="m")
    assert_findings(CheckResult(source="s", findings=[f]), ["TK101"])
    with pytest.raises(AssertionError, match="unexpected TK101"):
        assert_findings([f], [])
    assert_findings([f], [], only={"TK201"})


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ({"case": [{"facts": [{"value": "1户"}]}]}, "needs a 'code'"),
        ({"code": "TK303", "case": []}, "at least one"),
        ({"code": "TK303", "case": [{"name": "a"}]}, "text, facts or both"),
        ({"code": "TK303", "case": [{"name": "a", "facts": [{"valu": "1户"}]}]}, "unknown fact"),
        ({"code": "TK303", "case": [{"name": "a", "facts": [{"value": "1斤斤"}]}]}, "1斤斤"),
        (
            {"code": "TK303", "case": [{"name": "a", "text": "x", "facts": [{"value": "1户"}]}]},
            "occurs fewer",
        ),
        (
            {"code": "TK303", "case": [{"name": "a", "facts": [{"value": "1户"}], "expekt": []}]},
            "unknown key",
        ),
        (
            {
                "code": "TK303",
                "case": [
                    {"name": "a", "facts": [{"value": "1户"}]},
                    {"name": "a", "facts": [{"value": "1户"}]},
                ],
            },
            "used twice",
        ),
    ],
)
def test_malformed_case_files(data, needle):
    with pytest.raises(CaseError, match=needle):
        cases_from_mapping(data, "cases/TK303.toml")


def test_load_cases_reads_toml_and_yaml(tmp_path):
    (tmp_path / "X.toml").write_text(
        'code = "TK303"\n[[case]]\nname = "a"\nexpect = ["TK303"]\n'
        '[[case.facts]]\nvalue = "2.5家"\n',
        encoding="utf-8",
    )
    (tmp_path / "Y.yaml").write_text(
        "code: TK303\ncase:\n  - name: b\n    expect: []\n    facts: [{value: 2家}]\n",
        encoding="utf-8",
    )
    cases = [c for p in sorted(tmp_path.iterdir()) for c in load_cases(p)]
    assert [c.id for c in cases] == ["TK303-a", "TK303-b"]
    for case in cases:
        check_case(case)
    (tmp_path / "Z.toml").write_text("code = \n", encoding="utf-8")
    with pytest.raises(CaseError, match="not valid TOML"):
        load_cases(tmp_path / "Z.toml")
