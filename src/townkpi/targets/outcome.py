"""The result of evaluating a target against an actual: met, missed or undecidable, with the margin.

A target is **met** when every value the actual stands for satisfies it, **missed** when none
does, and **undecidable** when the actual's interval holds values on both sides of the bound
(10.0% against "at least 10%": 9.96% and 10.04% both round to 10.0%). An actual that cannot be
compared at all (户 against 人, a level against a growth target) is also undecidable, with the
reason.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from townkpi.interval import Interval
from townkpi.targets.actual import Actual

if TYPE_CHECKING:
    from townkpi.targets.rule import Target

__all__ = ["OutcomeReason", "TargetOutcome", "TargetStatus"]


class TargetStatus(enum.StrEnum):
    """Whether an actual meets a target.

    Attributes:
        MET: Every value the actual stands for satisfies the target.
        MISSED: No value the actual stands for satisfies the target.
        UNDECIDABLE: Some do and some do not, or the two cannot be compared (see the reason).
    """

    MET = "met"
    MISSED = "missed"
    UNDECIDABLE = "undecidable"


class OutcomeReason(enum.StrEnum):
    """Why an outcome is undecidable.

    Attributes:
        STRADDLES: The actual's interval holds values on both sides of the bound.
        DIMENSION: The actual's unit measures something else than the target's.
        KIND: The actual is another kind of figure (a level against a growth target).
    """

    STRADDLES = "straddles"
    DIMENSION = "dimension"
    KIND = "kind"


@attrs.frozen(slots=True, kw_only=True)
class TargetOutcome:
    """A target evaluated against one actual.

    Attributes:
        target: The target.
        actual: The actual it was evaluated against.
        status: Met, missed or undecidable.
        margin: actual − bound in the target's unit, exactly (an interval, since the actual is
            one); None when the two cannot be compared. For an "at most" target a negative margin
            is on the good side.
        margin_unit: The unit of ``margin``: the target's unit, except 个百分点 for a target in %.
        reason: Why the outcome is undecidable; None when it is met or missed.
        message: One line saying what was compared and what came out.
    """

    target: Target
    actual: Actual = attrs.field(validator=attrs.validators.instance_of(Actual))
    status: TargetStatus = attrs.field(validator=attrs.validators.instance_of(TargetStatus))
    margin: Interval | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Interval))
    )
    margin_unit: str | None = None
    reason: OutcomeReason | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(OutcomeReason)),
    )
    message: str = ""

    @property
    def is_met(self) -> bool:
        """Whether the target is met."""
        return self.status is TargetStatus.MET

    @property
    def is_decided(self) -> bool:
        """Whether the outcome is met or missed (not undecidable)."""
        return self.status is not TargetStatus.UNDECIDABLE
