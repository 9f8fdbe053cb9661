"""The code in the docs runs, and what it shows is what it prints.

For every page under ``docs/``, in page order, in a scratch directory holding the example report
(as ``examples/guanhaiwei/report.txt`` and as ``report.txt``, with its actuals files):

- each ```` ```python ```` block runs, the blocks of a page in one module namespace; a comment line
  ``# …`` right after a ``print(…)`` line is output the block must print;
- each ```` ```console ```` (or ``bash``, ``shell``, ``sh``) line that calls ``townkpi`` runs
  through the command line's ``main`` in the same process and must exit with 0 or 1 (findings),
  never 2. In a block with ``$ `` prompts, the lines after a command are its output and must appear
  in it, in order (runs of spaces compared as one; a line ``…`` stands for lines left out).

A block preceded by ``<!-- norun -->`` is not run; keep those few. Blocks with ``>>>`` prompts are
doctests, run by ``test_doctests.py``. The Python blocks of pages with a test of their own
([`DEDICATED`]) are run by that test.
"""

from __future__ import annotations

import re
import shlex
import shutil
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from townkpi.cli import main

DOCS = REPO_ROOT / "docs"
EXAMPLE = REPO_ROOT / "examples" / "guanhaiwei"
NORUN = "<!-- norun -->"
#: At most this many blocks may be marked not to run.
MAX_NORUN = 5
PYTHON = {"python", "py"}
SHELL = {"console", "bash", "shell", "sh"}
#: Pages whose Python blocks a test of their own runs, in order, checking what they print.
DEDICATED = {
    "how-to/records.md": "test_records_docs.py",
    "how-to/write-a-plugin.md": "test_plugin_docs.py",
    "how-to/evaluate-targets.md": "test_targets_docs.py",
}

_FENCE = re.compile(
    r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<code>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL
)


@dataclass(frozen=True)
class Block:
    page: str
    lang: str
    code: str
    line: int
    norun: bool

    @property
    def where(self) -> str:
        return f"docs/{self.page}:{self.line}"


def _blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    page = path.relative_to(DOCS).as_posix()
    out = []
    for m in _FENCE.finditer(text):
        before = [ln for ln in text[: m.start()].splitlines() if ln.strip()]
        out.append(
            Block(
                page=page,
                lang=m["lang"].lower(),
                code=m["code"],
                line=text.count("\n", 0, m.start()) + 1,
                norun=bool(before) and before[-1].strip() == NORUN,
            )
        )
    return out


def _runnable(block: Block) -> bool:
    if block.norun:
        return False
    if block.lang in PYTHON:
        return block.page not in DEDICATED and ">>>" not in block.code
    return block.lang in SHELL and any(argv[:1] == ["townkpi"] for argv, _ in _commands(block))


def _commands(block: Block) -> list[tuple[list[str], list[str]]]:
    """Each command line of a shell block (split like a shell) and the output lines shown."""
    lines = block.code.splitlines()
    prompted = any(ln.startswith("$ ") for ln in lines)
    out: list[tuple[list[str], list[str]]] = []
    for line in lines:
        if prompted and not line.startswith("$ "):
            if out:
                out[-1][1].append(line)
            continue
        command = line[2:] if prompted else line
        if command.strip():
            out.append((shlex.split(command, comments=True), []))
    return out


def _expected_prints(code: str) -> list[str]:
    expected, after_print = [], False
    for line in code.splitlines():
        if after_print and line.startswith("# "):
            expected.append(line[2:])
            continue
        after_print = line.startswith("print(")
    return expected


def _squash(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


def _assert_shown(where: str, shown: list[str], printed: str) -> None:
    """The shown lines appear in the printed ones, in order; ``…`` skips any number of lines."""
    printed_lines = [_squash(ln) for ln in printed.splitlines()]
    i = 0
    for line in shown:
        want = _squash(line)
        if want in {"", "…", "..."}:
            continue
        while i < len(printed_lines) and printed_lines[i] != want:
            i += 1
        assert i < len(printed_lines), f"{where}: not printed (in this order): {line!r}"
        i += 1


PAGES = sorted(DOCS.rglob("*.md"))
RUNNABLE = [p for p in PAGES if any(_runnable(b) for b in _blocks(p))]


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    target = tmp_path / "examples" / "guanhaiwei"
    target.mkdir(parents=True)
    for name in ("report.txt", "actuals-2024.toml", "actuals-2024.csv"):
        shutil.copyfile(EXAMPLE / name, target / name)
        shutil.copyfile(EXAMPLE / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("path", RUNNABLE, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_the_code_of_the_page_runs(path, sandbox, monkeypatch, capsys):
    module = types.ModuleType("townkpi_docs_" + re.sub(r"\W", "_", path.stem))
    monkeypatch.setitem(sys.modules, module.__name__, module)
    for block in _blocks(path):
        if not _runnable(block):
            continue
        if block.lang in PYTHON:
            exec(compile(block.code, block.where, "exec"), module.__dict__)
            _assert_shown(block.where, _expected_prints(block.code), capsys.readouterr().out)
            continue
        for argv, shown in _commands(block):
            if argv[:1] != ["townkpi"]:
                continue
            status = main(argv[1:])
            captured = capsys.readouterr()
            assert status in {0, 1}, (
                f"{block.where}: {shlex.join(argv)} exited {status}: {captured.err}"
            )
            _assert_shown(block.where, shown, captured.out)


def test_the_pages_with_their_own_test_have_it():
    for page, test in DEDICATED.items():
        assert (DOCS / page).is_file(), page
        assert (REPO_ROOT / "tests" / test).is_file(), test


def test_few_blocks_are_left_unrun():
    norun = [b.where for p in PAGES for b in _blocks(p) if b.norun]
    assert len(norun) <= MAX_NORUN, norun


def test_the_tutorial_and_the_how_tos_have_code_that_runs():
    pages = {p.relative_to(DOCS).as_posix() for p in RUNNABLE}
    assert {"tutorial/index.md", "how-to/output-formats.md", "how-to/add-units.md"} <= pages
    assert "how-to/add-indicators.md" in pages
