"""What a quantity measures: an amount, a change, a share, a rate, a ratio or a rank.

The kind is read from the unit and from the words just before the number, inside its phrase
(after the previous number, if any):

- a change verb or noun right before it (after fillers such as 同比, 分别, 年均): 同比增长5.4%,
  下降8.7% (negative), 增速4.5%, 降幅3% (negative); a unit that is itself a difference
  (提高2个百分点); but 增至/提高到 state a new level, which is an amount;
- 占 … or 占比/比重 before a percentage: a share (占全市数字经济产值的15.56%);
- any other percentage: a rate (完成率98.8%, 参保达到99.5%, 完成总工程量的30%);
- a number the scanner marked: a rank (第1名) or a ratio (收入倍差1.56, 2.9∶1); 是…的2倍: a ratio;
- everything else: an amount (131.5亿元, 169户).

Example:
    >>> from townkpi.extract.mentions import scan
    >>> m = scan("同比下降8.7%").mentions[0]
    >>> classify("同比下降", m.unit, m.hint)
    (<FactKind.CHANGE: 'change'>, True)
"""

from __future__ import annotations

import functools
import re
from typing import Final

import attrs

from townkpi.extract.lexicon import Ending, alternation, lexicon
from townkpi.extract.mention import MentionHint
from townkpi.model import FactKind

__all__ = ["change_verb", "classify", "strip_change", "strip_fillers"]

_HINTED: Final = {MentionHint.RANK: FactKind.RANK, MentionHint.RATIO: FactKind.RATIO}
_PERCENT: Final = frozenset({"%", "％", "‰"})


@attrs.frozen(slots=True, kw_only=True)
class _Rules:
    tail_fillers: Ending
    change_end: Ending
    down: frozenset[str]
    share_end: re.Pattern[str]
    relative_units: frozenset[str]
    difference_units: frozenset[str]
    comparison: re.Pattern[str]
    down_anywhere: re.Pattern[str]


@functools.cache
def _rules() -> _Rules:
    lex = lexicon()
    up = lex.words("change", "up") + lex.words("change", "nouns_up")
    down = lex.words("change", "down") + lex.words("change", "nouns_down")
    return _Rules(
        tail_fillers=Ending.of((*lex.words("change", "fillers"), " ", "\u3000"), repeated=True),
        change_end=Ending.of(up + down),
        down=frozenset(down),
        share_end=re.compile(rf"(?:{alternation(lex.words('share', 'markers'))})"),
        relative_units=frozenset(lex.words("change", "relative_units")),
        difference_units=frozenset(lex.words("change", "difference_units")),
        comparison=re.compile(r"同比|环比|比上年|较上年|比去年|较去年|比年初|较年初"),
        down_anywhere=re.compile(rf"(?:{alternation(lex.words('change', 'down'))}|低于|少于|回落)"),
    )


def strip_fillers(before: str) -> str:
    """``before`` without the filler words at its end (同比, 分别, 了 …)."""
    return _rules().tail_fillers.strip(before)


def change_verb(before: str) -> str | None:
    """The change verb or noun that ends ``before`` once fillers are stripped, if any."""
    r = _rules()
    return r.change_end.find(r.tail_fillers.strip(before))


def strip_change(before: str) -> str:
    """``before`` without its fillers and, if it then ends with one, its change verb or noun.

    Equal to stripping the fillers and, when [`change_verb`][townkpi.extract.kinds.change_verb]
    finds one, cutting it off and stripping the fillers once more (同比增长 → nothing).
    """
    r = _rules()
    fillers = r.tail_fillers
    stripped = fillers.strip(before)
    verb = r.change_end.find(stripped)
    return stripped if verb is None else fillers.strip(stripped[: -len(verb)])


def classify(before: str, unit: str | None, hint: str | None) -> tuple[FactKind, bool]:
    """The kind of a quantity and whether it is a decline.

    Args:
        before: The text of its phrase before it, from the end of the previous number (the
            mention's own qualifiers excluded).
        unit: The quantity's unit, or None.
        hint: Its [`MentionHint`][townkpi.extract.mention.MentionHint], or None.

    Returns:
        The kind, and True when the text states a decline (下降, 减少 …) so the value is negative.
    """
    r = _rules()
    if hint is not None:
        return _HINTED[hint], False
    unit = unit or ""
    if unit in r.difference_units:
        verb = r.change_end.find(r.tail_fillers.strip(before)) if before else None
        negative = verb in r.down if verb else r.down_anywhere.search(before) is not None
        return FactKind.CHANGE, negative
    # The change verb is read only where it can make a change: most amounts have no comparison.
    if before and (unit in r.relative_units or r.comparison.search(before) is not None):
        verb = r.change_end.find(r.tail_fillers.strip(before))
        if verb is not None:
            return FactKind.CHANGE, verb in r.down
    if unit in _PERCENT:
        shared = r.share_end.search(before) is not None
        return (FactKind.SHARE if shared else FactKind.RATE), False
    return (FactKind.RATIO if unit == "倍" else FactKind.AMOUNT), False
