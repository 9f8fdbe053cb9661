"""townkpi-urban: urban-governance checks and indicators for townkpi.

A townkpi plugin, found through its entry point ``urban`` in the group ``townkpi``. It contributes

- two checks: URB101 (a rate of handling such as 整改销号率 or 处置率 against the counts found
  and handled) and URB102 (things handled cannot outnumber the things found in one sentence);
- catalog entries for urban renewal, housing, safety campaigns and city management
  (``indicators.toml``);
- extraction phrases for the rates of handling.

Example:
    >>> from townkpi import PluginHost
    >>> import townkpi_urban
    >>> host = PluginHost.create(entry_points=False, plugins=[townkpi_urban])
    >>> sorted(c.code for c in host.checks() if c.code.startswith("URB"))
    ['URB101', 'URB102']
    >>> host.catalog().lookup("改造农村危房").name
    '危旧房改造'
"""

from __future__ import annotations

from importlib import resources

from townkpi import Check, FactKind, Indicator, Phrase, hookimpl, indicators_from_toml

__all__ = [
    "townkpi_register_checks",
    "townkpi_register_indicators",
    "townkpi_register_patterns",
]

#: The sector of this pack's catalog entries and phrases.
SECTOR = "urban"


@hookimpl
def townkpi_register_checks() -> list[type[Check]]:
    """The urban-governance checks URB101 and URB102."""
    from townkpi_urban.checks import HandledAboveFound, HandlingRateCounts  # noqa: PLC0415 - lazily

    return [HandlingRateCounts, HandledAboveFound]


@hookimpl
def townkpi_register_indicators() -> list[Indicator]:
    """The pack's catalog entries, read from its ``indicators.toml``."""
    text = resources.files("townkpi_urban").joinpath("indicators.toml").read_text("utf-8")
    return list(indicators_from_toml(text, source="townkpi-urban/indicators.toml"))


@hookimpl
def townkpi_register_patterns() -> list[Phrase]:
    """Phrases that introduce a rate of handling, and the indicators they name."""
    rates = {"整改销号率": "整改销号率", "销号率": "整改销号率", "处置率": "处置率"}
    return [
        Phrase(phrase=p, indicator=ind, kind=FactKind.RATE, sector=SECTOR)
        for p, ind in rates.items()
    ]
