"""townkpi-agriculture: agriculture checks and indicators for townkpi.

A sector pack, installed as its own package and found by townkpi through the entry point
``agriculture`` of the group ``townkpi``. It contributes:

- checks with the prefix ``AGR``: a crop's output over its sown area that misses the stated
  yield or any possible one (AGR101), a level and its growth that disagree with last year's
  stated level (AGR102), last year's level a level and its growth imply (AGR103, information),
  and a year's addition above the running total that includes it (AGR104);
- catalog entries of agriculture (sown areas and outputs by crop, yields per mu, livestock,
  farmland, land consolidation, farm enterprises), read from ``indicators.toml``;
- the unit 公斤每亩 (``kilogram_per_mu``), in which reports write yields per mu.

Example:
    >>> from townkpi import PluginHost
    >>> import townkpi_agriculture
    >>> host = PluginHost.create(entry_points=False, plugins=[townkpi_agriculture])
    >>> sorted(c.code for c in host.checks() if c.code.startswith("AGR"))
    ['AGR101', 'AGR102', 'AGR103', 'AGR104']
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Final

from townkpi import hookimpl, indicators_from_toml

if TYPE_CHECKING:
    from townkpi import Check, Indicator

__all__ = [
    "CATALOG_FILE",
    "townkpi_add_units",
    "townkpi_register_checks",
    "townkpi_register_indicators",
]

#: The package data file with the pack's catalog entries.
CATALOG_FILE: Final = "indicators.toml"


@hookimpl
def townkpi_register_checks() -> list[type[Check]]:
    """The agriculture checks, imported when townkpi asks for them."""
    from townkpi_agriculture.cumulative import (  # noqa: PLC0415 - imported lazily, as hooks should
        NewAboveCumulative,
    )
    from townkpi_agriculture.previous import (  # noqa: PLC0415
        ImpliedPreviousLevel,
        PreviousLevelConflict,
    )
    from townkpi_agriculture.yields import YieldInconsistent  # noqa: PLC0415

    return [YieldInconsistent, PreviousLevelConflict, ImpliedPreviousLevel, NewAboveCumulative]


@hookimpl
def townkpi_register_indicators() -> list[Indicator]:
    """The agriculture catalog entries of ``indicators.toml``."""
    text = resources.files(__name__).joinpath(CATALOG_FILE).read_text(encoding="utf-8")
    return list(indicators_from_toml(text, source=f"townkpi-agriculture/{CATALOG_FILE}"))


@hookimpl
def townkpi_add_units() -> list[str]:
    """公斤每亩 and 斤每亩, yields per mu as reports write them (单产达到412公斤每亩)."""
    return ["kilogram_per_mu = kilogram / mu = 公斤每亩", "jin_per_mu = jin / mu = 斤每亩"]
