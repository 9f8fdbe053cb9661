"""townkpi-plugin-example: a minimal townkpi plugin to copy.

A townkpi plugin is a module with functions named after townkpi's hooks and marked with
`townkpi.hookimpl`; an entry point in the group ``townkpi`` (see pyproject.toml) makes townkpi load
it. This one implements three hooks:

- ``townkpi_add_units`` defines the units 岁 (years of age) and 剂 (vaccine doses, a counting
  unit), which townkpi does not know;
- ``townkpi_register_indicators`` adds the catalog entry 人均预期寿命 (life expectancy), read from
  ``indicators.toml``;
- ``townkpi_register_checks`` adds the check EXM101 (a life expectancy said to rise ends lower).

Example:
    >>> from townkpi import PluginHost
    >>> import townkpi_plugin_example
    >>> host = PluginHost.create(entry_points=False, plugins=[townkpi_plugin_example])
    >>> [c.code for c in host.checks() if c.code.startswith("EXM")]
    ['EXM101']
    >>> host.catalog().lookup("人均预期寿命").dimensions
    ('other:岁',)
"""

from __future__ import annotations

from importlib import resources

from townkpi import Check, Indicator, UnitDefinition, hookimpl, indicators_from_toml

__all__ = ["townkpi_add_units", "townkpi_register_checks", "townkpi_register_indicators"]


# townkpi_add_units is a *historic* hook: townkpi calls it as soon as the plugin is registered,
# before it reads any catalog entry, so the entries and the checks below can use the units.
@hookimpl
def townkpi_add_units() -> list[str | UnitDefinition]:
    """The units 岁 (and 周岁), years of age, and 剂 (and 剂次), vaccine doses.

    A unit is a line of pint's definition syntax, or a `townkpi.UnitDefinition`: an ASCII name,
    its relation (``[age]`` is a new dimension), then the symbols reports write. A unit that
    counts whole things goes in the group ``counting``: 12.5剂 is then a fractional count
    (TK303), and a rate over a count of doses is checked for a whole total (TK101). An age is
    not a count, so 岁 stays outside the group.
    """
    return [
        "year_of_age = [age] = 岁 = 周岁",
        UnitDefinition(
            name="vaccine_dose", relation="[vaccine_dose]", symbols=("剂", "剂次"), group="counting"
        ),
    ]


@hookimpl
def townkpi_register_indicators() -> list[Indicator]:
    """The plugin's catalog entries, kept as data in ``indicators.toml``."""
    text = resources.files("townkpi_plugin_example").joinpath("indicators.toml").read_text("utf-8")
    return list(indicators_from_toml(text, source="townkpi-plugin-example/indicators.toml"))


@hookimpl
def townkpi_register_checks() -> list[type[Check]]:
    """The plugin's checks, imported here so that listing plugins stays fast."""
    from townkpi_plugin_example.check import LifeExpectancyRise  # noqa: PLC0415 - lazily

    return [LifeExpectancyRise]
