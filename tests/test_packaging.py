"""Packaging invariants: the shipped example and the declared console script."""

import tomllib
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
EXAMPLE_REPORT = REPO_ROOT / "examples" / "guanhaiwei" / "report.txt"
SEED_REPORT = SHARED_DIR / "seeds" / "guanhaiwei-2023-work-report.txt"


def test_example_report_is_the_seed_byte_for_byte():
    if not SEED_REPORT.is_file():
        pytest.skip("seed not available: ../shared/seeds/guanhaiwei-2023-work-report.txt is absent")
    assert EXAMPLE_REPORT.read_bytes() == SEED_REPORT.read_bytes()


def test_example_report_fixture_is_decoded_utf8(guanhaiwei_text):
    assert guanhaiwei_text.startswith("慈溪市观海卫镇人民政府")


def test_pyproject_declares_the_console_script():
    with (REPO_ROOT / "pyproject.toml").open("rb") as f:
        project = tomllib.load(f)["project"]
    assert project["scripts"] == {"townkpi": "townkpi.cli:main"}
