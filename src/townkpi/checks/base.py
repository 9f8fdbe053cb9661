"""The base of every check, and the context it runs in.

A check is a class with a stable ``code``, a dotted ``name``, a one-line ``description``, a
docstring with 反例 (wrong) and 正例 (right) sections, optional declared
[`Parameter`][townkpi.checks.base.Parameter]s, and a ``check(ctx)`` generator that yields
[`Finding`][townkpi.findings.Finding]s. The context gives it the report, the indicator catalog and
small helpers (the referent of a rate, a fact's sentence, its catalog indicator). Checks never
print or format: renderers do.

Examples:
    >>> from townkpi.model import Fact, FactKind, Report, Value
    >>> class NoZero(Check):
    ...     '''A figure of zero is suspicious.
    ...
    ...     反例:
    ...         完成0户。
    ...
    ...     正例:
    ...         完成3户。
    ...     '''
    ...
    ...     code = "EX001"
    ...     name = "example.no_zero"
    ...     description = "A figure of zero is suspicious."
    ...
    ...     def check(self, ctx):
    ...         for fact in ctx.report.facts:
    ...             if fact.value.number == 0:
    ...                 yield self.finding(f"{fact.surface} is zero", facts=[fact])
    >>> report = Report(
    ...     source="x", facts=[Fact(id="f1", kind=FactKind.AMOUNT, value=Value.parse("0户"))]
    ... )
    >>> ctx = CheckContext(report=report)
    >>> [f.code for f in NoZero().check(ctx)]
    ['EX001']
    >>> NoZero.examples().wrong
    '完成0户。'
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import ClassVar, Final, TypeVar, cast

import attrs

from townkpi.catalog import Catalog, Indicator, builtin_catalog
from townkpi.findings import Evidence, Finding, Severity, spans_of
from townkpi.model import Fact, FactKind, Report, Span

__all__ = ["Check", "CheckContext", "Examples", "Parameter", "ParameterValue"]

_T = TypeVar("_T")

#: The types a check parameter may have.
ParameterValue = bool | int | str | Decimal

_CODE_RE: Final = re.compile(r"[A-Z]{2,5}\d{3}")
_NAME_RE: Final = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")
_SECTION_RE: Final = re.compile(r"^(反例|正例|[A-Z][A-Za-z ]+):\s*$")
_CLAUSE_MARKS: Final = ("，", ",", "；", ";", "：", ":", "。", "、", "！", "？", "!", "?", "\n")
# Everything up to and including the last of the clause marks (greedy), in one match.
_UP_TO_LAST_MARK: Final = re.compile("(?s:.*)[" + "".join(_CLAUSE_MARKS) + "]")
#: How many characters before a figure ``clause_before`` reads by default.
_CLAUSE_CHARS: Final = 24


@attrs.frozen(slots=True, kw_only=True)
class Parameter:
    """A setting a check declares, configurable per check code.

    Attributes:
        name: The option's name in the configuration (``max_candidates``).
        default: The default value; its type is the option's type.
        description: One line on what it changes.
    """

    name: str = attrs.field(validator=attrs.validators.matches_re(r"[a-z][a-z0-9_]*"))
    default: ParameterValue
    description: str = ""

    def coerce(self, value: object) -> ParameterValue:
        """The configured value converted to the parameter's type.

        Raises:
            ValueError: The value has the wrong type.
        """
        kind = type(self.default)
        if kind is bool:
            if isinstance(value, bool):
                return value
        elif kind is int:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
        elif kind is Decimal:
            if isinstance(value, int | float | str | Decimal) and not isinstance(value, bool):
                return Decimal(str(value))
        elif isinstance(value, str):
            return value
        raise ValueError(f"option {self.name!r} must be a {kind.__name__}, not {value!r}")


@attrs.frozen(slots=True, kw_only=True)
class Examples:
    """A check's wrong and right examples, read from its docstring.

    Attributes:
        wrong: The 反例 section: text the check flags.
        right: The 正例 section: text the check accepts.
    """

    wrong: str
    right: str


def docstring_sections(doc: str | None) -> dict[str, str]:
    """The sections of a docstring by title, each dedented; the summary under ``""``."""
    lines = inspect.cleandoc(doc or "").splitlines()
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in lines:
        m = _SECTION_RE.match(line)
        if m:
            current = m.group(1)
            sections[current] = []
        else:
            sections[current].append(line)
    return {k: inspect.cleandoc("\n".join(v)) for k, v in sections.items()}


class Check:
    """Base class of every check.

    Subclasses set the class attributes below and implement
    [`check`][townkpi.checks.base.Check.check]. The docstring's first paragraph explains the
    check; its 反例 and 正例 sections give text that is flagged and text that is not.

    Attributes:
        code: A stable code: two to five capitals and three digits (``TK101``, ``ECO201``).
        name: A dotted, lowercase name (``townkpi.rates.rate_count``).
        description: One line on what the check finds.
        groups: Group names that select or ignore it together (``rates``, ``core``).
        aliases: Former codes.
        default_severity: The severity of its findings unless configured otherwise.
        parameters: The options it declares.
        options: The resolved options of this instance, by name.

    Args:
        options: Configured option values, by name; unknown names are rejected.

    Raises:
        ValueError: An option is unknown or has the wrong type.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    description: ClassVar[str]
    groups: ClassVar[tuple[str, ...]] = ()
    aliases: ClassVar[tuple[str, ...]] = ()
    default_severity: ClassVar[Severity] = Severity.ERROR
    parameters: ClassVar[tuple[Parameter, ...]] = ()

    def __init__(self, options: Mapping[str, object] | None = None) -> None:
        if not options:  # the usual case: every option at its default
            self.options: dict[str, ParameterValue] = {p.name: p.default for p in self.parameters}
            return
        given = dict(options)
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise ValueError(f"check {self.code} has no option(s) {', '.join(unknown)}")
        self.options = {
            p.name: p.coerce(given[p.name]) if p.name in given else p.default
            for p in self.parameters
        }

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if inspect.isabstract(cls) or "code" not in cls.__dict__:
            return
        if not _CODE_RE.fullmatch(cls.code):
            raise TypeError(f"{cls.__qualname__}: code {cls.code!r} is not like TK101 or ECO201")
        if not _NAME_RE.fullmatch(getattr(cls, "name", "")):
            raise TypeError(f"{cls.__qualname__}: name must be dotted lowercase (pack.check_name)")
        if not getattr(cls, "description", ""):
            raise TypeError(f"{cls.__qualname__}: a check needs a one-line description")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield the findings of this check on one report.

        Args:
            ctx: The report, the catalog and helpers.
        """
        raise NotImplementedError(f"{type(self).__qualname__} does not implement check()")

    def option(self, name: str) -> ParameterValue:
        """The resolved value of a declared option."""
        return self.options[name]

    def finding(
        self,
        message: str,
        *,
        facts: Sequence[Fact] = (),
        evidence: Iterable[Evidence] | Mapping[str, object] = (),
        severity: Severity | None = None,
        suggestion: str | None = None,
        code: str | None = None,
    ) -> Finding:
        """A finding of this check about ``facts``: their spans, ids and record locators.

        Args:
            message: What was reported, what was computed, and why both cannot hold.
            facts: The facts it is about, most important first.
            evidence: The computed quantities, as [`Evidence`][townkpi.findings.Evidence] or a
                mapping of names to numbers, intervals and strings.
            severity: Overrides ``default_severity`` for this finding.
            suggestion: What the figure may have been meant to be.
            code: Overrides the check's code (rarely needed).
        """
        return Finding(
            code=code or self.code,
            check=self.name,
            severity=severity or self.default_severity,
            message=message,
            spans=spans_of([f.span for f in facts]),
            facts=tuple(dict.fromkeys(f.id for f in facts)),
            evidence=evidence,
            records=tuple(f.record or f.id for f in facts if f.span is None),
            suggestion=suggestion,
        )

    @classmethod
    def summary(cls) -> str:
        """The docstring's explanation (everything before its sections)."""
        return docstring_sections(cls.__doc__).get("", "")

    @classmethod
    def examples(cls) -> Examples:
        """The 反例 and 正例 sections of the docstring ("" when missing)."""
        sections = docstring_sections(cls.__doc__)
        return Examples(wrong=sections.get("反例", ""), right=sections.get("正例", ""))


def _clause_words(
    text: str | None, span: Span | None, sentence: Span | None, chars: int = _CLAUSE_CHARS
) -> str:
    """``CheckContext.clause_before`` of a figure with this span and sentence, computed."""
    if span is None or not text:
        return ""
    end = span.start
    start = end - chars
    if sentence is not None and sentence.start > start:
        start = sentence.start  # a span starts at 0 or later
    elif start < 0:
        start = 0
    # the last mark found in the text itself: one slice, of the words only
    m = _UP_TO_LAST_MARK.match(text, start, end)
    return text[start if m is None else m.end() : end]


def _text_sentence(report: Report, fact: Fact) -> tuple[int, int] | None:
    if fact.sentence is not None:
        return fact.sentence.start, fact.sentence.end
    return None


@attrs.frozen(slots=True, kw_only=True)
class CheckContext:
    """What a check sees: one report, the indicator catalog, and helpers over both.

    Attributes:
        report: The report being checked.
        catalog: The indicator catalog (built-in entries plus those of plugins).
    """

    report: Report
    catalog: Catalog = attrs.field(factory=builtin_catalog)
    # The facts by id, and the facts that refer to each, collected at the first use.
    _index: Mapping[str, Fact] | None = attrs.field(init=False, repr=False, eq=False, default=None)
    _referrers: Mapping[str, tuple[Fact, ...]] | None = attrs.field(
        init=False, repr=False, eq=False, default=None
    )
    # Memos, filled on first use: a fact's indicator, the figures of each indicator (per choice
    # of kinds and head), the facts of each sentence, the facts that name an indicator and the
    # facts of each choice of kinds.
    _indicators: tuple[dict[str, Indicator | None], ...] = attrs.field(
        init=False, repr=False, eq=False, factory=lambda: ({}, {}, {}, {})
    )
    _figures: dict[tuple[frozenset[FactKind], bool], Mapping[str, tuple[Fact, ...]]] = attrs.field(
        init=False, repr=False, eq=False, factory=dict
    )
    _sentences: Mapping[tuple[int, int], tuple[Fact, ...]] | None = attrs.field(
        init=False, repr=False, eq=False, default=None
    )
    _named: dict[tuple[frozenset[FactKind], bool], tuple[tuple[Fact, Indicator], ...]] = (
        attrs.field(init=False, repr=False, eq=False, factory=dict)
    )
    _kinds: dict[tuple[FactKind, ...], tuple[Fact, ...]] = attrs.field(
        init=False, repr=False, eq=False, factory=dict
    )
    # The clause before each figure (``clause_before(f)`` of the usual width), by fact id.
    _clauses: dict[str, str] = attrs.field(init=False, repr=False, eq=False, factory=dict)
    # What checks computed with ``memo``, by their keys.
    _memos: dict[Hashable, object] = attrs.field(init=False, repr=False, eq=False, factory=dict)

    def _by_id(self) -> Mapping[str, Fact]:
        """The facts by id, collected at the first use."""
        index = self._index
        if index is None:
            index = self.report.index()
            object.__setattr__(self, "_index", index)
        return index

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact of the report, in order."""
        return self.report.facts

    def of_kind(self, *kinds: FactKind) -> Iterator[Fact]:
        """The facts of the given kinds, in order (selected once per context for each choice)."""
        found = self._kinds.get(kinds)
        if found is None:
            if len(kinds) == 1:
                # the first choice of one kind: the facts of every kind, in one pass
                groups: dict[FactKind, list[Fact]] = {kind: [] for kind in FactKind}
                for f in self.report.facts:
                    groups[f.kind].append(f)
                for kind, facts in groups.items():
                    self._kinds[(kind,)] = tuple(facts)
                return iter(self._kinds.get(kinds, ()))
            found = tuple(f for f in self.report.facts if f.kind in kinds)
            self._kinds[kinds] = found
        return iter(found)

    def fact(self, fact_id: str) -> Fact | None:
        """The fact with this id, or None."""
        return self._by_id().get(fact_id)

    def referent(self, fact: Fact) -> Fact | None:
        """The amount a change, share or rate refers to, or None."""
        return None if fact.refers_to is None else self._by_id().get(fact.refers_to)

    def referrers(self, fact: Fact) -> tuple[Fact, ...]:
        """The facts (changes, shares, rates) that refer to ``fact``."""
        found = self._referrers
        if found is None:
            referrers: dict[str, list[Fact]] = {}
            for f in self.report.facts:
                if f.refers_to is not None:
                    referrers.setdefault(f.refers_to, []).append(f)
            found = {k: tuple(v) for k, v in referrers.items()}
            object.__setattr__(self, "_referrers", found)
        return found.get(fact.id, ())

    def indicator(
        self, fact: Fact, *, clause: bool = False, head: bool = False
    ) -> Indicator | None:
        """The catalog indicator of a fact's indicator phrase, or None.

        Args:
            fact: The fact.
            clause: When the catalog does not know the phrase, try the words of the fact's clause
                before the figure (累计排摸“四不”违法建筑58宗 names 违法建筑排摸 even when the
                phrase is only 违法建筑). The built-in checks do.
            head: Match a name or alias only at the end of the phrase, where Chinese puts the
                head of a noun phrase (``Catalog.lookup(phrase, head=True)``): then
                工业用地全生命周期管理 names no indicator. Checks that judge a figure by what it
                measures (the sector packs) use this stricter match.
        """
        memo = self._indicators[2 * head + clause]  # one memo per choice of clause and head
        key = fact.id
        if key in memo:
            return memo[key]
        found = self.catalog.lookup(fact.indicator, head=head)
        if found is None and clause:
            found = self.catalog.lookup(self.clause_before(fact), head=head)
        memo[key] = found
        return found

    def amounts_of(self, indicator: str) -> tuple[Fact, ...]:
        """The amounts whose catalog indicator is ``indicator``, in text order.

        An amount's indicator is found as ``indicator(fact, clause=True)`` finds it. The index is
        built once per context, so that looking up related figures stays linear in the report.
        """
        return self.figures_of(indicator, FactKind.AMOUNT)

    def figures_of(self, indicator: str, *kinds: FactKind, head: bool = False) -> tuple[Fact, ...]:
        """The figures of the given kinds (amounts when none is given) of an indicator.

        A figure's indicator is found as ``indicator(fact, head=head, clause=not head)`` finds
        it. The figures come in text order; the index is built once per context for each choice
        of kinds and ``head``, so that looking up related figures stays linear in the report.
        """
        key = (frozenset(kinds or (FactKind.AMOUNT,)), head)
        index = self._figures.get(key)
        if index is None:
            groups: dict[str, list[Fact]] = {}
            for f, ind in self.with_indicators(*key[0], head=head):
                groups.setdefault(ind.name, []).append(f)
            index = {name: tuple(found) for name, found in groups.items()}
            self._figures[key] = index
        return index.get(indicator, ())

    def with_indicators(
        self, *kinds: FactKind, head: bool = False
    ) -> tuple[tuple[Fact, Indicator], ...]:
        """The figures of the given kinds (amounts when none is given) that name an indicator.

        Each figure comes with its catalog indicator, found as
        ``indicator(fact, head=head, clause=not head)`` finds it, in text order. Most figures
        name none: a check that judges only those that do can loop over these instead of
        looking up every figure again; they are selected once per context for each choice of
        kinds and ``head``.

        Args:
            *kinds: The kinds of figures to select (amounts when none is given).
            head: Match a figure's indicator phrase only at its end
                (``Catalog.lookup(phrase, head=True)``), and with no clause lookup: a figure
                whose phrase names no indicator is left out even when the words of its clause
                before it would name one. When False, the phrase is matched anywhere and, when
                it names none, the clause before the figure is tried
                (``indicator(fact, clause=True)``).

        Returns:
            The pairs of figure and indicator, in text order; the same tuple on every call
            with the same kinds and ``head``.
        """
        key = (frozenset(kinds or (FactKind.AMOUNT,)), head)
        found = self._named.get(key)
        if found is None:
            clause = not head
            wanted = tuple(key[0])
            # ``indicator(f, head=head, clause=clause)`` for each figure, inline: one memo
            memo, lookup = self._indicators[2 * head + clause], self.catalog.lookup
            clauses, text = self._clauses, self.report.text
            pairs: list[tuple[Fact, Indicator]] = []
            for f in self.of_kind(*(kinds or wanted)):
                fid = f.id
                if fid in memo:
                    ind = memo[fid]
                else:
                    ind = lookup(f.indicator, head=head)
                    if ind is None and clause:
                        # ``clause_before(f)``, inline
                        words = clauses.get(fid)
                        if words is None:
                            words = clauses[fid] = _clause_words(text, f.span, f.sentence)
                        ind = lookup(words, head=head)
                    memo[fid] = ind
                if ind is not None:
                    pairs.append((f, ind))
            found = tuple(pairs)
            self._named[key] = found
        return found

    def memo(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """What ``compute()`` returns, computed once per context for each ``key``.

        Several checks that need the same derived figures of a report (the words of every
        amount, what a rate implies about its count) compute them once and share them. Prefix
        the key with the check module's name, so that the keys of unrelated checks differ; the
        value must not change once computed.

        The key must hold every input the value depends on besides the report and the catalog
        (which the context fixes): the facts it is computed for and any option of a check, or
        two calls that differ in that input would share the first value. The rates checks key
        what a rate implies about its count by the rate's id and the ``limit`` of totals they
        list (``(__name__, rate.id, limit)``), since the value depends on it.

        Args:
            key: A hashable key of everything the value depends on besides the report and the
                catalog, starting with the module's name.
            compute: Computes the value; called only on the first use of ``key``.

        Returns:
            The value computed for ``key``, the same object on every call.

        Examples:
            >>> ctx = CheckContext(report=Report(source="x"))
            >>> ctx.memo(("example", "n"), lambda: 42), ctx.memo(("example", "n"), lambda: 0)
            (42, 42)
        """
        memos = self._memos
        if key in memos:
            return cast("_T", memos[key])
        value = memos[key] = compute()
        return value

    def sentence_facts(self, fact: Fact) -> tuple[Fact, ...]:
        """The facts of the sentence ``fact`` stands in (itself included), in text order.

        None for a fact without a sentence (from records); the facts of each sentence are
        collected once per context.
        """
        key = _text_sentence(self.report, fact)
        if key is None:
            return ()
        if self._sentences is None:
            groups: dict[tuple[int, int], list[Fact]] = {}
            last: Span | None = None  # the sentence of the fact before, and its group
            group: list[Fact] = []
            for f in self.report.facts:
                sentence = f.sentence
                if sentence is None:
                    continue
                if sentence is not last:  # the facts of a sentence share one span, in order
                    last = sentence
                    group = groups.setdefault((sentence.start, sentence.end), [])
                group.append(f)
            object.__setattr__(self, "_sentences", {k: tuple(v) for k, v in groups.items()})
        assert self._sentences is not None
        return self._sentences.get(key, ())

    def clause_before(self, fact: Fact, chars: int = _CLAUSE_CHARS) -> str:
        """The words of the fact's clause before its figure (after the last comma or colon).

        The words of the usual width (``chars`` left at its default) are memoized by fact id,
        once per context: a fact that is not from ``ctx.report`` but shares an id with one of
        its facts gets the words of the report's fact, not of its own span.

        Args:
            fact: The figure, normally one of the report's facts.
            chars: How many characters before the figure to read at most (within its
                sentence); other widths than the default are computed on every call.

        Returns:
            The words after the last clause mark (comma, semicolon, colon, full stop …) before
            the figure; "" for a fact without a span or a report without text.
        """
        if chars != _CLAUSE_CHARS:
            return _clause_words(self.report.text, fact.span, fact.sentence, chars)
        words = self._clauses.get(fact.id)
        if words is None:
            words = self._clauses[fact.id] = _clause_words(
                self.report.text, fact.span, fact.sentence
            )
        return words

    def sentence(self, fact: Fact) -> str:
        """The text of the sentence the fact stands in ("" for facts from records)."""
        return self.report.sentence_text(fact)

    def text_before(self, fact: Fact, chars: int = 16) -> str:
        """Up to ``chars`` characters of the fact's sentence just before its span."""
        if fact.span is None or not self.report.text:
            return ""
        start = fact.span.start - chars
        if fact.sentence is not None:
            start = max(start, fact.sentence.start)
        return self.report.text[max(start, 0) : fact.span.start]

    def text_after(self, fact: Fact, chars: int = 8) -> str:
        """Up to ``chars`` characters of the fact's sentence just after its span."""
        if fact.span is None or not self.report.text:
            return ""
        end = fact.span.end + chars
        if fact.sentence is not None:
            end = min(end, fact.sentence.end)
        return self.report.text[fact.span.end : end]

    def same_sentence(self, a: Fact, b: Fact) -> bool:
        """Whether two facts stand in the same sentence (False for facts without sentences)."""
        sa, sb = _text_sentence(self.report, a), _text_sentence(self.report, b)
        return sa is not None and sa == sb
