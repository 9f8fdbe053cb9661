"""The ``townkpi`` command line.

Each subcommand lives in a module of its own under `townkpi.cli` that offers
``add_parser(subparsers)`` and ``run(args) -> int``; [`COMMANDS`][townkpi.cli.COMMANDS] lists them
in the order ``townkpi --help`` shows them. Heavy imports happen inside ``run`` so that start-up
stays fast.

Exit status: 0 clean, 1 findings at or above ``--fail-on``, 2 bad usage or unreadable input. An
input error prints one line (``townkpi: E-DECODE report.txt: …``), never a traceback.
The commands that read files ([`READERS`][townkpi.cli.READERS]) take ``--max-bytes SIZE``: files
larger than SIZE (bytes, or with a unit: ``500k``, ``50MB``, ``64MiB``) are refused with
``E-TOO-LARGE`` (default: 20 MiB).
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Callable, Sequence
from typing import Final, Protocol

from townkpi.errors import TownkpiError

__all__ = ["COMMANDS", "READERS", "main", "parse_size"]

#: The modules that provide subcommands, in help order.
COMMANDS: Final = (
    "townkpi.cli.facts",
    "townkpi.cli.check",
    "townkpi.cli.targets",
    "townkpi.cli.plugins",
    "townkpi.cli.batch",
)

#: The subcommands that read report files, which take ``--max-bytes``.
READERS: Final = ("facts", "check", "targets", "batch")

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_USAGE: Final = 2
_SIZE: Final = re.compile(r"\s*(?P<n>[0-9]+)\s*(?P<unit>(?:[kKMG]i?)?B?)\s*")
_SIZE_UNITS: Final = {"": 1, "k": 10**3, "K": 10**3, "M": 10**6, "G": 10**9,
                      "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}  # fmt: skip


def parse_size(text: str) -> int:
    """A size in bytes: ``1000``, ``500k``, ``50MB``, ``64MiB`` (k, M, G are powers of 1000).

    Raises:
        argparse.ArgumentTypeError: Not a size of at least one byte.
    """
    m = _SIZE.fullmatch(text)
    unit = m["unit"].removesuffix("B") if m else ""
    if m is None or unit not in _SIZE_UNITS or int(m["n"]) < 1:
        raise argparse.ArgumentTypeError(f"not a size of at least 1 byte: {text!r}")
    return int(m["n"]) * _SIZE_UNITS[unit]


class _Command(Protocol):
    def add_parser(self, subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        """Add the subcommand's parser; it must set ``func`` to ``run`` via ``set_defaults``."""

    def run(self, args: argparse.Namespace) -> int:
        """Run the subcommand and return the exit status."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand of [`COMMANDS`][townkpi.cli.COMMANDS]."""
    parser = argparse.ArgumentParser(
        prog="townkpi",
        description="Typed, unit-checked facts from Chinese local-government work reports.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMANDS:
        module: _Command = importlib.import_module(name)
        module.add_parser(sub)
    for name in (r for r in READERS if r in sub.choices):
        sub.choices[name].add_argument(
            "--max-bytes",
            metavar="SIZE",
            type=parse_size,
            default=None,
            help="refuse files larger than SIZE: bytes, or 500k, 50MB, 64MiB (default: 20MiB)",
        )
    return parser


def _run(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a subcommand, within its ``--max-bytes`` size limit when one is given."""
    max_bytes: int | None = getattr(args, "max_bytes", None)
    if max_bytes is None:
        return int(func(args))
    from townkpi.document import size_limit  # noqa: PLC0415 - heavy imports only when run

    with size_limit(max_bytes):
        return int(func(args))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).

    Returns:
        The exit status.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    if args.version:
        from townkpi import __version__  # noqa: PLC0415

        print(f"townkpi {__version__}")
        return EXIT_OK
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return _run(func, args)
    except TownkpiError as exc:
        print(f"townkpi: {exc.code} {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `townkpi facts x | head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
