"""Every check's 反例 (wrong) example is flagged and its 正例 (right) example is not.

The examples are the ones the checks catalogue shows; they are read with the extractor, as a
user's report would be, and checked with only the check they illustrate selected.
"""

import pytest

import townkpi
from townkpi.config import Config
from townkpi.plugins import PluginHost

HOST = PluginHost.create(entry_points=False)


def _codes(text: str, code: str) -> set[str]:
    from townkpi.extract import extract  # noqa: PLC0415 - the extractor reads the examples

    report = extract(townkpi.decode(text.encode("utf-8"), source="example"))
    result = townkpi.check(report, host=HOST, config=Config(select=[code]))
    return {f.code for f in result.findings}


@pytest.mark.parametrize("check", HOST.checks(), ids=lambda c: c.code)
def test_the_wrong_example_is_flagged(check):
    assert check.code in _codes(check.examples().wrong, check.code)


@pytest.mark.parametrize("check", HOST.checks(), ids=lambda c: c.code)
def test_the_right_example_is_not(check):
    assert check.code not in _codes(check.examples().right, check.code)
