"""The findings as SARIF 2.1.0, for code-scanning viewers and CI annotations.

One run of the tool ``townkpi``: its rules are the registered checks (code, name, description,
the explanation and the 反例/正例 examples of the check's docstring, default level), each finding
is a result with one location per figure. A region gives both ``charOffset``/``charLength``
(character offsets into the decoded text, as in the JSON contract) and
``startLine``/``startColumn``/``endLine``/``endColumn``; ``columnKind`` is ``unicodeCodePoints``,
so one Chinese character counts as one column. The figure's text is the region's snippet and its
sentence the ``contextRegion``. Findings about facts from a table (no span) name their rows as
logical locations; plugins that failed to load are tool configuration notifications.

Examples:
    >>> from townkpi.findings import CheckResult
    >>> from townkpi.model import Report
    >>> log = sarif_log(Report(source="r.txt"), CheckResult(source="r.txt"), checks=())
    >>> log["version"], log["runs"][0]["tool"]["driver"]["name"], log["runs"][0]["results"]
    ('2.1.0', 'townkpi', [])
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import metadata
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote

from townkpi.findings import CheckResult, Finding, Severity
from townkpi.model import Report, Span

if TYPE_CHECKING:
    from townkpi.checks.base import Check
    from townkpi.targets import Scorecard

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "render_sarif", "sarif_log"]

SARIF_VERSION: Final = "2.1.0"
"""The SARIF version written."""
SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
"""The schema URI written into the log's ``$schema``."""
SRCROOT: Final = "%SRCROOT%"
"""The uriBaseId of a relative artifact path."""

_LEVELS: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _version() -> str:
    try:
        return metadata.version("townkpi")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        return "0"


def _artifact(source: str) -> dict[str, Any]:
    """The artifactLocation of the report: a file URI, a relative URI, or the quoted name."""
    if not source or (source.startswith("<") and source.endswith(">")):
        return {"uri": quote(source or "report", safe="")}
    path = PurePosixPath(source.replace("\\", "/"))
    if path.is_absolute():
        return {"uri": "file://" + quote(path.as_posix())}
    return {"uri": quote(path.as_posix()), "uriBaseId": SRCROOT}


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, line_start) + 1, offset - line_start + 1


def _region(report: Report, start: int, end: int, line: int, column: int) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": line,
        "startColumn": column,
        "charOffset": start,
        "charLength": end - start,
    }
    text = report.text
    if text and end <= len(text):
        region["startLine"], region["startColumn"] = _line_column(text, start)
        region["endLine"], region["endColumn"] = _line_column(text, end)
        region["snippet"] = {"text": text[start:end]}
    return region


def _context(report: Report, finding: Finding, span: Span) -> dict[str, Any] | None:
    index = report.index()
    for fact_id in finding.facts:
        fact = index.get(fact_id)
        sentence = None if fact is None else fact.sentence
        if sentence is not None and fact is not None and fact.span == span:
            return _region(report, sentence.start, sentence.end, sentence.line, sentence.column)
    return None


def _locations(report: Report, finding: Finding) -> list[dict[str, Any]]:
    artifact = {**_artifact(report.source), "index": 0}
    out: list[dict[str, Any]] = []
    for span in finding.spans:
        physical: dict[str, Any] = {
            "artifactLocation": artifact,
            "region": _region(report, span.start, span.end, span.line, span.column),
        }
        context = _context(report, finding, span)
        if context is not None:
            physical["contextRegion"] = context
        out.append({"physicalLocation": physical})
    if not out:
        location: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact}}
        if finding.records:
            location["logicalLocations"] = [
                {"name": r, "kind": "element"} for r in dict.fromkeys(finding.records)
            ]
        out.append(location)
    return out


def _rule(check: type[Check]) -> dict[str, Any]:
    examples = check.examples()
    help_parts = [check.summary() or check.description]
    if examples.wrong:
        help_parts.append(f"反例 (flagged):\n{examples.wrong}")
    if examples.right:
        help_parts.append(f"正例 (accepted):\n{examples.right}")
    rule: dict[str, Any] = {
        "id": check.code,
        "name": check.name,
        "shortDescription": {"text": check.description},
        "fullDescription": {"text": check.summary() or check.description},
        "help": {"text": "\n\n".join(help_parts)},
        "defaultConfiguration": {"level": _LEVELS[check.default_severity]},
    }
    tags = sorted(set(check.groups))
    if tags:
        rule["properties"] = {"tags": tags}
    if check.aliases:
        rule["deprecatedIds"] = sorted(set(check.aliases))
    return rule


def _result(report: Report, finding: Finding, rule_index: int) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "check": finding.check,
        "facts": list(finding.facts),
        "evidence": finding.evidence_dict(),
    }
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    if finding.plugin:
        properties["plugin"] = finding.plugin
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": _locations(report, finding),
        "properties": properties,
    }


def sarif_log(
    report: Report, result: CheckResult, *, checks: Sequence[type[Check]] | None = None
) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dictionary.

    Args:
        report: The report that was checked (its text gives lines, columns and snippets).
        result: The findings.
        checks: The registered checks, which become the rules (default: every check of the
            plugin host); codes of findings without a registered check get a minimal rule.

    Returns:
        ``{"$schema", "version", "runs": [run]}``.
    """
    if checks is None:
        from townkpi.plugins import default_host  # noqa: PLC0415 - only when not given

        checks = default_host().checks()
    rules = [_rule(c) for c in sorted(checks, key=lambda c: c.code)]
    index = {r["id"]: i for i, r in enumerate(rules)}
    for finding in result.findings:
        if finding.code not in index:
            index[finding.code] = len(rules)
            rules.append(
                {
                    "id": finding.code,
                    "name": finding.check,
                    "shortDescription": {"text": finding.check},
                }
            )
    artifact: dict[str, Any] = {"location": _artifact(report.source), "roles": ["analysisTarget"]}
    if report.text:
        artifact["length"] = len(report.text.encode("utf-8"))
        artifact["encoding"] = report.encoding
    notifications = [
        {
            "level": "error",
            "message": {"text": str(fault)},
            "descriptor": {"id": fault.plugin},
            **({"properties": {"hook": fault.hook}} if fault.hook else {}),
        }
        for fault in result.faults
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "townkpi",
                "version": _version(),
                "rules": rules,
            }
        },
        "invocations": [
            {"executionSuccessful": True, "toolConfigurationNotifications": notifications}
        ],
        "artifacts": [artifact],
        "columnKind": "unicodeCodePoints",
        "results": [_result(report, f, index[f.code]) for f in result.findings],
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(
    report: Report,
    result: CheckResult,
    *,
    scorecard: Scorecard | None = None,
    checks: Sequence[type[Check]] | None = None,
) -> str:
    """The findings as SARIF 2.1.0 JSON text.

    Args:
        report: The report that was checked.
        result: The findings.
        scorecard: Ignored: SARIF holds findings, not a scorecard.
        checks: The registered checks (default: every check of the plugin host).

    Returns:
        The JSON text, ending with a newline.
    """
    del scorecard
    log = sarif_log(report, result, checks=checks)
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
