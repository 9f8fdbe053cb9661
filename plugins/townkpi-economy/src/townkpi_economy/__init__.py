"""townkpi-economy: economy checks and indicators for townkpi.

A sector pack, installed as its own package and found by townkpi through the entry point
``economy`` of the group ``townkpi``. It contributes:

- checks with the prefix ``ECO``: value added above gross output (ECO101), an urban-rural
  income ratio that the two incomes cannot give (ECO102), an overall income outside the range of
  urban and rural income (ECO103), and a share of an aggregate that disagrees with the part and
  the aggregate stated (ECO104);
- catalog entries of the economy (output and value added by sector, fiscal revenue, trade,
  investment, consumption, incomes, enterprises), read from ``indicators.toml``.

Example:
    >>> from townkpi import PluginHost
    >>> import townkpi_economy
    >>> host = PluginHost.create(entry_points=False, plugins=[townkpi_economy])
    >>> sorted(c.code for c in host.checks() if c.code.startswith("ECO"))
    ['ECO101', 'ECO102', 'ECO103', 'ECO104']
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Final

from townkpi import hookimpl, indicators_from_toml

if TYPE_CHECKING:
    from townkpi import Check, Indicator

__all__ = ["CATALOG_FILE", "townkpi_register_checks", "townkpi_register_indicators"]

#: The package data file with the pack's catalog entries.
CATALOG_FILE: Final = "indicators.toml"


@hookimpl
def townkpi_register_checks() -> list[type[Check]]:
    """The economy checks, imported when townkpi asks for them."""
    from townkpi_economy.income import (  # noqa: PLC0415 - imported lazily, as hooks should
        IncomeGapRatio,
        OverallIncomeOutsideRange,
    )
    from townkpi_economy.shares import ShareOfStatedWhole  # noqa: PLC0415
    from townkpi_economy.value_added import ValueAddedAboveOutput  # noqa: PLC0415

    return [ValueAddedAboveOutput, IncomeGapRatio, OverallIncomeOutsideRange, ShareOfStatedWhole]


@hookimpl
def townkpi_register_indicators() -> list[Indicator]:
    """The economy catalog entries of ``indicators.toml``."""
    text = resources.files(__name__).joinpath(CATALOG_FILE).read_text(encoding="utf-8")
    return list(indicators_from_toml(text, source=f"townkpi-economy/{CATALOG_FILE}"))
