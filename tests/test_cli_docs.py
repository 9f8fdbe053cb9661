"""The command-line reference and the renderers reference leave nothing out."""

import pkgutil
import sys

import townkpi.render
from conftest import REPO_ROOT
from townkpi.cli import COMMANDS

sys.path.insert(0, str(REPO_ROOT / "scripts"))
import docs_cli

REFERENCE = REPO_ROOT / "docs" / "reference"


def test_the_cli_page_asks_for_the_generated_reference():
    assert docs_cli.CLI_MARKER in (REFERENCE / "cli.md").read_text(encoding="utf-8")


def test_every_subcommand_is_in_the_cli_reference_with_its_help():
    page = docs_cli.cli_reference()
    assert "usage: townkpi [-h]" in page
    for module in COMMANDS:
        name = module.rsplit(".", 1)[1]
        assert f"## `townkpi {name}`" in page
        assert f"usage: townkpi {name} " in page


def test_the_check_reference_lists_every_output_format():
    help_text = docs_cli.help_text("check")
    assert "--format {text,json,csv,sarif,html}" in help_text
    assert "--output FILE" in help_text
    assert "--actuals SOURCE" in help_text


def test_the_renderers_page_renders_every_render_module():
    page = (REFERENCE / "render.md").read_text(encoding="utf-8")
    modules = [m.name for m in pkgutil.iter_modules(townkpi.render.__path__)]
    assert modules
    for name in ["townkpi.render", *(f"townkpi.render.{m}" for m in modules), "townkpi.frame"]:
        assert f"::: {name}\n" in page, name
