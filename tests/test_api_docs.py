"""Every public name is documented, and the API reference renders every one of them.

The docstrings are read with griffe, as mkdocstrings reads them to render the reference: a name
without a docstring would be left out of ``docs/reference/api.md``'s rendered page.
"""

import re
from pathlib import Path

import griffe
import pytest

import townkpi

REPO_ROOT = Path(__file__).resolve().parent.parent
REFERENCE = REPO_ROOT / "docs" / "reference"

#: The modules of the value layer and the model, each rendered on the "Values and model" page.
VALUE_MODULES = [
    "townkpi.errors",
    "townkpi.interval",
    "townkpi.numbers",
    "townkpi.units",
    "townkpi.model",
    "townkpi.document",
    "townkpi.serialize",
]

_DIRECTIVE = re.compile(r"^::: *(?P<identifier>[\w.]+) *$")


def _directives(page: Path) -> dict[str, str]:
    """The mkdocstrings directives of a page: identifier → its indented options block."""
    found: dict[str, str] = {}
    current: str | None = None
    for line in page.read_text(encoding="utf-8").splitlines():
        m = _DIRECTIVE.match(line)
        if m:
            current = m["identifier"]
            found[current] = ""
        elif current is not None and line.startswith(" "):
            found[current] += line.strip() + "\n"
        else:
            current = None
    return found


@pytest.fixture(scope="module")
def package() -> griffe.Module:
    loaded = griffe.load("townkpi", search_paths=[str(REPO_ROOT / "src")])
    assert isinstance(loaded, griffe.Module)
    return loaded


def _has_docstring(obj: griffe.Object | griffe.Alias) -> bool:
    docstring = obj.docstring
    return docstring is not None and bool(docstring.value.strip())


def test_exports_are_unique_and_exist():
    assert len(townkpi.__all__) == len(set(townkpi.__all__))
    missing = [name for name in townkpi.__all__ if not hasattr(townkpi, name)]
    assert not missing


@pytest.mark.parametrize("name", townkpi.__all__)
def test_every_export_has_a_docstring(package, name):
    assert _has_docstring(package[name]), f"townkpi.{name} has no docstring"


def test_the_package_docstring_guides_the_reader(package):
    assert _has_docstring(package)


def test_api_page_covers_every_export():
    directives = _directives(REFERENCE / "api.md")
    covered: set[str] = set()
    if "townkpi" in directives:
        options = directives["townkpi"]
        # The whole package is rendered: every name of __all__, unless members are restricted
        # or a filter hides public names.
        assert "members:" not in options, "api.md restricts the members of ::: townkpi"
        for pattern in re.findall(r'"(!\^[^"]*)"', options):
            hidden = [n for n in townkpi.__all__ if re.match(pattern[1:], n)]
            assert not hidden, f"filter {pattern} hides {hidden}"
        covered.update(townkpi.__all__)
    covered.update(ident.removeprefix("townkpi.") for ident in directives if ident.count(".") == 1)
    missing = sorted(set(townkpi.__all__) - covered)
    assert not missing, f"not in docs/reference/api.md: {missing}"


def test_values_page_renders_every_value_module():
    directives = _directives(REFERENCE / "values.md")
    assert [d for d in directives if d in VALUE_MODULES] == VALUE_MODULES


@pytest.mark.parametrize("module", VALUE_MODULES)
def test_every_name_of_a_value_module_has_a_docstring(package, module):
    mod = package[module.removeprefix("townkpi.")]
    assert _has_docstring(mod), f"{module} has no module docstring"
    exported = mod.exports or []
    assert exported, f"{module} declares no __all__"
    undocumented = [str(n) for n in exported if not _has_docstring(mod[str(n)])]
    assert not undocumented, f"{module}: no docstring for {undocumented}"


def test_reference_pages_are_in_the_nav():
    nav = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in ("reference/api.md", "reference/values.md", "reference/units.md"):
        assert page in nav
    assert "explanation/units.md" in nav
