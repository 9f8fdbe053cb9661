"""Findings: what a check reports, with the evidence it computed.

A [`Finding`][townkpi.findings.Finding] says which figures of a report cannot all be true and why:
a stable ``code`` (``TK101``), the dotted name of the check that found it, a
[`Severity`][townkpi.findings.Severity], a message that states what was reported, what was
computed and why both cannot hold, the spans and fact ids it is about, and its
[`Evidence`][townkpi.findings.Evidence]: the numbers, intervals and implied quantities it computed,
as decimal strings.

A [`CheckResult`][townkpi.findings.CheckResult] collects every finding of one run together with the
[`PluginFault`][townkpi.findings.PluginFault]s of plugins that could not be loaded, and counts the
findings by severity. ``to_dict()`` gives the stable JSON objects of ``townkpi check --format json``
(``contract/check.schema.json``).

Examples:
    >>> from fractions import Fraction
    >>> f = Finding(
    ...     code="TK101",
    ...     check="townkpi.rates.rate_count",
    ...     severity=Severity.ERROR,
    ...     message="no whole total",
    ...     evidence=(Evidence.of("total", Fraction(171)),),
    ... )
    >>> f.to_dict()["evidence"]
    {'total': '171'}
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from townkpi.interval import Interval, format_fraction
from townkpi.model import Span

__all__ = [
    "CheckResult",
    "Evidence",
    "Finding",
    "PluginFault",
    "Severity",
    "format_interval",
    "format_number",
    "spans_of",
]

EVIDENCE_PLACES: Final = 4
"""Decimal places shown for a number that does not terminate (1/3 → 0.3333)."""


class Severity(enum.StrEnum):
    """How serious a finding is.

    Attributes:
        ERROR: The figures cannot all be true.
        WARNING: The figures are suspicious but could be true.
        INFO: A derived quantity worth showing (an implied total or whole), not a problem.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info: ``a.rank >= b.rank`` means at least as severe."""
        return _RANKS[self]

    def at_least(self, other: Severity) -> bool:
        """Whether this severity is ``other`` or more severe."""
        return self.rank >= other.rank


_RANKS: Final = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


def format_number(x: Fraction | Decimal | int, places: int = EVIDENCE_PLACES) -> str:
    """A number as a plain decimal string, exact when it has at most ``places`` decimals.

    Examples:
        >>> format_number(Fraction(16900, 99))
        '170.7071'
        >>> format_number(Decimal("56.150"))
        '56.15'
    """
    f = Fraction(x)
    exact = format_fraction(f)
    decimals = exact.partition(".")[2]
    if len(decimals) <= places:
        return exact
    return format_fraction(f, places=places) if f.denominator != 1 else exact


def _round_to(x: Fraction, places: int) -> str:
    return format_fraction(Fraction(round(x * 10**places), 10**places))


def format_interval(interval: Interval, places: int = EVIDENCE_PLACES) -> str:
    """An interval for a message or evidence, its ends rounded to ``places`` decimals.

    Examples:
        >>> format_interval(
        ...     Interval.closed(Fraction(16900, 9885) * 100, Fraction(16900, 9875) * 100)
        ... )
        '[170.9661, 171.1392]'
    """
    if interval.is_point:
        assert interval.lower is not None
        return f"[{format_number(interval.lower, places)}]"
    lo = hi = ""
    for extra in range(12 - places + 1):  # more decimals until the two ends differ
        lo = "-inf" if interval.lower is None else _round_to(interval.lower, places + extra)
        hi = "inf" if interval.upper is None else _round_to(interval.upper, places + extra)
        if lo != hi:
            break
    left = "[" if interval.lower_closed else "("
    right = "]" if interval.upper_closed else ")"
    return f"{left}{lo}, {hi}{right}"


EvidenceValue = str | tuple[str, ...]


def _evidence_value(value: object) -> EvidenceValue:
    if isinstance(value, str):
        return value
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return value
    raise TypeError(f"evidence values are strings or tuples of strings, not {value!r}")


@attrs.frozen(slots=True, kw_only=True)
class Evidence:
    """One named quantity a check computed or read: a number, an interval, a list of candidates.

    Attributes:
        name: A short snake_case name (``implied_total``, ``rate_interval``).
        value: A decimal string, an interval string (``[170.9661, 171.1392]``), a figure as
            written (``169户``), or a tuple of such strings (rendered as a JSON list).
    """

    name: str = attrs.field(validator=attrs.validators.min_len(1))
    value: EvidenceValue = attrs.field(converter=_evidence_value)

    @classmethod
    def of(cls, name: str, value: object) -> Evidence:
        """Evidence from a number, an interval, a string or a sequence of those.

        Numbers become decimal strings (rounded to four decimals when they do not terminate
        sooner), intervals become ``[a, b)`` strings, anything else its ``str()``.
        """
        return cls(name=name, value=_render(value))

    def to_json(self) -> str | list[str]:
        """The value as JSON data: a string or a list of strings."""
        return list(self.value) if isinstance(self.value, tuple) else self.value


def _render(value: object) -> EvidenceValue:
    if isinstance(value, Fraction | Decimal | int) and not isinstance(value, bool):
        return format_number(value)
    if isinstance(value, Interval):
        return format_interval(value)
    if isinstance(value, list | tuple):
        out: list[str] = []
        for v in value:
            r = _render(v)
            out.extend(r if isinstance(r, tuple) else (r,))
        return tuple(out)
    return str(value)


def _evidence_tuple(value: Iterable[Evidence] | Mapping[str, object]) -> tuple[Evidence, ...]:
    if isinstance(value, Mapping):
        return tuple(Evidence.of(str(k), v) for k, v in value.items())
    return tuple(value)


def _str_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _span_tuple(items: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(items)


def _sorted_findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(items, key=_sort_key))


def _fault_tuple(items: Iterable[PluginFault]) -> tuple[PluginFault, ...]:
    return tuple(items)


@attrs.frozen(slots=True, kw_only=True)
class Finding:
    """One problem (or derived quantity) a check found in a report.

    Attributes:
        code: A stable code (``TK101``); sector packs use their own prefixes.
        check: The dotted name of the check that produced it (``townkpi.rates.rate_count``).
        severity: Error, warning or info.
        message: What was reported, what was computed, and why both cannot hold.
        spans: Where the figures it is about stand in the text, in text order.
        facts: The ids of the facts it is about.
        evidence: The quantities the check computed, in a meaningful order.
        records: Locators (``row 3`` or fact ids) of facts that have no span (facts from records).
        suggestion: What the figure might have been meant to be, when the check can tell.
        plugin: The plugin that contributed the check (set by the runner).
    """

    code: str = attrs.field(validator=attrs.validators.min_len(1))
    check: str = attrs.field(validator=attrs.validators.min_len(1))
    severity: Severity = attrs.field(validator=attrs.validators.instance_of(Severity))
    message: str = attrs.field(validator=attrs.validators.min_len(1))
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_span_tuple)
    facts: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_evidence_tuple)
    records: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    suggestion: str | None = None
    plugin: str | None = None

    @property
    def start(self) -> int | None:
        """The offset of the first span, or None when the finding has no span."""
        return min((s.start for s in self.spans), default=None)

    def evidence_dict(self) -> dict[str, str | list[str]]:
        """The evidence as a JSON object (names in order)."""
        return {e.name: e.to_json() for e in self.evidence}

    def to_dict(self) -> dict[str, Any]:
        """The finding as the JSON object of the check contract (stable keys, in this order).

        Keys: ``code, check, severity, message, spans, facts, evidence`` (required by the
        contract), then ``locations`` (``[line, column]`` per span), ``records``, ``suggestion``
        and ``plugin``.
        """
        return {
            "code": self.code,
            "check": self.check,
            "severity": self.severity.value,
            "message": self.message,
            "spans": [[s.start, s.end] for s in self.spans],
            "facts": list(self.facts),
            "evidence": self.evidence_dict(),
            "locations": [[s.line, s.column] for s in self.spans],
            "records": list(self.records),
            "suggestion": self.suggestion,
            "plugin": self.plugin,
        }


@attrs.frozen(slots=True, kw_only=True)
class PluginFault:
    """A plugin that could not be loaded, registered or called; the others still ran.

    Attributes:
        plugin: The plugin's name (its entry-point name or module).
        reason: One line saying what went wrong (the exception type and message).
        version: The plugin distribution's version, when known.
        hook: The hook that failed, when the fault happened during a hook call.
    """

    plugin: str = attrs.field(validator=attrs.validators.min_len(1))
    reason: str = attrs.field(validator=attrs.validators.min_len(1))
    version: str | None = None
    hook: str | None = None

    def __str__(self) -> str:
        label = self.plugin if self.version is None else f"{self.plugin} {self.version}"
        where = "" if self.hook is None else f" in {self.hook}"
        return f"plugin {label}{where}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        """The fault as a JSON object: ``plugin, version, hook, reason``."""
        return {
            "plugin": self.plugin,
            "version": self.version,
            "hook": self.hook,
            "reason": self.reason,
        }


def _sort_key(f: Finding) -> tuple[int, int, str]:
    start = f.start
    return (0 if start is not None else 1, start or 0, f.code)


@attrs.frozen(slots=True, kw_only=True)
class CheckResult:
    """Every finding of one run over one report, and the faults of plugins that did not load.

    Attributes:
        source: Where the report came from.
        findings: The findings, in text order (findings without a span last).
        faults: Plugins that could not be loaded or failed in a hook; their checks did not run.
    """

    source: str
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_sorted_findings)
    faults: tuple[PluginFault, ...] = attrs.field(default=(), converter=_fault_tuple)

    @property
    def counts(self) -> dict[str, int]:
        """How many findings of each severity (every severity is a key, zero included)."""
        out = {s.value: 0 for s in Severity}
        for f in self.findings:
            out[f.severity.value] += 1
        return out

    @property
    def worst(self) -> Severity | None:
        """The most severe severity among the findings, or None when there are none."""
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)

    def fails(self, threshold: Severity) -> bool:
        """Whether some finding is at least as severe as ``threshold``."""
        return any(f.severity.at_least(threshold) for f in self.findings)

    def with_code(self, *codes: str) -> tuple[Finding, ...]:
        """The findings whose code is one of ``codes``."""
        return tuple(f for f in self.findings if f.code in codes)

    def to_dict(self) -> dict[str, Any]:
        """The result as the top-level object of ``townkpi check --format json``.

        Keys: ``source``, ``findings``, ``counts`` (by severity), then ``faults``.
        """
        return {
            "source": self.source,
            "findings": [f.to_dict() for f in self.findings],
            "counts": self.counts,
            "faults": [p.to_dict() for p in self.faults],
        }


def spans_of(items: Sequence[Span | None]) -> tuple[Span, ...]:
    """The spans that are not None, in text order."""
    return tuple(sorted((s for s in items if s is not None), key=lambda s: (s.start, s.end)))
