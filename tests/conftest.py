"""Shared fixtures and Hypothesis settings profiles for the townkpi tests.

Profiles, chosen with the environment variable ``HYPOTHESIS_PROFILE``:

- ``dev`` (the default): 100 examples per property, for quick local runs.
- ``ci`` (the default when ``CI`` is set): 300 examples, no deadline, failing examples printed
  as a reproduction blob.
- ``fuzz`` (``make fuzz``): 20,000 examples, no deadline.
"""

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Tests load no installed plugins (entry points) unless they ask for them.
os.environ.setdefault("TOWNKPI_NO_ENTRY_POINTS", "1")

settings.register_profile("dev", max_examples=100)
# CI draws the same examples on every run, so a red build is a regression of the change, not a
# new random draw; `make fuzz` (the fuzz profile) keeps exploring with fresh examples.
settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True, derandomize=True)
settings.register_profile("fuzz", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

#: The repository's root directory (the parent of ``tests/``).
REPO_ROOT = Path(__file__).resolve().parent.parent

#: The shared data beside the repository: ``../shared``.
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The provincial 2026 work-report corpus in ``../shared/corpus/provincial-2026``."""
    path = SHARED_DIR / "corpus" / "provincial-2026"
    if not path.is_dir():
        pytest.skip("corpus not available: ../shared/corpus/provincial-2026 is absent")
    return path


@pytest.fixture(scope="session")
def contract_dir() -> Path:
    """The JSON Schemas of the command-line contract in ``../shared/contract``."""
    path = SHARED_DIR / "contract"
    if not (path / "facts.schema.json").is_file():
        pytest.skip("contract not available: ../shared/contract/facts.schema.json is absent")
    return path


@pytest.fixture(scope="session")
def guanhaiwei_text() -> str:
    """The text of the Guanhaiwei 2023 work report in ``examples/guanhaiwei/report.txt``."""
    return (REPO_ROOT / "examples" / "guanhaiwei" / "report.txt").read_text(encoding="utf-8")
