"""A scorecard: every target of a plan with the actual it was matched to and the outcome.

A [`Scorecard`][townkpi.targets.scorecard.Scorecard] keeps the targets that found no actual too, so
that a reader sees what could not be scored;
[`scorecard_to_dict`][townkpi.targets.scorecard.scorecard_to_dict] is the JSON form
``townkpi targets --format json`` prints (stable keys).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any, Final

import attrs

from townkpi.interval import Interval, format_fraction
from townkpi.targets.actual import Actual
from townkpi.targets.outcome import TargetOutcome, TargetStatus
from townkpi.targets.rule import Target

__all__ = [
    "NO_ACTUAL",
    "STATUSES",
    "Scorecard",
    "ScorecardEntry",
    "interval_to_dict",
    "scorecard_to_dict",
]

#: The status of a target that found no actual.
NO_ACTUAL: Final = "no-actual"

#: Every status a scorecard entry can have, in report order.
STATUSES: Final = (
    TargetStatus.MET.value,
    TargetStatus.MISSED.value,
    TargetStatus.UNDECIDABLE.value,
    NO_ACTUAL,
)


@attrs.frozen(slots=True, kw_only=True)
class ScorecardEntry:
    """One target of a scorecard.

    Attributes:
        target: The target.
        outcome: Its outcome against the actual it was matched to; None when it found none.
        note: How the actual was chosen, or why none was found.
    """

    target: Target = attrs.field(validator=attrs.validators.instance_of(Target))
    outcome: TargetOutcome | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(TargetOutcome)),
    )
    note: str = ""

    @property
    def actual(self) -> Actual | None:
        """The actual the target was evaluated against, if any."""
        return None if self.outcome is None else self.outcome.actual

    @property
    def status(self) -> str:
        """``met``, ``missed``, ``undecidable`` or ``no-actual``."""
        return NO_ACTUAL if self.outcome is None else self.outcome.status.value


def _entry_tuple(items: Iterable[ScorecardEntry]) -> tuple[ScorecardEntry, ...]:
    return tuple(items)


def _str_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@attrs.frozen(slots=True, kw_only=True)
class Scorecard:
    """Every target of a plan, scored against the actuals found for it.

    Attributes:
        entries: One entry per target, in the plan's order.
        plan: The plan the targets came from.
        actuals: Where the actuals came from (file names, reports).
        illustrative: Whether some actuals are illustrative figures, not real ones.
        notes: Notes about the actuals (an actuals file's own description).
    """

    entries: tuple[ScorecardEntry, ...] = attrs.field(default=(), converter=_entry_tuple)
    plan: str = ""
    actuals: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    illustrative: bool = False
    notes: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    def counts(self) -> Mapping[str, int]:
        """How many entries have each status (every status is present, zero included)."""
        counts = dict.fromkeys(STATUSES, 0)
        for e in self.entries:
            counts[e.status] += 1
        return counts

    @property
    def unmatched(self) -> tuple[Target, ...]:
        """The targets that found no actual."""
        return tuple(e.target for e in self.entries if e.outcome is None)


def _bound_text(x: Fraction | None) -> str | None:
    return None if x is None else format_fraction(x)


def interval_to_dict(iv: Interval) -> dict[str, Any]:
    """An interval as JSON: ``lower``/``upper`` as decimal strings (null: unbounded), closedness.

    Example:
        >>> interval_to_dict(Interval.at_least(5))
        {'lower': '5', 'upper': None, 'lower_closed': True, 'upper_closed': False}
    """
    return {
        "lower": _bound_text(iv.lower),
        "upper": _bound_text(iv.upper),
        "lower_closed": iv.lower_closed,
        "upper_closed": iv.upper_closed,
    }


def _target_dict(t: Target) -> dict[str, Any]:
    return {
        "id": t.id,
        "indicator": t.indicator,
        "subject": t.subject,
        "period": None if t.period is None else str(t.period),
        "kind": t.kind.value,
        "strength": t.strength.value,
        "comparator": t.comparator.value,
        "bound": interval_to_dict(t.bound),
        "unit": t.unit,
        "rule": t.describe_bound(),
        "surface": t.surface,
        "start": None if t.span is None else t.span.start,
        "end": None if t.span is None else t.span.end,
    }


def _actual_dict(a: Actual) -> dict[str, Any]:
    return {
        "text": a.text,
        "kind": None if a.kind is None else a.kind.value,
        "unit": a.unit,
        "interval": interval_to_dict(a.interval),
        "indicator": a.indicator,
        "subject": a.subject,
        "period": None if a.period is None else str(a.period),
        "modality": a.modality.value,
        "facts": list(a.facts),
        "source": a.source,
    }


def _entry_dict(e: ScorecardEntry) -> dict[str, Any]:
    o = e.outcome
    return {
        "target": _target_dict(e.target),
        "status": e.status,
        "actual": None if o is None else _actual_dict(o.actual),
        "margin": None if o is None or o.margin is None else interval_to_dict(o.margin),
        "margin_unit": None if o is None else o.margin_unit,
        "reason": None if o is None or o.reason is None else o.reason.value,
        "message": "" if o is None else o.message,
        "note": e.note,
    }


def scorecard_to_dict(card: Scorecard) -> dict[str, Any]:
    """The scorecard as the JSON object ``townkpi targets --format json`` prints.

    Keys: ``plan``, ``actuals``, ``illustrative``, ``notes``, ``counts`` (every status) and
    ``targets``: one object per target with ``target`` (id, indicator, subject, period, kind,
    strength, comparator, bound, unit, rule, surface, start, end), ``status``, ``actual`` (or
    null), ``margin`` (an interval, or null), ``margin_unit``, ``reason``, ``message`` and ``note``.
    """
    return {
        "plan": card.plan,
        "actuals": list(card.actuals),
        "illustrative": card.illustrative,
        "notes": list(card.notes),
        "counts": dict(card.counts()),
        "targets": [_entry_dict(e) for e in card.entries],
    }
