"""Built-in checks (being written)."""

from __future__ import annotations

from townkpi.checks.base import Check
from townkpi.hookspecs import hookimpl

__all__ = ["townkpi_register_checks"]


@hookimpl
def townkpi_register_checks() -> list[type[Check]]:
    """The checks of this module."""
    return []
