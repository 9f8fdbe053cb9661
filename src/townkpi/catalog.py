"""The indicator catalog: canonical indicators, their aliases, dimensions and relations.

Reports name the same indicator in many ways (地区生产总值, GDP, 生产总值). The catalog maps such
phrases to canonical [`Indicator`][townkpi.catalog.Indicator]s that say what a check may assume:
the sector, the dimensions a value may have (currency, area, ``count:户`` …), whether it is a
stock or a flow, whether it is a rate of a finite set (never above 100%) or the attainment of a
target (may exceed 100%), the range its values may take, and its relations to other indicators
(part of, sum of, ratio of).

The built-in entries are data: ``townkpi/catalog/*.toml``; plugins add entries through the
``townkpi_register_indicators`` hook. [`Catalog.lookup`][townkpi.catalog.Catalog.lookup] matches a
phrase by canonical name or alias, preferring the longest alias contained in the phrase. An alias
may hold ``*`` for up to six characters of the same clause (``处置*违法建筑`` matches
处置四不违法建筑); its length is that of its other characters.

Examples:
    >>> cat = builtin_catalog()
    >>> cat.lookup("全镇实现地区生产总值").name
    '地区生产总值'
    >>> cat.lookup("目标完成率").bounded
    False
"""

from __future__ import annotations

import enum
import functools
import operator
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any, Final

import attrs

from townkpi.errors import TownkpiError, UnitError
from townkpi.hookspecs import hookimpl
from townkpi.interval import Interval
from townkpi.units import Unit, UnitCategory, parse_unit

__all__ = [
    "Catalog",
    "CatalogError",
    "Indicator",
    "Relation",
    "RelationKind",
    "Temporality",
    "builtin_catalog",
    "indicators_from_toml",
]

_CATEGORIES: Final = frozenset(c.value for c in UnitCategory)
_WILDCARD: Final = r"[^，。；、,;：:]{0,6}?"
"""What ``*`` in an alias stands for: up to six characters within one clause."""
_HEAD_TAIL_WORDS: Final = ("数", "数量", "总数", "总量", "规模")
_HEAD_TAILS: Final = "(?:" + "|".join(_HEAD_TAIL_WORDS) + ")?"
#: Phrases whose indicator a catalog remembers, per kind of lookup (then it starts afresh).
_MAX_CACHED_PHRASES: Final = 65536
_STEM_TAILS: Final = ("", *_HEAD_TAIL_WORDS)
"""Words that may follow an indicator's head without changing what is measured (拆迁户数)."""


@attrs.frozen(slots=True)
class _Literal:
    """A phrase without wildcards, matched as its compiled pattern would be, without ``re``."""

    text: str
    at_end: bool
    #: For ``at_end``: the phrase followed by each head tail (``body(?:数|…)?$``).
    ends: tuple[str, ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        ends = tuple(self.text + t for t in ("", *_HEAD_TAIL_WORDS)) if self.at_end else ()
        object.__setattr__(self, "ends", ends)

    def search(self, phrase: str) -> bool:
        if not self.at_end:
            return self.text in phrase
        # ``$`` also matches before a final newline
        return phrase.endswith(self.ends) or (
            phrase.endswith("\n") and phrase[:-1].endswith(self.ends)
        )


@attrs.frozen(slots=True, kw_only=True)
class _Matcher:
    """One phrase of an indicator, compiled for lookup."""

    phrase: str
    indicator: Indicator
    weight: int  # characters other than the wildcard
    anywhere: re.Pattern[str] | _Literal
    at_end: re.Pattern[str] | _Literal
    needed: str = ""  # the longest part between wildcards: no phrase without it matches

    @classmethod
    def of(cls, phrase: str, indicator: Indicator) -> _Matcher:
        if "*" not in phrase:  # most phrases: no pattern to compile
            return cls(
                phrase=phrase,
                indicator=indicator,
                weight=len(phrase),
                anywhere=_Literal(phrase, at_end=False),
                at_end=_Literal(phrase, at_end=True),
            )
        body = _WILDCARD.join(re.escape(part) for part in phrase.split("*"))
        return cls(
            phrase=phrase,
            indicator=indicator,
            weight=len(phrase.replace("*", "")),
            anywhere=_compile(body),
            at_end=_compile(body + _HEAD_TAILS + "$"),
            needed=max(phrase.split("*"), key=len),
        )


@functools.lru_cache(maxsize=8192)
def _compile(pattern: str) -> re.Pattern[str]:
    """``re.compile``, cached beyond ``re``'s own small cache.

    Every catalog built from the same phrases (the built-in one, then the host's with the plugins'
    entries) reuses the compiled patterns.
    """
    return re.compile(pattern)


class CatalogError(TownkpiError, ValueError):
    """A catalog entry is malformed (an unknown dimension, a missing name, a bad range).

    Args:
        source: The file or plugin the entry came from.
        reason: What is wrong, naming the entry.
    """

    code = "E-CATALOG"

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.reason))


class Temporality(enum.StrEnum):
    """How an indicator's values add up over time.

    Attributes:
        FLOW: Accumulates over a period (output, revenue, households relocated this year): a
            partial year cannot exceed the full year.
        STOCK: A level at a moment (population, farmland, enterprises on record).
        RATIO: A rate, share, ratio or index (完成率, 城镇化率, 收入倍差).
    """

    FLOW = "flow"
    STOCK = "stock"
    RATIO = "ratio"


class RelationKind(enum.StrEnum):
    """A relation the catalog declares between indicators.

    Attributes:
        PART_OF: The indicator is part of another: its value cannot exceed the other's.
        SUM_OF: The indicator is the sum of others.
        RATIO_OF: The indicator is a ratio (in %) of a numerator to a denominator indicator.
    """

    PART_OF = "part-of"
    SUM_OF = "sum-of"
    RATIO_OF = "ratio-of"


@attrs.frozen(slots=True, kw_only=True)
class Relation:
    """One declared relation, for listing and checking.

    Attributes:
        kind: Part of, sum of or ratio of.
        indicator: The canonical name of the indicator that declares it.
        others: The other indicators: the whole (part of), the parts (sum of), or the numerator
            and denominator (ratio of).
    """

    kind: RelationKind
    indicator: str
    others: tuple[str, ...]

    def __str__(self) -> str:
        if self.kind is RelationKind.PART_OF:
            return f"{self.indicator} ≤ {self.others[0]}"
        if self.kind is RelationKind.SUM_OF:
            return f"{self.indicator} = {' + '.join(self.others)}"
        return f"{self.indicator} = {self.others[0]} / {self.others[1]}"


def _check_dimensions(_inst: object, _attr: object, value: tuple[str, ...]) -> None:
    for spec in value:
        _dimension_matcher(spec)


@functools.cache
def _dimension_matcher(spec: str) -> tuple[str, str | None]:
    """Split ``count:户`` into (category, dimension key) and validate it."""
    category, _, unit = spec.partition(":")
    if category not in _CATEGORIES:
        raise ValueError(
            f"unknown dimension {spec!r}: expected one of {', '.join(sorted(_CATEGORIES))}, "
            "optionally with ':<unit>' (count:户)"
        )
    if not unit:
        return category, None
    u = parse_unit(unit)
    if u.category.value != category:
        raise ValueError(f"dimension {spec!r}: {unit} is {u.category.value}, not {category}")
    return category, u.dimension


def _str_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _indicator_tuple(items: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(items)


def _to_decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value))


@attrs.frozen(slots=True, kw_only=True)
class Indicator:
    """A canonical indicator.

    Attributes:
        name: The canonical name (地区生产总值).
        aliases: Other phrases that name it (GDP, 生产总值); matched as substrings of a fact's
            indicator phrase.
        sector: The sector it belongs to (economy, agriculture, land, governance, social …).
        dimensions: The dimensions its amounts may have: a unit category (``currency``, ``area``,
            ``count`` …) or a category with a unit whose dimension it must share (``count:户``).
            Empty: any dimension.
        temporality: Flow, stock or ratio.
        bounded: A rate or share of a finite set (完成率, 办结率, 参保率): it lies in [0, 100]%.
        attainment: Attainment of a target (目标完成率): may legitimately exceed 100%.
        cumulative: A cumulative completion (累计完成, a project's 完成率): it does not go down.
        can_be_negative: Its level may be negative (净利润, 贸易差额), so a change below −100% is
            possible.
        minimum: The smallest value it can take, in its usual unit (收入倍差 ≥ 1), or None.
        maximum: The largest value it can take, or None.
        part_of: Canonical names of indicators it is part of (服务业增加值 → 地区生产总值).
        sum_of: Canonical names of the indicators it is the sum of.
        ratio_of: Canonical names of the numerator and the denominator, or empty.
        description: One line on what it measures.
        source: Where the entry came from (a catalog file or a plugin).
    """

    name: str = attrs.field(validator=attrs.validators.min_len(1))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    sector: str = "general"
    dimensions: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=_check_dimensions
    )
    temporality: Temporality = attrs.field(default=Temporality.FLOW, converter=Temporality)
    bounded: bool = False
    attainment: bool = False
    cumulative: bool = False
    can_be_negative: bool = False
    minimum: Decimal | None = attrs.field(default=None, converter=_to_decimal)
    maximum: Decimal | None = attrs.field(default=None, converter=_to_decimal)
    part_of: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    sum_of: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    ratio_of: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    description: str = ""
    source: str = "townkpi"

    def __attrs_post_init__(self) -> None:
        if self.bounded and self.attainment:
            raise ValueError(f"indicator {self.name}: cannot be both bounded and attainment")
        if self.ratio_of and len(self.ratio_of) != 2:  # noqa: PLR2004 - numerator, denominator
            raise ValueError(f"indicator {self.name}: ratio_of needs a numerator and a denominator")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(f"indicator {self.name}: minimum above maximum")

    @property
    def phrases(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)

    @property
    def value_range(self) -> Interval | None:
        """The values it may take (``[0, 100]`` for a bounded rate), or None when unrestricted."""
        return _value_range(self.minimum, self.maximum, bounded=self.bounded)

    def allows(self, unit: Unit | str) -> bool:
        """Whether an amount in ``unit`` can measure this indicator (True when undeclared)."""
        if not self.dimensions:
            return True
        u = parse_unit(unit) if isinstance(unit, str) else unit
        for spec in self.dimensions:
            category, dimension = _dimension_matcher(spec)
            if u.category.value == category and (dimension is None or dimension == u.dimension):
                return True
        return False

    def relations(self) -> tuple[Relation, ...]:
        """The relations this entry declares."""
        out = [
            Relation(kind=RelationKind.PART_OF, indicator=self.name, others=(w,))
            for w in self.part_of
        ]
        if self.sum_of:
            out.append(Relation(kind=RelationKind.SUM_OF, indicator=self.name, others=self.sum_of))
        if self.ratio_of:
            out.append(
                Relation(kind=RelationKind.RATIO_OF, indicator=self.name, others=self.ratio_of)
            )
        return tuple(out)


@functools.lru_cache(maxsize=256)
def _value_range(lo: Decimal | None, hi: Decimal | None, *, bounded: bool) -> Interval | None:
    """``Indicator.value_range``, built once per distinct bounds (checks ask for it per figure)."""
    if bounded:
        lo = Decimal(0) if lo is None else lo
        hi = Decimal(100) if hi is None else hi
    if lo is None and hi is None:
        return None
    return Interval(lower=lo, upper=hi)


def _merge(old: Indicator, new: Indicator) -> Indicator:
    aliases = tuple(dict.fromkeys((*old.aliases, *new.aliases)))
    return attrs.evolve(new, aliases=aliases)


def _rank(item: tuple[str, int]) -> int:
    return item[1]


def _by_pair(ranks: Mapping[str, int], *, start: bool) -> Mapping[str, tuple[tuple[str, int], ...]]:
    """The phrases of ``ranks`` by their first (else last) two characters, lowest rank first.

    A phrase of one character is filed under that character.
    """
    out: dict[str, list[tuple[str, int]]] = {}
    for phrase, rank in sorted(ranks.items(), key=_rank):
        out.setdefault(phrase[:2] if start else phrase[-2:], []).append((phrase, rank))
    return {pair: tuple(items) for pair, items in out.items()}


#: What ``Catalog.lookup`` finds in its cache for a phrase it has not looked up yet.
_UNSEEN: Final = Indicator(name="(not looked up)")


@attrs.frozen(slots=True, kw_only=True)
class Catalog:
    """A set of canonical indicators, searchable by phrase.

    An entry whose name is already present replaces the earlier one and keeps the union of both
    entries' aliases, so a plugin can refine a built-in indicator.

    Attributes:
        indicators: The indicators, in the order they were added.
    """

    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_indicator_tuple)
    _by_name: Mapping[str, Indicator] = attrs.field(init=False, repr=False, eq=False)
    _matchers: tuple[_Matcher, ...] = attrs.field(init=False, repr=False, eq=False)
    # The indicator of each phrase looked up: anywhere (index 0) and at the head (index 1).
    _cache: tuple[dict[str, Indicator | None], dict[str, Indicator | None]] = attrs.field(
        init=False, repr=False, eq=False
    )
    # The phrases without wildcards with their position in ``_matchers``, by their first and by
    # their last two characters (lowest position first), the first two as a set, whether one of
    # them (or of ``_wild_keys``) is a single character, and the positions of the phrases with
    # wildcards: ``lookup`` finds the first matcher that matches by trying only the phrases that
    # start (or, for ``head``, end) with two characters of the phrase, instead of every matcher.
    _starting: Mapping[str, tuple[tuple[str, int], ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _ending: Mapping[str, tuple[tuple[str, int], ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _pairs: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _single: bool = attrs.field(init=False, repr=False, eq=False)
    _patterned: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    # The first two characters (or the one) of the longest part of each phrase with wildcards,
    # which a phrase it matches holds, and those with the pairs of ``_pairs``; ``_wild`` when
    # some such phrase has no part at all (only wildcards) and may match any phrase.
    _wild_keys: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _keys: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _wild: bool = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_name: dict[str, Indicator] = {}
        for ind in self.indicators:
            by_name[ind.name] = _merge(by_name[ind.name], ind) if ind.name in by_name else ind
        object.__setattr__(self, "indicators", tuple(by_name.values()))
        object.__setattr__(self, "_by_name", by_name)
        phrases: dict[str, Indicator] = {}
        for ind in by_name.values():
            for p in ind.phrases:
                phrases.setdefault(p, ind)
        matchers = sorted(
            (_Matcher.of(p, ind) for p, ind in phrases.items()), key=lambda m: -m.weight
        )
        object.__setattr__(self, "_matchers", tuple(matchers))
        object.__setattr__(self, "_cache", ({}, {}))
        literal = [(i, m) for i, m in enumerate(matchers) if isinstance(m.anywhere, _Literal)]
        ranks = {m.phrase: i for i, m in literal if m.phrase}
        object.__setattr__(self, "_starting", _by_pair(ranks, start=True))
        object.__setattr__(self, "_pairs", frozenset(self._starting))
        object.__setattr__(self, "_ending", _by_pair(ranks, start=False))
        patterned = [i for i, m in enumerate(matchers) if not isinstance(m.anywhere, _Literal)]
        object.__setattr__(self, "_patterned", tuple(patterned))
        wild_keys = frozenset(matchers[i].needed[:2] for i in patterned)
        object.__setattr__(self, "_wild_keys", wild_keys)
        object.__setattr__(self, "_keys", self._pairs | wild_keys)
        object.__setattr__(self, "_wild", "" in wild_keys)
        object.__setattr__(self, "_single", any(len(k) == 1 for k in self._keys))

    def __len__(self) -> int:
        return len(self.indicators)

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def get(self, name: str) -> Indicator:
        """The indicator with this canonical name.

        Raises:
            KeyError: No such indicator.
        """
        return self._by_name[name]

    def lookup(self, phrase: str | None, *, head: bool = False) -> Indicator | None:
        """The indicator a phrase names, or None.

        A phrase equal to a canonical name or alias names that indicator; otherwise the longest
        name or alias contained in the phrase wins (目标完成率 before 完成率).

        Args:
            phrase: The indicator phrase of a fact (宁慈线完成拆迁, 新增粮食种植面积).
            head: Only match a name or alias at the end of the phrase (optionally followed by
                数, 数量, 总数, 总量 or 规模), where Chinese puts the head of a noun phrase: then
                工业用地全生命周期管理 does not name 工业用地. Checks that judge a unit by the
                indicator use this stricter match.

        Examples:
            >>> cat = builtin_catalog()
            >>> cat.lookup("宁慈线完成拆迁").name
            '拆迁户数'
            >>> phrase = "工业用地全生命周期管理"
            >>> cat.lookup(phrase).name, cat.lookup(phrase, head=True)
            ('工业用地', None)
        """
        if not phrase:
            return None
        cache = self._cache[head]
        found = cache.get(phrase, _UNSEEN)
        if found is not _UNSEEN:
            return found
        found = self._by_name.get(phrase)
        # A match at the head is also a match anywhere: a phrase that names no indicator
        # anywhere (most do not) names none at its head, without a search of its own.
        if found is None and (not head or self.lookup(phrase) is not None):
            found = self._first_match(phrase, head=head)
        if len(cache) >= _MAX_CACHED_PHRASES:
            cache.clear()  # a long-lived host (a batch) sees ever new phrases: stay bounded
        cache[phrase] = found
        return found

    def _first_match(self, phrase: str, *, head: bool) -> Indicator | None:
        """The indicator of the first matcher (longest phrase first) that matches ``phrase``.

        The same as trying each matcher in order, in time linear in the phrase: at each of its
        characters, only the phrases without wildcards that start there with the two characters
        there are compared (for ``head``, those that end its stem before a head tail), lowest
        rank first, and only the few phrases with wildcards are tried as patterns.
        """
        patterned = self._patterned
        if head:
            best = self._head_rank(phrase)
        else:
            # The pairs of characters of ``phrase`` that start a phrase without wildcards or the
            # longest part of one with them: with none, no phrase can match, and the phrases
            # with wildcards need a search only when the pair of one of them is there.
            keys = self._keys.intersection(map(operator.add, phrase, phrase[1:]))
            if self._single:
                keys |= self._keys.intersection(phrase)
            if not keys and not self._wild:
                return None
            best = self._literal_rank(phrase, keys)
            if not self._wild and keys.isdisjoint(self._wild_keys):
                patterned = ()
        for rank in patterned:
            if rank >= best:
                break
            m = self._matchers[rank]
            if m.needed in phrase and (m.at_end if head else m.anywhere).search(phrase):
                best = rank
                break
        return self._matchers[best].indicator if best < len(self._matchers) else None

    def _literal_rank(self, phrase: str, keys: frozenset[str]) -> int:
        """The lowest rank of a phrase without wildcards found in ``phrase`` (else past the end).

        A phrase found anywhere in ``phrase`` starts with one of its pairs of characters there
        (or its one character), so only ``keys``, the pairs of ``phrase`` that start some phrase
        (found in one set intersection), are looked at, and in each pair's phrases, lowest rank
        first, the first one ``phrase`` holds.
        """
        best = len(self._matchers)
        starting = self._starting
        for key in keys:
            for literal, rank in starting.get(key, ()):
                if rank >= best:
                    break
                if literal in phrase:
                    best = rank
                    break
        return best

    def _head_rank(self, phrase: str) -> int:
        """The lowest rank of a phrase without wildcards at the head of ``phrase``."""
        best = len(self._matchers)
        ending = self._ending
        single = self._single
        ends = (phrase, phrase[:-1]) if phrase.endswith("\n") else (phrase,)
        for end in ends:
            if end.endswith(_HEAD_TAIL_WORDS):
                stems = [end[: len(end) - len(t)] for t in _STEM_TAILS if end.endswith(t)]
            else:  # most phrases end in no head tail: the phrase itself is the only stem
                stems = [end]
            for stem in stems:
                for key in (stem[-2:], stem[-1:]) if single else (stem[-2:],):
                    for literal, rank in ending.get(key, ()):
                        if rank >= best:
                            break
                        if stem.endswith(literal):
                            best = rank
                            break
        return best

    def extended(self, indicators: Iterable[Indicator]) -> Catalog:
        """A catalog with more entries (an entry with a known name refines it)."""
        return Catalog(indicators=(*self.indicators, *indicators))

    def relations(self) -> tuple[Relation, ...]:
        """Every relation declared by an entry."""
        return tuple(r for ind in self.indicators for r in ind.relations())

    def problems(self) -> tuple[str, ...]:
        """What is inconsistent in the catalog; an empty tuple when nothing is.

        Reports relations that name an indicator the catalog does not have, and phrases shared
        by two indicators.
        """
        out: list[str] = []
        for rel in self.relations():
            out.extend(
                f"{rel}: no indicator named {other!r}"
                for other in rel.others
                if other not in self._by_name
            )
        seen: dict[str, str] = {}
        for ind in self.indicators:
            for p in ind.phrases:
                if p in seen and seen[p] != ind.name:
                    out.append(f"phrase {p!r} names both {seen[p]!r} and {ind.name!r}")
                seen.setdefault(p, ind.name)
        return tuple(out)


_FIELDS: Final = frozenset(a.name for a in attrs.fields(Indicator))


def indicators_from_toml(text: str, source: str = "<catalog>") -> tuple[Indicator, ...]:
    """Read catalog entries from TOML: an array of tables ``[[indicator]]``.

    Each table has the fields of [`Indicator`][townkpi.catalog.Indicator] (``name`` required;
    ``source`` is set to ``source``); an optional top-level ``sector`` is the default sector.

    Raises:
        CatalogError: The TOML is malformed or an entry is invalid; the message names it.

    Examples:
        >>> indicators_from_toml('''
        ... [[indicator]]
        ... name = "收入倍差"
        ... dimensions = ["proportion"]
        ... minimum = 1
        ... ''')[0].minimum
        Decimal('1')
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(source, f"not valid TOML: {exc}") from exc
    default_sector = data.get("sector", "general")
    entries = data.get("indicator", [])
    if not isinstance(entries, list):
        raise CatalogError(source, "'indicator' must be an array of tables ([[indicator]])")
    out: list[Indicator] = []
    for i, entry in enumerate(entries, 1):
        label = f"indicator #{i} ({entry.get('name', '?')})"
        unknown = set(entry) - _FIELDS
        if unknown:
            raise CatalogError(source, f"{label}: unknown field(s) {', '.join(sorted(unknown))}")
        fields = {"sector": default_sector, **entry, "source": source}
        try:
            out.append(Indicator(**fields))
        except (TypeError, ValueError, InvalidOperation, UnitError) as exc:
            raise CatalogError(source, f"{label}: {exc}") from exc
    return tuple(out)


@functools.cache
def builtin_catalog() -> Catalog:
    """The catalog of the built-in entries (``townkpi/catalog/*.toml``), read once."""
    folder = resources.files("townkpi").joinpath("catalog")
    indicators: list[Indicator] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".toml"):
            indicators.extend(
                indicators_from_toml(item.read_text("utf-8"), f"townkpi/catalog/{item.name}")
            )
    return Catalog(indicators=indicators)


@hookimpl
def townkpi_register_indicators() -> list[Indicator]:
    """The built-in catalog entries: townkpi's catalog is a plugin like any other."""
    return list(builtin_catalog().indicators)
