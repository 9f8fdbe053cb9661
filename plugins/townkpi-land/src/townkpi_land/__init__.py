"""townkpi-land: land and relocation checks and indicators for townkpi.

A sector pack, installed as its own package and found by townkpi through the entry point
``land`` of the group ``townkpi``. It contributes:

- checks with the prefix ``LAN``: a completion rate that the done amount and the stated total
  cannot give (LAN101), relocation or land acquisition done to date that falls (LAN102), a 征地
  or 拆迁 completion rate over an amount of the wrong dimension (LAN103), and an area restated in
  another unit that is not the same area (LAN104);
- catalog entries of land and relocation (the whole task of a relocation or acquisition,
  agreements signed, land after demolition, land supply, idle and inefficient land,
  construction land, compensation), read from ``indicators.toml``.

Example:
    >>> from townkpi import PluginHost
    >>> import townkpi_land
    >>> host = PluginHost.create(entry_points=False, plugins=[townkpi_land])
    >>> sorted(c.code for c in host.checks() if c.code.startswith("LAN"))
    ['LAN101', 'LAN102', 'LAN103', 'LAN104']
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
    """The land and relocation checks, imported when townkpi asks for them."""
    from townkpi_land.basis import RateOverWrongBasis  # noqa: PLC0415 - imported lazily
    from townkpi_land.completion import CompletionRateAgainstTotal  # noqa: PLC0415
    from townkpi_land.cumulative import CumulativeFell  # noqa: PLC0415
    from townkpi_land.restated import RestatedAreaDisagrees  # noqa: PLC0415

    return [CompletionRateAgainstTotal, CumulativeFell, RateOverWrongBasis, RestatedAreaDisagrees]


@hookimpl
def townkpi_register_indicators() -> list[Indicator]:
    """The land and relocation catalog entries of ``indicators.toml``."""
    text = resources.files(__name__).joinpath(CATALOG_FILE).read_text(encoding="utf-8")
    return list(indicators_from_toml(text, source=f"townkpi-land/{CATALOG_FILE}"))
