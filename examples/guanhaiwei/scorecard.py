"""A worked scorecard: the targets of the Guanhaiwei 2024 plan against illustrative actuals.

    python examples/guanhaiwei/scorecard.py [--format text|json|csv] [--actuals FILE]

The plan is the 2024 section (二、2024年工作思路) of report.txt; its targets are built from the
extracted report. The actual figures of actuals-2024.toml are ILLUSTRATIVE: made up to show every
outcome (met, missed, undecidable, no actual), not taken from any report or statistics office.
The scorecard says so at its top. This is the same as

    townkpi targets examples/guanhaiwei/report.txt --actuals examples/guanhaiwei/actuals-2024.toml
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from townkpi.cli import main

HERE = Path(__file__).resolve().parent


def run(argv: list[str] | None = None) -> int:
    """Print the scorecard; returns the exit status of ``townkpi targets``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=("text", "json", "csv"), default="text")
    parser.add_argument("--actuals", default=os.path.relpath(HERE / "actuals-2024.toml"))
    args = parser.parse_args(argv)
    report = os.path.relpath(HERE / "report.txt")
    return main(["targets", report, "--actuals", args.actuals, "--format", args.format])


if __name__ == "__main__":
    sys.exit(run())
