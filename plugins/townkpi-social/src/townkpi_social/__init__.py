"""townkpi-social: social-services checks and indicators for townkpi.

A townkpi plugin, found through its entry point ``social`` in the group ``townkpi``. It contributes

- three checks: SOC101 (a rate of outcomes such as 调处成功率 or 办结率 against the counts of
  cases and outcomes), SOC102 (outcomes cannot outnumber the cases taken on in one sentence) and
  SOC103 (trainees who found work cannot outnumber the people trained);
- catalog entries for mediation and hotlines, elderly care, school places, pensions, social
  assistance and employment programmes (``indicators.toml``);
- extraction phrases for the rates of outcomes.

Example:
    >>> from townkpi import PluginHost
    >>> import townkpi_social
    >>> host = PluginHost.create(entry_points=False, plugins=[townkpi_social])
    >>> sorted(c.code for c in host.checks() if c.code.startswith("SOC"))
    ['SOC101', 'SOC102', 'SOC103']
    >>> host.catalog().lookup("新增养老床位").name
    '养老床位'
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
SECTOR = "social"


@hookimpl
def townkpi_register_checks() -> list[type[Check]]:
    """The social-services checks SOC101, SOC102 and SOC103."""
    from townkpi_social.checks import (  # noqa: PLC0415 - imported lazily, when checks run
        EmployedAboveTrained,
        OutcomeAboveHandled,
        OutcomeRateCounts,
    )

    return [OutcomeRateCounts, OutcomeAboveHandled, EmployedAboveTrained]


@hookimpl
def townkpi_register_indicators() -> list[Indicator]:
    """The pack's catalog entries, read from its ``indicators.toml``."""
    text = resources.files("townkpi_social").joinpath("indicators.toml").read_text("utf-8")
    return list(indicators_from_toml(text, source="townkpi-social/indicators.toml"))


@hookimpl
def townkpi_register_patterns() -> list[Phrase]:
    """Phrases that introduce a rate of outcomes, and the indicators they name."""
    rates = {
        "调处成功率": "调处成功率",
        "调解成功率": "调处成功率",
        "办复率": "提案办复率",
        "一次性化解率": "初信初访化解率",
        "积案化解率": "信访积案化解率",
    }
    return [
        Phrase(phrase=p, indicator=ind, kind=FactKind.RATE, sector=SECTOR)
        for p, ind in rates.items()
    ]
