"""Fixtures of this pack's tests: the plugin host, the Guanhaiwei report and the corpus.

The case files (tests/cases) are read with ``townkpi.testing``. The Guanhaiwei report is also built
(``townkpi.testing.load_reading``) from the repository's hand-written reading of it
(``tests/data/guanhaiwei_expected.toml``): every figure with its kind, indicator and the amount a
rate refers to, placed in the real text, so that a gap of the extractor cannot hide a finding of
the pack.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from townkpi import PluginHost, Report
from townkpi.testing import load_reading

TESTS_DIR = Path(__file__).resolve().parent
#: plugins/<pack>/tests → the repository.
REPO_ROOT = TESTS_DIR.parents[2]
SHARED_DIR = REPO_ROOT.parent / "shared"
GUANHAIWEI_REPORT = REPO_ROOT / "examples" / "guanhaiwei" / "report.txt"
GUANHAIWEI_READING = REPO_ROOT / "tests" / "data" / "guanhaiwei_expected.toml"


@pytest.fixture(scope="session")
def host() -> PluginHost:
    """A plugin host that loads installed plugins through their entry points."""
    return PluginHost.create(entry_points=True)


@pytest.fixture(scope="session")
def guanhaiwei_report() -> Report:
    """The Guanhaiwei report with the figures of the repository's hand-written reading."""
    if not GUANHAIWEI_READING.is_file():
        pytest.skip("the Guanhaiwei reading tests/data/guanhaiwei_expected.toml is absent")
    return load_reading(
        GUANHAIWEI_REPORT, GUANHAIWEI_READING, source="examples/guanhaiwei/report.txt"
    )


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The provincial 2026 work-report corpus in ``../shared/corpus/provincial-2026``."""
    path = SHARED_DIR / "corpus" / "provincial-2026"
    if not path.is_dir():
        pytest.skip("corpus not available: ../shared/corpus/provincial-2026 is absent")
    return path


@pytest.fixture(scope="session")
def guanhaiwei_text() -> str:
    """The text of the Guanhaiwei 2023 work report in ``examples/guanhaiwei/report.txt``."""
    return GUANHAIWEI_REPORT.read_text(encoding="utf-8")
