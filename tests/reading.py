"""The hand reading of the Guanhaiwei report (tests/data/guanhaiwei_expected.toml) as a Report.

The facts, their values, kinds, indicators, subjects, periods and links come from the hand-written
file, not from the extractor; spans are located in the report text and sentences are the stretches
between 。；！？ and line breaks. Checks run on this report test the checks independently of
extraction.
"""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

from townkpi.model import Fact, FactKind, Modality, Period, Report, SkippedMention, Span, Value

REPO_ROOT = Path(__file__).resolve().parent.parent
EXPECTED = REPO_ROOT / "tests" / "data" / "guanhaiwei_expected.toml"
REPORT = REPO_ROOT / "examples" / "guanhaiwei" / "report.txt"
DIGITS = "0123456789"
_SENTENCE_END = re.compile(r"[。；！？\n]")


def locate(text: str, surface: str, occurrence: int) -> tuple[int, int]:
    """The span of the ``occurrence``-th match of ``surface`` not glued to a longer number."""
    count = 0
    start = text.find(surface)
    while start != -1:
        end = start + len(surface)
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        glued = (surface[0] in DIGITS and before != "" and before in DIGITS + ".-") or (
            surface[-1] in DIGITS and after != "" and after in DIGITS + "."
        )
        if not glued:
            count += 1
            if count == occurrence:
                return start, end
        start = text.find(surface, start + 1)
    raise LookupError(f"{surface!r} occurs {count} time(s), not {occurrence}")


def line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def span(text: str, start: int, end: int) -> Span:
    line, column = line_column(text, start)
    return Span(start=start, end=end, line=line, column=column)


def sentence_of(text: str, start: int, end: int) -> Span:
    """The sentence around [start, end): from after the previous 。；！？ or line break."""
    s = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    m = _SENTENCE_END.search(text, end)
    e = m.end() if m else len(text)
    return span(text, s, e)


def _value(entry: dict[str, object]) -> Value:
    surface = str(entry["surface"]).removeprefix("第")
    negative = str(entry["value"]).startswith("-") and not surface.startswith("-")
    return Value.parse(surface, negative=negative)


@functools.cache
def reading(text: str | None = None) -> Report:
    """The hand-read facts and skipped mentions of the report, located in ``text``."""
    text = REPORT.read_text(encoding="utf-8") if text is None else text
    data = tomllib.loads(EXPECTED.read_text(encoding="utf-8"))
    ids: dict[tuple[str, int], str] = {}
    facts: list[Fact] = []
    for i, entry in enumerate(data["fact"], 1):
        occurrence = int(entry.get("occurrence", 1))
        start, end = locate(text, entry["surface"], occurrence)
        fid = f"f{i}"
        ids[(entry["surface"], occurrence)] = fid
        ref = entry.get("refers_to")
        facts.append(
            Fact(
                id=fid,
                kind=FactKind(entry["kind"]),
                value=_value(entry),
                surface=entry["surface"],
                indicator=entry.get("indicator"),
                subject=entry.get("subject"),
                period=Period.parse(entry["period"]) if entry.get("period") else None,
                modality=Modality(entry.get("modality", "actual")),
                span=span(text, start, end),
                sentence=sentence_of(text, start, end),
                refers_to=None
                if ref is None
                else ids[(ref, int(entry.get("refers_to_occurrence", 1)))],
            )
        )
    skipped = []
    for entry in data["skipped"]:
        start, end = locate(text, entry["surface"], int(entry.get("occurrence", 1)))
        skipped.append(
            SkippedMention(
                span=span(text, start, end), surface=entry["surface"], reason=entry["reason"]
            )
        )
    return Report(
        source="examples/guanhaiwei/report.txt",
        text=text,
        facts=facts,
        skipped=sorted(skipped, key=lambda m: m.span.start),
        year=2023,
    )
