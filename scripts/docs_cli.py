"""mkdocs hook: the command-line reference, generated from the argument parser at build time.

``mkdocs.yml`` lists this file under ``hooks``. A page asks for the reference with the marker
``<!-- townkpi:cli -->`` on a line of its own; it becomes the ``--help`` of ``townkpi`` and of each
subcommand of [`COMMANDS`][townkpi.cli.COMMANDS], exactly as the command prints it, so the page
always shows the options that exist.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator

from townkpi.cli import COMMANDS, main

CLI_MARKER = "<!-- townkpi:cli -->"
#: The width the help is formatted to (argparse reads COLUMNS).
HELP_WIDTH = "100"


@contextlib.contextmanager
def _columns(width: str) -> Iterator[None]:
    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = width
    try:
        yield
    finally:
        if before is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = before


def command_names() -> list[str]:
    """The subcommands, in help order: the last part of each module of ``COMMANDS``."""
    return [module.rsplit(".", 1)[1] for module in COMMANDS]


def help_text(*argv: str) -> str:
    """What ``townkpi ARGV --help`` prints."""
    out = io.StringIO()
    with _columns(HELP_WIDTH), contextlib.redirect_stdout(out):
        status = main([*argv, "--help"])
    if status != 0:
        raise RuntimeError(f"townkpi {' '.join(argv)} --help exited with {status}")
    return out.getvalue().rstrip() + "\n"


def cli_reference() -> str:
    """Markdown: the help of ``townkpi`` and of every subcommand, each under its own heading."""
    parts = ["## `townkpi`", "", "```text", help_text().rstrip(), "```", ""]
    for name in command_names():
        parts += [f"## `townkpi {name}`", "", "```text", help_text(name).rstrip(), "```", ""]
    return "\n".join(parts)


def on_page_markdown(markdown: str, **_: object) -> str:
    """Replace the marker of the command-line reference in a page's Markdown."""
    if CLI_MARKER in markdown:
        markdown = markdown.replace(CLI_MARKER, cli_reference())
    return markdown
