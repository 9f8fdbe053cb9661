"""Fixtures of this pack's tests: the plugin host, the Guanhaiwei report and the corpus.

The case files (tests/cases) are read with ``townkpi.testing``. The Guanhaiwei report is also built
from the repository's hand-written reading of it (``tests/data/guanhaiwei_expected.toml``): every
figure with its kind, indicator and the amount a rate refers to, placed in the real text, so that
a gap of the extractor cannot hide a finding of the pack.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from townkpi import Fact, FactKind, Modality, Period, PluginHost, Report, Span, Value

TESTS_DIR = Path(__file__).resolve().parent
#: plugins/<pack>/tests → the repository.
REPO_ROOT = TESTS_DIR.parents[2]
SHARED_DIR = REPO_ROOT.parent / "shared"
GUANHAIWEI_REPORT = REPO_ROOT / "examples" / "guanhaiwei" / "report.txt"
GUANHAIWEI_READING = REPO_ROOT / "tests" / "data" / "guanhaiwei_expected.toml"

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_DIGITS = "0123456789"


def locate(text: str, surface: str, occurrence: int = 1) -> tuple[int, int]:
    """The span of the ``occurrence``-th match of ``surface``, not glued to a longer number."""
    count = 0
    start = text.find(surface)
    while start != -1:
        end = start + len(surface)
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        glued = (surface[0] in _DIGITS and before != "" and before in _DIGITS + ".-") or (
            surface[-1] in _DIGITS and after != "" and after in _DIGITS + "."
        )
        if not glued:
            count += 1
            if count == occurrence:
                return start, end
        start = text.find(surface, start + 1)
    raise LookupError(f"{surface!r} occurs {count} time(s), not {occurrence}")


def _span(text: str, start: int, end: int) -> Span:
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Span(start=start, end=end, line=line, column=column)


def _sentence(text: str, start: int) -> tuple[int, int]:
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    m = _SENTENCE_END.search(text, start)
    return begin, m.end() if m else len(text)


def _value(entry: Mapping[str, Any]) -> Value:
    written = str(entry.get("value", entry["surface"]))
    if entry.get("kind") == "rank":
        written = written.removeprefix("第").removesuffix("名")
    negative = written.startswith("-")
    return Value.parse(written.removeprefix("-"), negative=negative)


def report_of(text: str, entries: Sequence[Mapping[str, Any]], source: str = "case") -> Report:
    """A report of ``text`` with the figures ``entries`` placed in it (see the module docstring)."""
    facts: list[Fact] = []
    by_surface: dict[tuple[str, int], str] = {}
    for i, entry in enumerate(entries, 1):
        occurrence = int(entry.get("occurrence", 1))
        start, end = locate(text, entry["surface"], occurrence)
        s_start, s_end = _sentence(text, start)
        ref = entry.get("refers_to")
        refers_to = None
        if ref is not None:
            refers_to = by_surface[(ref, int(entry.get("refers_to_occurrence", 1)))]
        period = entry.get("period")
        fact = Fact(
            id=f"f{i}",
            kind=FactKind(entry.get("kind", "amount")),
            value=_value(entry),
            surface=entry["surface"],
            indicator=entry.get("indicator"),
            subject=entry.get("subject"),
            period=Period.parse(str(period)) if period is not None else None,
            modality=Modality(entry.get("modality", "actual")),
            span=_span(text, start, end),
            sentence=_span(text, s_start, s_end),
            refers_to=refers_to,
        )
        facts.append(fact)
        by_surface[(entry["surface"], occurrence)] = fact.id
    return Report(source=source, text=text, facts=facts)


@pytest.fixture(scope="session")
def host() -> PluginHost:
    """A plugin host that loads installed plugins through their entry points."""
    return PluginHost.create(entry_points=True)


@pytest.fixture(scope="session")
def guanhaiwei_report() -> Report:
    """The Guanhaiwei report with the figures of the repository's hand-written reading."""
    if not GUANHAIWEI_READING.is_file():
        pytest.skip("the Guanhaiwei reading tests/data/guanhaiwei_expected.toml is absent")
    text = GUANHAIWEI_REPORT.read_text(encoding="utf-8")
    reading = tomllib.loads(GUANHAIWEI_READING.read_text(encoding="utf-8"))
    entries = [
        {**e, "value": e["value"] + (e.get("unit") or ""), "surface": e["surface"]}
        if e["kind"] == "change"
        else e
        for e in reading["fact"]
    ]
    return report_of(text, entries, source="examples/guanhaiwei/report.txt")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The provincial 2026 work-report corpus in ``../shared/corpus/provincial-2026``."""
    path = SHARED_DIR / "corpus" / "provincial-2026"
    if not path.is_dir():
        pytest.skip("corpus not available: ../shared/corpus/provincial-2026 is absent")
    return path


@pytest.fixture(scope="session")
def guanhaiwei_text() -> str:
    """The text of the Guanhaiwei 2023 work report in ``examples/guanhaiwei/report.txt``."""
    return GUANHAIWEI_REPORT.read_text(encoding="utf-8")
