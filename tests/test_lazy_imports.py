"""``import townkpi`` is lean: every public name but the errors is imported on first use.

Start-up time itself is measured in ``benchmarks/run.py``; these tests check the structure that
keeps it short, not the time.
"""

import importlib
import subprocess
import sys

import townkpi
from townkpi.errors import TownkpiError

#: Modules that ``import townkpi`` must not load: they load when first used.
HEAVY = ("pint", "pluggy", "rich", "numpy", "townkpi.extract", "townkpi.checks", "townkpi.plugins")


def _run(code):
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_import_townkpi_loads_none_of_the_heavy_modules():
    loaded = _run(f"import sys, townkpi; print(*[m for m in {HEAVY!r} if m in sys.modules])")
    assert loaded == []


def test_the_command_line_parser_loads_none_of_them_either():
    code = (
        "import sys; from townkpi.cli import build_parser; build_parser(); "
        f"print(*[m for m in {HEAVY!r} if m in sys.modules])"
    )
    assert _run(code) == []


def test_every_public_name_is_lazy_or_an_error():
    lazy = set(townkpi._LAZY)
    errors = {name for name in townkpi.__all__ if name.endswith("Error")}
    assert lazy | errors == set(townkpi.__all__)
    assert all(issubclass(getattr(townkpi, name), TownkpiError) for name in errors - lazy)


def test_every_public_name_resolves_to_the_object_of_its_module():
    for name, module in townkpi._LAZY.items():
        assert getattr(townkpi, name) is getattr(importlib.import_module(module), name), name


def test_extract_stays_the_function_when_its_subpackage_is_imported_first():
    code = (
        "import importlib, townkpi; importlib.import_module('townkpi.extract.mentions'); "
        "print(callable(townkpi.extract), type(townkpi.extract).__name__)"
    )
    assert _run(code) == ["True", "function"]
