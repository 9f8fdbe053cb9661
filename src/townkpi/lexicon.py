"""Extraction lexicon entries that plugins contribute: phrases that name indicators or fact kinds.

A [`Phrase`][townkpi.lexicon.Phrase] tells the extractor that a phrase in a report introduces a
figure of a certain indicator and kind: ``秸秆综合利用率`` introduces a rate of the indicator
秸秆综合利用率, ``亩均税收`` an amount per 亩. Plugins contribute them through the
``townkpi_register_patterns`` hook; the extractor may use them to recognise indicators it does not
know by itself.

Examples:
    >>> from townkpi.model import FactKind
    >>> Phrase(phrase="秸秆综合利用率", indicator="秸秆综合利用率", kind=FactKind.RATE).kind.value
    'rate'
"""

from __future__ import annotations

import attrs

from townkpi.model import FactKind

__all__ = ["Phrase"]


@attrs.frozen(slots=True, kw_only=True)
class Phrase:
    """A phrase that introduces a figure.

    Attributes:
        phrase: The words as a report writes them (秸秆综合利用率, 发案量).
        indicator: The canonical indicator the phrase names, or None when it only marks a kind.
        kind: The kind of fact the phrase introduces (a rate, a share …), or None for any.
        sector: The sector of the plugin that contributed it.
    """

    phrase: str = attrs.field(validator=attrs.validators.min_len(1))
    indicator: str | None = None
    kind: FactKind | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(FactKind))
    )
    sector: str = "general"
