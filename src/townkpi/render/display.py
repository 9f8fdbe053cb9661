r"""Text for a terminal: display widths of Chinese text, and control characters made harmless.

Chinese characters take two columns of a terminal, so an underline under ``拆迁169户`` must be
measured in display columns, not characters. Text from a report may also contain control
characters (an escape sequence that would recolour the terminal, a bidirectional override that
would reorder what the reader sees); [`printable`][townkpi.render.display.printable] replaces each
with U+FFFD before it is printed.

Examples:
    >>> width("拆迁169户")
    9
    >>> printable("a\x1b[31mb")
    'a�[31mb'
"""

from __future__ import annotations

import unicodedata
from typing import Final

__all__ = ["REPLACEMENT", "char_width", "printable", "width"]

REPLACEMENT: Final = "\ufffd"
"""What a control or format character is replaced with."""

_WIDE: Final = frozenset({"W", "F"})
_ZERO: Final = frozenset({"Mn", "Me"})
_HIDDEN: Final = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def char_width(c: str) -> int:
    """Columns one character takes in a terminal: 2 for wide (CJK), 0 for combining marks."""
    if unicodedata.category(c) in _ZERO:
        return 0
    return 2 if unicodedata.east_asian_width(c) in _WIDE else 1


def width(text: str) -> int:
    """Columns a string takes in a terminal."""
    return sum(char_width(c) for c in text)


def printable(text: str, *, newlines: bool = False) -> str:
    """``text`` with tabs as spaces and every other control or format character as U+FFFD.

    Each character is replaced by one character, so offsets into the text stay valid.

    Args:
        text: The text to show.
        newlines: Keep line breaks; otherwise they are replaced too, so pass one line
            at a time.
    """
    out = []
    for c in text:
        if c == "\n" and newlines:
            out.append(c)
        elif c == "\t":
            out.append(" ")
        elif c.isprintable() or unicodedata.category(c) not in _HIDDEN:
            out.append(c)
        else:
            out.append(REPLACEMENT)
    return "".join(out)
