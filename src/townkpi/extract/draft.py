"""A fact in the making: one quantity with what the extractor has read about it so far.

The extractor reads each quantity's kind, indicator, subject and segments first, then links
changes and rates to amounts and spreads 分别 lists; a [`Draft`][townkpi.extract.draft.Draft]
carries those readings between the steps. It becomes a [`Fact`][townkpi.model.Fact] at the end.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from townkpi.extract.mention import Mention
from townkpi.model import FactKind

__all__ = ["Draft", "new_draft"]


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


def _slot(name: str) -> Callable[[Draft, object], None]:
    setter: Callable[[Draft, object], None] = Draft.__dict__[name].__set__
    return setter


_MENTION, _KIND, _NEGATIVE, _BEFORE, _INDICATOR, _SUBJECT = (
    _slot(name) for name in ("mention", "kind", "negative", "before", "indicator", "subject")
)
_QUALIFIERS, _NAMED, _PHRASE, _PART, _SENTENCE = (
    _slot(name) for name in ("qualifiers", "named", "phrase", "part", "sentence")
)


def new_draft(
    *,
    mention: Mention,
    kind: FactKind,
    negative: bool,
    before: str,
    indicator: str | None,
    subject: str | None,
    qualifiers: tuple[str, ...],
    named: str | None,
    phrase: tuple[int, int],
    part: tuple[int, int],
    sentence: tuple[int, int],
) -> Draft:
    """A [`Draft`][townkpi.extract.draft.Draft] with every field given, equal to ``Draft(...)``.

    The extractor builds one per figure: setting the slots through their descriptors costs
    half of what the generated ``__init__`` does (a draft has no validators to skip).
    """
    draft = object.__new__(Draft)
    _MENTION(draft, mention)
    _KIND(draft, kind)
    _NEGATIVE(draft, negative)
    _BEFORE(draft, before)
    _INDICATOR(draft, indicator)
    _SUBJECT(draft, subject)
    _QUALIFIERS(draft, qualifiers)
    _NAMED(draft, named)
    _PHRASE(draft, phrase)
    _PART(draft, part)
    _SENTENCE(draft, sentence)
    return draft
