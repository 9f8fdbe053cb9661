"""Build ``town.sqlite`` from ``indicators.csv``: a small town indicator database.

The CSV is the source of truth (it is what the repository keeps); the database is built from it
through townkpi's records API, the way another town system would fill its own table:

    python examples/town_db/build_db.py

Rows whose ``provenance`` is ``ILLUSTRATIVE`` (the 2022 and 2024 figures) are made up for the
example; the ``report-2023`` rows are copied from the Guanhaiwei 2023 work report.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import townkpi

HERE = Path(__file__).resolve().parent
CSV = HERE / "indicators.csv"
DB = HERE / "town.sqlite"
TABLE = "indicators"
ILLUSTRATIVE = "ILLUSTRATIVE"


def provenance(fact: townkpi.Fact) -> str:
    """The ``provenance`` cell of a fact read from the table ("" when it has none)."""
    return dict(fact.extras).get("provenance", "")


def build(csv_path: Path = CSV, db_path: Path = DB) -> townkpi.Report:
    """Read the CSV (every row must be good) and write it as the ``indicators`` table.

    Raises:
        townkpi.RecordsError: Some rows of the CSV could not be read; each is named.
    """
    report = townkpi.load_csv(csv_path).raise_for_problems()
    townkpi.write_sqlite(report, db_path, TABLE, replace=True)
    return report


def main() -> int:
    """Build the database and say what is in it."""
    try:
        report = build()
    except townkpi.TownkpiError as error:
        print(f"build_db: {error}", file=sys.stderr)
        return 2
    counts = Counter(provenance(f) for f in report.facts)
    years = sorted({f.period.start_year for f in report.facts if f.period is not None})
    print(f"wrote {DB.name}, table {TABLE!r}: {len(report.facts)} figures for {years}")
    print(f"  {counts['report-2023']} copied from the 2023 work report (report-2023)")
    print(f"  {counts[ILLUSTRATIVE]} ILLUSTRATIVE figures, made up for the example (2022, 2024)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
