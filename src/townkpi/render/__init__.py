"""Renderers: a checked report as text, JSON, CSV, SARIF or HTML.

Renderers only format. Each takes the [`Report`][townkpi.model.Report] that was checked, its
[`CheckResult`][townkpi.findings.CheckResult] and optionally a targets
[`Scorecard`][townkpi.targets.Scorecard], and returns a string; none of them checks anything.
[`render`][townkpi.render.render] picks one by name, as ``townkpi check --format`` does:

- ``text`` ([`render_text`][townkpi.render.text.render_text]): compiler-style, with the figures
  underlined in their sentence; colour through rich on a terminal;
- ``json`` ([`render_json`][townkpi.render.json.render_json]): the stable check contract;
- ``csv`` ([`render_csv`][townkpi.render.csv.render_csv]): one row per finding, safe to open in a
  spreadsheet ([`facts_csv`][townkpi.render.csv.facts_csv] writes the facts);
- ``sarif`` ([`render_sarif`][townkpi.render.sarif.render_sarif]): SARIF 2.1.0;
- ``html`` ([`render_html`][townkpi.render.html.render_html]): one self-contained page.

Examples:
    >>> from townkpi.findings import CheckResult
    >>> from townkpi.model import Report
    >>> print(render("text", Report(source="r.txt"), CheckResult(source="r.txt")), end="")
    r.txt: 0 errors, 0 warnings, 0 info (0 facts, 0 skipped numbers)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final

from townkpi.errors import TownkpiError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from townkpi.checks.base import Check
    from townkpi.findings import CheckResult
    from townkpi.model import Report
    from townkpi.render.csv import facts_csv, render_csv
    from townkpi.render.html import render_html
    from townkpi.render.json import render_json
    from townkpi.render.sarif import render_sarif
    from townkpi.render.text import render_text
    from townkpi.targets import Scorecard

__all__ = [
    "FORMATS",
    "facts_csv",
    "render",
    "render_csv",
    "render_html",
    "render_json",
    "render_sarif",
    "render_text",
]

FORMATS: Final = ("text", "json", "csv", "sarif", "html")
"""The output formats, in the order ``--help`` lists them; ``text`` is the default."""

#: The module of each renderer, imported on first use (a JSON run does not load the HTML one).
_LAZY: Final = {
    "facts_csv": "townkpi.render.csv",
    "render_csv": "townkpi.render.csv",
    "render_html": "townkpi.render.html",
    "render_json": "townkpi.render.json",
    "render_sarif": "townkpi.render.sarif",
    "render_text": "townkpi.render.text",
}


def __getattr__(name: str) -> object:
    """A renderer, imported on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'townkpi.render' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def render(
    fmt: str,
    report: Report,
    result: CheckResult,
    *,
    scorecard: Scorecard | None = None,
    color: bool = False,
    checks: Sequence[type[Check]] | None = None,
) -> str:
    """A checked report in one of the [`FORMATS`][townkpi.render.FORMATS].

    Args:
        fmt: ``text``, ``json``, ``csv``, ``sarif`` or ``html``.
        report: The report that was checked.
        result: Its findings.
        scorecard: The targets scorecard, shown by text, JSON and HTML.
        color: For ``text``: colour with rich (when installed).
        checks: For ``sarif``: the registered checks that become its rules (default: every
            check of the plugin host).

    Returns:
        The rendered output.

    Raises:
        TownkpiError: ``fmt`` is not one of the formats.
    """
    # each renderer is imported when it is used
    if fmt == "text":
        from townkpi.render.text import render_text  # noqa: PLC0415

        return render_text(report, result, scorecard=scorecard, color=color)
    if fmt == "json":
        from townkpi.render.json import render_json  # noqa: PLC0415

        return render_json(report, result, scorecard=scorecard)
    if fmt == "csv":
        from townkpi.render.csv import render_csv  # noqa: PLC0415

        return render_csv(report, result, scorecard=scorecard)
    if fmt == "sarif":
        from townkpi.render.sarif import render_sarif  # noqa: PLC0415

        return render_sarif(report, result, scorecard=scorecard, checks=checks)
    if fmt == "html":
        from townkpi.render.html import render_html  # noqa: PLC0415

        return render_html(report, result, scorecard=scorecard)
    raise TownkpiError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
