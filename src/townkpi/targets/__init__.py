"""Target rules: what a plan commits to, evaluated against what happened.

A plan's target facts become [`Target`][townkpi.targets.Target] rules
([`targets_from_report`][townkpi.targets.targets_from_report]); each target is evaluated against an
[`Actual`][townkpi.targets.Actual] ([`Target.evaluate`][townkpi.targets.Target.evaluate]) into a
[`TargetOutcome`][townkpi.targets.TargetOutcome]: met, missed or undecidable, with the margin.
[`score`][townkpi.targets.score] matches a whole plan against actual facts (from a later report,
or from an actuals file read by [`load_actuals`][townkpi.targets.load_actuals]) and returns a
[`Scorecard`][townkpi.targets.Scorecard] that also lists the targets that found no actual.

Example:
    >>> from townkpi.model import Fact, FactKind, Modality, Value
    >>> plan = Fact(
    ...     id="f1",
    ...     kind=FactKind.RATE,
    ...     value=Value.parse("99.5%以上"),
    ...     indicator="城乡医保参保率",
    ...     modality=Modality.TARGET,
    ...     qualifiers=("争取", "以上"),
    ... )
    >>> target = target_from_fact(plan)
    >>> str(target), target.strength.value
    ('城乡医保参保率 ≥ 99.5%', '争取')
    >>> outcome = target.evaluate(Value.parse("99.6%"))
    >>> outcome.status.value, str(outcome.margin), outcome.margin_unit
    ('met', '[0.05, 0.15)', '个百分点')
"""

from __future__ import annotations

from townkpi.targets.actual import Actual
from townkpi.targets.actuals import ActualsFile, load_actuals, read_actuals_csv, read_actuals_toml
from townkpi.targets.build import not_targets, target_from_fact, targets_from_report
from townkpi.targets.commitment import NotTarget
from townkpi.targets.kinds import Strength, TargetKind
from townkpi.targets.match import (
    Resolver,
    catalog_resolver,
    default_resolver,
    normalize_indicator,
    score,
)
from townkpi.targets.outcome import OutcomeReason, TargetOutcome, TargetStatus
from townkpi.targets.rule import Target
from townkpi.targets.scorecard import Scorecard, ScorecardEntry, scorecard_to_dict

__all__ = [
    "Actual",
    "ActualsFile",
    "NotTarget",
    "OutcomeReason",
    "Resolver",
    "Scorecard",
    "ScorecardEntry",
    "Strength",
    "Target",
    "TargetKind",
    "TargetOutcome",
    "TargetStatus",
    "catalog_resolver",
    "default_resolver",
    "load_actuals",
    "normalize_indicator",
    "not_targets",
    "read_actuals_csv",
    "read_actuals_toml",
    "score",
    "scorecard_to_dict",
    "target_from_fact",
    "targets_from_report",
]
