"""Run the examples in the docstrings of every townkpi module and in the docs pages.

This test collects them itself rather than using ``--doctest-modules``: under
``--import-mode=importlib`` pytest executes a module of an already imported package a second
time for doctest collection, so its classes (``NumberFormatError`` …) would differ from the ones
the rest of the package raises and uses.
"""

import copy
import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import townkpi

OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

#: Modules whose docstrings must carry examples (the value layer and the model).
MUST_HAVE_EXAMPLES = {
    "townkpi.errors",
    "townkpi.interval",
    "townkpi.numbers",
    "townkpi.units",
    "townkpi.model",
}


def _module_names() -> list[str]:
    found = pkgutil.walk_packages(townkpi.__path__, prefix=f"{townkpi.__name__}.")
    # Importing a __main__ module would start the command line.
    names = [info.name for info in found if info.name.rsplit(".", 1)[-1] != "__main__"]
    return sorted([townkpi.__name__, *names])


def _doctests() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    tests: list[doctest.DocTest] = []
    for name in _module_names():
        module = importlib.import_module(name)
        tests.extend(t for t in finder.find(module, name) if t.examples)
    return sorted(tests, key=lambda t: t.name)


DOCTESTS = _doctests()

DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"
DOC_PAGES = sorted(p for p in DOCS_DIR.rglob("*.md") if ">>> " in p.read_text(encoding="utf-8"))


def test_the_value_layer_has_examples():
    modules_with_examples = {".".join(t.name.split(".")[:2]) for t in DOCTESTS}
    assert modules_with_examples >= MUST_HAVE_EXAMPLES


@pytest.mark.parametrize("test", DOCTESTS, ids=[t.name for t in DOCTESTS])
def test_docstring_examples(test):
    runner = doctest.DocTestRunner(optionflags=OPTIONS)
    output: list[str] = []
    fresh = copy.copy(test)
    fresh.globs = dict(test.globs)
    result = runner.run(fresh, out=output.append)
    assert result.failed == 0, "".join(output)


@pytest.mark.parametrize("page", DOC_PAGES, ids=[str(p.relative_to(DOCS_DIR)) for p in DOC_PAGES])
def test_docs_page_examples(page):
    # Python sessions in the pages (```pycon blocks) run as doctests; a blank line ends the
    # expected output before the closing fence.
    text = page.read_text(encoding="utf-8")
    test = doctest.DocTestParser().get_doctest(text, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=OPTIONS)
    output: list[str] = []
    result = runner.run(test, out=output.append)
    assert result.failed == 0, "".join(output)


def test_the_units_explanation_has_examples():
    assert DOCS_DIR / "explanation" / "units.md" in DOC_PAGES
