"""The ``townkpi`` command line.

Each subcommand lives in a module of its own under `townkpi.cli` that offers
``add_parser(subparsers)`` and ``run(args) -> int``; [`COMMANDS`][townkpi.cli.COMMANDS] lists them
in the order ``townkpi --help`` shows them. Heavy imports happen inside ``run`` so that start-up
stays fast.

Exit status: 0 clean, 1 findings at or above ``--fail-on``, 2 bad usage or unreadable input. An
input error prints one line (``townkpi: E-DECODE report.txt: …``), never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Final, Protocol

from townkpi.errors import TownkpiError

__all__ = ["COMMANDS", "main"]

#: The modules that provide subcommands, in help order.
COMMANDS: Final = (
    "townkpi.cli.facts",
    "townkpi.cli.check",
    "townkpi.cli.targets",
    "townkpi.cli.plugins",
    "townkpi.cli.batch",
)

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_USAGE: Final = 2


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
    return parser


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
        return int(func(args))
    except TownkpiError as exc:
        print(f"townkpi: {exc.code} {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `townkpi facts x | head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
