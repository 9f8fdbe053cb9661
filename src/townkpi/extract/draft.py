"""Facts in the making: what the extractor has read so far about the quantities of one text.

The extractor reads each quantity's kind, indicator, subject and segments first, then links
changes and rates to amounts and spreads 分别 lists; [`Drafts`][townkpi.extract.draft.Drafts]
carries those readings between the steps. They become [`Fact`][townkpi.model.Fact]s at the end.
"""

from __future__ import annotations

import attrs

from townkpi.model import FactKind

__all__ = ["Drafts"]


@attrs.frozen(slots=True, kw_only=True, eq=False)
class Drafts:
    """Every quantity of a text and what has been read about each, in text order.

    What is read about quantity ``i`` is item ``i`` of each list: one object per text instead
    of one per figure (a report has thousands, each read once and then made a fact). The lists
    are filled once and not copied: drafts compare by identity, and their lists must not be
    changed.

    Attributes:
        starts: Where each quantity starts.
        ends: Where each ends.
        kinds: The kind of each.
        negatives: Whether the text states a decline (the value is negated).
        befores: The text of its phrase before each, from the end of the previous number.
        indicators: The thing each measures, read from its own words, or None.
        subjects: Who or what each is about, or None.
        qualifiers: Clause qualifiers read before each (累计, 新增 …).
        named: The indicator a plugin's phrase in its words names, or None.
        phrases: The phrase of each as ``(start, end)``.
        parts: The part (up to ；) of each as ``(start, end)``.
        sentences: The sentence of each as ``(start, end)``.
    """

    starts: list[int]
    ends: list[int]
    kinds: list[FactKind]
    negatives: list[bool]
    befores: list[str]
    indicators: list[str | None]
    subjects: list[str | None]
    qualifiers: list[tuple[str, ...]]
    named: list[str | None]
    phrases: list[tuple[int, int]]
    parts: list[tuple[int, int]]
    sentences: list[tuple[int, int]]

    def __len__(self) -> int:
        """The number of quantities."""
        return len(self.starts)
