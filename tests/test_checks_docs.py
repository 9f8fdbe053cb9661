"""The checks catalogue and the hooks reference are complete (datasette's test_docs, for checks)."""

import inspect
import sys

import griffe
import pytest

from conftest import REPO_ROOT
from townkpi import hookspecs
from townkpi.plugins import PluginHost

sys.path.insert(0, str(REPO_ROOT / "scripts"))
import docs_checks

HOST = PluginHost.create(entry_points=False)
CHECKS = HOST.checks()
HOOKS = [name for name, fn in vars(hookspecs).items() if name.startswith("townkpi_")]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_every_check_documents_itself(check):
    assert check.description
    assert check.summary(), f"{check.code} has no explanation"
    examples = check.examples()
    assert examples.wrong, f"{check.code} has no 反例 section"
    assert examples.right, f"{check.code} has no 正例 section"
    assert examples.wrong != examples.right


def test_the_generated_catalogue_lists_every_check_with_its_examples():
    page = docs_checks.checks_catalogue(HOST)
    for check in CHECKS:
        assert f"### {check.code} `{check.name}`" in page
        assert check.examples().wrong in page
        assert check.examples().right in page


def test_the_checks_page_asks_for_the_catalogue():
    page = (REPO_ROOT / "docs" / "reference" / "checks.md").read_text(encoding="utf-8")
    assert docs_checks.CHECKS_MARKER in page


def test_the_indicator_page_lists_every_indicator():
    table = docs_checks.indicator_catalog(HOST.catalog())
    for ind in HOST.catalog():
        assert f"| {ind.name} |" in table


def test_every_hook_is_typed_and_documented():
    assert set(HOOKS) == {
        "townkpi_register_checks",
        "townkpi_register_indicators",
        "townkpi_add_units",
        "townkpi_register_patterns",
        "townkpi_configure",
    }
    module = griffe.load("townkpi.hookspecs", search_paths=[str(REPO_ROOT / "src")])
    for name in HOOKS:
        fn = module[name]
        assert fn.docstring is not None, name
        sections = {s.kind.value for s in fn.docstring.parse("google")}
        assert "returns" in sections or "parameters" in sections, name
        signature = inspect.signature(getattr(hookspecs, name))
        assert signature.return_annotation is not inspect.Signature.empty, name


def test_the_hooks_page_renders_the_hookspecs_module():
    page = (REPO_ROOT / "docs" / "reference" / "hooks.md").read_text(encoding="utf-8")
    assert "::: townkpi.hookspecs" in page
    assert "members:" not in page  # no hook is left out
