"""Facts built in code, read as a report would write them.

Another town system that holds a figure in a variable can make the same typed fact that
extraction makes from text:

    >>> gdp = fact("地区生产总值", "131.5亿元", period="2023-01/2023-09", subject="全镇")
    >>> growth = change("5.4%", refers_to=gdp)
    >>> gdp.id, growth.id
    ('全镇 地区生产总值 2023-01/2023-09', '全镇 地区生产总值 2023-01/2023-09 change')
    >>> str(growth.value), growth.indicator, str(growth.period), growth.refers_to == gdp.id
    ('5.4%', '地区生产总值', '2023-01/2023-09', True)
    >>> str(gdp.interval)
    '[131.45, 131.55)'

A change, share or rate that refers to an amount takes its indicator, subject, period and
modality from it unless given. Values keep their written precision (``8.0`` is not ``8``) and
their qualifiers (``约230亩``, ``2.2万余个``, ``99.5%以上``). Ids are made from what the fact is
about, so the same code builds the same ids; pass ``id=`` when two facts would share one.
"""

from __future__ import annotations

from typing import Final

from townkpi.model import Fact, FactKind, Modality, Period, Value
from townkpi.records.convert import qualifier_words

__all__ = ["change", "fact", "rate", "share"]

#: Words before a change that give its sign: 增长5.4% is +5.4, 下降8.7% is -8.7.
_RISE: Final = ("增长", "增加", "提高", "上升", "提升")
_FALL: Final = ("下降", "减少", "降低", "回落", "下滑")
_COMPARED: Final = ("同比", "比上年", "环比")


def _kind(kind: FactKind | str) -> FactKind:
    try:
        return FactKind(kind)
    except ValueError:
        expected = ", ".join(k.value for k in FactKind)
        raise ValueError(f"unknown kind {kind!r} (expected {expected})") from None


def _modality(modality: Modality | str) -> Modality:
    try:
        return Modality(modality)
    except ValueError:
        expected = ", ".join(m.value for m in Modality)
        raise ValueError(f"unknown modality {modality!r} (expected {expected})") from None


def _period(period: str | int | Period | None) -> Period | None:
    if period is None or isinstance(period, Period):
        return period
    if isinstance(period, int):
        return Period.year(period)
    return Period.parse(period)


def _fact_id(
    *,
    indicator: str | None,
    subject: str | None,
    period: Period | None,
    kind: FactKind,
    modality: Modality,
    value: Value,
) -> str:
    parts = [subject, indicator or str(value), None if period is None else str(period)]
    if modality is not Modality.ACTUAL:
        parts.append(modality.value)
    if kind is not FactKind.AMOUNT:
        parts.append(kind.value)
    return " ".join(p for p in parts if p)


def fact(
    indicator: str | None,
    value: str,
    *,
    period: str | int | Period | None = None,
    subject: str | None = None,
    kind: FactKind | str = FactKind.AMOUNT,
    modality: Modality | str | None = None,
    refers_to: Fact | str | None = None,
    qualifiers: tuple[str, ...] | None = None,
    id: str | None = None,
) -> Fact:
    """A fact from a figure as a report writes it.

    Args:
        indicator: What is measured (地区生产总值), or None.
        value: The figure with its unit and qualifiers: ``131.5亿元``, ``超过10家``, ``98.8%``.
        period: ``2023``, ``2023-01/2023-09``, ``2024-Q2``, a year as an int, or a `Period`.
        subject: Who or where (全镇, 宁慈线).
        kind: ``amount`` (default), ``change``, ``share``, ``rate``, ``ratio`` or ``rank``.
        modality: ``actual`` (default), ``estimate`` or ``target``; a referring fact takes its
            referent's.
        refers_to: The amount a change, share or rate qualifies (a fact or its id). A fact given
            here lends its indicator, subject, period and modality when those are not given.
        qualifiers: The fact's qualifier words; default: those written in ``value``.
        id: The fact's id; default: made from subject, indicator, period, modality and kind.

    Raises:
        NumberFormatError: ``value`` has no number where one is expected.
        UnitError: The unit is unknown.
        ValueError: ``kind``, ``modality`` or ``period`` is not one townkpi knows.

    Example:
        >>> f = fact("一般公共预算收入", "8.0亿元", period=2023)
        >>> f.value.text, f.unit, str(f.interval)
        ('8.0', '亿元', '[7.95, 8.05)')
        >>> fact("新进规企业", "超过10家", period=2024, modality="target").id
        '新进规企业 2024 target'
    """
    return _build(
        indicator,
        value,
        Value.parse(value),
        period=period,
        subject=subject,
        kind=_kind(kind),
        modality=modality,
        refers_to=refers_to,
        qualifiers=qualifiers,
        fact_id=id,
    )


def _build(
    indicator: str | None,
    written: str,
    parsed: Value,
    *,
    period: str | int | Period | None,
    subject: str | None,
    kind: FactKind,
    modality: Modality | str | None,
    refers_to: Fact | str | None,
    qualifiers: tuple[str, ...] | None,
    fact_id: str | None,
) -> Fact:
    referent = refers_to if isinstance(refers_to, Fact) else None
    the_period = _period(period)
    if referent is not None:
        indicator = indicator if indicator is not None else referent.indicator
        subject = subject if subject is not None else referent.subject
        the_period = the_period if the_period is not None else referent.period
        modality = modality if modality is not None else referent.modality
    the_modality = _modality(modality) if modality is not None else Modality.ACTUAL
    return Fact(
        id=fact_id
        or _fact_id(
            indicator=indicator,
            subject=subject,
            period=the_period,
            kind=kind,
            modality=the_modality,
            value=parsed,
        ),
        kind=kind,
        value=parsed,
        surface=written.strip(),
        indicator=indicator,
        subject=subject,
        period=the_period,
        modality=the_modality,
        qualifiers=qualifier_words(written) if qualifiers is None else qualifiers,
        refers_to=refers_to.id if isinstance(refers_to, Fact) else refers_to,
    )


def _signed(value: str) -> tuple[str, bool]:
    """The figure without its sign word, and whether it is a fall."""
    rest = value.strip()
    for word in _COMPARED:
        rest = rest.removeprefix(word)
    for word in _FALL:
        if rest.startswith(word):
            return rest[len(word) :], True
    for word in _RISE:
        if rest.startswith(word):
            return rest[len(word) :], False
    return rest, False


def change(
    value: str,
    *,
    refers_to: Fact | str | None = None,
    indicator: str | None = None,
    period: str | int | Period | None = None,
    subject: str | None = None,
    modality: Modality | str | None = None,
    id: str | None = None,
) -> Fact:
    """A change over a comparison period: ``5.4%``, ``-8.7%``, ``下降8.7%``, ``提高2个百分点``.

    A leading 增长/提高/上升 (rise) or 下降/减少/降低 (fall), optionally after 同比, gives the sign.

    Args:
        value: The change as written.
        refers_to: The amount it is a change of (a fact or its id).
        indicator: What is measured; default: the referent's.
        period: The period; default: the referent's.
        subject: Who or where; default: the referent's.
        modality: Actual, estimate or target; default: the referent's, else actual.
        id: The fact's id; default: made from what it is about.

    Example:
        >>> fall = change("同比下降8.7%", indicator="案件发案量", period=2023)
        >>> fall.value.text, str(fall.interval), fall.surface
        ('-8.7', '(-8.75, -8.65]', '同比下降8.7%')
    """
    figure, negative = _signed(value)
    return _build(
        indicator,
        value,
        Value.parse(figure, negative=negative),
        period=period,
        subject=subject,
        kind=FactKind.CHANGE,
        modality=modality,
        refers_to=refers_to,
        qualifiers=None,
        fact_id=id,
    )


def share(
    value: str,
    *,
    refers_to: Fact | str | None = None,
    indicator: str | None = None,
    period: str | int | Period | None = None,
    subject: str | None = None,
    modality: Modality | str | None = None,
    id: str | None = None,
) -> Fact:
    """A part as a percentage of a whole: ``15.56%`` of the city's digital economy.

    Args:
        value: The share as written.
        refers_to: The part it is a share of (a fact or its id).
        indicator: What is measured; default: the referent's.
        period: The period; default: the referent's.
        subject: Who or where; default: the referent's.
        modality: Actual, estimate or target; default: the referent's, else actual.
        id: The fact's id; default: made from what it is about.
    """
    return fact(
        indicator,
        value,
        period=period,
        subject=subject,
        kind=FactKind.SHARE,
        modality=modality,
        refers_to=refers_to,
        id=id,
    )


def rate(
    value: str,
    *,
    refers_to: Fact | str | None = None,
    indicator: str | None = None,
    period: str | int | Period | None = None,
    subject: str | None = None,
    modality: Modality | str | None = None,
    id: str | None = None,
) -> Fact:
    """A completion, handling or coverage rate: ``98.8%`` of the households to relocate.

    Args:
        value: The rate as written.
        refers_to: The count or amount done (a fact or its id).
        indicator: What is measured; default: the referent's.
        period: The period; default: the referent's.
        subject: Who or where; default: the referent's.
        modality: Actual, estimate or target; default: the referent's, else actual.
        id: The fact's id; default: made from what it is about.

    Example:
        >>> done = fact("拆迁", "169户", subject="宁慈线", period=2023)
        >>> r = rate("98.8%", refers_to=done)
        >>> r.id, str(r.interval), str(done.interval)
        ('宁慈线 拆迁 2023 rate', '[98.75, 98.85)', '[169]')
    """
    return fact(
        indicator,
        value,
        period=period,
        subject=subject,
        kind=FactKind.RATE,
        modality=modality,
        refers_to=refers_to,
        id=id,
    )
