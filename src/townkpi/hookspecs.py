"""The plugin hooks: every way a plugin can extend townkpi.

A plugin is a module (or any object) with functions named after these hooks and marked with
[`hookimpl`][townkpi.hookspecs.hookimpl]. townkpi's own checks and catalog are plugins of exactly
this kind (see [`DEFAULT_PLUGINS`][townkpi.plugins.DEFAULT_PLUGINS]); an installed package becomes
a plugin by declaring an entry point in the group ``townkpi``:

```toml
[project.entry-points.townkpi]
economy = "townkpi_economy"
```

Contribution hooks return lists and are called once per run; townkpi collects the lists of every
plugin. A plugin that fails to import, register or answer a hook is reported as a
[`PluginFault`][townkpi.findings.PluginFault] naming it and its version; the other plugins still
run.

Examples:
    A plugin module contributing one check:

    ```python
    from townkpi import Check, CheckContext, Finding, hookimpl


    class NoNegativeCounts(Check):
        code = "EX101"
        name = "example.no_negative_counts"
        description = "A count cannot be negative."

        def check(self, ctx: CheckContext) -> Iterator[Finding]:
            return iter(())


    @hookimpl
    def townkpi_register_checks() -> list[type[Check]]:
        return [NoNegativeCounts]
    ```
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import pluggy

if TYPE_CHECKING:
    from townkpi.catalog import Indicator
    from townkpi.checks.base import Check
    from townkpi.config import Config
    from townkpi.lexicon import Phrase
    from townkpi.units import UnitDefinition

__all__ = [
    "PROJECT_NAME",
    "hookimpl",
    "hookspec",
    "townkpi_add_units",
    "townkpi_configure",
    "townkpi_register_checks",
    "townkpi_register_indicators",
    "townkpi_register_patterns",
]

PROJECT_NAME: Final = "townkpi"
"""The pluggy project name, and the entry-point group plugins are found in."""

hookspec: Final = pluggy.HookspecMarker(PROJECT_NAME)
"""Marks a function of this module as a hook specification."""

hookimpl: Final = pluggy.HookimplMarker(PROJECT_NAME)
"""Marks a plugin's function as the implementation of the hook of the same name."""


# ---------------------------------------------------------------------------------------------
# Contributions: called once per run, every plugin's list is collected.
# ---------------------------------------------------------------------------------------------


@hookspec
def townkpi_register_checks() -> list[type[Check]]:  # type: ignore[empty-body]
    """Contribute check classes.

    Each class derives from [`Check`][townkpi.checks.base.Check] and declares a unique ``code``
    (a sector pack uses its own prefix, such as ``ECO``), a dotted ``name``, a one-line
    ``description`` and a docstring with 反例 (wrong) and 正例 (right) sections, which the checks
    catalogue in the documentation shows. Import heavy modules inside the hook, not at the top of
    the plugin, so that listing plugins stays fast.

    Returns:
        The check classes (not instances); townkpi instantiates them with their configuration.
    """


@hookspec
def townkpi_register_indicators() -> list[Indicator]:  # type: ignore[empty-body]
    """Contribute entries to the indicator catalog.

    An entry whose canonical name is already in the catalog refines it: its fields replace the
    earlier entry's and the aliases of both are kept. Entries are usually read from a TOML file
    shipped with the plugin, with
    [`indicators_from_toml`][townkpi.catalog.indicators_from_toml].

    Returns:
        The [`Indicator`][townkpi.catalog.Indicator] entries.
    """


@hookspec(historic=True)
def townkpi_add_units() -> list[str | UnitDefinition]:  # type: ignore[empty-body]
    """Contribute unit definitions to townkpi's one unit registry.

    This hook is historic: a plugin registered late still has its units defined, before its
    catalog entries are read. Each item is a line of pint's definition syntax, with an ASCII
    canonical name, a relation, then the Chinese symbol and aliases; a unit measured in a
    dimension of its own gets a bracketed dimension:

    ```python
    ["mu_yield = kilogram / mu = 公斤每亩", "year_of_age = [age] = 岁"]
    ```

    **Counting units.** A unit that counts whole things (筐, 剂 …) belongs in the group
    ``counting``, as the built-in 户, 人 and 家 do in ``units.txt``: then its category is
    ``count``, a whole number of it is exact, and the core checks of counts apply to it
    (fractional counts, TK303; rates over counts, TK101). Either return a
    [`UnitDefinition`][townkpi.units.UnitDefinition] with ``group="counting"``, or wrap the lines
    in a pint group block:

    ```python
    from townkpi import UnitDefinition

    [
        UnitDefinition(name="basket", relation="[basket]", symbols=("筐",), group="counting"),
        "@group counting",
        "dose = [dose] = 剂 = 剂次",
        "@end",
    ]
    ```

    A unit outside the group (a plain line) has the category ``other`` unless its dimension is
    one townkpi knows (area, mass …); its figures are read and converted, but not treated as
    counts of whole things.

    Returns:
        The definitions: lines (``@group NAME`` … ``@end`` blocks included) and
        ``UnitDefinition``s. A line that pint rejects, that redefines a unit, or a block left
        open is reported as a fault of the plugin.
    """


@hookspec
def townkpi_register_patterns() -> list[Phrase]:  # type: ignore[empty-body]
    """Contribute extraction lexicon entries: phrases that introduce figures of an indicator.

    Returns:
        The [`Phrase`][townkpi.lexicon.Phrase] entries, for the extractor to recognise indicators
        of the plugin's sector.
    """


# ---------------------------------------------------------------------------------------------
# Notifications
# ---------------------------------------------------------------------------------------------


@hookspec
def townkpi_configure(config: Config) -> None:
    """Receive the configuration before checks run.

    A plugin may read its own options here: ``config.plugin_options("economy")`` holds the table
    ``[tool.townkpi.plugins.economy]`` of ``pyproject.toml``.

    Args:
        config: The run's [`Config`][townkpi.config.Config].
    """
