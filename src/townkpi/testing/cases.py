"""Case files for checks: the passing and failing examples of a check, as data.

One file per check code (``tests/cases/TK101.toml`` or ``.yaml``), in the manner of sqlfluff's
rule cases. Each case is a small report, given as facts (records), as text (read with
``townkpi.extract``), or as both: text with facts located in it, which gives the facts spans and
sentences without depending on the extractor. ``expect`` lists the codes the case must produce;
an empty list means the file's check must find nothing.

```toml
code = "TK101"

[[case]]
name = "no_whole_total"
text = "宁慈线完成拆迁169户，完成率98.5%。"
expect = ["TK101"]
evidence = { nearest_totals = ["171", "172"] }

  [[case.facts]]
  id = "f1"
  value = "169户"
  indicator = "拆迁"
  subject = "宁慈线"

  [[case.facts]]
  id = "f2"
  kind = "rate"
  value = "98.5%"
  refers_to = "f1"
```

A fact entry has ``value`` (as a report writes it: ``169户``, ``超过10家``, ``99.5%以上``) and
optionally ``id`` (default ``f1``, ``f2`` …), ``kind`` (default ``amount``), ``negative``
(a decline), ``indicator``, ``subject``, ``period``, ``modality``, ``qualifiers``,
``refers_to``, ``record``, and, when the case has text, ``surface`` (default: ``value``) and
``occurrence`` to find it there. A case with text may also list ``skipped`` numbers (each a
``surface`` and a ``reason``: ``period``, ``date`` …), for checks of dates and periods.

Examples:
    >>> case = cases_from_mapping(
    ...     {
    ...         "code": "TK303",
    ...         "case": [{"name": "fraction", "expect": ["TK303"], "facts": [{"value": "31.6户"}]}],
    ...     }
    ... )[0]
    >>> check_case(case).counts
    {'error': 1, 'warning': 0, 'info': 0}
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from townkpi.config import Config
from townkpi.errors import TownkpiError
from townkpi.findings import CheckResult, Finding, Severity
from townkpi.model import (
    Fact,
    FactKind,
    Modality,
    Period,
    Report,
    SkippedMention,
    Span,
    Value,
)
from townkpi.plugins import PluginHost
from townkpi.run import CRASH_CODE, check

__all__ = [
    "Case",
    "CaseError",
    "assert_findings",
    "cases_from_mapping",
    "check_case",
    "load_cases",
    "run_case",
]

_SENTENCE_END: Final = re.compile(r"[。；！？\n]")
_FACT_KEYS: Final = frozenset(
    {"id", "kind", "value", "negative", "indicator", "subject", "period", "modality",
     "qualifiers", "refers_to", "record", "surface", "occurrence"}
)  # fmt: skip
_CASE_KEYS: Final = frozenset(
    {"name", "description", "text", "facts", "skipped", "expect", "evidence", "severity", "count"}
)

#: Reads text into a report (``townkpi.extract``), for cases given as text only.
Extractor = Callable[[str], Report]


class CaseError(TownkpiError, ValueError):
    """A case file is malformed.

    Args:
        source: The file (and case) at fault.
        reason: What is wrong.
    """

    code = "E-CASE"

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.reason))


def _str_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _fact_tuple(items: Iterable[Fact]) -> tuple[Fact, ...]:
    return tuple(items)


def _skipped_tuple(items: Iterable[SkippedMention]) -> tuple[SkippedMention, ...]:
    return tuple(items)


@attrs.frozen(slots=True, kw_only=True)
class Case:
    """One example of a check: a small report and the codes it must produce.

    Attributes:
        code: The check code the case is about (the file's code).
        name: A short identifier, unique within the file.
        description: What the case shows.
        text: The report text, or None for a case of records only.
        facts: The facts, built from the records (located in ``text`` when there is text);
            empty when the case is text only.
        skipped: Numbers of the text that are not measurements (``surface`` and ``reason``),
            for checks that read dates and periods.
        expect: The codes the case must produce; empty: ``code`` must find nothing.
        evidence: Evidence the first finding of ``code`` must carry, by name.
        severity: The severity that finding must have, when given.
        count: How many findings of ``code`` there must be, when given.
        source: The file the case came from.
    """

    code: str
    name: str
    description: str = ""
    text: str | None = None
    facts: tuple[Fact, ...] = attrs.field(default=(), converter=_fact_tuple)
    skipped: tuple[SkippedMention, ...] = attrs.field(default=(), converter=_skipped_tuple)
    expect: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    evidence: Mapping[str, object] = attrs.field(factory=dict)
    severity: Severity | None = None
    count: int | None = None
    source: str = "<cases>"

    @property
    def id(self) -> str:
        """``CODE-name``, for test ids."""
        return f"{self.code}-{self.name}"

    def __str__(self) -> str:
        return self.id

    def report(self, extract: Extractor | None = None) -> Report:
        """The case's report: its facts, or its text read by ``extract``.

        Raises:
            CaseError: The case has text only and no extractor is available.
        """
        if self.facts or self.skipped or self.text is None:
            return Report(
                source=self.id, text=self.text or "", facts=self.facts, skipped=self.skipped
            )
        if extract is None:
            extract = _default_extractor(self)
        report = extract(self.text)
        return attrs.evolve(report, source=self.id)


def _default_extractor(case: Case) -> Extractor:
    import townkpi  # noqa: PLC0415 - the extractor is optional at import time

    extract = getattr(townkpi, "extract", None)
    if extract is None:
        raise CaseError(case.source, f"case {case.name} has text only and needs townkpi.extract")
    result: Extractor = extract
    return result


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _span(text: str, start: int, end: int) -> Span:
    line, column = _line_column(text, start)
    return Span(start=start, end=end, line=line, column=column)


def _sentence(text: str, start: int, end: int) -> Span:
    s = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    m = _SENTENCE_END.search(text, end)
    return _span(text, s, m.end() if m else len(text))


def _locate(text: str, surface: str, occurrence: int, where: str) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.find(surface, start + 1)
        if start == -1:
            raise CaseError(where, f"{surface!r} occurs fewer than {occurrence} time(s) in text")
    return start, start + len(surface)


def _fact(entry: Mapping[str, Any], index: int, text: str | None, where: str) -> Fact:
    unknown = set(entry) - _FACT_KEYS
    if unknown:
        raise CaseError(where, f"unknown fact field(s) {', '.join(sorted(unknown))}")
    if "value" not in entry:
        raise CaseError(where, "a fact needs a 'value' (as written: 169户, 98.8%)")
    written = str(entry["value"])
    try:
        value = Value.parse(written, negative=bool(entry.get("negative", False)))
        kind = FactKind(entry.get("kind", "amount"))
        modality = Modality(entry.get("modality", "actual"))
        period = Period.parse(str(entry["period"])) if entry.get("period") else None
    except (ValueError, TownkpiError) as exc:
        raise CaseError(where, f"fact {written!r}: {exc}") from exc
    span = sentence = None
    surface = str(entry.get("surface", written))
    if text is not None:
        start, end = _locate(text, surface, int(entry.get("occurrence", 1)), where)
        span, sentence = _span(text, start, end), _sentence(text, start, end)
    return Fact(
        id=str(entry.get("id", f"f{index}")),
        kind=kind,
        value=value,
        surface=surface,
        indicator=entry.get("indicator"),
        subject=entry.get("subject"),
        period=period,
        modality=modality,
        qualifiers=tuple(str(q) for q in entry.get("qualifiers", ())),
        span=span,
        sentence=sentence,
        refers_to=entry.get("refers_to"),
        record=entry.get("record") if text is None else None,
    )


def _skipped(entry: Mapping[str, Any], text: str | None, where: str) -> SkippedMention:
    if text is None:
        raise CaseError(where, "skipped mentions need the case's text")
    surface = str(entry.get("surface", ""))
    if not surface:
        raise CaseError(where, "a skipped mention needs a 'surface'")
    start, end = _locate(text, surface, int(entry.get("occurrence", 1)), where)
    return SkippedMention(
        span=_span(text, start, end), surface=surface, reason=str(entry.get("reason", "other"))
    )


def cases_from_mapping(data: Mapping[str, Any], source: str = "<cases>") -> tuple[Case, ...]:
    """Cases from a parsed case file: a ``code`` and an array ``case``.

    Raises:
        CaseError: A key is unknown, a value malformed, or a name repeated.
    """
    code = data.get("code")
    if not isinstance(code, str) or not code:
        raise CaseError(source, "a case file needs a 'code' (the check it is about)")
    entries = data.get("case", [])
    if not isinstance(entries, list) or not entries:
        raise CaseError(source, "a case file needs at least one [[case]]")
    out: list[Case] = []
    names: set[str] = set()
    for i, entry in enumerate(entries, 1):
        name = str(entry.get("name", f"case{i}"))
        where = f"{source} case {name}"
        unknown = set(entry) - _CASE_KEYS
        if unknown:
            raise CaseError(where, f"unknown key(s) {', '.join(sorted(unknown))}")
        if name in names:
            raise CaseError(where, "the name is used twice")
        names.add(name)
        text = entry.get("text")
        facts = [_fact(f, j, text, where) for j, f in enumerate(entry.get("facts", []), 1)]
        skipped = [_skipped(m, text, where) for m in entry.get("skipped", [])]
        if text is None and not facts:
            raise CaseError(where, "a case needs text, facts or both")
        expect = entry.get("expect", [])
        if not isinstance(expect, list):
            raise CaseError(where, "'expect' must be a list of codes")
        severity = entry.get("severity")
        try:
            sev = None if severity is None else Severity(severity)
        except ValueError as exc:
            raise CaseError(where, f"unknown severity {severity!r}") from exc
        out.append(
            Case(
                code=code,
                name=name,
                description=str(entry.get("description", "")),
                text=text,
                facts=facts,
                skipped=skipped,
                expect=tuple(str(c) for c in expect),
                evidence=dict(entry.get("evidence", {})),
                severity=sev,
                count=entry.get("count"),
                source=source,
            )
        )
    return tuple(out)


def load_cases(path: str | Path) -> tuple[Case, ...]:
    """Read a case file (``.toml``, or ``.yaml``/``.yml`` when PyYAML is installed).

    Raises:
        CaseError: The file cannot be read or is malformed.
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise CaseError(str(p), f"cannot read: {exc.strerror or exc}") from exc
    if p.suffix in {".yaml", ".yml"}:
        try:
            import yaml  # type: ignore[import-untyped]  # noqa: PLC0415 - optional
        except ImportError as exc:  # pragma: no cover - PyYAML is a test dependency
            raise CaseError(str(p), "YAML case files need PyYAML (pip install pyyaml)") from exc
        data = yaml.safe_load(raw)
    else:
        try:
            data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            raise CaseError(str(p), f"not valid TOML: {exc}") from exc
    if not isinstance(data, dict):
        raise CaseError(str(p), "a case file is a table with 'code' and 'case'")
    return cases_from_mapping(data, str(p))


def run_case(
    case: Case, *, host: PluginHost | None = None, extract: Extractor | None = None
) -> CheckResult:
    """Run the case's check (and any other expected codes) on its report."""
    select = tuple(dict.fromkeys((case.code, *case.expect, CRASH_CODE)))
    return check(case.report(extract), config=Config(select=select), host=host)


def _describe(findings: Sequence[Finding]) -> str:
    if not findings:
        return "no findings"
    return "\n".join(f"  {f.code} {f.severity.value}: {f.message}" for f in findings)


def assert_findings(
    result: CheckResult | Sequence[Finding],
    expect: Iterable[str],
    *,
    only: Iterable[str] | None = None,
) -> None:
    """Assert that the findings have exactly the expected codes (as a set).

    Args:
        result: A check result or its findings.
        expect: The codes that must be found; every other code of ``only`` must not be.
        only: The codes under test (default: every code found or expected).

    Raises:
        AssertionError: A code is missing or unexpected; the message lists every finding.
    """
    findings = result.findings if isinstance(result, CheckResult) else tuple(result)
    wanted = set(expect)
    scope = set(only) if only is not None else None
    found = {f.code for f in findings if scope is None or f.code in scope}
    missing, extra = wanted - found, found - wanted
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing {', '.join(sorted(missing))}")
        if extra:
            parts.append(f"unexpected {', '.join(sorted(extra))}")
        raise AssertionError(f"{'; '.join(parts)}; the findings were:\n{_describe(findings)}")


def check_case(
    case: Case, *, host: PluginHost | None = None, extract: Extractor | None = None
) -> CheckResult:
    """Run a case and assert what it expects: codes, count, severity and evidence.

    Returns:
        The result, for further assertions.

    Raises:
        AssertionError: The findings differ from what the case expects.
    """
    result = run_case(case, host=host, extract=extract)
    crashed = result.with_code(CRASH_CODE)
    if crashed and CRASH_CODE not in case.expect:
        raise AssertionError(f"{case}: a check crashed:\n{_describe(crashed)}")
    assert_findings(result, case.expect, only={case.code, *case.expect})
    mine = result.with_code(case.code)
    if case.count is not None and len(mine) != case.count:
        raise AssertionError(
            f"{case}: {len(mine)} finding(s) of {case.code}, not {case.count}:\n{_describe(mine)}"
        )
    if mine and case.severity is not None and mine[0].severity is not case.severity:
        raise AssertionError(f"{case}: severity {mine[0].severity.value}, not {case.severity}")
    if case.evidence:
        if not mine:
            raise AssertionError(f"{case}: evidence expected but {case.code} found nothing")
        got = mine[0].evidence_dict()
        for name, want in case.evidence.items():
            have = got.get(name)
            if have != want:
                raise AssertionError(
                    f"{case}: evidence {name} is {have!r}, not {want!r}; all evidence: {got}"
                )
    return result
