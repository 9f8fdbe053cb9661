"""Fixtures of the townkpi-economy tests: the plugin host, the Guanhaiwei reading, the corpus."""

from pathlib import Path

import pytest

from townkpi import PluginHost, Report

#: The repository this pack is developed in: plugins/townkpi-economy/tests/ → the root.
REPO_ROOT = Path(__file__).resolve().parents[3]

#: The shared data beside the repository: ../shared.
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The root of the repository the pack is developed in."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def host() -> PluginHost:
    """townkpi's plugins with installed ones loaded through their entry points."""
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
def guanhaiwei_text() -> str:
    """The text of the Guanhaiwei 2023 work report in ``examples/guanhaiwei/report.txt``."""
    path = REPO_ROOT / "examples" / "guanhaiwei" / "report.txt"
    if not path.is_file():
        pytest.skip("the Guanhaiwei report (examples/guanhaiwei/report.txt) is absent")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The provincial 2026 work-report corpus in ``../shared/corpus/provincial-2026``."""
    path = SHARED_DIR / "corpus" / "provincial-2026"
    if not path.is_dir():
        pytest.skip("corpus not available: ../shared/corpus/provincial-2026 is absent")
    return path
