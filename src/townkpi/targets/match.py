"""Matching targets to actuals and scoring them.

[`score`][townkpi.targets.match.score] finds, for every target, an actual figure of the same
indicator, subject and period, evaluates the target against it, and returns a
[`Scorecard`][townkpi.targets.scorecard.Scorecard] that also lists the targets that found none.

Indicators match when a resolver maps both phrases to the same key. The default resolver maps a
phrase to its canonical indicator in the built-in catalog (by name or alias), and a phrase the
catalog does not know to its [`normalize_indicator`][townkpi.targets.match.normalize_indicator]
form; pass ``resolve=`` to plug in another one (``catalog_resolver(host.catalog())`` adds the
sector packs' entries). When the resolver reads two targets of one plan as one indicator (a broad
catalog alias: 未来工厂 and 数字化车间), they are matched by their own phrases instead, and the note
says so.

A growth target is met from a change figure of its period, or else from the levels of its period
and the year before ([`Actual.from_levels`][townkpi.targets.actual.Actual.from_levels]). Actual
figures are preferred to estimates (预计), and figures of exactly the target's period to figures of
unknown period; a figure for only part of the period (1-9月) is not used, and the note says so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Final, Protocol

import attrs

from townkpi.catalog import builtin_catalog
from townkpi.errors import DimensionMismatchError
from townkpi.model import Fact, FactKind, Modality, Period
from townkpi.targets.actual import Actual
from townkpi.targets.kinds import TargetKind
from townkpi.targets.rule import Target
from townkpi.targets.scorecard import Scorecard, ScorecardEntry

__all__ = [
    "IndicatorLookup",
    "Resolver",
    "catalog_resolver",
    "default_resolver",
    "match_target",
    "normalize_indicator",
    "score",
]

#: A function from an indicator phrase to the key it matches by (None: matches nothing).
Resolver = Callable[[str], str | None]

_PUNCT: Final = re.compile(r"[\s\"'“”‘’「」『』《》〈〉【】()（）\[\]·•、，,。:：;；]+")
_LEADING: Final = ("全年", "全镇", "全市", "全县", "全区", "实现", "完成", "达到", "累计",
                   "力争", "确保", "争取", "争创", "努力")  # fmt: skip
_TRAILING: Final = ("同比", "达到", "保持在", "实现")
_WHOLE: Final = frozenset({"全镇", "全乡", "全街道", "全市", "全县", "全区", "全省"})


def normalize_indicator(phrase: str) -> str | None:
    """The key an indicator phrase matches by when there is no catalog.

    NFKC-normalized, without spaces, quotes, brackets and punctuation, and without a leading
    全年/全镇/实现/完成/达到/累计, a leading commitment word (力争, 确保 …) or a trailing
    同比/达到/保持在. Returns None for an empty phrase.

    Example:
        >>> normalize_indicator("完成 “散乱污”企业整治")
        '散乱污企业整治'
    """
    text = _PUNCT.sub("", unicodedata.normalize("NFKC", phrase))
    changed = True
    while changed and text:
        changed = False
        for word in _LEADING:
            if text.startswith(word) and len(text) > len(word):
                text, changed = text[len(word) :], True
        for word in _TRAILING:
            if text.endswith(word) and len(text) > len(word):
                text, changed = text[: -len(word)], True
    return text or None


class _Named(Protocol):
    @property
    def name(self) -> str: ...


class IndicatorLookup(Protocol):
    """Maps a phrase to a named indicator, as [`Catalog`][townkpi.catalog.Catalog] does."""

    def lookup(self, phrase: str | None, /) -> _Named | None:
        """The indicator a phrase names, or None."""


def catalog_resolver(catalog: IndicatorLookup) -> Resolver:
    """A resolver that matches by the catalog's canonical indicator.

    A phrase the catalog knows (by canonical name or alias) resolves to its canonical name; any
    other phrase falls back on [`normalize_indicator`][townkpi.targets.match.normalize_indicator].

    Args:
        catalog: The catalog (``PluginHost.catalog()`` includes the sector packs' entries).
    """

    def resolve(phrase: str) -> str | None:
        entry = catalog.lookup(phrase)
        return normalize_indicator(phrase) if entry is None else entry.name

    return resolve


def default_resolver() -> Resolver:
    """A resolver on the built-in indicator catalog (without the sector packs' entries).

    The command line uses the plugin host's catalog instead, which includes them.
    """
    return catalog_resolver(builtin_catalog())


def _subject_key(subject: str | None) -> str | None:
    if subject is None:
        return None
    text = _PUNCT.sub("", unicodedata.normalize("NFKC", subject))
    return None if not text or text in _WHOLE else text


def _previous_year(period: Period) -> Period:
    return attrs.evolve(period, start_year=period.start_year - 1, end_year=period.end_year - 1)


@attrs.frozen(slots=True, kw_only=True)
class _Pool:
    """The actual facts, keyed once by the resolver."""

    facts: tuple[Fact, ...]
    keys: tuple[str | None, ...]

    @classmethod
    def build(cls, facts: Iterable[Fact], resolve: Resolver) -> _Pool:
        usable = tuple(
            f for f in facts if f.modality in {Modality.ACTUAL, Modality.ESTIMATE} and f.indicator
        )
        keys = tuple(resolve(f.indicator) if f.indicator else None for f in usable)
        return cls(facts=usable, keys=keys)

    def about(self, target: Target, key: str) -> list[Fact]:
        subject = _subject_key(target.subject)
        found = []
        for f, k in zip(self.facts, self.keys, strict=True):
            other = _subject_key(f.subject)
            if k == key and (subject is None or other is None or other == subject):
                found.append(f)
        return found


def _preference(target: Target, f: Fact) -> tuple[bool, bool, bool]:
    return (not target.accepts(f.kind), f.modality is not Modality.ACTUAL, f.period is None)


def _comparable(target: Target, f: Fact) -> bool:
    return target.period is None or f.period is None or f.period == target.period


def _used(chosen: Fact, count: int) -> str:
    where = chosen.record or chosen.location
    estimate = " (an estimate)" if chosen.modality is Modality.ESTIMATE else ""
    return f"{count} matching figures; used {chosen.surface or chosen.value} at {where}{estimate}"


def _from_levels(target: Target, facts: Sequence[Fact]) -> tuple[Actual | None, str]:
    if target.period is None:
        return None, ""
    prev_period = _previous_year(target.period)
    levels = [f for f in facts if f.kind is FactKind.AMOUNT]
    current = sorted(
        (f for f in levels if f.period == target.period), key=lambda f: _preference(target, f)
    )
    previous = sorted(
        (f for f in levels if f.period == prev_period), key=lambda f: _preference(target, f)
    )
    if not current or not previous:
        missing = [str(p) for p, found in ((target.period, current), (prev_period, previous))
                   if not found]  # fmt: skip
        return None, f"no level for {' and '.join(missing)} to derive the growth from"
    try:
        actual = Actual.from_levels(current[0], previous[0])
    except (DimensionMismatchError, ValueError) as exc:
        return None, f"cannot derive the growth from levels: {exc}"
    return actual, f"growth derived from the levels of {target.period} and {prev_period}"


def match_target(target: Target, pool_facts: Sequence[Fact]) -> ScorecardEntry:
    """Score one target against the facts already known to be about its indicator and subject.

    Args:
        target: The target.
        pool_facts: Actual and estimate facts of the target's indicator and subject, any period.

    Returns:
        The entry: the outcome against the best figure, or no outcome and a note saying why.
    """
    comparable = sorted(
        (f for f in pool_facts if _comparable(target, f)), key=lambda f: _preference(target, f)
    )
    direct = [f for f in comparable if target.accepts(f.kind)]
    if direct:
        return ScorecardEntry(
            target=target,
            outcome=target.evaluate(direct[0]),
            note=_used(direct[0], len(direct)) if len(direct) > 1 else "",
        )
    level_note = ""
    if target.kind is TargetKind.GROWTH:
        derived, level_note = _from_levels(target, pool_facts)
        if derived is not None:
            return ScorecardEntry(target=target, outcome=target.evaluate(derived), note=level_note)
    if comparable:  # figures of the indicator, but of another kind: say why they do not count
        return ScorecardEntry(
            target=target, outcome=target.evaluate(comparable[0]), note=level_note
        )
    partial = [
        f
        for f in pool_facts
        if f.period is not None and target.period is not None and target.period.contains(f.period)
    ]
    if partial:
        periods = ", ".join(sorted({str(f.period) for f in partial}))
        return ScorecardEntry(
            target=target, note=f"only figures for part of {target.period}: {periods}"
        )
    if pool_facts:
        periods = ", ".join(sorted({str(f.period) for f in pool_facts}))
        return ScorecardEntry(
            target=target, note=level_note or f"no figure for {target.period}; found {periods}"
        )
    return ScorecardEntry(target=target, note="no actual figure of this indicator")


def _rivals(targets: Sequence[Target], keys: Sequence[str | None]) -> dict[str, tuple[str, ...]]:
    """Targets whose indicator resolves like another target's of the same kind and period.

    The resolver (a catalog with a broad alias) may read two indicators the plan keeps apart
    (未来工厂, 数字化车间) as one; scoring both against one actual would be wrong.
    """
    groups: dict[tuple[str, TargetKind, Period | None], list[Target]] = {}
    for t, key in zip(targets, keys, strict=True):
        if key is not None and t.indicator:
            groups.setdefault((key, t.kind, t.period), []).append(t)
    out: dict[str, tuple[str, ...]] = {}
    for group in groups.values():
        phrases = {normalize_indicator(t.indicator or "") for t in group}
        if len(phrases) <= 1:
            continue
        for t in group:
            own = normalize_indicator(t.indicator or "")
            out[t.id] = tuple(
                sorted(
                    {
                        o.indicator or ""
                        for o in group
                        if normalize_indicator(o.indicator or "") != own
                    }
                )
            )
    return out


def score(
    targets: Iterable[Target],
    actuals: Iterable[Fact],
    *,
    resolve: Resolver | None = None,
    plan: str = "",
    sources: Sequence[str] = (),
    illustrative: bool = False,
    notes: Sequence[str] = (),
) -> Scorecard:
    """Match every target to an actual and evaluate it.

    Args:
        targets: The plan's targets.
        actuals: Facts to score them against; only actual and estimate facts with an indicator
            are used (target facts of a later plan are not actuals).
        resolve: Maps an indicator phrase to its matching key; default
            [`default_resolver()`][townkpi.targets.match.default_resolver].
        plan: The plan's name, for the scorecard.
        sources: Where the actuals came from, for the scorecard.
        illustrative: Whether the actuals are illustrative figures.
        notes: Notes about the actuals, for the scorecard.

    Returns:
        One entry per target, in order; a target with no actual has no outcome and a note.
    """
    resolver = resolve or default_resolver()
    pool = _Pool.build(actuals, resolver)
    plan_targets = list(targets)
    keys = [resolver(t.indicator) if t.indicator else None for t in plan_targets]
    rivals = _rivals(plan_targets, keys)
    entries = []
    for target, key in zip(plan_targets, keys, strict=True):
        if key is None:
            entries.append(ScorecardEntry(target=target, note="the target has no indicator"))
            continue
        facts = pool.about(target, key)
        others = rivals.get(target.id, ())
        if not others:
            entries.append(match_target(target, facts))
            continue
        # The resolver reads two targets of the plan as one indicator: match by the phrase.
        phrase = normalize_indicator(target.indicator or "")
        facts = [f for f in facts if normalize_indicator(f.indicator or "") == phrase]
        entry = match_target(target, facts)
        note = (
            f"{target.indicator} and {', '.join(others)} resolve to one indicator ({key}); "
            "matched by the phrase itself"
        )
        entries.append(attrs.evolve(entry, note="; ".join(n for n in (entry.note, note) if n)))
    return Scorecard(
        entries=entries, plan=plan, actuals=sources, illustrative=illustrative, notes=notes
    )
