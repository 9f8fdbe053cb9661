"""The 16 provincial reports of the corpus, read by townkpi's extractor, give no SOC error.

These are real, published reports; an error finding on one of them would be a false alarm unless
the report itself is wrong, which would have to be shown from its text.
"""

from pathlib import Path

import pytest

import townkpi
from townkpi import CheckContext, Severity

NAMES = [
    "beijing", "fujian", "guangdong", "guangxi", "henan", "hubei", "hunan", "jiangsu",
    "jiangxi", "liaoning", "ningxia", "qinghai", "shaanxi", "shanghai", "xizang", "yunnan",
]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_corpus_report_gives_no_urb_error(host, corpus_dir: Path, name):
    path = corpus_dir / f"{name}-2026.txt"
    report = townkpi.extract(townkpi.read_document(path))
    ctx = CheckContext(report=report, catalog=host.catalog())
    errors = [
        f
        for cls in host.checks()
        if cls.code.startswith("SOC")
        for f in cls().check(ctx)
        if f.severity is Severity.ERROR
    ]
    assert not errors, [f.message for f in errors]
