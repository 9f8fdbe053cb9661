"""A fact in the making: one quantity with what the extractor has read about it so far.

The extractor reads each quantity's kind, indicator, subject and segments first, then links
changes and rates to amounts and spreads 分别 lists; a [`Draft`][townkpi.extract.draft.Draft]
carries those readings between the steps. It becomes a [`Fact`][townkpi.model.Fact] at the end.
"""

from __future__ import annotations

import attrs

from townkpi.extract.mention import Mention
from townkpi.model import FactKind

__all__ = ["Draft"]


@attrs.frozen(slots=True, kw_only=True)
class Draft:
    """One quantity and what has been read about it.

    Attributes:
        mention: The quantity as scanned.
        kind: Its kind.
        negative: Whether the text states a decline (the value is negated).
        before: The text of its phrase before it, from the end of the previous number.
        indicator: The thing it measures, read from its own words, or None.
        subject: Who or what it is about, or None.
        qualifiers: Clause qualifiers read before it (累计, 新增 …).
        named: The indicator a plugin's phrase in its words names, or None.
        phrase: Its phrase as ``(start, end)``.
        part: Its part (up to ；) as ``(start, end)``.
        sentence: Its sentence as ``(start, end)``.
    """

    mention: Mention
    kind: FactKind
    negative: bool = False
    before: str = ""
    indicator: str | None = None
    subject: str | None = None
    qualifiers: tuple[str, ...] = ()
    named: str | None = None
    phrase: tuple[int, int] = (0, 0)
    part: tuple[int, int] = (0, 0)
    sentence: tuple[int, int] = (0, 0)

    @property
    def start(self) -> int:
        """Where the mention starts."""
        return self.mention.start

    @property
    def end(self) -> int:
        """Where the mention ends."""
        return self.mention.end
