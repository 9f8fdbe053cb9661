"""The exceptions townkpi raises.

townkpi collects problems in a report as findings and returns them; it raises only for misuse of
the API or for input it cannot read at all. Every exception derives from
[`TownkpiError`][townkpi.errors.TownkpiError], and most also derive from the matching builtin
(`ValueError`, `OSError`, `TypeError`), so that code which already catches those keeps working.

Each error carries structured fields (the offending text, its position, a stable ``code``) and a
one-line ``str()`` that names them, and pickles cleanly (``__reduce__``) so batch workers can send
them across processes.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "DimensionMismatchError",
    "InputError",
    "NumberFormatError",
    "PluginError",
    "TownkpiError",
    "UnitError",
]


class TownkpiError(Exception):
    """Base class of every exception raised by townkpi.

    Attributes:
        code: A stable, machine-readable code for the kind of error (for example ``E-NUMBER``).
    """

    code: str = "E-TOWNKPI"


class NumberFormatError(TownkpiError, ValueError):
    """A written number could not be read.

    Args:
        text: The text that was being read.
        position: The character offset of the problem within ``text``.
        reason: What is wrong, in a few words.

    Example:
        >>> from townkpi.numbers import parse_numeral
        >>> try:
        ...     parse_numeral("12.3.4")
        ... except NumberFormatError as error:
        ...     print(error)
        ...     print(error.position, error.reason)
        cannot read '12.3.4' as a number at position 4: stray character '.'
        4 stray character '.'
    """

    code = "E-NUMBER"

    def __init__(self, text: str, position: int, reason: str) -> None:
        self.text = text
        self.position = position
        self.reason = reason
        super().__init__(f"cannot read {text!r} as a number at position {position}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.text, self.position, self.reason))


class UnitError(TownkpiError, ValueError):
    """A unit string is not known to townkpi's unit registry.

    Args:
        unit: The unit as written.
        reason: Why it was rejected.
        position: The character offset of the unit in the source text, when known.
    """

    code = "E-UNIT"

    def __init__(
        self, unit: str, reason: str = "unknown unit", position: int | None = None
    ) -> None:
        self.unit = unit
        self.reason = reason
        self.position = position
        where = "" if position is None else f" at position {position}"
        super().__init__(f"{reason}: {unit!r}{where}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.unit, self.reason, self.position))


class DimensionMismatchError(TownkpiError, TypeError):
    """Two quantities of different dimensions were combined.

    For example 户 with 人, 元 with 美元, or % with 个百分点.

    Args:
        left: The first unit as written.
        right: The second unit as written.
        operation: What was attempted (``add``, ``compare`` …).
    """

    code = "E-DIMENSION"

    def __init__(self, left: str, right: str, operation: str = "combine") -> None:
        self.left = left
        self.right = right
        self.operation = operation
        super().__init__(f"cannot {operation} {left!r} with {right!r}: different dimensions")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.left, self.right, self.operation))


class InputError(TownkpiError, OSError):
    """A source could not be read as a report.

    It is missing, a directory, too large, empty, binary or undecodable.

    Args:
        source: The name or path of the source.
        reason: One line saying what is wrong, including a byte or character position when known.
        code: A stable code: ``E-MISSING``, ``E-DIRECTORY``, ``E-TOO-LARGE``, ``E-EMPTY``,
            ``E-DECODE``, ``E-BINARY`` or ``E-INPUT``.
        position: The byte offset of the problem, when known.
    """

    def __init__(
        self, source: str, reason: str, code: str = "E-INPUT", position: int | None = None
    ) -> None:
        self.source = source
        self.reason = reason
        self.code = code
        self.position = position
        super().__init__(f"{source}: {reason}")

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.reason, self.code, self.position))


class PluginError(TownkpiError, RuntimeError):
    """A plugin could not be loaded or registered.

    Args:
        plugin: The plugin's name (its entry-point name or module).
        reason: What went wrong.
        version: The plugin distribution's version, when known.
    """

    code = "E-PLUGIN"

    def __init__(self, plugin: str, reason: str, version: str | None = None) -> None:
        self.plugin = plugin
        self.reason = reason
        self.version = version
        label = plugin if version is None else f"{plugin} {version}"
        super().__init__(f"plugin {label}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.plugin, self.reason, self.version))
