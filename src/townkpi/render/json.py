"""The findings as JSON: the stable contract of ``townkpi check --format json``.

One object ``{"source", "findings", "counts", "faults"}`` (``contract/check.schema.json``); each
finding has ``code, check, severity, message, spans, facts, evidence`` and townkpi's additions
(``locations``, ``records``, ``suggestion``, ``plugin``), see
[`Finding.to_dict`][townkpi.findings.Finding.to_dict]. With a scorecard, the object also has
``targets``: the scorecard as ``townkpi targets --format json`` prints it.

Examples:
    >>> from townkpi.findings import CheckResult
    >>> from townkpi.model import Report
    >>> print(render_json(Report(source="r.txt"), CheckResult(source="r.txt"), indent=None))
    {"source": "r.txt", "findings": [], "counts": {"error": 0, "warning": 0, "info": 0}, ...}
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from townkpi.findings import CheckResult
from townkpi.model import Report

if TYPE_CHECKING:
    from townkpi.targets import Scorecard

__all__ = ["check_to_dict", "render_json"]


def check_to_dict(result: CheckResult, scorecard: Scorecard | None = None) -> dict[str, Any]:
    """The JSON object: the result's ``to_dict()``, plus ``targets`` when a scorecard is given."""
    data = result.to_dict()
    if scorecard is not None:
        from townkpi.targets import scorecard_to_dict  # noqa: PLC0415 - only with a scorecard

        data["targets"] = scorecard_to_dict(scorecard)
    return data


def render_json(
    report: Report,
    result: CheckResult,
    *,
    scorecard: Scorecard | None = None,
    indent: int | None = 2,
) -> str:
    """The findings as the JSON text of the check contract.

    Args:
        report: The report that was checked (unused: the findings carry their spans).
        result: The findings.
        scorecard: The targets scorecard, if targets were scored.
        indent: Indentation (None for one line).

    Returns:
        The JSON text, non-ASCII characters as they are, ending with a newline.
    """
    del report
    return json.dumps(check_to_dict(result, scorecard), ensure_ascii=False, indent=indent) + "\n"
