"""The scanner's machinery: its compiled patterns and the builder that records what it finds.

[`patterns`][townkpi.extract.scanner.patterns] compiles, once, every regular expression the
scanning passes use: the Arabic number expression (with the unit alternation of the registry,
longest first), the Chinese numeral runs, quotes, qualifiers and the lexicon's word lists.
A [`Builder`][townkpi.extract.scanner.Builder] holds one text while the passes read it and collects
their mentions and skips.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Final

import attrs

from townkpi.errors import NumberFormatError
from townkpi.extract.lexicon import alternation, lexicon
from townkpi.extract.mention import MentionHint, SkipItem
from townkpi.model import SkipReason
from townkpi.numbers import QUALIFIERS, Numeral, parse_numeral
from townkpi.units import known_units

__all__ = [
    "CN_DIGITS",
    "CN_NUMERAL_CHARS",
    "Builder",
    "Patterns",
    "Quotes",
    "base_symbol",
    "is_cjk",
    "line_start_before",
    "numeral",
    "ordinal",
    "patterns",
    "prefix_tree",
    "single",
    "unit_symbols",
]

#: Characters of Chinese numerals.
CN_NUMERAL_CHARS: Final = "零〇一二两三四五六七八九十百千万亿"
#: Chinese numeral characters that can begin a count.
CN_DIGITS: Final = "一二两三四五六七八九十"
#: A number: digits, perhaps with thousands separators (1,200), perhaps with decimals. It starts
#: with a plain character class, so that a search for it looks for that class first (fast).
_NUM: Final = (
    "[0-9０-９](?:[0-9０-９]{0,2}(?:,[0-9０-９]{3}(?![0-9０-９]))+|[0-9０-９]*)"
    "(?:[.．][0-9０-９]+)?"
)
_SEP: Final = "[-－—–~～至到]"
_SCALE: Final = "万亿|亿|万"
_SUFFIX: Final = "及以上|以上|左右|以内|以下|上下"
_SUFFIX_WORDS: Final = tuple(_SUFFIX.split("|"))
_SCALE_PREFIXES: Final = ("万亿", "千万", "百万", "万", "亿")
#: Longest number text that is read as a quantity; longer digit runs are codes.
MAX_NUMBER_LENGTH: Final = 24
_DIGIT_CHAR: Final = re.compile("[0-9０-９]")
#: Each skip reason by its plain string value (a dict lookup is cheaper than ``.value``).
_REASON_VALUES: Final = {reason: reason.value for reason in SkipReason}


@attrs.frozen(slots=True, kw_only=True)
class Patterns:
    """Every compiled pattern of the scanning passes (see the module docstring)."""

    arabic: re.Pattern[str]
    quantity: re.Pattern[str]
    decimal_ratio: re.Pattern[str]
    chinese_run: re.Pattern[str]
    lexical: re.Pattern[str]
    lexical_pairs: frozenset[str]
    quote: re.Pattern[str]
    unit_at: re.Pattern[str]
    prefix_qualifier: re.Pattern[str]
    prefix_last: frozenset[str]
    blocked: dict[str, frozenset[str]]
    blocked_next: frozenset[str]
    inner_lexical: tuple[tuple[int, re.Pattern[str]], ...]
    inner_before: frozenset[str]
    known: re.Pattern[str]
    place_words: frozenset[str]
    unit_first: frozenset[str]
    name_suffix: re.Pattern[str]
    rank_before: re.Pattern[str]
    ratio_before: re.Pattern[str]
    plus_label: re.Pattern[str]
    letters_after: re.Pattern[str]
    cn_list_label: re.Pattern[str]
    threshold_label: re.Pattern[str]
    letter_label: re.Pattern[str]
    last_punctuation: re.Pattern[str]


def prefix_tree(words: Iterable[str]) -> str:
    """A regular expression that matches the longest of ``words`` at a position, as a prefix tree.

    Equivalent to ``lexicon.alternation(words)`` (longest first) where nothing that can fail
    follows it, but the engine reads each character once instead of trying every word in turn:
    ``一(?:体(?:化)?|批)`` rather than ``一体化|一体|一批``.

    Example:
        >>> prefix_tree(["一体", "一体化", "一批", "二"])
        '(?:一(?:体(?:化)?|批)|二)'
    """
    return _tree(sorted(set(words)), 0) or "(?!)"


def _tree(words: list[str], depth: int) -> str:
    """The prefix tree of ``words``, which share their first ``depth`` characters."""
    ends = False
    children: dict[str, list[str]] = {}
    for word in words:
        if len(word) == depth:
            ends = True
        else:
            children.setdefault(word[depth], []).append(word)
    branches = [re.escape(ch) + _tree(rest, depth + 1) for ch, rest in children.items()]
    if not branches:
        return ""
    body = f"(?:{'|'.join(branches)})"
    return body + "?" if ends else body


def _unit_symbols(extra: tuple[str, ...]) -> list[str]:
    symbols: set[str] = {"％", *extra}
    for definition in known_units():
        symbols.update(definition.symbols)
    symbols.discard("日")  # 25日 is a day of the month, not a duration
    return sorted(symbols)


def unit_symbols(definitions: Iterable[str]) -> tuple[str, ...]:
    """The symbols of unit definition lines, as a plugin gives them (``townkpi_add_units``).

    Example:
        >>> unit_symbols(["year_of_age = [age] = 岁 = 周岁", "万- = 1e4"])
        ('岁', '周岁')
    """
    out: list[str] = []
    for line in definitions:
        parts = [p.strip() for p in line.split("#", 1)[0].split("=")]
        if len(parts) >= 3 and not parts[0].endswith("-"):  # noqa: PLR2004 - name = relation = …
            out.extend(p for p in parts[2:] if p and not p.startswith("@"))
    return tuple(dict.fromkeys(out))


def _quantity_reading(unit: str) -> str:
    """The quantity reading: groups n1, s1, m1, u1, sep, n2, s2, m2, u2 and suf, in order."""
    num, sep = _NUM, _SEP
    return (
        rf"(?P<n1>{num})(?P<s1>{_SCALE})?(?P<m1>余|多)?(?:[ \u3000]?(?P<u1>{unit}))?"
        rf"(?:(?P<sep>{sep})(?P<n2>{num})(?P<s2>{_SCALE})?(?P<m2>余|多)?(?P<u2>{unit})?)?"
        rf"(?P<suf>{_SUFFIX})?"
    )


def _arabic_pattern(unit: str) -> re.Pattern[str]:
    d, num, sep = "[0-9０-９]", _NUM, _SEP
    return re.compile(
        r"(?:"
        rf"(?P<dt>{d}{{4}}[-/.－]{d}{{1,2}}[-/.－]{d}{{1,2}}"
        rf"(?:[ \tT]*{d}{{1,2}}[:：]{d}{{2}}(?:[:：]{d}{{2}})?)?(?![0-9０-９]))"
        rf"|(?P<clock>{d}{{1,2}}[:：]{d}{{2}}(?:[:：]{d}{{2}})?(?![0-9０-９.．∶]))"
        rf"|(?P<yrange>{d}{{4}}年?{sep}{d}{{4}}年度?)"
        rf"|(?P<yearb>(?P<year>{d}{{4}})年度?(?P<ymd>{d}{{1,2}}月(?:{d}{{1,2}}[日号])?)?)"
        rf"|(?P<monthb>(?P<month>{d}{{1,2}})(?:{sep}{d}{{1,2}})?月份?"
        rf"(?P<mday>{d}{{1,2}}(?:{sep}{d}{{1,2}})?[日号])?)"
        rf"|(?P<day>{d}{{1,2}}[日号])"
        rf"|(?P<ratio>{num}(?:[∶:]{num})+)"
        rf"|(?P<frac>{num}[/／]{num})"
        rf"|(?P<qty>{_quantity_reading(unit)})"
        r")"
    )


@functools.cache
def patterns(units: tuple[str, ...] = ()) -> Patterns:
    """The scanner's patterns, compiled on first use from the lexicon and the unit registry.

    Args:
        units: Unit symbols beyond those of ``units.txt`` that the registry knows (a plugin's).
    """
    lex = lexicon()
    symbols = prefix_tree(_unit_symbols(units))
    # a unit, optionally per another (微克/立方米, 元/吨, 公斤/亩)
    unit = f"(?:万亿|千万|百万|万|亿)?(?:{symbols})(?:[/／](?:{symbols}))?"
    labels = set(lex.words("chinese", "labels"))
    lexical = [w for w in lex.words("chinese", "lexical") if w not in labels]
    leading = [w for w in lexical if w[0] in CN_NUMERAL_CHARS]
    inner: dict[int, set[str]] = {}
    for word in lexical:
        k = next((i for i, ch in enumerate(word) if ch in CN_NUMERAL_CHARS), 0)
        if k > 0:
            inner.setdefault(k, set()).add(word)
    blocked: dict[str, frozenset[str]] = {}
    for entry in lex.words("units", "blocked"):
        symbol, _, chars = entry.partition(":")
        blocked[symbol] = frozenset(chars)
    prefix_words = [w for w, q in QUALIFIERS.items() if q.prefix]
    stop = "，。、；：！？,;:!?\n"
    return Patterns(
        arabic=_arabic_pattern(unit),
        # the quantity reading alone: the same match where no other reading can begin (see
        # arabic.scan_arabic), without trying the date, year, month, ratio and fraction first
        quantity=re.compile(f"(?:{_quantity_reading(unit)})"),
        decimal_ratio=re.compile("[.．][0-9０-９]+[∶:/／]"),
        # ``[x][x]*``, not ``[x]+``: a pattern that starts with a character class is searched
        # for that class first (fast); one that starts with a repeat is tried at every position
        chinese_run=re.compile(f"[{CN_NUMERAL_CHARS}][{CN_NUMERAL_CHARS}]*"),
        lexical=re.compile(prefix_tree(leading)),
        # the first two characters of every such word (a word has two at least: a numeral
        # character alone is a number), a set lookup that spares most runs the match
        lexical_pairs=frozenset(w[:2] for w in leading if len(w) > 1),
        quote=re.compile(
            r"“(?P<q1>[^“”\n]{1,24})”|‘(?P<q2>[^‘’\n]{1,24})’|「(?P<q3>[^「」\n]{1,24})」"
            r"|\"(?P<q4>[^\"\n]{1,24})\"|《(?P<title>[^《》\n]{1,60})》"
        ),
        unit_at=re.compile(rf"(?P<m>余|多)?(?P<u>{unit})(?P<suf>{_SUFFIX})?"),
        # ``\Z``, not ``$``: ``$`` also matches before a final line break, which read 面积约\n230亩
        # as 约230亩, a qualifier from across the line break and a mention starting at the break
        prefix_qualifier=re.compile(rf"(?:{alternation(prefix_words)})\Z"),
        prefix_last=frozenset(w[-1] for w in prefix_words),
        blocked=blocked,
        blocked_next=frozenset().union(*blocked.values()),
        inner_lexical=tuple((k, re.compile(prefix_tree(ws))) for k, ws in sorted(inner.items())),
        inner_before=frozenset(w[k - 1] for k, ws in inner.items() for w in ws),
        known=re.compile(prefix_tree((*labels, *lex.words("chinese", "places")))),
        place_words=frozenset(lex.words("chinese", "places")),
        unit_first=frozenset(
            [s[0] for s in _unit_symbols(units)]
            + ["余", "多", "万", "亿", "千", "百", " ", "\u3000"]
        ),
        name_suffix=re.compile(
            rf"[^{CN_NUMERAL_CHARS}，。、；：！？\n“”（）]{{0,2}}?"
            rf"(?:{alternation(lex.words('chinese', 'name_suffixes'))})"
        ),
        rank_before=re.compile(alternation(lex.words("rank", "markers"))),
        ratio_before=re.compile(alternation(lex.words("ratio", "markers"))),
        plus_label=re.compile(r"[0-9０-９A-Za-z]+(?:[+＋][0-9０-９A-Za-z]+)+"),
        letters_after=re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]+级?"),
        cn_list_label=re.compile(rf"(?:、[{CN_DIGITS}]+)+[类级等档批星]"),
        threshold_label=re.compile(r"元(?:以上)?(?:企业|项目|级|县|城市|产业|园区|村|大项目)"),
        # the letter first, then "no letter or digit before it" (a lookbehind over the letter
        # and the character before it): a pattern that starts with a lookbehind is tried at
        # every position of the text, one that starts with [A-Z] only at capital letters
        letter_label=re.compile(
            r"[A-Z](?<![A-Za-z0-9０-９].)(?![A-Za-z0-9０-９])"
            r"(?:地块|区块|地|区|栋|幢|座|号楼|楼|类|级|股)"
        ),
        last_punctuation=re.compile(rf"[{stop}][^{stop}]*$"),
    )


# ---------------------------------------------------------------------------- small helpers


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` is a CJK unified ideograph."""
    return "\u4e00" <= ch <= "\u9fff"


def line_start_before(text: str, offset: int) -> bool:
    """Whether only blanks stand between the start of the line and ``offset``."""
    i = offset - 1
    while i >= 0 and text[i] in " \t\u3000":
        i -= 1
    return i < 0 or text[i] == "\n"


@functools.lru_cache(maxsize=1024)
def base_symbol(unit: str) -> str:
    """A unit without its 万/亿 scale prefix: 万平方米 → 平方米."""
    for prefix in _SCALE_PREFIXES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return unit[len(prefix) :]
    return unit


@functools.lru_cache(maxsize=4096)
def numeral(text: str) -> Numeral | None:
    """The numeral of ``text``, or None when it is not a number townkpi reads (or too long)."""
    if len(text) > MAX_NUMBER_LENGTH:
        return None
    try:
        return parse_numeral(text)
    except NumberFormatError:
        return None


@functools.lru_cache(maxsize=4096)
def single(text: str) -> tuple[Numeral] | None:
    """The numerals of a quantity written as one number: ``(numeral(text),)``, or None.

    One tuple for every mention of 5%, not one per mention: the garbage collector tracks a
    tuple that holds a numeral for as long as it lives.
    """
    n = numeral(text)
    return None if n is None else (n,)


@attrs.frozen(slots=True, kw_only=True)
class Quotes:
    """Short quoted labels and titles: the spans of their contents, for a binary search.

    Attributes:
        starts: Where each content starts.
        ends: Where each content ends.
        titles: Whether each is a title in 《》 (a name) rather than a quote (a label).
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    titles: tuple[bool, ...]

    @classmethod
    def find(cls, text: str, pattern: re.Pattern[str]) -> Quotes:
        """Every short quote and title of ``text``."""
        # every quote is one opening mark, its content and one closing mark
        spans = [m.span() for m in pattern.finditer(text)]
        return cls(
            starts=tuple([start + 1 for start, _ in spans]),
            ends=tuple([end - 1 for _, end in spans]),
            titles=tuple([text[start] == "《" for start, _ in spans]),
        )


class Builder:
    """One text being scanned, and the mentions and skips found in it so far.

    The quantities found are kept as parallel lists, in the order found (item ``i`` of each is
    quantity ``i``; see [`Scan`][townkpi.extract.mention.Scan]).

    Attributes:
        text: The text.
        p: The compiled patterns.
        starts: Where each quantity found starts.
        ends: Where each ends.
        numerals: The numerals of each.
        units: The unit of each, or None.
        qualifiers: The attached qualifiers of each.
        hints: The [`MentionHint`][townkpi.extract.mention.MentionHint] of each, or None.
        skips: The skipped numbers found, as ``(start, end, surface, reason value)`` tuples.
        quotes: The short quotes and titles of the text.
    """

    def __init__(self, text: str, compiled: Patterns) -> None:
        self.text = text
        self.p = compiled
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.numerals: list[tuple[Numeral, ...]] = []
        self.units: list[str | None] = []
        self.qualifiers: list[tuple[str, ...]] = []
        self.hints: list[str | None] = []
        self.skips: list[SkipItem] = []
        self.quotes = Quotes.find(text, compiled.quote)
        # how far the mentions and skips read by ``reached`` reach
        self._reach = 0
        self._mentions_seen = 0
        self._skips_seen = 0

    def skip(self, start: int, end: int, reason: SkipReason) -> int:
        """Record a skipped number at ``start``..``end``; return ``end``."""
        self.skips.append((start, end, self.text[start:end], _REASON_VALUES[reason]))
        return end

    def mention(
        self,
        start: int,
        end: int,
        *,
        numerals: tuple[Numeral, ...],
        unit: str | None = None,
        qualifiers: tuple[str, ...] = (),
        hint: str | None = None,
    ) -> int:
        """Record a quantity at ``start``..``end``; return ``end``."""
        self.starts.append(start)
        self.ends.append(end)
        self.numerals.append(numerals)
        self.units.append(unit)
        self.qualifiers.append(qualifiers)
        self.hints.append(hint)
        return end

    def reached(self) -> int:
        """The furthest end of anything recorded so far.

        Read rarely (a label such as 1+N), so it is worked out here, over what was recorded since
        the last call, rather than kept up to date by every record.
        """
        reach = self._reach
        for end in self.ends[self._mentions_seen :]:
            reach = max(reach, end)
        for y in self.skips[self._skips_seen :]:
            reach = max(reach, y[1])
        self._reach = reach
        self._mentions_seen, self._skips_seen = len(self.ends), len(self.skips)
        return reach

    def inner_lexical(self, offset: int) -> bool:
        """Whether a numeral at ``offset`` is inside a word such as 统一 or 进一步."""
        text = self.text
        if not offset or text[offset - 1] not in self.p.inner_before:
            return False  # the common case: no such word has this character before its numeral
        for k, words in self.p.inner_lexical:  # the words whose k-th character is a numeral
            if offset >= k and words.match(text, offset - k) is not None:
                return True
        return False

    def blocked(self, unit: str, end: int) -> bool:
        """Whether the unit that ends at ``end`` begins a word instead (3方面, 8部门)."""
        after = self.text[end : end + 1]
        if after not in self.p.blocked_next:
            return False  # the common case: no blocked unit is followed by this character
        chars = self.p.blocked.get(base_symbol(unit))
        if chars is None or after not in chars:
            return False
        return not self.text.startswith(_SUFFIX_WORDS, end)  # 3所以上: a unit after all

    def prefix_qualifier(self, offset: int) -> str | None:
        """The qualifier word written right before ``offset`` (约, 超过, 不少于 …), if any."""
        if not offset or self.text[offset - 1] not in self.p.prefix_last:
            return None  # the common case: no qualifier word ends here
        m = self.p.prefix_qualifier.search(self.text, max(0, offset - 3), offset)
        return None if m is None else m.group()

    def record_quote(self, index: int, around: tuple[int, int], *, numeral: bool = True) -> int:
        """Record the numeral item of quote ``index`` as one label (once); return its end.

        The item runs over the 、-separated parts of the quote that hold a numeral
        (“一中心、四平台” whole, “一次检查、全面体检…” only 一次检查); it always covers ``around``.
        ``numeral`` says that ``around`` starts with a digit or a Chinese numeral that is a number
        (its part holds a numeral, which spares the search when the quote is one part).
        """
        start, end = self.quotes.starts[index], self.quotes.ends[index]
        if numeral and self.text.find("、", start, end) < 0:
            pass  # the common case: the quote is one item, which holds the number
        else:
            start, end = self._quote_item(index, numeral=numeral) or around
        # conditionals, not min() and max() calls (this runs for every number in a quote)
        if around[0] < start:  # noqa: PLR1730
            start = around[0]
        if around[1] > end:  # noqa: PLR1730
            end = around[1]
        for s in self.skips[-3:]:
            if s[0] == start and s[1] == end:
                return end  # recorded already, for an earlier number of the item
        reason = SkipReason.NAME if self.quotes.titles[index] else SkipReason.LABEL
        return self.skip(start, end, reason)

    def _quote_item(self, index: int, *, numeral: bool) -> tuple[int, int] | None:
        start, end = self.quotes.starts[index], self.quotes.ends[index]
        text = self.text
        if text.find("、", start, end) < 0:  # the common case: the quote is one item
            return (start, end) if numeral or self._has_numeral(start, end) else None
        first: int | None = None
        last = start
        offset = start
        for item in text[start:end].split("、"):
            if self._has_numeral(offset, offset + len(item)):
                first = offset if first is None else first
                last = offset + len(item)
            offset += len(item) + 1
        return None if first is None else (first, last)

    def _has_numeral(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` (between quote marks or 、) holds a digit or a numeral."""
        text = self.text
        if _DIGIT_CHAR.search(text, start, end) is not None:
            return True
        for m in self.p.chinese_run.finditer(text, start, end):
            if self.numeral_at(m.start()):
                return True
        return False

    def numeral_at(self, offset: int) -> bool:
        """Whether the Chinese numeral character at ``offset`` is a number, not part of a word."""
        return self.p.lexical.match(self.text, offset) is None and not self.inner_lexical(offset)


_CLASSIFIERS_AFTER_ORDINAL: Final = frozenset("届批轮次期章条款部号个代节卷版类家所")
_RANK_WINDOW: Final = 8


def ordinal(b: Builder, di: int, start: int, end: int) -> int:
    """Read 第 (at ``di``) and the number at ``start``..``end``: a rank, a period or an ordinal.

    第1名, 第一名 and 位列第一 are ranks (quantities); 第二季度 is a period; 第八届, 第三批 and
    the rest are ordinals. Returns where the recorded mention or skip ends.
    """
    text = b.text
    after = text[end : end + 2]
    if after.startswith("季"):
        return b.skip(di, end + (2 if after.startswith("季度") else 1), SkipReason.PERIOD)
    first = after[:1]
    rank_unit = first in {"名", "位"}
    classifier = first in _CLASSIFIERS_AFTER_ORDINAL
    ranked = rank_unit or (
        not classifier and b.p.rank_before.search(text, max(0, di - _RANK_WINDOW), di) is not None
    )
    n = numeral(text[start:end]) if ranked else None
    if n is not None:
        stop = end + 1 if rank_unit else end
        return b.mention(di, stop, numerals=(n,), hint=MentionHint.RANK)
    return b.skip(di, end + 1 if classifier else end, SkipReason.ORDINAL)
