"""Validate the town indicator database and score it against the Guanhaiwei 2024 targets.

Everything goes through townkpi's public API, as another town system would use it:

1. read the ``indicators`` table of ``town.sqlite`` (built by ``build_db.py`` when missing);
   rows that cannot be read are listed, the others are kept;
2. run every check on the figures (``townkpi.check``): findings point to table rows;
3. read the 2024 targets from the Guanhaiwei work report (``townkpi.load`` of
   ``../guanhaiwei/report.txt``) and score them against the database's 2024 figures, which are
   ILLUSTRATIVE (made up), so the scorecard is marked so.

    python examples/town_db/validate.py

Exit status: 0 when no check found an error, 1 otherwise, 2 when an input cannot be read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import townkpi
from townkpi.targets import Scorecard, score, targets_from_report

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_db import DB, ILLUSTRATIVE, TABLE, build, provenance  # noqa: E402

PLAN = HERE.parent / "guanhaiwei" / "report.txt"
ACTUALS_YEAR = 2024


def label(facts: list[townkpi.Fact]) -> str:
    """`` [ILLUSTRATIVE]`` when any of the facts is an illustrative figure."""
    return f" [{ILLUSTRATIVE}]" if any(provenance(f) == ILLUSTRATIVE for f in facts) else ""


def check_table(report: townkpi.Report) -> townkpi.CheckResult:
    """Run every check on the table and print each finding with the rows it is about."""
    result = townkpi.check(report)
    by_record = {f.record: f for f in report.facts}
    print(f"checks: {len(result.findings)} findings {result.counts}")
    for finding in result.findings:
        facts = [by_record[r] for r in finding.records if r in by_record]
        where = ", ".join(finding.records)
        severity = finding.severity.value
        print(f"  {finding.code} {severity:7} {where}: {finding.message}{label(facts)}")
    return result


def score_targets(report: townkpi.Report, plan_path: Path = PLAN) -> Scorecard:
    """Score the plan's targets against the table's figures of ``ACTUALS_YEAR``."""
    plan = townkpi.load(plan_path)
    actuals = [
        f for f in report.facts if f.period is not None and f.period.start_year == ACTUALS_YEAR
    ]
    illustrative = any(provenance(f) == ILLUSTRATIVE for f in actuals)
    card = score(
        targets_from_report(plan),
        actuals,
        plan=plan_path.name,
        sources=(f"{DB.name}:{TABLE}",),
        illustrative=illustrative,
        notes=(f"the {ACTUALS_YEAR} figures are ILLUSTRATIVE, not real",) if illustrative else (),
    )
    print(f"\ntargets of {plan_path.name} scored against the {ACTUALS_YEAR} figures")
    if card.illustrative:
        print(f"  {ILLUSTRATIVE}: the actual figures are made up; this only shows how it works")
    by_id = {f.id: f for f in actuals}
    for entry in card.entries:
        actual = entry.actual
        shown = "—" if actual is None else actual.text
        used = [] if actual is None else [by_id[i] for i in actual.facts if i in by_id]
        rule = entry.target.describe_bound()
        indicator = entry.target.indicator or "?"
        print(f"  {entry.status:11} {indicator} {rule}: actual {shown}{label(used)}")
    print("  " + ", ".join(f"{n} {status}" for status, n in card.counts().items()))
    return card


def main() -> int:
    """Validate the database and score the targets."""
    try:
        if not DB.exists():
            build()
        table = townkpi.load_sqlite(DB, TABLE)
        print(f"{DB.name}: {len(table.facts)} figures read, {len(table.problems)} rows not read")
        for problem in table.problems:
            print(f"  {problem.code} {problem}")
        result = check_table(table.report)
        score_targets(table.report)
    except townkpi.TownkpiError as error:
        print(f"validate: {error}", file=sys.stderr)
        return 2
    return 1 if table.problems or result.fails(townkpi.Severity.ERROR) else 0


if __name__ == "__main__":
    sys.exit(main())
