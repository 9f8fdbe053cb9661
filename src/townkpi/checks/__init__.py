"""The built-in checks: plugins of townkpi registered exactly like installed ones.

Each module is a plugin with a ``townkpi_register_checks`` hook implementation; the modules are
listed in [`DEFAULT_PLUGINS`][townkpi.plugins.DEFAULT_PLUGINS]. The base class and the context
every check receives are in [`townkpi.checks.base`][townkpi.checks.base].

Codes of the built-in checks:

- ``TK000``: a check crashed (reported by the runner).
- ``TK1xx``: rates (completion, handling, coverage) against counts and against 100%.
- ``TK2xx``: shares, parts and wholes, sums of parts.
- ``TK3xx``: signs and ranges (double negatives, impossible declines, fractional counts, ranks,
  dates, reversed ranges, values outside an indicator's range).
- ``TK4xx``: dimensions (an indicator measured in a unit it cannot have).
- ``TK5xx``: periods (a partial year above the full year).
- ``TK6xx``: targets (impossible targets, targets below what is already achieved).
"""
