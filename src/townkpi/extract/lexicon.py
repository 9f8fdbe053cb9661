"""The word lists the extractor reads reports with, loaded once from ``lexicon.toml``.

The lists are data: which verbs state a change (增长, 下降), which words make a percentage a share
(占, 比重) or a linkable rate (完成率, 办结率), which words open the plan section (工作思路), and so
on. [`lexicon`][townkpi.extract.lexicon.lexicon] reads the file on first use and caches it;
[`alternation`][townkpi.extract.lexicon.alternation] turns a list into a regular expression
alternation, longest word first, so that ``同比增长`` wins over ``增长``.

Example:
    >>> "完成率" in lexicon().words("rate", "linkable")
    True
    >>> alternation(["增", "增长"])
    '增长|增'
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Final

import attrs

__all__ = ["Ending", "Lexicon", "alternation", "grouped_alternation", "lexicon"]


def _freeze(data: Mapping[str, object]) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    out: dict[str, Mapping[str, tuple[str, ...]]] = {}
    for section, entries in data.items():
        if not isinstance(entries, Mapping):
            raise TypeError(f"lexicon section {section!r} is not a table")
        table: dict[str, tuple[str, ...]] = {}
        for key, words in entries.items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise TypeError(f"lexicon entry {section}.{key} is not a list of words")
            table[str(key)] = tuple(dict.fromkeys(words))
        out[str(section)] = MappingProxyType(table)
    return MappingProxyType(out)


@attrs.frozen(slots=True, kw_only=True)
class Lexicon:
    """Word lists by section and name (``lexicon().words("change", "up")``).

    Attributes:
        tables: The lists, by section, then by name.
    """

    tables: Mapping[str, Mapping[str, tuple[str, ...]]] = attrs.field(converter=_freeze)

    def words(self, section: str, name: str) -> tuple[str, ...]:
        """The words of one list, in file order.

        Raises:
            KeyError: No such list.
        """
        return self.tables[section][name]


@functools.cache
def lexicon() -> Lexicon:
    """The extractor's lexicon, read from the package data file ``lexicon.toml`` once."""
    text = resources.files("townkpi.extract").joinpath("lexicon.toml").read_text("utf-8")
    return Lexicon(tables=tomllib.loads(text))


def alternation(words: Iterable[str]) -> str:
    """A regular expression alternation of ``words``, escaped, longest first."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in unique)


def grouped_alternation(words: Iterable[str]) -> str:
    """An alternation that matches what [`alternation`][townkpi.extract.lexicon.alternation] does.

    The words are grouped by their first character (``上(?:半年|年度|年)|全年``): where a word
    may start, the engine tries one group instead of every word, and still takes the longest
    word that matches (the only words that can match at one place share their first character).

    Example:
        >>> grouped_alternation(["上年", "上半年", "全年"])
        '上(?:半年|年)|全(?:年)'
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[:1], []).append(word[1:])
    empty = groups.pop("", None)  # the empty word matches last, as in the flat alternation
    parts = [f"{re.escape(first)}(?:{alternation(rests)})" for first, rests in groups.items()]
    return "|".join(parts if empty is None else [*parts, ""])


_MAX_MEMO: Final = 65536


@attrs.frozen(slots=True)
class Ending:
    """Words that may end a text, matched by reading the text backwards.

    A pattern anchored at the end (``(?:增长|下降)$``) makes the regular expression engine try
    every position of the text; matching the reversed words at the start of the reversed text
    tries one. ``repeated`` matches a run of such words (同比|分别|了).

    Example:
        >>> fillers = Ending.of(["同比", "分别"], repeated=True)
        >>> fillers.strip("限上零售额分别同比"), Ending.of(["增长", "长"]).find("同比增长")
        ('限上零售额', '增长')
    """

    pattern: re.Pattern[str]
    #: The last characters of the words: a text that ends otherwise has no ending (one set
    #: lookup instead of a memo lookup and a match, for most texts).
    last: frozenset[str]
    #: Lengths already found, by text: the same words end many figures (and ``_strip`` tries
    #: each text again until it no longer changes).
    _lengths: dict[str, int] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    @classmethod
    def of(cls, words: Iterable[str], *, repeated: bool = False) -> Ending:
        """The ending made of ``words`` (one of them, or with ``repeated`` a run of them)."""
        words = tuple(words)
        body = alternation(w[::-1] for w in words)
        pattern = re.compile(f"(?:{body})+" if repeated else f"(?:{body})")
        return cls(pattern, frozenset(w[-1] for w in words if w))

    def length(self, text: str) -> int:
        """How many characters at the end of ``text`` the ending covers (0 for none)."""
        if text[-1:] not in self.last:
            return 0
        n = self._lengths.get(text)
        return self._measure(text) if n is None else n

    def _measure(self, text: str) -> int:
        lengths = self._lengths
        if len(lengths) >= _MAX_MEMO:
            lengths.clear()
        m = self.pattern.match(text[::-1])
        n = lengths[text] = 0 if m is None else m.end()
        return n

    def find(self, text: str) -> str | None:
        """The words that end ``text``, or None."""
        if text[-1:] not in self.last:
            return None
        n = self._lengths.get(text)
        if n is None:
            n = self._measure(text)
        return text[len(text) - n :] if n else None

    def strip(self, text: str) -> str:
        """``text`` without the ending."""
        if text[-1:] not in self.last:
            return text
        n = self._lengths.get(text)
        if n is None:
            n = self._measure(text)
        return text[: len(text) - n] if n else text
