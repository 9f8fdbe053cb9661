"""Reading a report: bytes to text, and character offsets to lines and columns.

A [`Document`][townkpi.document.Document] is the decoded text of one report plus where it came from.
[`decode`][townkpi.document.decode] accepts UTF-8 (with or without a BOM), UTF-16 with a BOM, and
GB18030/GBK; HTML is reduced to its text (tags dropped, entities resolved) and all offsets refer to
that decoded text. Input that is empty, binary or undecodable raises
[`InputError`][townkpi.errors.InputError] with a code and a one-line message naming the position.
[`read_document`][townkpi.document.read_document] refuses files over a size limit:
[`DEFAULT_MAX_BYTES`][townkpi.document.DEFAULT_MAX_BYTES], or the limit set for a block of code with
[`size_limit`][townkpi.document.size_limit] (as ``--max-bytes`` of the command line does).
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Final

import attrs

from townkpi.errors import InputError
from townkpi.model import Span

__all__ = ["DEFAULT_MAX_BYTES", "Document", "decode", "read_document", "size_limit"]

DEFAULT_MAX_BYTES: Final = 20 * 1024 * 1024
"""Reports larger than this (bytes) are refused unless a larger limit is given: 20 MiB."""

_MAX_BYTES: contextvars.ContextVar[int] = contextvars.ContextVar(
    "townkpi_max_bytes", default=DEFAULT_MAX_BYTES
)

_HTML_SNIFF: Final = re.compile(
    rb"^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)", re.IGNORECASE
)
#: How many leading bytes are inspected for binary content.
_BINARY_SNIFF_BYTES: Final = 65536
#: C0 control bytes that plain text never contains (tab, LF, FF, CR and ESC are allowed).
_BINARY_BYTES: Final = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_BLOCK_TAGS: Final = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
     "table", "ul", "ol", "title", "td", "th", "hr", "header", "footer"}
)  # fmt: skip


@attrs.frozen(slots=True, kw_only=True)
class Document:
    """The decoded text of one report.

    Attributes:
        source: Where it came from (a path or a name).
        text: The decoded text; every offset in townkpi refers to it.
        encoding: The encoding it was decoded from (``utf-8``, ``utf-8-sig``, ``gb18030`` …, or
            ``str`` for text handed over as a string).
    """

    source: str
    text: str
    encoding: str = "str"
    _line_starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", self.text))
        object.__setattr__(self, "_line_starts", tuple(starts))

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of a character offset."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def span(self, start: int, end: int) -> Span:
        """A [`Span`][townkpi.model.Span] with its line and column filled in."""
        line, column = self.line_column(start)
        return Span(start=start, end=end, line=line, column=column)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[start:end]


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    def unknown_decl(self, data: str) -> None:
        if data.upper().startswith("CDATA["):  # <![CDATA[…]]> holds text
            self.handle_data(data[len("CDATA[") :])

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # html.parser raises AssertionError on a <![ it cannot read (<![foo, <![ x): keep it as text
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.handle_data(self.rawdata[i : i + 3])
            return i + 3


def _html_to_text(markup: str) -> str:
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)  # entities are resolved once, by the parser (&amp;lt; is &lt;)
    text = re.sub(r"[ \t\r\f\v]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _looks_binary(data: bytes) -> int | None:
    """The offset of a byte that plain text never has (NUL or most C0 controls), if any."""
    for i, b in enumerate(data[:_BINARY_SNIFF_BYTES]):
        if b in _BINARY_BYTES:
            return i
    return None


def decode(data: bytes, source: str = "<bytes>") -> Document:
    """Decode the bytes of a report.

    Tries, in order: a BOM (UTF-8, UTF-16), strict UTF-8, then GB18030 (a superset of GBK and
    GB2312). HTML (recognised by its opening) is reduced to text.

    Args:
        data: The raw bytes.
        source: A name for messages.

    Returns:
        The decoded document.

    Raises:
        InputError: Empty, binary or undecodable input (codes ``E-EMPTY``, ``E-BINARY``,
            ``E-DECODE``), naming the byte offset of the problem.
    """
    if not data.strip():
        raise InputError(source, "empty input: no text to read", "E-EMPTY")
    text: str | None = None
    encoding = ""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                source, f"not valid {encoding} at byte {exc.start}", "E-DECODE", exc.start
            ) from exc
    else:
        bad = _looks_binary(data)
        if bad is not None:
            reason = f"binary data, not text (byte 0x{data[bad]:02x} at offset {bad})"
            raise InputError(source, reason, "E-BINARY", bad)
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as utf8_error:
            try:
                text, encoding = data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError as exc:
                raise InputError(
                    source,
                    f"neither UTF-8 (byte {utf8_error.start}) nor GB18030 (byte {exc.start})",
                    "E-DECODE",
                    utf8_error.start,
                ) from exc
    if _HTML_SNIFF.match(data[:512].lstrip(b"\xef\xbb\xbf")):
        text = _html_to_text(text)
        encoding = f"{encoding}+html"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "empty input: no text to read", "E-EMPTY")
    return Document(source=source, text=text, encoding=encoding)


@contextlib.contextmanager
def size_limit(max_bytes: int) -> Iterator[None]:
    """Within the block, files larger than ``max_bytes`` are refused by every reader.

    [`read_document`][townkpi.document.read_document] (and so every loader of reports, tables and
    actuals built on it) uses this limit when it is given none.

    Args:
        max_bytes: The largest file size accepted, in bytes (at least 1).

    Raises:
        ValueError: ``max_bytes`` is below 1.

    Example:
        >>> with size_limit(1024):
        ...     pass  # read_document(path) refuses files over 1 KiB here
    """
    if max_bytes < 1:
        raise ValueError(f"the size limit must be at least 1 byte, not {max_bytes}")
    token = _MAX_BYTES.set(max_bytes)
    try:
        yield
    finally:
        _MAX_BYTES.reset(token)


def read_document(path: str | os.PathLike[str], max_bytes: int | None = None) -> Document:
    """Read and decode a report from a file.

    Args:
        path: The file.
        max_bytes: Refuse files larger than this (default: the limit of the enclosing
            [`size_limit`][townkpi.document.size_limit], else
            [`DEFAULT_MAX_BYTES`][townkpi.document.DEFAULT_MAX_BYTES]).

    Raises:
        InputError: Missing (``E-MISSING``), a directory (``E-DIRECTORY``), too large
            (``E-TOO-LARGE``), unreadable (``E-INPUT``), or any error of
            [`decode`][townkpi.document.decode].
    """
    p = Path(path)
    name = str(path)
    if max_bytes is None:
        max_bytes = _MAX_BYTES.get()
    if p.is_dir():
        raise InputError(name, "is a directory, not a report file", "E-DIRECTORY")
    if not p.exists():
        raise InputError(name, "no such file", "E-MISSING")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            reason = f"file of {size} bytes is over the limit of {max_bytes} bytes"
            raise InputError(name, reason, "E-TOO-LARGE")
        with p.open("rb") as f:  # never more than the limit: a device or a growing file
            data = f.read(max_bytes + 1)
        if len(data) > max_bytes:
            reason = f"more than the limit of {max_bytes} bytes to read"
            raise InputError(name, reason, "E-TOO-LARGE")
    except OSError as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(name, f"cannot read: {exc.strerror or exc}", "E-INPUT") from exc
    return decode(data, name)
