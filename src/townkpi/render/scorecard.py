"""A targets scorecard as rows of display strings, for the text and HTML renderers.

Examples:
    >>> from townkpi.targets import Scorecard
    >>> scorecard_rows(Scorecard())
    ()
"""

from __future__ import annotations

import attrs

from townkpi.interval import format_fraction
from townkpi.targets import Scorecard, ScorecardEntry, Strength

__all__ = ["ScorecardRow", "actual_text", "margin_text", "scorecard_rows"]


@attrs.frozen(slots=True, kw_only=True)
class ScorecardRow:
    """One target of a scorecard, every cell a display string.

    Attributes:
        number: The 1-based position in the scorecard.
        indicator: What the target is about (``?`` when unknown).
        strength: 力争, 争取, 确保 or "".
        rule: The rule in symbols (``≥ 5%``).
        surface: The target's figure as the plan wrote it.
        actual: The actual it was scored against (``—`` when none).
        status: ``met``, ``missed``, ``undecidable`` or ``no-actual``.
        margin: actual − bound, with its unit ("" when there is none).
        message: What was compared and what came out, and how the actual was chosen.
        start: The target figure's offset in the plan's text, if known.
        end: The end of the target figure's span, if known.
    """

    number: int
    indicator: str
    strength: str
    rule: str
    surface: str
    actual: str
    status: str
    margin: str
    message: str
    start: int | None = None
    end: int | None = None


def margin_text(entry: ScorecardEntry) -> str:
    """The margin of an entry: ``+0.5个百分点`` for an exact one, an interval otherwise."""
    o = entry.outcome
    if o is None or o.margin is None:
        return ""
    m, unit = o.margin, o.margin_unit or ""
    if m.is_point and m.lower is not None:
        sign = "+" if m.lower > 0 else ""
        return f"{sign}{format_fraction(m.lower)}{unit}"
    lo = "-inf" if m.lower is None else format_fraction(m.lower, places=4)
    hi = "inf" if m.upper is None else format_fraction(m.upper, places=4)
    left, right = "[" if m.lower_closed else "(", "]" if m.upper_closed else ")"
    return f"{left}{lo}, {hi}{right} {unit}".rstrip()


def actual_text(entry: ScorecardEntry) -> str:
    """The actual of an entry as written, ``(derived)`` when computed from two levels."""
    a = entry.actual
    if a is None:
        return "—"
    return f"{a.text} (derived)" if len(a.facts) > 1 else a.text


def scorecard_rows(card: Scorecard) -> tuple[ScorecardRow, ...]:
    """Every entry of a scorecard as a row of display strings, in the plan's order."""
    rows = []
    for i, e in enumerate(card.entries, start=1):
        t = e.target
        message = "" if e.outcome is None else e.outcome.message
        rows.append(
            ScorecardRow(
                number=i,
                indicator=t.indicator or "?",
                strength="" if t.strength is Strength.NONE else str(t.strength.value),
                rule=t.describe_bound(),
                surface=t.surface,
                actual=actual_text(e),
                status=e.status,
                margin=margin_text(e),
                message="; ".join(p for p in (message, e.note) if p),
                start=None if t.span is None else t.span.start,
                end=None if t.span is None else t.span.end,
            )
        )
    return tuple(rows)
