"""A hand reading of a report as a Report: figures written down by hand, placed in the real text.

A reading lists a report's figures (``surface``, ``value``, ``kind``, ``indicator``, ``subject``,
``period``, ``modality``, ``refers_to`` …) as a reader sees them. Checks run on the report it
builds are tested independently of the extractor: a gap of the extractor cannot hide a finding.

A pack's ``conftest.py`` builds its fixture from the report text and a reading file it locates
itself (a pack is installed on its own, so the files are arguments, never found by townkpi):

```python
@pytest.fixture(scope="session")
def guanhaiwei_report():
    return load_reading(REPORT_TXT, READING_TOML, source="examples/guanhaiwei/report.txt")
```

Examples:
    >>> text = "完成拆迁169户，完成率98.5%。"
    >>> report = report_from_entries(
    ...     text,
    ...     [
    ...         {"surface": "169户", "indicator": "拆迁"},
    ...         {"surface": "98.5%", "kind": "rate", "refers_to": "169户"},
    ...     ],
    ... )
    >>> [(f.id, f.surface, f.refers_to) for f in report.facts]
    [('f1', '169户', None), ('f2', '98.5%', 'f1')]
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from townkpi.model import Fact, FactKind, Modality, Period, Report, Span, Value

__all__ = ["load_reading", "locate", "report_from_entries"]

_SENTENCE_END: Final = re.compile(r"[。！？!?\n]")
_DIGITS: Final = "0123456789"


def locate(text: str, surface: str, occurrence: int = 1) -> tuple[int, int]:
    """The span of the ``occurrence``-th match of ``surface``, not glued to a longer number.

    ``12`` is not found inside ``312`` or ``12.5``.

    Raises:
        LookupError: ``surface`` occurs fewer than ``occurrence`` times.
    """
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


def report_from_entries(
    text: str, entries: Sequence[Mapping[str, Any]], source: str = "case"
) -> Report:
    """A report of ``text`` with the figures ``entries`` placed in it.

    Each entry has a ``surface`` (located with [`locate`][townkpi.testing.reading.locate], its
    ``occurrence``-th match, default 1) and optionally ``value`` (default: the surface; ``-`` for
    a decline; a rank's 第…名 is stripped), ``kind`` (default ``amount``), ``indicator``,
    ``subject``, ``period``, ``modality`` (default ``actual``) and ``refers_to``: the surface of an
    earlier entry (with ``refers_to_occurrence``). Facts are numbered ``f1``, ``f2`` … and a
    fact's sentence runs between 。！？ and line breaks.

    Raises:
        LookupError: A surface is not in the text.
        KeyError: ``refers_to`` names no earlier entry.
    """
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


def load_reading(report: str | Path, reading: str | Path, *, source: str | None = None) -> Report:
    """The report in the text file ``report`` with the figures of the TOML file ``reading``.

    ``reading`` has an array ``fact`` of entries as
    [`report_from_entries`][townkpi.testing.reading.report_from_entries] takes them; a
    ``change`` entry's ``unit`` is appended to its ``value`` (``value = "5.2"``, ``unit = "%"``).

    Args:
        report: The report text, UTF-8.
        reading: The hand reading of it.
        source: The report's source name (default: the path of ``report``).

    Raises:
        OSError: A file cannot be read.
        LookupError: A figure is not in the text.
    """
    text = Path(report).read_text(encoding="utf-8")
    data = tomllib.loads(Path(reading).read_text(encoding="utf-8"))
    entries = [
        {**e, "value": e["value"] + (e.get("unit") or "")} if e["kind"] == "change" else e
        for e in data["fact"]
    ]
    return report_from_entries(text, entries, source=str(report) if source is None else source)
