"""The Chinese pass: numerals written in characters, and letters that label things.

Every run of Chinese numeral characters that no Arabic reading covers is read by the first rule
that fits, in this order (the rules that need a certain next character are tried only then):

| rule | examples | becomes |
| --- | --- | --- |
| in a short quote | “三改一拆”, “一中心、四平台” | label (in 《》: name) |
| after 第 | 第一名 / 第二季度 / 第八届 | rank / period / ordinal |
| section number | 一、 at a line start, （一）, 一是 | ordinal |
| list of classes | 一、二、三类 | label |
| five-year plan | 十四五 | label |
| quarter | 一季度, 前三季度 | period |
| session | 二十届, 四中全会, 三次会议 | ordinal |
| phase | 一期, 二期 | ordinal |
| years | 三年行动 / 二〇二三年 | duration / year |
| grade | 五星级, 两级, 二十大 | label |
| known label | 八项规定, 两个确立 | label |
| known place | 三明, 十堰, 四川 | name |
| quantity | 十七家, 两个, 三批次, 超千亿元 | quantity |
| word | 千方百计, 万家 (百千万亿 first) | nothing |
| name | 五里村, 七塘公路, 三海线 | name |
| anything else | 三产, 零直排 | label |

Words whose numeral character is not a number (一般, 零售, 一体化, 进一步 …, from the lexicon) are
passed over. Single capital letters that label a plot or block (A地块, B区块) are labels too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from townkpi.extract.scanner import (
    CN_DIGITS,
    CN_NUMERAL_CHARS,
    Builder,
    is_cjk,
    line_start_before,
    numeral,
    ordinal,
)
from townkpi.model import SkipReason
from townkpi.numbers import Numeral

__all__ = ["scan_chinese", "scan_letters"]

_FIVE_YEAR_PLAN: Final = re.compile(f"十[{CN_DIGITS}]五")
_SCALES: Final = (("万亿", 12), ("亿", 8), ("万", 4))
_QUALIFIED_START: Final = frozenset("超逾近约过上")
_HEADING_BEFORE: Final = frozenset("，。；：\n")
_SESSION_AFTER: Final = ("会议", "全会", "全体", "党代")

Rule = Callable[[Builder, str, int, int], int | None]


def _heading(b: Builder, _run: str, a: int, e: int) -> int | None:
    text = b.text
    prev, after = (text[a - 1] if a else ""), text[e : e + 1]
    if after == "、" and line_start_before(text, a):
        return b.skip(a, e + 1, SkipReason.ORDINAL)
    if prev in {"（", "("} and after in {"）", ")"}:
        return b.skip(a - 1, e + 1, SkipReason.ORDINAL)
    if after == "是" and (prev in _HEADING_BEFORE or line_start_before(text, a)):
        return b.skip(a, e + 1, SkipReason.ORDINAL)
    return None


def _class_list(b: Builder, _run: str, a: int, e: int) -> int | None:
    listed = b.p.cn_list_label.match(b.text, e)
    return None if listed is None else b.skip(a, listed.end(), SkipReason.LABEL)


def _five_year_plan(b: Builder, run: str, a: int, e: int) -> int | None:
    if len(run) != len("十四五") or not _FIVE_YEAR_PLAN.fullmatch(run):
        return None
    return b.skip(a, e, SkipReason.LABEL)


def _quarter(b: Builder, _run: str, a: int, e: int) -> int | None:
    text = b.text
    if not text.startswith("季", e):
        return None
    start = a - 1 if a and text[a - 1] == "前" else a
    return b.skip(start, e + (2 if text.startswith("季度", e) else 1), SkipReason.PERIOD)


def _known_word(b: Builder, _run: str, a: int, _e: int) -> int | None:
    """八项规定, 两个确立 (labels) and 三明, 十堰 (places) of the lexicon."""
    word = b.p.known.match(b.text, a)
    if word is None:
        return None
    reason = SkipReason.NAME if word.group() in b.p.place_words else SkipReason.LABEL
    return b.skip(a, word.end(), reason)


def _session(b: Builder, _run: str, a: int, e: int) -> int | None:
    text = b.text
    if text.startswith("中全会", e):
        return b.skip(a, e + 3, SkipReason.ORDINAL)
    if text.startswith("届", e) or (
        text.startswith("次", e) and text.startswith(_SESSION_AFTER, e + 1)
    ):
        return b.skip(a, e + 1, SkipReason.ORDINAL)
    return None


def _phase(b: Builder, _run: str, a: int, e: int) -> int | None:
    return b.skip(a, e + 1, SkipReason.ORDINAL) if b.text.startswith("期", e) else None


def _years(b: Builder, run: str, a: int, e: int) -> int | None:
    if not b.text.startswith("年", e):
        return None
    n = numeral(run) if "〇" in run else None
    year = n is not None and 1900 <= n.digits <= 2100  # noqa: PLR2004 - 二〇二三年
    return b.skip(a, e + 1, SkipReason.YEAR if year else SkipReason.DURATION)


def _grade(b: Builder, _run: str, a: int, e: int) -> int | None:
    text = b.text
    if text.startswith("星级", e):
        return b.skip(a, e + 2, SkipReason.LABEL)
    if text.startswith(("级", "大"), e):
        return b.skip(a, e + 1, SkipReason.LABEL)
    return None


def _chinese_numeral(run: str) -> Numeral | None:
    """The numeral of a run; a trailing 万/亿 becomes its scale (千亿 → 1000, scale 8)."""
    for suffix, scale in _SCALES:
        if run.endswith(suffix) and len(run) > len(suffix):
            head = run[: -len(suffix)]
            n = numeral("一" + head if head[0] in "百千" else head)
            if n is None:
                return None
            return Numeral(text=run, digits=n.digits, scale=scale, chinese=True)
    return numeral("一" + run if run[0] in "百千万亿" else run)


def _quantity(b: Builder, run: str, a: int, e: int) -> int | None:
    """十七家, 两个, 超千亿元: a quantity when a unit follows."""
    text = b.text
    if run[0] in "百千万亿" and not (a and text[a - 1] in _QUALIFIED_START):
        return None
    if text[e : e + 1] not in b.p.unit_first:
        return None
    um = b.p.unit_at.match(text, e)
    if um is None or b.blocked(um.group("u"), um.end("u")):
        return None
    n = _chinese_numeral(run)
    if n is None:
        return None
    qualifiers: list[str] = []
    start = a
    prefix = b.prefix_qualifier(a)
    if prefix is not None:
        qualifiers.append(prefix)
        start -= len(prefix)
    qualifiers += [w for w in (um.group("m"), um.group("suf")) if w]
    return b.mention(start, um.end(), numerals=(n,), unit=um.group("u"),
                     qualifiers=tuple(qualifiers))  # fmt: skip


def _word(b: Builder, run: str, a: int, e: int) -> int | None:
    """千方百计, 万家: a run that starts with 百千万亿 is a word, except 亿元企业 (a label)."""
    if run[0] not in "百千万亿":
        return None
    threshold = b.p.threshold_label.match(b.text, e)
    if threshold is not None:
        return b.skip(a, threshold.end(), SkipReason.LABEL)
    return e


def _name(b: Builder, run: str, a: int, e: int) -> int | None:
    suffix = b.p.name_suffix.match(b.text, e)
    if suffix is None or run[0] == "零":
        return None
    return b.skip(a, suffix.end(), SkipReason.NAME)


def _label(b: Builder, _run: str, a: int, e: int) -> int | None:
    text = b.text
    stop = e + 1 if e < len(text) and is_cjk(text[e]) and text[e] not in CN_NUMERAL_CHARS else e
    return b.skip(a, stop, SkipReason.LABEL)


#: Rules that apply only when the run is followed by a certain character (tried next).
_BY_NEXT: Final[dict[str, tuple[Rule, ...]]] = {
    "、": (_heading, _class_list),
    "是": (_heading,),
    "）": (_heading,),
    ")": (_heading,),
    "季": (_quarter,),
    "中": (_session,),
    "届": (_session,),
    "次": (_session,),
    "期": (_phase,),
    "年": (_years,),
    "星": (_grade,),
    "级": (_grade,),
    "大": (_grade,),
}
#: Rules tried last, in order; the final one always applies.
_LAST: Final[tuple[Rule, ...]] = (
    _five_year_plan,
    _known_word,
    _quantity,
    _word,
    _name,
    _label,
)
_LAST_NO_UNIT: Final = tuple(rule for rule in _LAST if rule is not _quantity)
#: The whole chain of rules for a run followed by a certain character, in one lookup: the rules
#: of ``_BY_NEXT``, then ``_LAST`` (without ``_quantity`` in ``_NO_UNIT``, for a character that
#: cannot begin a unit).
_CHAINS: Final = {ch: (*rules, *_LAST) for ch, rules in _BY_NEXT.items()}
_CHAINS_NO_UNIT: Final = {ch: (*rules, *_LAST_NO_UNIT) for ch, rules in _BY_NEXT.items()}


def scan_chinese(b: Builder) -> None:
    """Read every Chinese numeral run of ``b.text`` that the Arabic pass left alone."""
    text = b.text
    # What the Arabic pass recorded, by start; a run that overlaps one of them is passed over.
    covered = sorted([*zip(b.starts, b.ends, strict=True), *[(x[0], x[1]) for x in b.skips]])
    ci, n_covered = 0, len(covered)
    # Runs are read in text order and the quotes are disjoint: the quote that may hold a run is
    # the first one not yet passed (a pointer, not a search per run).
    starts, ends = b.quotes.starts, b.quotes.ends
    q, quotes = 0, len(starts)
    last_end = 0
    lexical, lexical_pairs = b.p.lexical.match, b.p.lexical_pairs
    inner_before = b.p.inner_before
    for m in b.p.chinese_run.finditer(text):
        a, e = m.span()
        # 一般, 一体化: a word, not a number; the run may go on after it (the set lookup of the
        # first two characters spares the match for most runs)
        while a < e and text[a : a + 2] in lexical_pairs and (word := lexical(text, a)):
            a = word.end()
        a = last_end if a < last_end else a  # noqa: FURB136 - max() is a call per run
        if a >= e:
            continue
        while ci < n_covered and covered[ci][1] <= a:
            ci += 1
        if ci < n_covered and covered[ci][0] < e:
            continue
        if a and text[a - 1] in inner_before and b.inner_lexical(a):
            continue  # 统一, 进一步 (the set lookup spares the call for most runs)
        while q < quotes and ends[q] <= a:
            q += 1
        if q < quotes and starts[q] <= a:  # the first rule: in a short quote
            last_end = b.record_quote(q, (a, e), numeral=a == m.start())
        elif a and text[a - 1] == "第":  # the second: after 第
            last_end = ordinal(b, a - 1, a, e)
        else:
            last_end = _read(b, text[a:e], a, e)


def _read(b: Builder, run: str, a: int, e: int) -> int:
    """Read ``run`` at ``a``..``e`` by the first rule that fits after 第; return its end."""
    # the rules that may fit, by the character after the run (one dict lookup)
    after = b.text[e : e + 1]
    if after in b.p.unit_first:
        rules = _CHAINS.get(after, _LAST)
    else:
        rules = _CHAINS_NO_UNIT.get(after, _LAST_NO_UNIT)
    for rule in rules:
        stop = rule(b, run, a, e)
        if stop is not None:
            return stop
    return e  # pragma: no cover - _label always applies


def scan_letters(b: Builder) -> None:
    """Single capital letters that label a thing: A地块, B区块."""
    for m in b.p.letter_label.finditer(b.text):
        b.skip(m.start(), m.end(), SkipReason.LABEL)
