"""Links between facts: the amount a change, share or rate qualifies, and 分别 lists.

**refers_to.** A change, share or rate that follows an amount in the same part of a sentence
(up to ；), with no other figure between them, qualifies that amount when its own words name no
other indicator: ``实现地区生产总值131.5亿元，同比增长5.4%`` (the change says only 同比增长),
``完成拆迁169户，完成率98.8%`` (完成率 is the rate of what was just done; the rates that link
are listed in the lexicon), ``实现数字经济产值56.15亿元，占全市数字经济产值的15.56%`` (a share
that starts with 占). ``城镇调查失业率4.1%`` after an amount names its own indicator: no link.

**分别.** ``A和B分别同比增长10.5%、25.3%`` spreads the values after 分别 over the names before it,
in order, when their numbers match: 10.5% is A's, 25.3% is B's. When a 分别 list of changes follows
a 分别 list of amounts of the same length in the same part, each change refers to its amount.

Example:
    >>> from townkpi.extract import extract
    >>> r = extract("限上社会消费品零售额和限上餐饮业营业收入分别同比增长10.5%、25.3%。")
    >>> for f in r.facts:
    ...     print(f.indicator, f.value.text)
    限上社会消费品零售额 10.5
    限上餐饮业营业收入 25.3
"""

from __future__ import annotations

import functools
import re
from typing import Final

import attrs

from townkpi.extract.draft import Drafts
from townkpi.extract.kinds import change_verb, strip_fillers
from townkpi.extract.lexicon import Ending, lexicon
from townkpi.model import FactKind

__all__ = ["Distribution", "distribute", "referents"]

_RESPELLED: Final = frozenset({FactKind.CHANGE, FactKind.SHARE, FactKind.RATE})
_SPLIT: Final = re.compile("以及|、|和|与|及")
_SPLIT_DUN: Final = re.compile("、")
_GLUE: Final = frozenset({"、", "和", "及", "与", "、和"})
_MIN_LIST: Final = 2
#: Characters a linkable rate may have before its rate noun (问题整改|销号率).
_MAX_RATE_HEAD: Final = 4
_NOISE: Final = re.compile(r"[“”‘’\"《》「」『』\s]")
_LEADING: Final = re.compile(r"^(?:其中|同时|此外|另外|力争|确保|争取|预计|全年|今年)+")
_TRAILING: Final = re.compile(r"(?:同比|环比|比上年|较上年|增速|增幅|增长率|规模|数量|总量|均)+$")


@attrs.frozen(slots=True, kw_only=True)
class Distribution:
    """What a 分别 list gives each of its values.

    Attributes:
        indicators: The indicator of each value, by draft index.
        referents: The amount each change of a second list refers to, by draft index.
    """

    indicators: dict[int, str]
    referents: dict[int, int]


@functools.cache
def _linkable_rate() -> Ending:
    return Ending.of(lexicon().words("rate", "linkable"))


def referents(drafts: Drafts, distributed: Distribution) -> list[int | None]:
    """The index of the amount each draft refers to (None for none), in draft order.

    Args:
        drafts: Every draft of the text, in text order.
        distributed: The 分别 readings; their values link only as the distribution says.
    """
    linkable = _linkable_rate()
    kinds, parts, indicators = drafts.kinds, drafts.parts, drafts.indicators
    listed, linked = distributed.indicators, distributed.referents
    amount = FactKind.AMOUNT
    out: list[int | None] = [None] * len(kinds)
    for i, kind in enumerate(kinds):
        if i in linked:
            out[i] = linked[i]
            continue
        if kind not in _RESPELLED or i in listed or i == 0:
            continue
        if parts[i - 1] != parts[i] or kinds[i - 1] is not amount:
            continue
        indicator = indicators[i]
        if kind is FactKind.CHANGE:
            ok = indicator is None
        elif indicator is None:
            ok = True
        else:
            words = strip_fillers(_NOISE.sub("", drafts.befores[i])).strip("、，,")
            if kind is FactKind.RATE:
                rate = linkable.length(words)
                # 调处成功率, 问题整改销号率: the rate of what was just done; not 不动产登记…化解率
                ok = rate > 0 and len(words) - rate <= _MAX_RATE_HEAD
            else:
                ok = words.startswith("占")
        if ok:
            out[i] = i - 1
    return out


def _lists(text: str, drafts: Drafts) -> list[list[int]]:
    """Runs of two or more values of one phrase written as a list: 10.5%、25.3%; 6%和7.4%."""
    runs: list[list[int]] = []
    run: list[int] = []
    starts, ends, phrases = drafts.starts, drafts.ends, drafts.phrases
    last_phrase = None
    last_end = 0
    for i, start in enumerate(starts):
        phrase = phrases[i]
        if run and last_phrase == phrase and text[last_end:start] in _GLUE:
            run.append(i)
        else:
            if len(run) >= _MIN_LIST:
                runs.append(run)
            run = [i]
        last_phrase, last_end = phrase, ends[i]
    if len(run) >= _MIN_LIST:
        runs.append(run)
    return runs


def distribute(text: str, drafts: Drafts) -> Distribution:
    """Read every list of values: which name before it each value belongs to.

    ``A和B分别同比增长10.5%、25.3%`` and ``国内游客人次、总花费增长5.6%、7.5%`` give each value the
    name in the same place; a list of changes with no names (``分别增长6.7%、39.6%``) after a list
    of as many amounts in the same part refers to them one by one.

    Args:
        text: The report text.
        drafts: Every draft, in text order.
    """
    indicators: dict[int, str] = {}
    refs: dict[int, int] = {}
    previous: tuple[tuple[int, int], list[int]] | None = None
    starts, ends, kinds, phrases = drafts.starts, drafts.ends, drafts.kinds, drafts.phrases
    for run in _lists(text, drafts):
        i = run[0]
        phrase = phrases[i]
        head_start = phrase[0]
        if i > 0 and phrases[i - 1] == phrase:
            head_start = ends[i - 1]
        head = text[head_start : starts[i]]
        names = _names(head, kinds[i], len(run))
        part = drafts.parts[i]
        if names:
            indicators.update(zip(run, names, strict=True))
        elif _bare(head, kinds[i], drafts.indicators[i]) and previous is not None:
            amounts = previous[1]
            if (
                previous[0] == part
                and len(amounts) == len(run)
                and all(kinds[a] is FactKind.AMOUNT for a in amounts)
                and all(kinds[v] in _RESPELLED for v in run)
            ):
                for v, a in zip(run, amounts, strict=True):
                    refs[v] = a
                    indicators[v] = indicators.get(a) or drafts.indicators[a] or ""
        previous = (part, run)
    return Distribution(indicators={k: v for k, v in indicators.items() if v}, referents=refs)


def _stripped(head: str, kind: FactKind) -> str:
    """The names before a list: the words before 分别, or before the change verb."""
    words = _NOISE.sub("", head)
    cut = words.rfind("分别")
    if cut >= 0:
        words = words[:cut]
    elif kind is FactKind.CHANGE:
        words = strip_fillers(words)
        verb = change_verb(words)
        if verb is None:
            return ""
        words = strip_fillers(words[: -len(verb)])
    else:
        return ""
    return _TRAILING.sub("", _LEADING.sub("", words))


def _bare(head: str, kind: FactKind, indicator: str | None) -> bool:
    """Whether a list has no names of its own (分别增长6.7%、39.6%)."""
    return indicator is None and not _stripped(head, kind)


def _names(head: str, kind: FactKind, count: int) -> list[str]:
    """``count`` names before a list, split at 、 (or also at 和/与/及); [] when they do not fit."""
    words = _stripped(head, kind)
    if not words:
        return []
    for split in (_SPLIT_DUN, _SPLIT):
        names = [n for n in (_LEADING.sub("", x) for x in split.split(words)) if n]
        if len(names) == count:
            return names
    return []
