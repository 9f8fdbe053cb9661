"""The JSON Lines store: one JSON object per file, appended as each file is done.

Each line is [`file_object`][townkpi.batch.rows.file_object]: the file's row (``path, sha256,
size, source, year, title, encoding, status, error_code, error, faults``), then its ``facts``
(objects of the facts JSON contract), ``skipped``, ``findings`` (objects of the check JSON
contract, with ``seq``), ``targets`` and ``counts`` (findings by severity). A line cut short by an
interrupted run is not counted as done, so the next run does that file again.
"""

from __future__ import annotations

import json
from collections.abc import Set
from pathlib import Path
from types import TracebackType

from townkpi.batch.result import FileResult
from townkpi.batch.rows import file_object
from townkpi.errors import InputError

__all__ = ["JsonlStore", "read_done"]


def read_done(path: Path) -> frozenset[tuple[str, str]]:
    """The ``(path, sha256)`` of every complete line of a JSON Lines output."""
    done: set[tuple[str, str]] = set()
    if not path.exists():
        return frozenset()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                obj = json.loads(line)
                done.add((str(obj["path"]), str(obj["sha256"])))
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short: that file is done again
    return frozenset(done)


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as fh:
        if fh.seek(0, 2) == 0:
            return True
        fh.seek(-1, 2)
        return fh.read(1) == b"\n"


class JsonlStore:
    """A batch's results as JSON Lines, appended to the file (created when missing).

    Args:
        path: The ``.jsonl`` file.

    Raises:
        InputError: The file cannot be read or written.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        try:
            self._done = read_done(path)
            self._fh = path.open("a", encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(path), f"cannot use as JSON Lines output: {exc}") from exc
        if not _ends_with_newline(path):
            self._fh.write("\n")  # end a line cut short, so that new lines stand alone

    @property
    def path(self) -> Path:
        """The output file."""
        return self._path

    def done(self) -> Set[tuple[str, str]]:
        """The ``(path, sha256)`` of every file already written."""
        return self._done

    def write(self, result: FileResult) -> None:
        """Append the file's object as one line, flushed."""
        self._fh.write(json.dumps(file_object(result), ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        """Close the file."""
        self._fh.close()

    def __enter__(self) -> JsonlStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
