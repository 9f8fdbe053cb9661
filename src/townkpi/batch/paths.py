"""The files of a batch: [`expand_paths`][townkpi.batch.paths.expand_paths].

Files are taken as given; a directory stands for every file beneath it (recursively, in sorted
order, hidden files and directories left out). A path that does not exist is kept, so that the
batch records it as ``E-MISSING`` rather than losing it. Each file appears once, in the order
first met.

Example:
    >>> from pathlib import Path
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     for name in ("b.txt", "a.txt", ".hidden", "sub/c.txt"):
    ...         p = Path(tmp, name)
    ...         p.parent.mkdir(exist_ok=True)
    ...         _ = p.write_text("x")
    ...     names = [Path(p).relative_to(tmp).as_posix() for p in expand_paths([tmp])]
    >>> print(*names)
    a.txt b.txt sub/c.txt
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["expand_paths"]


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> tuple[str, ...]:
    """Every file the paths name: files as given, directories expanded to their files.

    Args:
        paths: Files and directories.

    Returns:
        File paths as strings, without duplicates, in the order first met (a directory's files
        sorted by their path).
    """
    out: dict[str, None] = {}
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = (f for f in p.rglob("*") if f.is_file() and not _hidden(f, p))
            out.update((str(f), None) for f in sorted(found))
        else:
            out[str(p)] = None
    return tuple(out)
