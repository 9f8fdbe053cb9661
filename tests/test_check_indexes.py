"""``CounterpartIndex.nearest`` finds the figure ``counterparts`` ranks first.

The index is a faster way to the same answer: for every figure, ``index.nearest(fact)`` must be
the first figure of ``counterparts(ctx, fact, …)`` that the index's ``where`` accepts (or None
when there is none). Both are compared on reports built by Hypothesis, crowded into a few
sentences, periods, subjects and positions so that ties and near misses are common, and on the
reports of the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import values
from townkpi import (
    CheckContext,
    CounterpartIndex,
    Fact,
    FactKind,
    Modality,
    Period,
    Report,
    Span,
    Value,
    counterparts,
    extract,
    interval_in_unit,
    read_document,
)

#: Catalog indicators that relate as part and whole (小麦 and 早稻 are parts of 粮食播种面积).
_NAMES = ("粮食播种面积", "小麦播种面积", "早稻种植面积", "粮食产量")
#: Indicator phrases: names, aliases, an increment, a phrase the catalog lacks, none.
_PHRASES = (
    None,
    "粮食播种面积",
    "粮食种植面积",
    "小麦播种",
    "早稻种植面积",
    "粮食总产量",
    "新增粮食种植面积",
    "违法建筑",
)
#: Words of the report text, so that the clause before a figure may name an indicator.
_TEXT_WORDS = ("粮食种植面积", "小麦播种", "粮食产量", "完成", "全镇", "，", "。", "、")
_SUBJECTS = (None, "全镇", "宁慈线", "轨道交通宁慈线", "城区")
_PERIODS = (None, Period.year(2023), Period.year(2024), Period.parse("2023-01/2023-06"))
#: A few sentences, overlapping, so that figures share them often.
_SENTENCES = (None, Span(start=0, end=30), Span(start=30, end=60), Span(start=0, end=60))


@st.composite
def _crowded_facts(draw: st.DrawFn, fact_id: str) -> Fact:
    """A figure whose scope and position are drawn from small pools, any field may be None."""
    from_text = draw(st.booleans())
    span = None
    sentence = None
    if from_text:
        start = draw(st.integers(min_value=0, max_value=40))
        span = Span(start=start, end=start + draw(st.integers(min_value=1, max_value=4)))
        sentence = draw(st.sampled_from(_SENTENCES))
    value = draw(values())
    return Fact(
        id=fact_id,
        kind=draw(st.sampled_from([FactKind.AMOUNT, FactKind.AMOUNT, FactKind.SHARE])),
        value=value,
        surface=str(value),
        indicator=draw(st.sampled_from(_PHRASES)),
        subject=draw(st.sampled_from(_SUBJECTS)),
        period=draw(st.sampled_from(_PERIODS)),
        modality=draw(st.sampled_from([Modality.ACTUAL, Modality.ACTUAL, *Modality])),
        qualifiers=tuple(draw(st.lists(st.sampled_from(["新增", "累计", "约"]), max_size=1))),
        span=span,
        sentence=sentence,
        record=None if from_text else "row 1",
    )


@st.composite
def _crowded_reports(draw: st.DrawFn) -> Report:
    """A report of up to 12 crowded figures, with a text whose clauses may name indicators."""
    n = draw(st.integers(min_value=0, max_value=12))
    facts = [draw(_crowded_facts(f"f{i}")) for i in range(1, n + 1)]
    text = "".join(draw(st.lists(st.sampled_from(_TEXT_WORDS), min_size=10, max_size=30)))
    return Report(source="x", text=text, facts=tuple(facts))


def _first_accepted(
    ctx: CheckContext,
    fact: Fact,
    names: Iterable[str],
    *,
    kinds: tuple[FactKind, ...],
    head: bool,
    where: Callable[[Fact], bool] | None,
) -> Fact | None:
    ranked = counterparts(ctx, fact, names, kinds=kinds, head=head)
    return next((f for f in ranked if where is None or where(f)), None)


def _assert_same(
    report: Report,
    queries: Iterable[Fact],
    names: tuple[str, ...],
    *,
    kinds: tuple[FactKind, ...] = (FactKind.AMOUNT,),
    head: bool = False,
    where: Callable[[Fact], bool] | None = None,
) -> int:
    """Compare for every query; the number of queries that found a counterpart."""
    # one context each, so that neither answer leans on what the other memoized
    index = CounterpartIndex(
        CheckContext(report=report), names, kinds=kinds, head=head, where=where
    )
    plain = CheckContext(report=report)
    found = 0
    for fact in queries:
        expected = _first_accepted(plain, fact, names, kinds=kinds, head=head, where=where)
        got = index.nearest(fact)
        assert (None if got is None else got.id) == (None if expected is None else expected.id), (
            f"{fact.id} ({fact.indicator}, {fact.subject}, {fact.period}, {fact.span}, "
            f"{fact.sentence}): index gives {got}, counterparts {expected}"
        )
        found += expected is not None
    return found


@settings(max_examples=150, deadline=None)  # timing belongs in benchmarks
@given(
    report=_crowded_reports(),
    names=st.lists(st.sampled_from(_NAMES), min_size=1, max_size=3, unique=True),
    kinds=st.sampled_from([(FactKind.AMOUNT,), (FactKind.AMOUNT, FactKind.SHARE)]),
    head=st.booleans(),
    accepted=st.none() | st.frozensets(st.sampled_from([f"f{i}" for i in range(1, 13)])),
    stranger=_crowded_facts("q"),
)
def test_nearest_is_the_first_accepted_counterpart(
    *, report, names, kinds, head, accepted, stranger
):
    where = None if accepted is None else (lambda f: f.id in accepted)
    # every figure of the report, and one figure from elsewhere with an id of its own
    queries = (*report.facts, stranger)
    _assert_same(report, queries, tuple(names), kinds=kinds, head=head, where=where)


def test_a_part_finds_its_whole_and_the_whole_not_itself():
    whole = Fact(
        id="a",
        kind=FactKind.AMOUNT,
        value=Value.parse("120亩"),
        surface="120亩",
        indicator="粮食种植面积",
        period=Period.year(2023),
    )
    part = attrs.evolve(whole, id="b", indicator="小麦播种", value=Value.parse("80亩"))
    report = Report(source="x", facts=(whole, part))
    index = CounterpartIndex(CheckContext(report=report), "粮食播种面积")
    assert index.nearest(part) is whole
    assert index.nearest(whole) is None
    assert _assert_same(report, report.facts, ("粮食播种面积",)) == 1


@pytest.fixture(scope="module")
def corpus_reports(corpus_dir):
    paths = sorted(corpus_dir.glob("*.txt"))
    assert paths, f"no reports in {corpus_dir}"
    return [extract(read_document(p)) for p in paths]


def _in_yuan(fact: Fact) -> bool:
    return interval_in_unit(fact, "元") is not None


def test_nearest_on_the_corpus(corpus_reports):
    found = 0
    for report in corpus_reports:
        ctx = CheckContext(report=report)
        named = ctx.with_indicators(FactKind.AMOUNT)
        # the wholes of the parts the report names, as TK203 looks them up, and each of the
        # report's indicators with the stricter lookup of the sector packs and a unit filter
        wholes = sorted({w for _, ind in named for w in ind.part_of})
        names = sorted({ind.name for _, ind in named})
        amounts = tuple(f for f in report.facts if f.kind is FactKind.AMOUNT)
        for whole in wholes:
            found += _assert_same(report, amounts, (whole,))
        for name in names[:: max(1, len(names) // 12)]:
            found += _assert_same(report, amounts, (name,), head=True, where=_in_yuan)
        if len(wholes) > 1:
            found += _assert_same(report, report.facts, tuple(wholes), kinds=tuple(FactKind))
    assert found > 0, "no figure of the corpus has a counterpart: the comparison tested nothing"
