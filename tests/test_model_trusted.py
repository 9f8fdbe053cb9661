"""The extractor's trusted constructors build exactly what the validating constructors build.

``trusted_span``, ``trusted_fact``, ``trusted_skipped`` and ``trusted_skips`` skip the attrs validators on the hot
path of extraction. They set every field by hand, so a field added to a class and forgotten there
would leave objects without it: these properties compare them field by field with the public
constructors, over generated values.
"""

import attrs
from hypothesis import given
from hypothesis.strategies import lists

from strategies import facts, skipped_mentions, spans
from townkpi.model import (
    Fact,
    SkippedMention,
    Span,
    trusted_fact,
    trusted_skipped,
    trusted_skips,
    trusted_span,
)


def _fields(obj: object) -> dict[str, object]:
    return {a.name: getattr(obj, a.name) for a in attrs.fields(type(obj))}


@given(spans())
def test_trusted_span_equals_the_constructor(span):
    built = trusted_span(span.start, span.end, span.line, span.column)
    assert built == span
    assert _fields(built) == _fields(
        Span(start=span.start, end=span.end, line=span.line, column=span.column)
    )


@given(facts(with_span=True))
def test_trusted_fact_sets_every_field(fact):
    fact = attrs.evolve(fact, record=None, extras=(), sentence=fact.span)
    built = trusted_fact(
        id=fact.id,
        kind=fact.kind,
        value=fact.value,
        surface=fact.surface,
        indicator=fact.indicator,
        subject=fact.subject,
        period=fact.period,
        modality=fact.modality,
        qualifiers=fact.qualifiers,
        start=fact.span.start,
        end=fact.span.end,
        line=fact.span.line,
        column=fact.span.column,
        sentence=fact.sentence,
        refers_to=fact.refers_to,
    )
    assert _fields(built) == _fields(fact)
    assert built == Fact(**_fields(fact))


@given(skipped_mentions())
def test_trusted_skipped_equals_the_constructor(mention):
    built = trusted_skipped(mention.span, mention.surface, mention.reason)
    assert _fields(built) == _fields(
        SkippedMention(span=mention.span, surface=mention.surface, reason=mention.reason)
    )


@given(lists(skipped_mentions(), max_size=5))
def test_trusted_skips_equal_the_constructor(mentions):
    built = trusted_skips(
        [(m.span.start, m.span.end, m.surface, m.reason) for m in mentions],
        [m.span.line for m in mentions],
        [m.span.column for m in mentions],
    )
    assert type(built) is tuple
    assert [_fields(b) for b in built] == [_fields(m) for m in mentions]
    assert [_fields(b.span) for b in built] == [_fields(m.span) for m in mentions]
