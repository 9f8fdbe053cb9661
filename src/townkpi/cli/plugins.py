"""``townkpi plugins``: list the plugins with their versions, hooks and check codes.

Built-in plugins are listed like installed ones. A plugin that could not be loaded is listed
after the others with the reason, and the command exits with 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Final

__all__ = ["add_parser", "run"]

EXIT_OK: Final = 0
EXIT_FAULTS: Final = 1


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``townkpi plugins`` to the command line."""
    parser = subparsers.add_parser(
        "plugins",
        help="list the plugins, their versions, hooks and check codes",
        description="List every plugin townkpi loads (built-in and installed).",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--disable-plugin",
        metavar="NAME",
        action="append",
        default=[],
        help="do not load this plugin (repeatable)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``townkpi plugins``."""
    from townkpi.plugins import PluginHost  # noqa: PLC0415 - heavy imports only when run

    host = PluginHost.create(disabled=args.disable_plugin)
    plugins = host.plugins()
    faults = host.faults
    if args.format == "json":
        data = {
            "plugins": [p.to_dict() for p in plugins],
            "faults": [f.to_dict() for f in faults],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for p in plugins:
            origin = "built-in" if p.builtin else "installed"
            print(f"{p.name} {p.version or '(unknown version)'} [{origin}]")
            print(f"    hooks: {', '.join(p.hooks) or '-'}")
            if p.checks:
                print(f"    checks: {', '.join(p.checks)}")
            if p.indicators:
                print(f"    indicators: {p.indicators}")
        for f in faults:
            print(f"FAULT {f}")
    return EXIT_FAULTS if faults else EXIT_OK
