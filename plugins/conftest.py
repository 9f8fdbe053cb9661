"""Fixtures shared by the tests of the sector packs developed in this repository.

Every pack under ``plugins/`` is tested with the same data: the plugin host, the Guanhaiwei report
(its text, and the repository's hand-written reading of it, as a report built two ways), and the
corpus of provincial reports beside the repository. Each fixture skips, with the reason, when its
data is absent (a pack tested outside this repository).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from townkpi import PluginHost, Report
from townkpi.testing import load_reading

#: The repository the packs are developed in: plugins/ → the root.
REPO_ROOT = Path(__file__).resolve().parent.parent
#: The shared data beside the repository: ../shared.
SHARED_DIR = REPO_ROOT.parent / "shared"
GUANHAIWEI_REPORT = REPO_ROOT / "examples" / "guanhaiwei" / "report.txt"
GUANHAIWEI_READING = REPO_ROOT / "tests" / "data" / "guanhaiwei_expected.toml"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The root of the repository the packs are developed in."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def host() -> PluginHost:
    """A plugin host that loads installed plugins through their entry points."""
    return PluginHost.create(entry_points=True)


@pytest.fixture(scope="session")
def guanhaiwei() -> Report:
    """The hand reading of the Guanhaiwei report (tests/reading.py of the townkpi repository)."""
    # The repository's tests/ directory is on pytest's pythonpath.
    module = pytest.importorskip(
        "reading", reason="the hand reading of the Guanhaiwei report (tests/reading.py) is absent"
    )
    report: Report = module.reading()
    return report


@pytest.fixture(scope="session")
def guanhaiwei_report() -> Report:
    """The Guanhaiwei report with the figures of the repository's hand-written reading.

    Built with ``townkpi.testing.load_reading``: every figure with its kind, indicator and the
    amount a rate refers to, placed in the real text, so that a gap of the extractor cannot hide
    a finding of a pack.
    """
    if not GUANHAIWEI_READING.is_file():
        pytest.skip("the Guanhaiwei reading tests/data/guanhaiwei_expected.toml is absent")
    return load_reading(
        GUANHAIWEI_REPORT, GUANHAIWEI_READING, source="examples/guanhaiwei/report.txt"
    )


@pytest.fixture(scope="session")
def guanhaiwei_text() -> str:
    """The text of the Guanhaiwei 2023 work report in ``examples/guanhaiwei/report.txt``."""
    if not GUANHAIWEI_REPORT.is_file():
        pytest.skip("the Guanhaiwei report (examples/guanhaiwei/report.txt) is absent")
    return GUANHAIWEI_REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The provincial 2026 work-report corpus in ``../shared/corpus/provincial-2026``."""
    path = SHARED_DIR / "corpus" / "provincial-2026"
    if not path.is_dir():
        pytest.skip("corpus not available: ../shared/corpus/provincial-2026 is absent")
    return path
